// TimeMatcher: the token patterns behind TimeStage, for one document.
//
// For every sentence it walks the tokens left to right; at each token that
// may begin an expression it reads an optional prefix (an approximation
// "about", a modifier "early" / "the end of", "the", a deictic "last" /
// "this" / "next", "fiscal", an ordinal "third") and then a head (a weekday,
// a month, a number, a unit, a season, ...), and asks the head's rule
// whether it accepts that prefix. A data phrase from time_words.tsv ("the
// coming months") and the rules of time/rules.txt (time_rules.h) compete
// with the structural reading; the longest wins (a rule wins a tie), and the
// walk continues after it, so expressions never overlap.
//
// Values that depend on the publication date (DCT) are resolved against it.
// The tense that picks the past or the future occurrence of a bare weekday
// or month comes from the parse when the syntax stage ran
// (TenseFromParse(): the verb the expression hangs on). Without a parse, or
// when it does not tell, it is a cheap cue: the nearest tense
// marker within 12 tokens of the expression, an auxiliary or modal from
// time_words.tsv ("will", "is to", "plans to"), a verb form from verbs.tsv, or an
// unknown lower-case word ending in "-ed" (past unless a future marker is just
// before it); a reporting verb ("said") counts only right before the
// expression. Without a DCT they keep X's ("XXXX-XX-XX") and are counted;
// they are never resolved against today's date.
//
// Never allocates per token: folding uses one scratch string, the per-token
// word table is one vector per document.
//
// Thread-safety: one TimeMatcher per Run (per document, per thread).

#ifndef TKG_EXTRACT_TIME_TIME_MATCHER_H_
#define TKG_EXTRACT_TIME_TIME_MATCHER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "extract/document.h"
#include "extract/resources.h"
#include "extract/time/calendar.h"
#include "extract/time/time_rules.h"
#include "extract/time/time_vocabulary.h"

namespace tkg {

class TimeMatcher {
 public:
  // `vocab`, `rules`, `res` and `doc` must outlive the matcher. `rules` must
  // be the rules the vocabulary was built with (their literals point into it).
  TimeMatcher(const TimeVocabulary& vocab, const TimeRules& rules, const Resources& res,
              Document* doc);

  TimeMatcher(const TimeMatcher&) = delete;
  TimeMatcher& operator=(const TimeMatcher&) = delete;

  // Appends the time expressions of every sentence to doc->mutable_timexes()
  // (sorted, non-overlapping). Returns how many needed the DCT and did not
  // have one (0 when the document has a DCT).
  int Run();

 private:
  // kPlanned: a past plan of an event ("planned a rally on Saturday"), whose
  // day is the nearest one.
  enum class Tense : std::int8_t { kUnknown, kPast, kPresent, kFuture, kPlanned };

  // What was read before the head of an expression.
  struct Prefix {
    std::uint32_t start = 0;  // first token of the expression
    bool every = false;       // "every", "each"
    bool approx = false;      // "about", "more than"
    bool mod = false;         // "early", "the end of", "earlier" (before "this")
    std::int32_t the = -1;    // token index of "the"
    bool deictic = false;
    std::uint32_t deictic_at = 0;   // token index of the deictic
    int deictic_value = 0;          // -1 last, 0 this, 1 next
    bool deictic_duration = false;  // "past": only before durations
    bool fiscal = false;
    int ordinal = 0;  // "third" -> 3
  };
  // Which prefix parts a head accepts.
  enum Allow : unsigned {
    kAllowNone = 0,
    kAllowApprox = 1u << 0,
    kAllowMod = 1u << 1,
    kAllowThe = 1u << 2,
    kAllowDeictic = 1u << 3,
    kAllowFiscal = 1u << 4,
    kAllowOrdinal = 1u << 5,
  };

  // One expression found in the current sentence.
  struct Found {
    std::uint32_t first = 0, end = 0;  // tokens [first, end)
    TimexType type = TimexType::kDate;
    TimeAnchor anchor;
    bool relative = false;    // computed from the DCT
    bool unresolved = false;  // needed the DCT, which is missing
    int clock = -1;           // a time of day (minutes) whose date comes from context
    bool anchored = false;    // computed from an earlier expression: never an anchor itself
    RuleRef rule;
  };

  // A month name with its day and year, as read by MonthDateAt().
  struct MonthDate {
    unsigned month = 0;
    unsigned day = 0;  // 0: no day ("March 2022")
    int year = 0;      // 0: no year ("November 29")
    std::uint32_t end = 0;
  };
  // A cardinal number read by NumberAt().
  struct Number {
    double value = 0;
    bool some = false;  // "several", "a few": no exact count
    bool word = false;  // written as words
    std::uint32_t end = 0;
  };
  // A clock time read by ClockAt().
  struct Clock {
    int minutes = 0;  // after midnight
    std::uint32_t end = 0;
  };

  // What a rule's slot matched.
  struct SlotValue {
    int value = 0;
    const TimeWord* word = nullptr;
    bool set = false;
  };

  static bool Accepts(const Prefix& p, unsigned allowed);

