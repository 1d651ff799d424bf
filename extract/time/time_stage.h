// TimeStage: finds time expressions and normalises them to TIMEX3 values
// against the publication date (the document creation time, DCT).
//
// Two matchers share the walk over each sentence (time_matcher.h): the
// token-pattern rules of time/rules.txt (time_rules.h: calendar dates, dates
// with weekdays and clock times, month and year, seasons, quarters and halves
// of a year, ISO weeks, decades, centuries, "'08", "two days later") and the
// built-in matcher for what needs context tests (weekdays and months resolved
// by tense, "May"/"March" as words, years versus counts, "last/this/next",
// modifiers "early"/"the end of", durations, sets, parts of day, clock times,
// the fuzzy references "the coming months" -> FUTURE_REF). The longer match
// wins; a rule wins a tie.
//
// Without a publication date, expressions that need one keep X's in their
// value ("XXXX-XX-XX") and the document gets one warning; they are never
// resolved against today's date.
//
// Reads: tokens, sentences.  Writes: timexes (sorted by span, non-overlapping).
// The words come from extract/data/<lang>/time/time_words.tsv, months.tsv,
// weekdays.tsv and numbers.tsv (see time_vocabulary.h), the token-pattern
// rules from time/rules.txt (time_rules.h); Run() fails with
// InvalidArgument "file:line: reason" when one of their entries is malformed.

#ifndef TKG_EXTRACT_TIME_TIME_STAGE_H_
#define TKG_EXTRACT_TIME_TIME_STAGE_H_

#include <memory>

#include "core/status.h"
#include "extract/pipeline.h"
#include "extract/resources.h"

namespace tkg {

class TimeVocabulary;
class TimeRules;

class TimeStage final : public Stage {
 public:
  explicit TimeStage(std::shared_ptr<const Resources> res);
  ~TimeStage() override;

  std::string_view name() const override { return "time"; }
  Layers Requires() const override { return Layer::kTokens | Layer::kSentences; }
  Layers Provides() const override { return Layer::kTimexes; }
  Status Run(Document* doc) const override;

 private:
  std::shared_ptr<const Resources> res_;
  // The rules of time/rules.txt (time_rules.h); their literals point into vocab_.
  std::unique_ptr<TimeRules> rules_;
  std::unique_ptr<const TimeVocabulary> vocab_;  // null when vocab_status_ is an error
  Status vocab_status_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_TIME_TIME_STAGE_H_
