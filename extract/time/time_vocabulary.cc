#include "extract/time/time_vocabulary.h"

#include <charconv>
#include <cstdlib>

#include "extract/time/time_rules.h"

namespace tkg {
namespace {

Status Bad(const Lexicon& lex, const LexiconEntry& e, std::string_view why) {
  return Status::InvalidArgument(lex.name() + ":" + std::to_string(e.line) + ": '" + e.surface +
                                 "': " + std::string(why));
}

bool ParseInt(std::string_view s, int* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseNumber(std::string_view s, double* out) {
  if (s == "X") {
    *out = kSomeNumber;
    return true;
  }
  if (s.empty() || s.size() > 20) return false;
  // std::from_chars for double is not in every standard library this project
  // builds with; strtod on a NUL-terminated copy is enough for load time.
  std::string copy(s);
  char* end = nullptr;
  double v = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || v < 0) return false;
  *out = v;
  return true;
}

std::size_t WordCount(std::string_view key) {
  std::size_t n = 1;
  for (char c : key) n += c == ' ' ? 1 : 0;
  return n;
}

struct KindName {
  std::string_view name;
  TimeWordKind kind;
};
constexpr KindName kKinds[] = {
    {"reldate", TimeWordKind::kRelDate},
    {"fuzzy", TimeWordKind::kFuzzy},
    {"set", TimeWordKind::kSet},
    {"every", TimeWordKind::kEvery},
    {"partofday", TimeWordKind::kPartOfDay},
    {"clock", TimeWordKind::kClock},
    {"ampm", TimeWordKind::kAmPm},
    {"zone", TimeWordKind::kZone},
    {"season", TimeWordKind::kSeason},
    {"unit", TimeWordKind::kUnit},
    {"deictic", TimeWordKind::kDeictic},
    {"ordinal", TimeWordKind::kOrdinal},
    {"mod", TimeWordKind::kMod},
    {"approx", TimeWordKind::kApprox},
    {"ago", TimeWordKind::kAgo},
    {"trigger", TimeWordKind::kTrigger},
    {"countnoun", TimeWordKind::kCountNoun},
    {"det", TimeWordKind::kDet},
    {"fiscal", TimeWordKind::kFiscal},
    {"tense", TimeWordKind::kTense},
    {"stop", TimeWordKind::kStop},
    {"adjsuffix", TimeWordKind::kAdjSuffix},
    {"relperiod", TimeWordKind::kRelPeriod},
    {"age", TimeWordKind::kAge},
    {"extra", TimeWordKind::kExtra},
};

struct UnitName {
  std::string_view code;
  TimeUnit unit;
};
constexpr UnitName kUnits[] = {
    {"S", TimeUnit::kSecond},   {"MIN", TimeUnit::kMinute}, {"H", TimeUnit::kHour},
    {"D", TimeUnit::kDay},      {"W", TimeUnit::kWeek},     {"W2", TimeUnit::kFortnight},
    {"WE", TimeUnit::kWeekend}, {"M", TimeUnit::kMonth},    {"Q", TimeUnit::kQuarter},
    {"HALF", TimeUnit::kHalf},  {"Y", TimeUnit::kYear},     {"DE", TimeUnit::kDecade},
    {"CE", TimeUnit::kCentury},
};

// Kinds that can begin an expression on their own or as its first word.
bool StartsExpression(TimeWordKind k) {
  switch (k) {
    case TimeWordKind::kRelDate:
    case TimeWordKind::kFuzzy:
    case TimeWordKind::kSet:
    case TimeWordKind::kEvery:
    case TimeWordKind::kPartOfDay:
    case TimeWordKind::kClock:
    case TimeWordKind::kSeason:
    case TimeWordKind::kUnit:
    case TimeWordKind::kDeictic:
    case TimeWordKind::kOrdinal:
    case TimeWordKind::kMod:
    case TimeWordKind::kApprox:
    case TimeWordKind::kAgo:  // "earlier today", "later this year"
    case TimeWordKind::kDet:
    case TimeWordKind::kFiscal:
    case TimeWordKind::kStop:
    case TimeWordKind::kRelPeriod:
      return true;
    default:
      return false;
  }
}

Status ParseTimeWord(const Lexicon& lex, const LexiconEntry& e, TimeWord* w) {
  std::string_view kind = e.fields[0];
  std::string_view value = e.fields[1];
  std::string_view option = e.fields.size() > 2 ? std::string_view(e.fields[2]) : "";
  w->kind = TimeWordKind::kNone;
  for (const KindName& k : kKinds) {
    if (k.name == kind) w->kind = k.kind;
  }
  auto int_value = [&](int lo, int hi) {
    return ParseInt(value, &w->value) && w->value >= lo && w->value <= hi;
  };
  switch (w->kind) {
    case TimeWordKind::kNone:
      return Bad(lex, e, "unknown kind '" + std::string(kind) + "'");
    case TimeWordKind::kRelDate:
      if (!int_value(-366, 366)) return Bad(lex, e, "reldate needs a day offset");
      if (!option.empty() && option != "MO" && option != "AF" && option != "EV" && option != "NI")
        return Bad(lex, e, "part of day must be MO, AF, EV or NI");
      w->part_of_day = std::string(option);
      break;
    case TimeWordKind::kFuzzy:
      if (value != "PAST_REF" && value != "PRESENT_REF" && value != "FUTURE_REF" &&
          !(value.size() == 3 && value[0] == 'P' && value[1] == 'X'))
        return Bad(lex, e, "fuzzy value must be PAST_REF, PRESENT_REF, FUTURE_REF or PX<unit>");
      w->text = std::string(value);
      break;
    case TimeWordKind::kSet:
      if (value.size() < 3 || (value[0] != 'P' && !value.starts_with("XXXX-")))
        return Bad(lex, e, "set value must be P... or XXXX-...");
      w->text = std::string(value);
      break;
    case TimeWordKind::kPartOfDay:
      if (value != "MO" && value != "AF" && value != "EV" && value != "NI")
        return Bad(lex, e, "part of day must be MO, AF, EV or NI");
      w->text = std::string(value);
      break;
    case TimeWordKind::kClock: {
      int h = 0, m = 0;
      if (value.size() != 5 || value[2] != ':' || !ParseInt(value.substr(0, 2), &h) ||
          !ParseInt(value.substr(3), &m) || h > 24 || m > 59)
        return Bad(lex, e, "clock value must be HH:MM");
      w->value = h * 60 + m;
      break;
    }
    case TimeWordKind::kAmPm:
      if (value != "am" && value != "pm") return Bad(lex, e, "ampm value must be am or pm");
      w->value = value == "pm" ? 12 : 0;
      break;
    case TimeWordKind::kSeason: {
      static constexpr std::string_view kCodes[] = {"SP", "SU", "FA", "WI"};
      w->value = -1;
      for (int s = 0; s < 4; ++s) {
        if (kCodes[s] == value) w->value = s;
      }
      if (w->value < 0) return Bad(lex, e, "season must be SP, SU, FA or WI");
      if (!option.empty() && option != "ambiguous") return Bad(lex, e, "unknown season option");
      w->ambiguous = option == "ambiguous";
      break;
    }
    case TimeWordKind::kUnit:
      for (const UnitName& u : kUnits) {
        if (u.code == value) w->unit = u.unit;
      }
      if (w->unit == TimeUnit::kNone) return Bad(lex, e, "unknown unit");
      if (option != "sg" && option != "pl") return Bad(lex, e, "unit needs sg or pl");
      w->plural = option == "pl";
      break;
    case TimeWordKind::kRelPeriod:
      for (const UnitName& u : kUnits) {
        if (u.code == value) w->unit = u.unit;
      }
      if (w->unit != TimeUnit::kQuarter && w->unit != TimeUnit::kMonth &&
          w->unit != TimeUnit::kYear && w->unit != TimeUnit::kWeek)
        return Bad(lex, e, "relperiod unit must be Q, M, Y or W");
      if (!ParseInt(option, &w->value) || w->value < -100 || w->value > 100)
        return Bad(lex, e, "relperiod needs an offset -100..100");
      break;
    case TimeWordKind::kDeictic:
      if (!int_value(-1, 1)) return Bad(lex, e, "deictic value must be -1, 0 or 1");
      if (!option.empty() && option != "duration" && option != "PAST_REF" &&
          option != "PRESENT_REF" && option != "FUTURE_REF")
        return Bad(lex, e, "deictic option must be duration or a *_REF value");
      w->duration_only = option == "duration";
      if (!option.empty() && option != "duration") w->text = std::string(option);
      break;
    case TimeWordKind::kOrdinal:
      if (!int_value(1, 100)) return Bad(lex, e, "ordinal value must be 1..100");
      break;
    case TimeWordKind::kMod:
    case TimeWordKind::kApprox:
      w->text = std::string(value);
      break;
    case TimeWordKind::kAgo:
      if (value != "-1" && value != "1") return Bad(lex, e, "ago value must be -1 or 1");
      w->value = value == "1" ? 1 : -1;
      break;
    case TimeWordKind::kTense:
      if (value == "future") {
        w->value = 1;
      } else if (value == "past") {
        w->value = -1;
      } else if (value == "present") {
        w->value = 0;
      } else {
        return Bad(lex, e, "tense must be future, past or present");
      }
      break;
    case TimeWordKind::kTrigger:
      if (value != "-" && value != "year" && value != "duration")
        return Bad(lex, e, "trigger value must be -, year or duration");
      w->value = value == "year" ? 1 : value == "duration" ? 2 : 0;
      if (!option.empty() && option != "deadline") return Bad(lex, e, "unknown trigger option");
      w->deadline = option == "deadline";
      break;
    default:  // every, zone, countnoun, det, fiscal, stop, adjsuffix, age, extra: no value
      break;
  }
  return Status();
}

}  // namespace

std::string_view UnitLetter(TimeUnit u) {
  switch (u) {
    case TimeUnit::kSecond:
      return "S";
    case TimeUnit::kMinute:
      return "M";
    case TimeUnit::kHour:
      return "H";
    case TimeUnit::kDay:
      return "D";
    case TimeUnit::kWeek:
    case TimeUnit::kFortnight:
      return "W";
    case TimeUnit::kMonth:
      return "M";
    case TimeUnit::kQuarter:
      return "Q";
    case TimeUnit::kYear:
      return "Y";
    case TimeUnit::kDecade:
      return "DE";
    case TimeUnit::kCentury:
      return "CE";
    default:
      return "";
  }
}

bool IsClockUnit(TimeUnit u) {
  return u == TimeUnit::kSecond || u == TimeUnit::kMinute || u == TimeUnit::kHour;
}

TimeWord* TimeVocabulary::Entry(const std::string& key) {
  auto [it, inserted] = index_.try_emplace(key);
  // Pointers to elements survive a rehash (iterators do not).
  TimeWord* w = &it->second;
  if (inserted) {
    std::size_t n = WordCount(key);
    w->words = static_cast<std::uint8_t>(n > 255 ? 255 : n);
    if (n > max_words_) max_words_ = n;
    if (n == 1 && key.size() > max_word_bytes_) max_word_bytes_ = key.size();
    if (n > 1) {
      // Let the first word know how long a phrase it may start, and mark
      // every shorter prefix, so that a phrase lookup can stop early.
      TimeWord* first = Entry(key.substr(0, key.find(' ')));
      if (first->phrase_words < n) first->phrase_words = static_cast<std::uint8_t>(n);
      for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1)) {
        Entry(key.substr(0, sp))->prefix = true;
      }
    }
  }
  return w;
}