  // Rules of the data file (time_rules.h): the longest match of any rule at
  // token i, the first rule in file order on a tie.
  bool MatchRules(std::uint32_t i, Found* f);
  // The kFeature* bits of token i (time_rules.h).
  std::uint32_t FeaturesAt(std::uint32_t i) const;
  // Matches r.items[idx..] from token k; on success *end is the end token.
  bool MatchItems(const TimeRule& r, std::size_t idx, std::uint32_t k, SlotValue* slots,
                  std::uint32_t* end);
  // One item at token k: its value and the token after it.
  bool MatchItem(const PatternItem& item, std::uint32_t k, SlotValue* v, std::uint32_t* next);
  // Applies the rule's normaliser; false when the slots make no valid value.
  bool Normalise(const TimeRule& r, const SlotValue* slots, std::uint32_t first, std::uint32_t end,
                 Found* f);
  // The anchor of "two days later": the last expression with an interval
  // that was not itself computed from another, or nullptr.
  const TimeAnchor* PreviousAnchor() const;
  // The same, among expressions not resolved against the DCT.
  // With `first`/`end`, also the tokens of the expression it came from.
  const TimeAnchor* PreviousAbsolute(std::uint32_t* first = nullptr,
                                     std::uint32_t* end = nullptr) const;
  // The last quarter or half named so far ("the 1988 quarter" is that
  // quarter in 1988), or nullptr.
  const TimeAnchor* PreviousPeriod() const;
  // In a narrative (Narrative()) and unless `tense` is future: the year of
  // PreviousAbsolute() when it is two or more years from the DCT's, the year
  // for a month or season named without one ("In 1944 ... in mid-December").
  std::optional<int> NarrativeYear(Tense tense) const;
  // `base` moved by n units (n < 0: earlier), at the base's grain when that
  // is finer than the unit's ("a year earlier" than a quarter is a quarter).
  static std::optional<TimeAnchor> Shift(const TimeAnchor& base, int n, TimeUnit u);

  void RunSentence(const Sentence& s);
  bool MatchAt(std::uint32_t i, Found* f);
  // A day number after a date and "and" / "or" ("April 24 and 25"), in
  // that date's month.
  bool ConjoinedDay(const Found& f, Found* g);
  // "the day before/after" + a day at token i + 3 (token i is "the").
  bool DayBeforeAfter(std::uint32_t i, Found* f);
  // A part of day (`part`: "AF") of the DCT, or of "yesterday" or a weekday
  // at token k (then kept in the span); sets f->end, the anchor and type.
  void DayOfPartOfDay(std::uint32_t k, std::string_view part, Found* f);
  bool MatchPhrase(std::uint32_t i, Found* f);
  bool MatchStructure(std::uint32_t i, Found* f);
  // Resolves clock times without a date of their own against their
  // neighbours ("Friday at 10 a.m.") or the DCT.
  void ResolveClocks();

  // Heads. Each returns false when it does not match or does not accept a
  // part of the prefix (the walk then tries again one token later).
  bool Weekday(const Prefix& p, std::uint32_t h, Found* f);
  bool Month(const Prefix& p, std::uint32_t h, Found* f);
  bool RelDate(const Prefix& p, std::uint32_t h, Found* f);
  bool Season(const Prefix& p, std::uint32_t h, Found* f);
  bool PartOfDay(const Prefix& p, std::uint32_t h, Found* f);
  bool UnitHead(const Prefix& p, std::uint32_t h, Found* f);
  bool NumberHead(const Prefix& p, std::uint32_t h, Found* f);
  bool Duration(const Prefix& p, std::uint32_t h, Found* f);
  bool Year(const Prefix& p, std::uint32_t h, Found* f);
  bool Decade(const Prefix& p, std::uint32_t h, Found* f);
  bool ClockHead(const Prefix& p, std::uint32_t h, Found* f);
  bool Hyphenated(const Prefix& p, std::uint32_t h, Found* f);
  bool OrdinalPeriod(const Prefix& p, TimeUnit u, std::uint32_t h, Found* f);
  // "of" + a decade at token k ("of the '80s"): extends f to it, with its value.
  bool DecadeAfterOf(std::uint32_t k, Found* f);
  bool Set(const Prefix& p, std::uint32_t h, Found* f);

  // Readers of token sequences.
  bool MonthDateAt(std::uint32_t k, MonthDate* md);
  bool NumberAt(std::uint32_t k, Number* n);
  // Tokens k.. are "and a half".
  bool AndAHalfAt(std::uint32_t k) const;
  // Adds "and a half" after the count to it: "two and a half (years)".
  void HalfAfter(Number* n) const;
  bool ClockAt(std::uint32_t k, Clock* c);
  int DayAt(std::uint32_t k) const;                    // 1..31 ("29", "29th"), else 0
  int YearAt(std::uint32_t k) const;                   // 4-digit number 1000..2999, else 0
  long DigitsAt(std::uint32_t k, int* ndigits) const;  // all-digit token value, else -1
  const TimeWord* PhraseAt(std::uint32_t k, bool (*want)(const TimeWord&), std::uint32_t* end);
  const TimeWord* Lookup(std::string_view text);  // folds into scratch_
  void AppendFolded(std::string_view text);       // Fold(text) onto scratch_

