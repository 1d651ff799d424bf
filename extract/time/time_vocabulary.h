// TimeVocabulary: the words the time stage knows, merged from the lexicons it
// reads (months.tsv, weekdays.tsv, numbers.tsv, time/time_words.tsv and the
// function words) into one table of typed entries, so that classifying a
// token costs one hash lookup and no string parsing.
//
// A key is a folded word or phrase (core/text.h Fold()). One key may carry
// facts from several files: "may" is a month (ambiguous) and a function word,
// "some" is a number word ("some years") and an approximation ("some 1500").
// Phrases ("the coming months", "a couple of") are entries of their own; the
// entry of a phrase's first word records the longest phrase it starts, so a
// caller tries phrase lookups only where one can match.
//
// Thread-safety: immutable after Build(); share freely.

#ifndef TKG_EXTRACT_TIME_TIME_VOCABULARY_H_
#define TKG_EXTRACT_TIME_TIME_VOCABULARY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "extract/resources.h"

namespace tkg {

class TimeRules;

// The kind of a time_words.tsv entry (see the header of that file).
enum class TimeWordKind : std::uint8_t {
  kNone,
  kRelDate,    // today, yesterday; value = day offset, part_of_day optional
  kFuzzy,      // recently; text = PAST_REF ...
  kSet,        // weekly; text = P1W
  kEvery,      // every, each
  kPartOfDay,  // morning; text = MO
  kClock,      // noon; value = minutes after midnight
  kAmPm,       // a.m., p.m.; value = 0 or 12
  kZone,       // EST
  kSeason,     // winter; value = 0 spring .. 3 winter
  kUnit,       // weeks; unit, plural
  kDeictic,    // last, this, next; value = -1, 0, 1
  kOrdinal,    // third; value = 3
  kMod,        // early, the end of; text = START
  kApprox,     // about, more than; text = APPROX
  kAgo,        // ago, later; value = -1 or 1
  kTrigger,    // in, since; value 1: "year", 2: "duration" (see time_words.tsv)
  kCountNoun,  // people (after a number: a count, not a year)
  kDet,        // the
  kFiscal,     // fiscal
  kTense,      // will; value = -1 past, 0 present, 1 future
  kStop,       // as soon as: a phrase that is no expression
  kRelPeriod,  // the latest quarter; unit, value = offset from the DCT's period
  kAdjSuffix,  // long: "day-long"
  kAge,        // old: "52 years old" is an age, not a duration
  kExtra,      // more, additional: "two more weeks"
};

// Duration and calendar units.
enum class TimeUnit : std::uint8_t {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kFortnight,
  kWeekend,
  kMonth,
  kQuarter,
  kHalf,
  kYear,
  kDecade,
  kCentury,
};

// A number word's value when it names no exact count ("several", "a few").
inline constexpr double kSomeNumber = -1.0;
// No number.
inline constexpr double kNoNumber = -2.0;

struct TimeWord {
  // months.tsv and weekdays.tsv
  std::uint8_t month = 0;    // 1..12, 0 when not a month name
  std::uint8_t weekday = 0;  // ISO 1..7, 0 when not a weekday name
  bool month_ambiguous = false;
  bool weekday_ambiguous = false;
  // numbers.tsv: the value, kSomeNumber for "several", kNoNumber otherwise.
  double number = kNoNumber;
  // function_words.tsv: any class; class "det" ("the", "a", "its").
  bool function_word = false;
  bool determiner = false;

  // time_words.tsv
  TimeWordKind kind = TimeWordKind::kNone;
  int value = 0;                    // see TimeWordKind
  TimeUnit unit = TimeUnit::kNone;  // kUnit
  bool plural = false;              // kUnit
  bool ambiguous = false;           // kSeason: needs a trigger or a deictic
  bool duration_only = false;       // kDeictic "past"
  bool deadline = false;            // kTrigger "by", "until": a month after it is not in the past
  std::string text;  // fuzzy/set value, part of day, mod, approx; kDeictic: fuzzy value alone
  std::string part_of_day;  // kRelDate option ("NI" for "tonight")

  std::uint8_t words = 1;         // words in this entry's own key
  std::uint8_t phrase_words = 0;  // longest phrase (>= 2 words) starting with this word
  bool prefix = false;            // a longer phrase starts with this key (for PhraseAt)
  bool can_start = false;         // may begin a time expression (a cheap pre-test)
  bool rule_start = false;        // a literal that may begin a rule of time/rules.txt

  bool IsNumber() const { return number != kNoNumber; }
};

class TimeVocabulary {
 public:
  // Builds the table from `res`. Fails with InvalidArgument
  // "path:line: reason" when an entry of months.tsv, weekdays.tsv,
  // numbers.tsv or time_words.tsv has a value its kind does not allow.
  // When `rules` is given, every literal word of its patterns gets an entry
  // (a rule's first word may start an expression) and each PatternItem's
  // `entries` is set to them, so that matching a literal is a pointer test.
  static Result<std::unique_ptr<const TimeVocabulary>> Build(const Resources& res,
                                                             TimeRules* rules = nullptr);

  // The entry for a folded word or phrase, or nullptr. Never allocates.
  const TimeWord* Find(std::string_view folded) const {
    // Open addressing over a power-of-two table, probed linearly: the hot
    // path of the stage (one lookup per word token), so no std::hash and no
    // modulo by a prime.
    const std::uint64_t h = HashKey(folded);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.word == nullptr) return nullptr;
      if (s.hash == h && *s.key == folded) return s.word;
    }
  }
  // FNV-1a, 64-bit.
  static std::uint64_t HashKey(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return h;
  }
  // The largest number of words of any phrase.
  std::size_t max_words() const { return max_words_; }
  // The length in bytes of the longest one-word key: longer tokens need no lookup.
  std::size_t max_word_bytes() const { return max_word_bytes_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct Eq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };

  TimeVocabulary() = default;
  // The entry of `key`, created (with its word count) when missing.
  TimeWord* Entry(const std::string& key);
  // Sets can_start on `key` and on its first word.
  void MarkStart(const std::string& key);

  // Fills slots_ from index_; called once at the end of Build().
  void Freeze();

  struct Slot {
    std::uint64_t hash = 0;
    const std::string* key = nullptr;
    const TimeWord* word = nullptr;  // nullptr: empty slot
  };

  std::unordered_map<std::string, TimeWord, Hash, Eq> index_;  // owns the entries
  std::vector<Slot> slots_;                                    // the lookup table
  std::size_t mask_ = 0;
  std::size_t max_words_ = 1;
  std::size_t max_word_bytes_ = 0;
};

// The TIMEX3 letter(s) of a unit in a duration ("D", "W", "M", "Y", "DE",
// "CE", "Q"; "H", "M", "S" after the "T" of PT..), and whether it is a time
// (PT..) unit. kWeekend and kHalf have no duration letter ("").
std::string_view UnitLetter(TimeUnit u);
bool IsClockUnit(TimeUnit u);

}  // namespace tkg

#endif  // TKG_EXTRACT_TIME_TIME_VOCABULARY_H_