void TimeVocabulary::Freeze() {
  std::size_t size = 16;
  while (size < 4 * index_.size()) size *= 2;  // load factor <= 1/4
  slots_.assign(size, Slot());
  mask_ = size - 1;
  for (const auto& [key, word] : index_) {
    const std::uint64_t h = HashKey(key);
    std::size_t i = h & mask_;
    while (slots_[i].word != nullptr) i = (i + 1) & mask_;
    slots_[i] = Slot{h, &key, &word};
  }
}

void TimeVocabulary::MarkStart(const std::string& key) {
  Entry(key)->can_start = true;
  if (std::size_t sp = key.find(' '); sp != std::string::npos)
    Entry(key.substr(0, sp))->can_start = true;
}

Result<std::unique_ptr<const TimeVocabulary>> TimeVocabulary::Build(const Resources& res,
                                                                    TimeRules* rules) {
  std::unique_ptr<TimeVocabulary> v(new TimeVocabulary());
  for (const LexiconEntry& e : res.function_words.entries()) {
    TimeWord* w = v->Entry(e.key);
    w->function_word = true;
    w->determiner = e.fields[0] == "det";
  }
  for (const LexiconEntry& e : res.months.entries()) {
    int m = 0;
    if (!ParseInt(e.fields[0], &m) || m < 1 || m > 12)
      return Bad(res.months, e, "month number must be 1..12");
    if (e.fields.size() > 1 && e.fields[1] != "ambiguous")
      return Bad(res.months, e, "the third field may only be 'ambiguous'");
    TimeWord* w = v->Entry(e.key);
    w->month = static_cast<std::uint8_t>(m);
    w->month_ambiguous = e.fields.size() > 1;
    v->MarkStart(e.key);
  }
  for (const LexiconEntry& e : res.weekdays.entries()) {
    int d = 0;
    if (!ParseInt(e.fields[0], &d) || d < 1 || d > 7)
      return Bad(res.weekdays, e, "weekday number must be 1..7");
    if (e.fields.size() > 1 && e.fields[1] != "ambiguous")
      return Bad(res.weekdays, e, "the third field may only be 'ambiguous'");
    TimeWord* w = v->Entry(e.key);
    w->weekday = static_cast<std::uint8_t>(d);
    w->weekday_ambiguous = e.fields.size() > 1;
    v->MarkStart(e.key);
  }
  for (const LexiconEntry& e : res.numbers.entries()) {
    double n = 0;
    if (!ParseNumber(e.fields[0], &n)) return Bad(res.numbers, e, "value must be a number or X");
    TimeWord* w = v->Entry(e.key);
    w->number = n;
    v->MarkStart(e.key);
  }
  for (const LexiconEntry& e : res.time_words.entries()) {
    TimeWord* w = v->Entry(e.key);
    TKG_RETURN_IF_ERROR(ParseTimeWord(res.time_words, e, w));
    if (StartsExpression(w->kind)) v->MarkStart(e.key);
  }
  if (rules != nullptr) {
    for (TimeRule& r : *rules->mutable_rules()) {
      bool may_be_first = true;  // items up to and including the first required one
      for (std::size_t i = 0; i < r.items.size(); ++i) {
        PatternItem& item = r.items[i];
        if (item.cls == TokenClass::kLiteral) {
          item.entries.clear();
          for (const std::string& word : item.words) {
            const bool punct = word.size() == 1 && !(word[0] >= 'a' && word[0] <= 'z');
            TimeWord* w = punct ? nullptr : v->Entry(word);
            item.entries.push_back(w);
            if (w != nullptr && may_be_first) w->rule_start = true;
          }
        }
        if (!item.optional && !item.negated && !item.lookahead) may_be_first = false;
      }
    }
  }
  v->Freeze();
  return std::unique_ptr<const TimeVocabulary>(std::move(v));
}

}  // namespace tkg