  // Resolution helpers.
  Tense TenseNear(std::uint32_t first, std::uint32_t end);
  // The tense of the clause that governs tokens [first, end) in the parse:
  // the verb the expression hangs on (through nouns it modifies), its
  // auxiliaries and form ("will meet", "had met", "met", "is meeting"), and
  // for an infinitive the verb above it ("plans to meet Monday"). kUnknown
  // without a parse or when the parse does not tell; TenseNear() then falls
  // back on the words around the expression.
  Tense TenseFromParse(std::uint32_t first, std::uint32_t end) const;
  // The tense token k marks; `adjacent_before`: k is one or two tokens
  // before the expression, or a few after one that opens the sentence (a
  // reporting verb there dates the expression).
  Tense TenseAt(std::uint32_t k, bool adjacent_before);
  bool FutureMarkerBefore(std::uint32_t k, std::uint32_t span);
  // The year of a month named without one ("in March", "Nov. 16"), from the
  // tense around tokens [first, end): future -> this or the next occurrence,
  // past -> this or the last one (but one at most two months ahead is kept),
  // unknown -> the nearest one. REQUIRES: dct_.
  date::year_month MonthNear(unsigned month, std::uint32_t first, std::uint32_t end);
  // Value/interval of a day, with an optional "T.." suffix; X value without DCT.
  void SetDay(std::optional<date::sys_days> day, std::string_view suffix, Found* f);
  void SetShifted(int n, TimeUnit u, Found* f);
  // The day `day` of `ym`; a value-only anchor when that day does not exist
  // ("Feb. 29" resolved to a common year).
  static TimeAnchor MonthDayAnchor(date::year_month ym,
                                   unsigned day);  // DCT + n units, at the unit's grain
  std::string DurationValue(const Number& n, TimeUnit u) const;

  // Token tests.
  bool InSentence(std::uint32_t k) const { return k >= sb_ && k < se_; }
  const TimeWord* W(std::uint32_t k) const { return InSentence(k) ? words_[k] : nullptr; }
  TimeWordKind KindAt(std::uint32_t k) const {
    const TimeWord* w = W(k);
    return w == nullptr ? TimeWordKind::kNone : w->kind;
  }
  bool Cap(std::uint32_t k) const { return tokens_[k].Has(kTokCapitalized); }
  std::string_view Text(std::uint32_t k) const { return tokens_[k].span.In(text_); }
  bool IsPunct(std::uint32_t k, char c) const;
  bool BoundaryAfter(std::uint32_t k) const;  // end, punctuation or a function word
  bool TriggerBefore(std::uint32_t k) const;  // token k-1 is a trigger word
  // Token k-1 is a deadline word ("until", "by"): a weekday after it is
  // this one or a later one ("postponed until Tuesday").
  bool DeadlineBefore(std::uint32_t k) const;

  const TimeVocabulary& vocab_;
  const TimeRules& rules_;
  const Resources& res_;
  Document* doc_;
  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::optional<date::sys_days> dct_;
  std::vector<const TimeWord*> words_;  // per token
  // Per token: FeaturesAt(), computed when first asked for.
  static constexpr std::uint32_t kFeaturesUnknown = 0xFFFFFFFFu;
  std::vector<std::uint32_t> features_;
  SlotValue slots_[kMaxRuleSlots];  // MatchRules()'s scratch, reset per rule
  std::uint32_t Features(std::uint32_t k) {
    if (features_[k] == kFeaturesUnknown) features_[k] = FeaturesAt(k);
    return features_[k];
  }
  std::vector<Found> found_;  // current sentence
  std::string scratch_;       // folding buffer
  // PhraseAt()'s entries for one token (the last one asked about).
  static constexpr std::size_t kMemoSize = 8;
  std::uint32_t memo_token_ = UINT32_MAX, memo_end_ = 0;
  std::size_t memo_count_ = 0;
  const TimeWord* memo_words_[kMemoSize] = {};
  std::uint32_t memo_ends_[kMemoSize] = {};
  std::uint32_t sb_ = 0, se_ = 0;  // current sentence's tokens
  int unresolved_ = 0;
  // The last expression of the document so far with an interval: the anchor
  // of "two days later" and "a year earlier".
  std::optional<TimeAnchor> last_dated_;
  std::optional<TimeAnchor> last_period_;    // the last quarter or half
  std::optional<TimeAnchor> last_absolute_;  // the last of those not resolved against the DCT
  std::uint32_t last_absolute_first_ = 0, last_absolute_end_ = 0;  // its tokens
  // Dated expressions (year grain or finer) of the document so far, two or
  // more years away from the DCT and not.
  int far_dated_ = 0, near_dated_ = 0;
  // A narrative text: at least 3 far dates, more than twice the near ones.
  bool Narrative() const { return far_dated_ >= 3 && far_dated_ > 2 * near_dated_; }
};

}  // namespace tkg

#endif  // TKG_EXTRACT_TIME_TIME_MATCHER_H_
