// TimeStage: finds time expressions and normalises them to TIMEX3 values
// against the publication date (the document creation time, DCT).
//
// First version (the time-expressions issue replaces its insides with a rule
// engine over data files): weekdays relative to the DCT ("on Tuesday"), years
// ("in 2008", "a 2008 decision"), full dates ("November 29, 2022",
// "29 November 2022", "2022-11-29"), months ("in March", "March 2022"),
// decades, seasons, "today"/"yesterday"/"tomorrow", "last/next/this week",
// durations ("two-day", "three weeks") and the fuzzy references ("the coming
// months" -> FUTURE_REF, "recently" -> PAST_REF, "now" -> PRESENT_REF).
//
// Without a publication date, expressions that need one keep X's in their
// value ("XXXX-XX-XX") and the document gets one warning; they are never
// resolved against today's date.
//
// Reads: tokens, sentences.  Writes: timexes (sorted by span, non-overlapping).
// The words come from extract/data/<lang>/time_words.tsv, months.tsv,
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
