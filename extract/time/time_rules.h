// TimeRules: the time stage's token-pattern rules, read from a data file
// (extract/data/<lang>/time/rules.txt; the format is in docs/data_format.md).
//
// A rule names its parts instead of numbering them:
//
//   rule     time.date.month_day_year
//   match    {month:MONTH} {day:DAY} ,? {year:YEAR}
//   type     DATE
//   value    date(year, month, day)
//   example  2022-11-29 | It opened on November 29, 2022. | November 29, 2022 | 2022-11-29
//
// A pattern is a sequence of items, each matching one token or, for the
// CLOCK and NUMBER classes, a few: a token class with a slot name
// ({month:MONTH}) or without one ({UNIT}), a literal word or punctuation mark
// ("of", ","), or alternatives of literals ("(from|since)"). A trailing "?"
// makes an item optional; a leading "!" makes it a test that the next token
// does not match, a leading "&" one that it does (neither consumes it:
// "{month:MONTH} {day:DAY} !{UNIT}", "the year &(ended|ending)"). There is no repetition,
// so a rule tries at most 2^(optional items) paths at a start token and a document is scanned in
// time linear in its length. The value is a normaliser applied to slot names (date(year, month,
// day)); the normalisers and the classes are listed in time_rules.cc and docs/data_format.md. Every
// example is executable: `tkg check-rules` and the unit tests run it through the time stage under
// its publication date ("-" for none) and expect the span and value given.
//
// Thread-safety: immutable after Parse(); share freely.

#ifndef TKG_EXTRACT_TIME_TIME_RULES_H_
#define TKG_EXTRACT_TIME_TIME_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/document.h"

