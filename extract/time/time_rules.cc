#include "extract/time/time_rules.h"

#include <algorithm>

#include "core/model.h"
#include "core/text.h"
#include "core/time_anchor.h"
#include "extract/time/time_vocabulary.h"

namespace tkg {
namespace {

static_assert(kFeaturePunct == 1u << 10, "TimeRules::kFeatureBits covers every feature bit");

struct ClassName {
  const char* name;
  TokenClass cls;
};
constexpr ClassName kClasses[] = {
    {"MONTH", TokenClass::kMonth},
    {"WEEKDAY", TokenClass::kWeekday},
    {"DAY", TokenClass::kDay},
    {"YEAR", TokenClass::kYear},
    {"YEAR2", TokenClass::kYear2},
    {"NUMBER", TokenClass::kNumber},
    {"UNIT", TokenClass::kUnit},
    {"SEASON", TokenClass::kSeason},
    {"ORDINAL", TokenClass::kOrdinal},
    {"DECADE", TokenClass::kDecade},
    {"PARTOFDAY", TokenClass::kPartOfDay},
    {"CLOCK", TokenClass::kClock},
    {"WEEKNUM", TokenClass::kWeekNumber},
};

struct NormaliserSpec {
  const char* name;
  Normaliser norm;
  std::size_t min_args, max_args;
};
constexpr NormaliserSpec kNormalisers[] = {
    {"date", Normaliser::kDate, 2, 3},
    {"month", Normaliser::kMonth, 2, 2},
    {"year", Normaliser::kYear, 1, 1},
    {"year2", Normaliser::kYear2, 1, 1},
    {"season", Normaliser::kSeason, 2, 2},
    {"quarter", Normaliser::kQuarter, 2, 2},
    {"half", Normaliser::kHalf, 2, 2},
    {"week", Normaliser::kWeek, 2, 2},
    {"decade", Normaliser::kDecade, 1, 1},
    {"century", Normaliser::kCentury, 1, 1},
    {"duration", Normaliser::kDuration, 2, 2},
    {"later", Normaliser::kLater, 2, 2},
    {"earlier", Normaliser::kEarlier, 2, 2},
    {"datetime", Normaliser::kDateTime, 3, 4},
    {"nth_weekday", Normaliser::kNthWeekday, 3, 3},
    {"same", Normaliser::kSame, 1, 1},
    {"dct_quarter", Normaliser::kDctQuarter, 2, 2},
    {"in_year", Normaliser::kInYear, 1, 1},
    {"same_period", Normaliser::kSamePeriod, 1, 1},
    {"ref", Normaliser::kReference, 1, 1},
    {"weekday_before", Normaliser::kWeekdayBefore, 1, 1},
    {"week_of", Normaliser::kWeekOf, 2, 3},
    {"date_part", Normaliser::kDatePart, 3, 4},
    {"that_year", Normaliser::kThatYear, 1, 2},
    {"easter", Normaliser::kEaster, 1, 1},
    {"easter_week", Normaliser::kEasterWeek, 0, 0},
};

// The TimeUnit value (time_vocabulary.h) of a unit named in a rule, or -1.
int UnitConstant(std::string_view name) {
  struct Named {
    const char* name;
    TimeUnit unit;
  };
  static constexpr Named kNames[] = {
      {"second", TimeUnit::kSecond},   {"minute", TimeUnit::kMinute}, {"hour", TimeUnit::kHour},
      {"day", TimeUnit::kDay},         {"week", TimeUnit::kWeek},     {"month", TimeUnit::kMonth},
      {"quarter", TimeUnit::kQuarter}, {"year", TimeUnit::kYear},     {"decade", TimeUnit::kDecade},
      {"century", TimeUnit::kCentury},
  };
  for (const Named& n : kNames) {
    if (name == n.name) return static_cast<int>(n.unit);
  }
  return -1;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsPunctWord(std::string_view w) {
  return w.size() == 1 && (w[0] == ',' || w[0] == '.' || w[0] == '-' || w[0] == '/' ||
                           w[0] == ':' || w[0] == '\'' || w[0] == '(' || w[0] == ')');
}

class Parser {
 public:
  Parser(std::string_view path, int line) : path_(path), line_(line) {}

  Status Error(std::string_view why) const {
    return Status::InvalidArgument(std::string(path_) + ":" + std::to_string(line_) + ": " +
                                   std::string(why));
  }

  // "{month:MONTH} {day:DAY} ,? {year:YEAR}"
  Status Pattern(std::string_view s, TimeRule* r) const {
    std::size_t i = 0;
    while (true) {
      while (i < s.size() && s[i] == ' ') ++i;
      if (i >= s.size()) break;
      std::size_t e = i;
      PatternItem item;
      if ((s[i] == '!' || s[i] == '&') && i + 1 < s.size() && s[i + 1] != ' ') {
        (s[i] == '!' ? item.negated : item.lookahead) = true;
        ++i;
      }
      if (s[i] == '{') {
        e = s.find('}', i);
        if (e == std::string_view::npos) return Error("unclosed '{' in pattern");
        std::string_view inner = s.substr(i + 1, e - i - 1);
        std::string_view cls = inner;
        if (std::size_t colon = inner.find(':'); colon != std::string_view::npos) {
          std::string name(Trim(inner.substr(0, colon)));
          cls = Trim(inner.substr(colon + 1));
          if (name.empty()) return Error("empty slot name");
          if (std::find(r->slots.begin(), r->slots.end(), name) != r->slots.end()) {
            return Error("slot '" + name + "' named twice");
          }
          if (r->slots.size() == kMaxRuleSlots) {
            return Error("more than " + std::to_string(kMaxRuleSlots) + " slots");
          }
          item.slot = static_cast<int>(r->slots.size());
          r->slots.push_back(std::move(name));
        }
        if (!TokenClassFromName(cls, &item.cls)) {
          return Error("unknown token class '" + std::string(cls) + "'");
        }
        ++e;
      } else if (s[i] == '(') {
        e = s.find(')', i);
        if (e == std::string_view::npos) return Error("unclosed '(' in pattern");
        std::string_view inner = s.substr(i + 1, e - i - 1);
        for (std::size_t b = 0; b <= inner.size();) {
          std::size_t bar = inner.find('|', b);
          if (bar == std::string_view::npos) bar = inner.size();
          std::string_view w = Trim(inner.substr(b, bar - b));
          if (w.empty() || w.find(' ') != std::string_view::npos) {
            return Error("alternatives must be single words: '(" + std::string(inner) + ")'");
          }
          item.words.push_back(Fold(w));
          b = bar + 1;
        }
        ++e;
      } else {
        while (e < s.size() && s[e] != ' ' && !(e > i && s[e] == '?')) ++e;
        std::string_view w = s.substr(i, e - i);
        if (w.find_first_of("{}()|") != std::string_view::npos) {
          return Error("stray bracket in pattern word '" + std::string(w) + "'");
        }
        item.words.push_back(IsPunctWord(w) ? std::string(w) : Fold(w));
      }
      if (e < s.size() && s[e] == '?') {
        item.optional = true;
        ++e;
      }
      if ((item.negated || item.lookahead) && (item.optional || item.slot >= 0)) {
        return Error("a '!' or '&' item can be neither optional nor a slot");
      }
      r->items.push_back(std::move(item));
      i = e;
    }
    if (r->items.empty()) return Error("empty pattern");
    if (r->items.front().negated || r->items.front().lookahead) {
      return Error("a pattern may not begin with a '!' or '&' item");
    }
    // A literal needs a rule word or a punctuation mark, whichever it has.
    auto features = [](const PatternItem& it) {
      if (it.cls != TokenClass::kLiteral) return FeaturesOf(it.cls);
      std::uint32_t f = 0;
      for (const std::string& w : it.words) f |= IsPunctWord(w) ? kFeaturePunct : kFeatureRuleWord;
      return f;
    };
    for (const PatternItem& it : r->items) {
      if (it.negated || it.lookahead) continue;
      r->start_features |= features(it);
      if (!it.optional) {
        r->anchor_features = features(it);
        r->anchor_item = static_cast<std::size_t>(&it - r->items.data());
        break;
      }
      // An optional item before the first required one takes one token,
      // NUMBER and CLOCK up to a few.
      r->anchor_offset += (it.cls == TokenClass::kNumber || it.cls == TokenClass::kClock) ? 4 : 1;
    }
    {
      const PatternItem& a = r->items[r->anchor_item];
      const bool one_token =
          a.cls != TokenClass::kNumber && a.cls != TokenClass::kClock && a.cls != TokenClass::kYear;
      const std::size_t next = r->anchor_item + 1;
      if (one_token && next < r->items.size() && !r->items[next].optional &&
          !r->items[next].negated && !r->items[next].lookahead) {
        r->second_item = next;
      }
    }
    if (std::all_of(r->items.begin(), r->items.end(), [](const PatternItem& it) {
          return it.optional || it.negated || it.lookahead;
        })) {
      return Error("a pattern needs a required item");
    }
    return Status();
  }

  // "date(year, month, day)" or "ref(PAST_REF)"
  Status Value(std::string_view s, TimeRule* r) const {
    const std::size_t open = s.find('(');
    if (open == std::string_view::npos || s.back() != ')') {
      return Error("value must be a call: name(slot, ...)");
    }
    std::string_view fn = Trim(s.substr(0, open));
    const NormaliserSpec* spec = nullptr;
    for (const NormaliserSpec& n : kNormalisers) {
      if (fn == n.name) spec = &n;
    }
    if (spec == nullptr) return Error("unknown normaliser '" + std::string(fn) + "'");
    r->norm = spec->norm;
    std::vector<std::string_view> args;
    std::string_view inner = s.substr(open + 1, s.size() - open - 2);
    for (std::size_t b = 0; b <= inner.size();) {
      std::size_t comma = inner.find(',', b);
      if (comma == std::string_view::npos) comma = inner.size();
      std::string_view a = Trim(inner.substr(b, comma - b));
      if (!a.empty()) args.push_back(a);
      b = comma + 1;
    }
    if (args.size() < spec->min_args || args.size() > spec->max_args) {
      return Error("normaliser '" + std::string(fn) + "' takes " + std::to_string(spec->min_args) +
                   (spec->max_args != spec->min_args ? "-" + std::to_string(spec->max_args) : "") +
                   " argument(s), got " + std::to_string(args.size()));
    }
    if (spec->norm == Normaliser::kReference) {
      r->literal = std::string(args[0]);
      return Status();
    }
    for (std::string_view a : args) {
      const bool negative = a.size() > 1 && a[0] == '-';
      std::string_view digits = negative ? a.substr(1) : a;
      if (!digits.empty() && digits.size() <= 6 &&
          std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        int v = 0;
        for (char c : digits) v = v * 10 + (c - '0');
        r->args.push_back(-1);
        r->constants.push_back(negative ? -v : v);
        continue;
      }
      auto it = std::find(r->slots.begin(), r->slots.end(), a);
      if (it == r->slots.end()) {
        // A unit named in the rule: later(1, day).
        if (int unit = UnitConstant(a); unit >= 0) {
          r->args.push_back(-1);
          r->constants.push_back(unit);
          continue;
        }
        return Error("'" + std::string(a) + "' is no slot of the pattern");
      }
      r->args.push_back(static_cast<int>(it - r->slots.begin()));
      r->constants.push_back(0);
    }
    return Status();
  }

  // "2022-11-29 | text | span | value"
  Status Example(std::string_view s, RuleExample* ex) const {
    std::string_view parts[4];
    std::size_t n = 0;
    for (std::size_t b = 0; b <= s.size();) {
      std::size_t bar = s.find('|', b);
      if (bar == std::string_view::npos) bar = s.size();
      if (n == 4) return Error("example has more than four '|'-separated fields");
      parts[n++] = Trim(s.substr(b, bar - b));
      b = bar + 1;
    }
    if (n != 4) return Error("example must be: DCT | text | span | value");
    if (parts[0] != "-") {
      auto d = ParseIsoDay(parts[0]);
      if (!d.ok()) return Error("bad example date '" + std::string(parts[0]) + "'");
      ex->dct = std::string(parts[0]);
    }
    ex->text = std::string(parts[1]);
    ex->span = std::string(parts[2]);
    ex->value = std::string(parts[3]);
    ex->line = line_;
    if (ex->text.find(ex->span) == std::string::npos) {
      return Error("example span '" + ex->span + "' is not in its text");
    }
    return Status();
  }

 private:
  std::string_view path_;
  int line_;
};

}  // namespace

std::uint32_t FeaturesOf(TokenClass cls) {
  switch (cls) {
    case TokenClass::kLiteral:
      return kFeatureRuleWord | kFeaturePunct;
    case TokenClass::kMonth:
      return kFeatureMonth;
    case TokenClass::kWeekday:
      return kFeatureWeekday;
    case TokenClass::kDay:
    case TokenClass::kYear2:
    case TokenClass::kDecade:
    case TokenClass::kWeekNumber:
      return kFeatureDigit;
    case TokenClass::kYear:
    case TokenClass::kNumber:
      return kFeatureDigit | kFeatureNumberWord;
    case TokenClass::kUnit:
      return kFeatureUnit;
    case TokenClass::kSeason:
      return kFeatureSeason;
    case TokenClass::kOrdinal:
      return kFeatureOrdinal | kFeatureDigit;
    case TokenClass::kPartOfDay:
      return kFeaturePartOfDay;
    case TokenClass::kClock:
      return kFeatureDigit | kFeatureClockWord;
  }
  return 0;
}

bool TokenClassFromName(std::string_view name, TokenClass* out) {
  for (const ClassName& c : kClasses) {
    if (name == c.name) {
      *out = c.cls;
      return true;
    }
  }
  return false;
}

Result<TimeRules> TimeRules::Parse(std::string_view path, std::string_view text) {
  TimeRules out;
  out.path_ = std::string(path);
  int line_no = 0;
  bool have_value = false;
  auto finish = [&](const Parser& p) -> Status {
    if (out.rules_.empty()) return Status();
    const TimeRule& r = out.rules_.back();
    Parser at(path, r.line);
    if (r.items.empty()) return at.Error("rule " + r.name + " has no 'match' line");
    if (!have_value) return at.Error("rule " + r.name + " has no 'value' line");
    if (r.examples.empty()) return at.Error("rule " + r.name + " has no 'example' line");
    (void)p;
    return Status();
  };
  for (std::size_t b = 0; b < text.size();) {
    std::size_t nl = text.find('\n', b);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(b, nl - b));
    b = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    Parser p(path, line_no);
    std::size_t sp = line.find_first_of(" \t");
    std::string_view key = line.substr(0, sp);
    std::string_view rest = sp == std::string_view::npos ? "" : Trim(line.substr(sp));
    if (key == "rule") {
      TKG_RETURN_IF_ERROR(finish(p));
      if (rest.empty()) return p.Error("rule without a name");
      for (const TimeRule& r : out.rules_) {
        if (r.name == rest) return p.Error("rule " + std::string(rest) + " defined twice");
      }
      TimeRule r;
      r.name = std::string(rest);
      r.ref = InternRuleName(r.name);
      r.line = line_no;
      out.rules_.push_back(std::move(r));
      have_value = false;
      continue;
    }
    if (out.rules_.empty()) return p.Error("'" + std::string(key) + "' before the first 'rule'");
    TimeRule& r = out.rules_.back();
    if (key == "match") {
      if (!r.items.empty()) return p.Error("rule " + r.name + " has two 'match' lines");
      TKG_RETURN_IF_ERROR(p.Pattern(rest, &r));
    } else if (key == "type") {
      auto t = TimexTypeFromName(rest);
      if (!t) return p.Error("unknown TIMEX3 type '" + std::string(rest) + "'");
      r.type = *t;
    } else if (key == "value") {
      if (r.items.empty()) return p.Error("'value' before 'match'");
      if (have_value) return p.Error("rule " + r.name + " has two 'value' lines");
      TKG_RETURN_IF_ERROR(p.Value(rest, &r));
      have_value = true;
    } else if (key == "example") {
      RuleExample ex;
      TKG_RETURN_IF_ERROR(p.Example(rest, &ex));
      r.examples.push_back(std::move(ex));
    } else {
      return p.Error("unknown key '" + std::string(key) + "'");
    }
  }
  TKG_RETURN_IF_ERROR(finish(Parser(path, line_no)));
  for (std::size_t r = 0; r < out.rules_.size() && r < kIndexed; ++r) {
    for (int b = 0; b < kFeatureBits; ++b) {
      if (out.rules_[r].start_features & (1u << b)) out.by_feature_[b] |= std::uint64_t{1} << r;
    }
  }
  return out;
}

}  // namespace tkg