namespace tkg {

struct TimeWord;

// What one pattern item matches.
enum class TokenClass : std::uint8_t {
  kLiteral,     // one of `words` (folded) or a punctuation mark
  kMonth,       // a capitalised month name ("November", "Nov."); value 1..12
  kWeekday,     // a capitalised, unambiguous weekday name; value ISO 1..7
  kDay,         // "29", "29th"; value 1..31
  kYear,        // four digits 1000..2999
  kYear2,       // two digits, written after an apostrophe ("'08"); value 0..99
  kNumber,      // digits or number words ("two", "twenty four"); integer value
  kUnit,        // a duration unit word ("days", "year"); value: TimeUnit
  kSeason,      // "winter"; value 0 spring .. 3 winter
  kOrdinal,     // "third", "3rd"; value n
  kDecade,      // "1990s"; value 1990
  kPartOfDay,   // "morning"; value index into the part-of-day codes
  kClock,       // "10:35 a.m.", "3 p.m. EST", "noon"; value minutes after midnight
  kWeekNumber,  // "W48" or "48" after "week"; value 1..53
};

// The normaliser that turns a rule's slots into a TIMEX3 value.
enum class Normaliser : std::uint8_t {
  kDate,           // date(year, month, day), date(month, day): year from the DCT and tense
  kMonth,          // month(year, month)
  kYear,           // year(year)
  kYear2,          // year2(yy): 19yy or 20yy, whichever is not after the DCT's year
  kSeason,         // season(year, season)
  kQuarter,        // quarter(year, n)
  kHalf,           // half(year, n)
  kWeek,           // week(year, n): ISO week
  kDecade,         // decade(decade)
  kCentury,        // century(n): the n-th century, "19" for the 20th
  kDuration,       // duration(n, unit)
  kLater,          // later(n, unit): n units after the previous dated expression (or the DCT)
  kEarlier,        // earlier(n, unit): n units before it
  kDateTime,       // datetime(year, month, day, clock), datetime(month, day, clock)
  kNthWeekday,     // nth_weekday(month, n, weekday): "Thanksgiving" = nth_weekday(11, 4, 4)
  kSame,           // same(unit): the unit's period that holds the previous dated expression
  kDctQuarter,     // dct_quarter(offset, n): quarter n of the DCT's year + offset
  kInYear,         // in_year(year): the period of the previous dated expression in that year
  kSamePeriod,     // same_period(n): the last quarter or half named, n years away
  kReference,      // ref(PAST_REF): a fixed value
  kWeekdayBefore,  // weekday_before(weekday): that weekday before the previous dated day
  kWeekOf,         // week_of(year, month, day), week_of(month, day): the ISO week of that day
  kDatePart,       // date_part(year, month, day, part), date_part(month, day, part): "TMO" added
  kThatYear,       // that_year(month), that_year(month, day): in the previous dated year
  kEaster,         // easter(offset): Easter Sunday + offset days, the year by the DCT and tense
  kEasterWeek,     // easter_week(): the ISO week of Easter Sunday
};

struct PatternItem {
  TokenClass cls = TokenClass::kLiteral;
  std::vector<std::string> words;  // kLiteral: folded alternatives
  // kLiteral: the vocabulary entries of `words` (set by the time stage when
  // it builds its vocabulary), nullptr for punctuation.
  std::vector<const TimeWord*> entries;
  int slot = -1;           // index into TimeRule::slots, -1 when unnamed
  bool optional = false;   // "?" after the item
  bool negated = false;    // "!" before it: the next token must NOT match (consumes nothing)
  bool lookahead = false;  // "&" before it: the next token must match (consumes nothing)
};

struct RuleExample {
  std::string dct;  // "YYYY-MM-DD", or "" for none
  std::string text;
  std::string span;   // the expected expression's text
  std::string value;  // its expected TIMEX3 value
  int line = 0;
};

// The most slots one pattern may name.
inline constexpr std::size_t kMaxRuleSlots = 8;

struct TimeRule {
  std::string name;
  RuleRef ref;
  int line = 0;  // of the "rule" line
  TimexType type = TimexType::kDate;
  std::vector<PatternItem> items;
  std::vector<std::string> slots;  // slot names, in pattern order
  Normaliser norm = Normaliser::kReference;
  // The normaliser's arguments: a slot index, or -1 for a number written in
  // the rule (its value is then in `constants` at the same position).
  std::vector<int> args;
  std::vector<int> constants;
  std::string literal;  // kReference: the value
  std::vector<RuleExample> examples;
  // The token features (kFeature* bits) of which one must hold at the first
  // token of a match: a cheap test before the rule is tried.
  std::uint32_t start_features = 0;
  // The features of the first required item, and how many tokens after the
  // start it may be (the optional items before it): "the? {season:SEASON}"
  // needs a season at the start token or the next one.
  std::uint32_t anchor_features = 0;
  std::uint32_t anchor_offset = 0;
  // The index in `items` of that first required item.
  std::size_t anchor_item = 0;
  // The index of the required item right after it when the anchor item takes
  // exactly one token (a literal or a one-token class), else kNoItem: a
  // second cheap test ("the week of" is not tried at every "the").
  static constexpr std::size_t kNoItem = static_cast<std::size_t>(-1);
  std::size_t second_item = kNoItem;
};

// Token features for the start test of rules (see TimeRule::start_features).
enum : std::uint32_t {
  kFeatureDigit = 1u << 0,       // a number token or a word with digits
  kFeatureMonth = 1u << 1,       // a capitalised month name
  kFeatureWeekday = 1u << 2,     // a weekday name
  kFeatureNumberWord = 1u << 3,  // a number word, or a hyphenated word ("twenty-four")
  kFeatureUnit = 1u << 4,        // a unit word
  kFeatureSeason = 1u << 5,      // a season word
  kFeatureOrdinal = 1u << 6,     // an ordinal word
  kFeaturePartOfDay = 1u << 7,   // a part-of-day word
  kFeatureClockWord = 1u << 8,   // "noon", "midnight"
  kFeatureRuleWord = 1u << 9,    // a literal that may begin a rule (TimeWord::rule_start)
  kFeaturePunct = 1u << 10,      // punctuation or a quote
};
// The features that token class `cls` needs.
std::uint32_t FeaturesOf(TokenClass cls);

class TimeRules {
 public:
  TimeRules() = default;

  // Parses a rules file. Fails with InvalidArgument "path:line: reason" for
  // an unknown key, class or normaliser, a slot used twice or never
  // defined, a wrong number of normaliser arguments, a malformed example, or
  // a rule without a pattern, a value or an example.
  static Result<TimeRules> Parse(std::string_view path, std::string_view text);

  const std::vector<TimeRule>& rules() const { return rules_; }
  // The first kIndexed rules are indexed by the token features they may
  // start at (TimeRule::start_features); the others are tried everywhere.
  static constexpr std::size_t kIndexed = 64;
  // Bit r set: rule r (< kIndexed) may start at a token with `features`.
  std::uint64_t RulesFor(std::uint32_t features) const {
    std::uint64_t m = 0;
    for (int b = 0; b < kFeatureBits; ++b) {
      if (features & (1u << b)) m |= by_feature_[b];
    }
    return m;
  }
  std::vector<TimeRule>* mutable_rules() { return &rules_; }
  const std::string& path() const { return path_; }

 private:
  static constexpr int kFeatureBits = 11;
  std::string path_;
  std::vector<TimeRule> rules_;
  std::uint64_t by_feature_[kFeatureBits] = {};
};

// The class named `name` ("MONTH"), or false.
bool TokenClassFromName(std::string_view name, TokenClass* out);

}  // namespace tkg

#endif  // TKG_EXTRACT_TIME_TIME_RULES_H_
