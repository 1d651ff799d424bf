#include "extract/time/time_matcher.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>

#include <date/iso_week.h>

#include "core/text.h"

namespace tkg {
namespace {

using date::days;
using date::sys_days;

// No vocabulary word is longer; longer tokens skip the lookup.
constexpr std::size_t kMaxWordBytes = 32;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

int ParseSmall(std::string_view s) {  // REQUIRES: AllDigits(s), s.size() <= 9
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string Two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%02d", v);
  return buf;
}

std::string ClockSuffix(int minutes) { return "T" + Two(minutes / 60) + ":" + Two(minutes % 60); }

std::string FormatCount(double v) {
  char buf[32];
  if (v == std::floor(v) && v < 1e9) {
    std::snprintf(buf, sizeof(buf), "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof(buf), "%g", v);
  }
  return buf;
}

TimeAnchor WeekOf(sys_days d) {
  const iso_week::year_weeknum_weekday iw{d};
  return IsoWeekAnchor(int{iw.year()}, unsigned{iw.weeknum()});
}

bool IsNumberWord(const TimeWord& w) { return w.IsNumber(); }
bool IsMod(const TimeWord& w) { return w.kind == TimeWordKind::kMod; }
bool IsApprox(const TimeWord& w) { return w.kind == TimeWordKind::kApprox; }
bool IsTense(const TimeWord& w) { return w.kind == TimeWordKind::kTense; }
bool IsStop(const TimeWord& w) { return w.kind == TimeWordKind::kStop; }
bool IsDeictic(const TimeWord& w) { return w.kind == TimeWordKind::kDeictic; }
bool IsComplete(const TimeWord& w) {
  return w.kind == TimeWordKind::kFuzzy || w.kind == TimeWordKind::kSet ||
         w.kind == TimeWordKind::kRelDate || w.kind == TimeWordKind::kRelPeriod;
}

}  // namespace

TimeMatcher::TimeMatcher(const TimeVocabulary& vocab, const TimeRules& rules, const Resources& res,
                         Document* doc)
    : vocab_(vocab),
      rules_(rules),
      res_(res),
      doc_(doc),
      text_(doc->text()),
      tokens_(doc->tokens()),
      dct_(doc->dct()) {
  scratch_.reserve(128);
}

void TimeMatcher::AppendFolded(std::string_view s) {
  const std::size_t start = scratch_.size();
  scratch_.append(s);
  char* out = scratch_.data() + start;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = out[i];
    if (static_cast<unsigned char>(c) >= 0x80) {  // rare: let Fold() handle it
      scratch_.resize(start);
      AppendFold(s, &scratch_);
      return;
    }
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
  }
}

const TimeWord* TimeMatcher::Lookup(std::string_view s) {
  scratch_.clear();
  AppendFolded(s);
  return vocab_.Find(scratch_);
}

int TimeMatcher::Run() {
  words_.assign(tokens_.size(), nullptr);
  const std::size_t max_bytes = vocab_.max_word_bytes();
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::kWord || t.span.size() > max_bytes) continue;
    words_[i] = Lookup(t.span.In(text_));
  }
  features_.assign(tokens_.size(), kFeaturesUnknown);
  for (const Sentence& s : doc_->sentences()) RunSentence(s);
  return unresolved_;
}

void TimeMatcher::RunSentence(const Sentence& s) {
  sb_ = s.first_token;
  se_ = std::min<std::uint32_t>(s.end_token, static_cast<std::uint32_t>(tokens_.size()));
  found_.clear();
  for (std::uint32_t i = sb_; i < se_;) {
    if (words_[i] != nullptr && words_[i]->phrase_words >= 2) {
      std::uint32_t end = 0;
      std::uint32_t complete_end = 0;
      if (PhraseAt(i, IsStop, &end) != nullptr &&  // "as soon as", not "as soon as possible"
          (PhraseAt(i, IsComplete, &complete_end) == nullptr || complete_end <= end)) {
        i = end;
        continue;
      }
    }
    Found f;
    if (MatchAt(i, &f)) {
      i = f.end;
      found_.push_back(std::move(f));
      if (Found g; ConjoinedDay(found_.back(), &g)) {
        i = g.end;
        found_.push_back(std::move(g));
      }
    } else {
      ++i;
    }
  }
  ResolveClocks();
  std::vector<Timex>* out = doc_->mutable_timexes();
  for (Found& f : found_) {
    Timex t;
    t.span = Span{tokens_[f.first].span.begin, tokens_[f.end - 1].span.end};
    t.type = f.type;
    t.anchor = std::move(f.anchor);
    t.relative = f.relative;
    t.rule = f.rule;
    if (f.unresolved) ++unresolved_;
    if (t.anchor.has_interval() && !f.anchored &&
        (t.anchor.grain == Grain::kHalf || t.anchor.grain == Grain::kQuarter)) {
      last_period_ = t.anchor;
    }
    if (t.anchor.has_interval() && !f.anchored) {
      last_dated_ = t.anchor;
      if (!t.relative) {
        last_absolute_ = t.anchor;
        last_absolute_first_ = f.first;
        last_absolute_end_ = f.end;
      }
      if (dct_ && t.anchor.grain >= Grain::kYear) {
        const int y = int{date::year_month_day{t.anchor.begin}.year()};
        const int now = int{date::year_month_day{*dct_}.year()};
        (y < now - 1 || y > now + 1 ? far_dated_ : near_dated_) += 1;
      }
    }
    out->push_back(std::move(t));
  }
}

bool TimeMatcher::MatchAt(std::uint32_t i, Found* f) {
  const Token& t = tokens_[i];
  const TimeWord* w = words_[i];
  if (w != nullptr && w->kind == TimeWordKind::kDet && DayBeforeAfter(i, f)) return true;
  // Cheap pre-test: most tokens can start nothing.
  bool maybe = t.kind == TokenKind::kNumber ||
               (w != nullptr && (w->can_start || w->month != 0 || w->weekday != 0));
  if (!maybe && t.kind == TokenKind::kWord) {
    maybe = t.Has(kTokHasDigit) || Text(i).find('-') != std::string_view::npos;
  }
  if (!maybe && t.kind == TokenKind::kQuote)
    maybe = i + 1 < se_ && tokens_[i + 1].Has(kTokHasDigit);
  const bool rule_word = w != nullptr && w->rule_start;
  if (!maybe && !rule_word) return false;
  Found phrase, structure, rule;
  bool has_phrase = maybe && MatchPhrase(i, &phrase);
  bool has_structure = maybe && MatchStructure(i, &structure);
  // A data-file rule wins ties: it is the more specific statement.
  if (MatchRules(i, &rule) && (!has_phrase || rule.end >= phrase.end) &&
      (!has_structure || rule.end >= structure.end)) {
    *f = std::move(rule);
    return true;
  }
  if (has_structure && (!has_phrase || structure.end > phrase.end)) {
    *f = std::move(structure);
    return true;
  }
  if (has_phrase) {
    *f = std::move(phrase);
    return true;
  }
  return false;
}

// "April 24 and 25": the second day is in the month of the first.
bool TimeMatcher::ConjoinedDay(const Found& f, Found* g) {
  if (f.type != TimexType::kDate || f.anchor.grain != Grain::kDay || !f.anchor.has_interval() ||
      f.end < 1 || DayAt(f.end - 1) == 0 || !InSentence(f.end + 1)) {
    return false;
  }
  const std::string_view conj = Text(f.end);
  if (conj != "and" && conj != "or") return false;
  const int day = DayAt(f.end + 1);
  const date::year_month_day first{f.anchor.begin};
  if (day == 0 || day <= static_cast<int>(unsigned{first.day()})) return false;
  // Not a count: "April 24 and 25 people", "25%", "25 1/2".
  if (InSentence(f.end + 2)) {
    const Token& after = tokens_[f.end + 2];
    const TimeWord* aw = W(f.end + 2);
    if (after.kind != TokenKind::kPunct || Text(f.end + 2) == "%") {
      if (aw == nullptr || !aw->function_word || aw->IsNumber()) return false;
    }
  }
  const date::year_month_day ymd{first.year(), first.month(),
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return false;
  *g = Found();
  g->first = f.end + 1;
  g->end = f.end + 2;
  g->anchor = DayAnchor(sys_days{ymd});
  g->relative = f.relative;
  g->rule = RuleRef{"time.date.conjoined_day"};
  return true;
}

// "the day before last Tuesday's hearing", "the day after Christmas": the
// day next to a day named right after.
bool TimeMatcher::DayBeforeAfter(std::uint32_t i, Found* f) {
  const TimeWord* dw = W(i + 1);
  if (dw == nullptr || dw->kind != TimeWordKind::kUnit || dw->unit != TimeUnit::kDay ||
      dw->plural || !InSentence(i + 3) || tokens_[i + 2].kind != TokenKind::kWord) {
    return false;
  }
  const std::string_view rel = Text(i + 2);
  const int shift = rel == "before" ? -1 : rel == "after" ? 1 : 0;
  if (shift == 0) return false;
  Found inner;
  if (!MatchAt(i + 3, &inner) || inner.type != TimexType::kDate ||
      inner.anchor.grain != Grain::kDay || !inner.anchor.has_interval()) {
    return false;
  }
  *f = Found();
  f->first = i;
  f->end = inner.end;
  f->anchor = DayAnchor(inner.anchor.begin + days{shift});
  f->relative = inner.relative;
  f->anchored = inner.anchored;
  f->rule = RuleRef{"time.relative.day_before_after"};
  return true;
}

// ---------------------------------------------------------------------------
// Phrases of time_words.tsv that are complete expressions.

bool TimeMatcher::MatchPhrase(std::uint32_t i, Found* f) {
  std::uint32_t end = i + 1;
  const TimeWord* w = PhraseAt(i, IsComplete, &end);
  if (w == nullptr) {
    w = words_[i];
    if (w == nullptr || !IsComplete(*w)) return false;
    end = i + 1;
  }
  f->first = i;
  f->end = end;
  switch (w->kind) {
    case TimeWordKind::kFuzzy:
      f->anchor = ValueOnlyAnchor(w->text);
      if (w->text[0] == 'P' && w->text[1] == 'X') {  // "recent years": some years up to now
        f->type = TimexType::kDuration;
        f->rule = RuleRef{"time.fuzzy.duration"};
        return true;
      }
      if (w->text == "FUTURE_REF" && end == i + 1) {
        // "soon after he was captured" is counted from that event, and "the
        // cash soon became a flood" from the story's past: neither is a
        // future seen from the DCT.
        if (InSentence(end) && (Text(end) == "after" || Text(end) == "before")) return false;
        if (TenseNear(i, end) == Tense::kPast) return false;
      }
      f->rule = w->text == "PAST_REF"     ? RuleRef{"time.fuzzy.past"}
                : w->text == "FUTURE_REF" ? RuleRef{"time.fuzzy.future"}
                                          : RuleRef{"time.fuzzy.present"};
      return true;
    case TimeWordKind::kSet:
      // "the Communist Party daily Granma", "the weekly Der Spiegel": a
      // publication named after it.
      if (end == i + 1 && i > sb_ && InSentence(end) && tokens_[end].kind == TokenKind::kWord &&
          Cap(end) && W(end) == nullptr) {
        return false;
      }
      f->type = TimexType::kSet;
      f->anchor = ValueOnlyAnchor(w->text);
      f->rule = RuleRef{"time.set.word"};
      return true;
    case TimeWordKind::kRelPeriod:
      if (w->unit == TimeUnit::kQuarter && InSentence(end + 1) &&
          (Text(end) == "ended" || Text(end) == "ending")) {
        // "the quarter ended July 31": the three months up to that day, dated
        // by the calendar quarter that holds most of them (the quarter of the
        // month before the last one: May-July is the second quarter).
        MonthDate md;
        if (MonthDateAt(end + 1, &md) && md.day != 0) {
          int year = md.year;
          if (year == 0 && dct_) year = int{MonthNear(md.month, end + 1, md.end).year()};
          if (year != 0) {
            const date::year_month before =
                date::year{year} / date::month{md.month} - date::months{1};
            f->anchor = QuarterAnchor(before.year(), QuarterOfMonth(unsigned{before.month()}));
            f->relative = md.year == 0;
            f->rule = RuleRef{"time.relative.quarter_ended"};
            return true;
          }
        }
      }
      SetShifted(w->value, w->unit, f);
      f->rule = RuleRef{"time.relative.period"};
      return true;
    case TimeWordKind::kRelDate: {
      if (end == i + 1) return false;  // single words go through RelDate() (modifiers)
      std::optional<sys_days> day;
      if (dct_) day = *dct_ + days{w->value};
      SetDay(day, w->part_of_day.empty() ? "" : "T" + w->part_of_day, f);
      if (!w->part_of_day.empty()) f->type = TimexType::kTime;
      f->rule = RuleRef{"time.relative.day_phrase"};
      return true;
    }
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Prefix + head.

bool TimeMatcher::MatchStructure(std::uint32_t i, Found* f) {
  Prefix p;
  p.start = i;
  std::uint32_t j = i;
  auto number_follows = [&](std::uint32_t k) {
    if (!InSentence(k)) return false;
    if (tokens_[k].kind == TokenKind::kNumber) return true;
    const TimeWord* w = W(k);
    return w != nullptr && w->IsNumber();
  };
  if (KindAt(j) == TimeWordKind::kEvery) {
    p.every = true;
    return Set(p, j + 1, f);
  }
  // Approximations and modifiers: "more than", "about", "early", "the end of",
  // "earlier" / "later" before "this", "today", a weekday.
  for (int round = 0; round < 2 && InSentence(j); ++round) {
    std::uint32_t end = j + 1;
    const TimeWord* w = PhraseAt(j, IsApprox, &end);
    if (w == nullptr && W(j) != nullptr && IsApprox(*W(j))) w = W(j);
    if (w != nullptr && !p.approx && number_follows(end)) {
      p.approx = true;
      j = end;
      continue;
    }
    end = j + 1;
    w = PhraseAt(j, IsMod, &end);
    if (w == nullptr && W(j) != nullptr && IsMod(*W(j))) w = W(j);
    if (w == nullptr && KindAt(j) == TimeWordKind::kAgo && InSentence(j + 1)) {
      TimeWordKind next = KindAt(j + 1);
      const TimeWord* nw = W(j + 1);
      if (next == TimeWordKind::kDeictic || next == TimeWordKind::kRelDate ||
          (nw != nullptr && nw->weekday != 0)) {
        w = W(j);
      }
    }
    if (w != nullptr && !p.mod) {
      p.mod = true;
      j = end;
      continue;
    }
    break;
  }
  if (KindAt(j) == TimeWordKind::kDet) {
    p.the = static_cast<std::int32_t>(j);
    ++j;
    if (!p.mod && KindAt(j) == TimeWordKind::kMod) {  // "the early 1990s"
      p.mod = true;
      ++j;
    }
  }
  {
    // One word ("last") or a phrase ("this past", "this coming").
    std::uint32_t end = j + 1;
    const TimeWord* dw = PhraseAt(j, IsDeictic, &end);
    if (dw == nullptr && KindAt(j) == TimeWordKind::kDeictic) dw = W(j);
    if (dw != nullptr) {
      p.deictic = true;
      p.deictic_at = j;
      p.deictic_value = dw->value;
      p.deictic_duration = dw->duration_only;
      j = end;
    }
  }
  if (KindAt(j) == TimeWordKind::kFiscal) {
    p.fiscal = true;
    ++j;
  }
  if (KindAt(j) == TimeWordKind::kOrdinal) {
    p.ordinal = W(j)->value;
    ++j;
    // "the second and fourth quarters": the first ordinal names a quarter of
    // the same kind as the second (a set when the unit is plural).
    if (InSentence(j + 2) && (Text(j) == "and" || Text(j) == "or") &&
        KindAt(j + 1) == TimeWordKind::kOrdinal && KindAt(j + 2) == TimeWordKind::kUnit &&
        W(j + 2)->plural && YearAt(j + 3) == 0 && KindAt(j + 3) != TimeWordKind::kTrigger &&
        (W(j + 2)->unit == TimeUnit::kQuarter || W(j + 2)->unit == TimeUnit::kHalf)) {
      const bool quarter = W(j + 2)->unit == TimeUnit::kQuarter;
      if (p.ordinal < 1 || p.ordinal > (quarter ? 4 : 2) ||
          !Accepts(p, kAllowThe | kAllowOrdinal)) {
        return false;
      }
      f->first = j - 1;  // the ordinal alone; "the" goes with both
      f->end = j;
      f->type = TimexType::kSet;
      f->anchor = ValueOnlyAnchor((quarter ? "XXXX-Q" : "XXXX-H") + std::to_string(p.ordinal));
      f->rule = RuleRef{"time.quarter.conjoined_ordinal"};
      return true;
    }
  } else if (InSentence(j) && tokens_[j].Has(kTokHasDigit) && InSentence(j + 1) &&
             KindAt(j + 1) == TimeWordKind::kUnit) {
    // "20th century", "3rd quarter"
    std::string_view s = Text(j);
    if (s.size() >= 3 && s.size() <= 4 && AllDigits(s.substr(0, s.size() - 2))) {
      std::string_view suf = s.substr(s.size() - 2);
      if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") {
        p.ordinal = ParseSmall(s.substr(0, s.size() - 2));
        ++j;
      }
    }
  }
  if (!InSentence(j)) return false;
  const std::uint32_t h = j;
  const TimeWord* w = W(h);
  const Token& t = tokens_[h];
  if (w != nullptr) {
    if (w->weekday != 0 && Weekday(p, h, f)) return true;
    if (w->month != 0 && Month(p, h, f)) return true;
    switch (w->kind) {
      case TimeWordKind::kRelDate:
        if (RelDate(p, h, f)) return true;
        break;
      case TimeWordKind::kSeason:
        if (Season(p, h, f)) return true;
        break;
      case TimeWordKind::kPartOfDay:
        if (PartOfDay(p, h, f)) return true;
        break;
      case TimeWordKind::kClock:
        if (ClockHead(p, h, f)) return true;
        break;
      case TimeWordKind::kUnit:
        if (UnitHead(p, h, f)) return true;
        break;
      default:
        break;
    }
    if (w->IsNumber() && NumberHead(p, h, f)) return true;
  }
  if (t.kind == TokenKind::kNumber) return NumberHead(p, h, f);
  if (t.kind == TokenKind::kWord && t.Has(kTokHasDigit)) {
    if (Decade(p, h, f) || ClockHead(p, h, f) || NumberHead(p, h, f)) return true;
  }
  if (t.kind == TokenKind::kQuote && Decade(p, h, f)) return true;
  if (t.kind == TokenKind::kWord && Text(h).find('-') != std::string_view::npos &&
      (w == nullptr || !w->IsNumber()) && Hyphenated(p, h, f)) {
    return true;
  }
  // A deictic that is a reference on its own: "his current wife".
  if (p.deictic && !p.mod && !p.approx && !W(p.deictic_at)->text.empty()) {
    *f = Found();
    f->first = p.deictic_at;
    f->end = p.deictic_at + 1;
    f->anchor = ValueOnlyAnchor(W(p.deictic_at)->text);
    f->rule = RuleRef{"time.fuzzy.deictic"};
    return true;
  }
  return false;
}

// True when `p` has no part outside `allowed` (a set of Allow bits).
bool TimeMatcher::Accepts(const Prefix& p, unsigned allowed) {
  if (p.approx && !(allowed & kAllowApprox)) return false;
  if (p.mod && !(allowed & kAllowMod)) return false;
  if (p.the >= 0 && !(allowed & kAllowThe)) return false;
  if (p.deictic && !(allowed & kAllowDeictic)) return false;
  if (p.fiscal && !(allowed & kAllowFiscal)) return false;
  if (p.ordinal != 0 && !(allowed & kAllowOrdinal)) return false;
  return true;
}

// "Tuesday", "last Friday", "Tuesday night", "Monday, Oct. 26", "late Tuesday".
bool TimeMatcher::Weekday(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowMod | kAllowDeictic) || p.deictic_duration) return false;
  const TimeWord* w = W(h);
  if (!Cap(h)) return false;
  std::uint32_t end = h + 1;
  // A date after it ("Monday, Oct. 26") is a rule of time/rules.txt.
  if (w->weekday_ambiguous && !p.deictic && !TriggerBefore(p.start)) return false;
  // "the Sunday Times", "the Monday Club", "the Good Friday Agreement": a
  // name. (A word is plain when it is no time word or function word; words
  // of rules.txt have entries of no kind.)
  auto plain = [&](std::uint32_t k) {
    const TimeWord* x = W(k);
    return tokens_[k].kind == TokenKind::kWord && Cap(k) &&
           (x == nullptr || (x->kind == TimeWordKind::kNone && !x->function_word && x->month == 0 &&
                             x->weekday == 0));
  };
  if (!p.deictic && h > sb_ && InSentence(h + 1) && plain(h + 1) &&
      (KindAt(h - 1) == TimeWordKind::kDet ||
       (h > sb_ + 1 && p.start == h && plain(h - 1) && KindAt(h - 2) == TimeWordKind::kDet))) {
    return false;
  }
  // "on Monday and Tuesday nights": every Monday night too.
  if (!p.deictic && !p.mod && InSentence(h + 3) && (Text(h + 1) == "and" || Text(h + 1) == "or") &&
      W(h + 2) != nullptr && W(h + 2)->weekday != 0 && Cap(h + 2)) {
    static constexpr std::pair<std::string_view, std::string_view> kPlural[] = {
        {"mornings", "MO"}, {"afternoons", "AF"}, {"evenings", "EV"}, {"nights", "NI"}};
    for (const auto& [word, code] : kPlural) {
      if (Text(h + 3) != word) continue;
      f->first = h;
      f->end = h + 1;
      f->type = TimexType::kSet;
      f->anchor =
          ValueOnlyAnchor("XXXX-WXX-" + std::to_string(w->weekday) + "T" + std::string(code));
      f->rule = RuleRef{"time.set.conjoined_weekday"};
      return true;
    }
  }
  std::string suffix;
  if (KindAt(end) == TimeWordKind::kPartOfDay) {
    suffix = "T" + W(end)->text;
    ++end;
  }
  f->first = p.start;
  f->end = end;
  Direction dir;
  if (p.deictic && p.deictic_value < 0) {
    dir = Direction::kBefore;
  } else if (p.deictic && p.deictic_value > 0) {
    dir = Direction::kAfter;
  } else if (InSentence(end) && tokens_[end].Has(kTokClitic)) {
    // "Wednesday's ruling", "Friday's close": news names a day's event by
    // its day once it has happened.
    dir = Direction::kOnOrBefore;
  } else {
    const Tense tense = TenseNear(p.start, end);
    dir = DeadlineBefore(p.start) || tense == Tense::kFuture ? Direction::kOnOrAfter
          : tense == Tense::kPlanned                         ? Direction::kNearest
                                                             : Direction::kOnOrBefore;
  }
  std::optional<sys_days> day;
  if (dct_) day = ResolveWeekday(*dct_, w->weekday, dir);
  SetDay(day, suffix, f);
  if (!suffix.empty()) f->type = TimexType::kTime;
  f->rule = !suffix.empty() ? RuleRef{"time.weekday.part_of_day"}
            : p.deictic     ? RuleRef{"time.weekday.deictic"}
                            : RuleRef{"time.weekday.bare"};
  return true;
}

// "November 29, 2022", "November 29", "March 2022", "in March", "last November",
// "late November".
bool TimeMatcher::Month(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowMod | kAllowDeictic) || p.deictic_duration) return false;
  const TimeWord* w = W(h);
  if (!Cap(h)) return false;
  MonthDate md;
  if (MonthDateAt(h, &md)) {
    // Dates and "March 2022" are rules of time/rules.txt; here only a
    // modifier before a month and year, "early March 2022" ("last Oct. 23"
    // and "early November 29" are the date alone).
    if (!p.mod || p.deictic || md.day != 0) return false;
    f->first = p.start;
    f->end = md.end;
    f->anchor = MonthAnchor(date::year{md.year} / date::month{md.month});
    f->rule = RuleRef{"time.date.month_year_mod"};
    return true;
  }
  // "January this year", "June last year".
  const TimeWord* dw = W(h + 1);
  const TimeWord* yw = W(h + 2);
  if (!p.deictic && dw != nullptr && dw->kind == TimeWordKind::kDeictic && !dw->duration_only &&
      yw != nullptr && yw->kind == TimeWordKind::kUnit && yw->unit == TimeUnit::kYear &&
      !yw->plural) {
    f->first = p.start;
    f->end = h + 3;
    f->rule = RuleRef{"time.date.month_deictic_year"};
    if (!dct_) {
      f->anchor = ValueOnlyAnchor("XXXX-" + Two(w->month));
      f->unresolved = true;
      return true;
    }
    const date::year y = date::year_month_day{*dct_}.year() + date::years{dw->value};
    f->anchor = MonthAnchor(y / date::month{w->month});
    f->relative = true;
    return true;
  }
  // A bare month needs context when its name is also a word ("May", "March").
  if (w->month_ambiguous && !p.mod && !p.deictic && !TriggerBefore(p.start)) return false;
  f->first = p.start;
  f->end = h + 1;
  if (!dct_) {
    f->anchor = ValueOnlyAnchor("XXXX-" + Two(w->month));
    f->unresolved = true;
    f->rule = RuleRef{"time.date.month"};
    return true;
  }
  date::year_month ym;
  if (!p.deictic) {
    ym = MonthNear(w->month, p.start, h + 1);
  } else if (p.deictic_value == 0) {
    ym = date::year_month_day{*dct_}.year() / date::month{w->month};
  } else {
    ym =
        ResolveMonth(*dct_, w->month, p.deictic_value < 0 ? Direction::kBefore : Direction::kAfter);
  }
  f->anchor = MonthAnchor(ym);
  f->relative = true;
  f->rule = p.deictic ? RuleRef{"time.date.month_deictic"} : RuleRef{"time.date.month"};
  return true;
}

// "today", "yesterday morning", "late yesterday", "earlier today".
bool TimeMatcher::RelDate(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowMod)) return false;
  const TimeWord* w = W(h);
  std::uint32_t end = h + 1;
  std::string suffix = w->part_of_day.empty() ? "" : "T" + w->part_of_day;
  if (suffix.empty() && KindAt(end) == TimeWordKind::kPartOfDay) {
    suffix = "T" + W(end)->text;
    ++end;
  }
  f->first = p.start;
  f->end = end;
  std::optional<sys_days> day;
  if (dct_) day = *dct_ + days{w->value};
  SetDay(day, suffix, f);
  if (!suffix.empty()) f->type = TimexType::kTime;
  f->rule = RuleRef{"time.relative.day"};
  return true;
}

// "winter", "this winter", "during winter", "in the fall", "last summer",
// "summer 2008".
bool TimeMatcher::Season(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowMod | kAllowDeictic | kAllowThe) || p.deictic_duration) return false;
  const TimeWord* w = W(h);
  const bool trigger = TriggerBefore(p.start);
  if (p.the >= 0 && !p.deictic && !trigger) return false;  // "the winter equipment"
  if (!p.deictic && !p.mod && !trigger && p.the < 0) {
    // Bare: "use winter as a weapon" yes, "winter temperatures" no.
    if (w->ambiguous || !BoundaryAfter(h)) return false;
  }
  // "fall", "spring" are also verbs and nouns: "in the fall", "by fall",
  // "last spring", not "began to fall apart".
  if (w->ambiguous && !p.deictic &&
      !(trigger && (p.the >= 0 || W(p.start - 1)->value == 1 || YearAt(h + 1) != 0))) {
    return false;
  }
  f->first = p.start;
  f->end = h + 1;
  if (int y = YearAt(h + 1); y != 0 && !p.deictic) {  // "summer 2008"
    f->end = h + 2;
    f->anchor = SeasonAnchor(date::year{y}, w->value);
    f->rule = RuleRef{"time.season.year"};
    return true;
  }
  f->rule = p.deictic ? RuleRef{"time.season.deictic"} : RuleRef{"time.season.bare"};
  if (!dct_) {
    static constexpr const char* kCodes[] = {"SP", "SU", "FA", "WI"};
    f->anchor = ValueOnlyAnchor(std::string("XXXX-") + kCodes[w->value]);
    f->unresolved = true;
    return true;
  }
  Direction dir = Direction::kNearest;
  if (p.deictic && p.deictic_value != 0) {
    dir = p.deictic_value < 0 ? Direction::kBefore : Direction::kAfter;
  }
  Tense tense = TenseNear(p.start, h + 1);
  // A narrative: the season of the year last named ("In 1941 ... the summer").
  if (const std::optional<int> y = NarrativeYear(tense); y && !p.deictic) {
    f->anchor = SeasonAnchor(date::year{*y}, w->value);
    return true;
  }
  int n = ResolveSeason(*dct_, w->value, dir,
                        tense == Tense::kFuture ? Direction::kAfter : Direction::kBefore);
  f->anchor = SeasonAnchor(date::year{SeasonYear(n)}, SeasonOf(n));
  f->relative = true;
  return true;
}

// "this morning", "in the morning".
bool TimeMatcher::PartOfDay(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowMod | kAllowDeictic | kAllowThe) || p.deictic_duration) return false;
  const TimeWord* w = W(h);
  int offset = 0;
  if (p.deictic) {
    offset = p.deictic_value;
  } else if (p.mod && p.the < 0 && TriggerBefore(p.start)) {
    // "by mid afternoon", "in late afternoon yesterday"
    f->first = p.start;
    DayOfPartOfDay(h + 1, w->text, f);
    f->rule = RuleRef{"time.part_of_day.mod"};
    return true;
  } else if (p.the < 0 || !TriggerBefore(p.start) || KindAt(h + 1) == TimeWordKind::kTrigger) {
    return false;  // only "in the morning", not "the morning of ..."
  }
  f->first = p.start;
  f->end = h + 1;
  std::optional<sys_days> day;
  if (dct_) day = *dct_ + days{offset};
  SetDay(day, "T" + w->text, f);
  f->type = TimexType::kTime;
  f->rule = RuleRef{"time.part_of_day"};
  return true;
}

void TimeMatcher::DayOfPartOfDay(std::uint32_t k, std::string_view part, Found* f) {
  std::optional<sys_days> day;
  if (dct_) day = *dct_;
  f->end = k;
  const TimeWord* nw = W(k);
  if (nw != nullptr && nw->kind == TimeWordKind::kRelDate && nw->part_of_day.empty()) {
    f->end = k + 1;  // "mid-afternoon yesterday"
    if (dct_) day = *dct_ + days{nw->value};
  } else if (nw != nullptr && nw->weekday != 0 && !nw->weekday_ambiguous && Cap(k)) {
    f->end = k + 1;  // "late afternoon Friday"
    if (dct_) {
      const bool ahead = DeadlineBefore(f->first) || TenseNear(f->first, f->end) == Tense::kFuture;
      day = ResolveWeekday(*dct_, nw->weekday,
                           ahead ? Direction::kOnOrAfter : Direction::kOnOrBefore);
    }
  }
  SetDay(day, "T" + std::string(part), f);
  f->type = TimexType::kTime;
}

// "this week", "last year", "the past year", "the third quarter", "the 20th
// century", "the weekend".
bool TimeMatcher::UnitHead(const Prefix& p, std::uint32_t h, Found* f) {
  const TimeWord* w = W(h);
  const TimeUnit u = w->unit;
  // Quarters, halves and centuries by ordinal.
  if (p.ordinal != 0) return OrdinalPeriod(p, u, h, f);
  if (u == TimeUnit::kWeekend && !p.deictic && p.the >= 0) {
    // "the weekend": the last one in a past sentence, the next one otherwise.
    if (!Accepts(p, kAllowThe)) return false;
    f->first = p.start;
    f->end = h + 1;
    f->rule = RuleRef{"time.week.weekend"};
    if (!dct_) {
      f->anchor = ValueOnlyAnchor("XXXX-WXX-WE");
      f->unresolved = true;
      return true;
    }
    Tense tense = TenseNear(p.start, h + 1);
    sys_days sat = ResolveWeekday(
        *dct_, 6, tense == Tense::kFuture ? Direction::kOnOrAfter : Direction::kOnOrBefore);
    f->anchor = WeekOf(sat);
    f->anchor.value += "-WE";
    f->relative = true;
    return true;
  }
  if (w->plural && p.start == h && h > sb_ && KindAt(h - 1) == TimeWordKind::kTrigger &&
      W(h - 1)->value == 2 && !UnitLetter(u).empty()) {
    // "for years", "within weeks"
    Number some;
    some.some = true;
    f->first = h;
    f->end = h + 1;
    f->type = TimexType::kDuration;
    f->anchor = ValueOnlyAnchor(DurationValue(some, u));
    f->rule = RuleRef{"time.duration.plural"};
    return true;
  }
  if (w->plural && p.start == h && InSentence(h + 1) && Text(h + 1) == "ago" &&
      !UnitLetter(u).empty()) {
    // "months ago", "years ago": some time before.
    f->first = h;
    f->end = h + 2;
    f->anchor = ValueOnlyAnchor("PAST_REF");
    f->rule = RuleRef{"time.relative.ago"};
    return true;
  }
  if (u == TimeUnit::kYear && !w->plural && !p.deictic && p.the >= 0 && p.ordinal == 0 &&
      Accepts(p, kAllowThe | kAllowFiscal | kAllowMod)) {
    // "for the year", "a high for the year", "lower earnings for the fiscal
    // year": the year of the report; in a narrative the year last named. Not
    // "the year ended June 30", "the year before", "the year of the dragon".
    // "Person of the Year", "Album of the Year": a title.
    if (Cap(h) && p.start > sb_ && Text(p.start - 1) == "of") return false;
    if (InSentence(h + 1)) {
      static constexpr std::string_view kNotThisYear[] = {
          "ended", "ending", "before",  "after", "of", "that",      "when",
          "in",    "ago",    "earlier", "later", "to", "following", "which"};
      const std::string_view next = Text(h + 1);
      if (tokens_[h + 1].Has(kTokClitic) || tokens_[h + 1].kind == TokenKind::kNumber ||
          std::find(std::begin(kNotThisYear), std::end(kNotThisYear), next) !=
              std::end(kNotThisYear)) {
        return false;
      }
    }
    f->first = p.start;
    f->end = h + 1;
    f->rule = RuleRef{"time.relative.the_year"};
    if (!dct_) {
      f->anchor = ValueOnlyAnchor("XXXX");
      f->unresolved = true;
      return true;
    }
    // "the year" points back more readily than a bare month: the year last
    // named when that is two or more years from the DCT, narrative or not
    // ("... in 1946. Later in the year, Chiang ...").
    // (Only a year named shortly before, not as background: "The firm,
    // founded in 1998, reported a loss for the year", "Sales have doubled
    // since 2019. Profit for the year rose".)
    std::uint32_t named_first = 0, named_end = 0;
    const TimeAnchor* base = PreviousAbsolute(&named_first, &named_end);
    if (base != nullptr) {
      const std::string_view before = named_first > 0 ? Text(named_first - 1) : "";
      const bool background =
          p.start > named_end + 80 || before == "since" ||
          (before == "in" && named_first > 1 && Text(named_first - 2).ends_with("ed") &&
           named_first > 2 && Text(named_first - 3) == ",");
      if (background) base = nullptr;
    }
    if (base != nullptr && base->grain >= Grain::kYear &&
        TenseNear(p.start, h + 1) != Tense::kFuture) {
      const date::year by = date::year_month_day{base->begin}.year();
      const date::year now = date::year_month_day{*dct_}.year();
      if (by < now - date::years{1} || by > now + date::years{1}) {
        f->anchor = YearAnchor(by);
        return true;
      }
    }
    f->anchor = YearAnchor(date::year_month_day{*dct_}.year());
    f->relative = true;
    return true;
  }
  if (!p.deictic || w->plural) return false;
  // "the current fiscal year", "last fiscal year": the year named by its
  // fiscal label (a fiscal year is dated by the calendar year, as "fiscal 1989").
  const unsigned fiscal = u == TimeUnit::kYear ? kAllowFiscal : kAllowNone;
  if (!Accepts(p, kAllowMod | kAllowThe | kAllowDeictic | fiscal)) return false;
  f->first = p.start;
  f->end = h + 1;
  // "the past year", "past week", "the next month": a duration; "the last
  // quarter" is the one before this one, like "last quarter".
  if ((p.deictic_duration || (p.the >= 0 && p.deictic_value > 0)) && !p.fiscal) {
    if (p.mod) return false;
    Number one;
    one.value = 1;
    if (UnitLetter(u).empty()) return false;
    f->type = TimexType::kDuration;
    f->anchor = ValueOnlyAnchor(DurationValue(one, u));
    f->rule = RuleRef{"time.duration.deictic"};
    return true;
  }
  if (IsClockUnit(u) || u == TimeUnit::kDay || u == TimeUnit::kFortnight) return false;
  // "This Week" inside a sentence is a name (a television programme).
  if (Cap(h) && !tokens_[h].Has(kTokAllCaps) && p.start > sb_) return false;
  // In a report of quarterly results, "last year" beside an amount ("a loss
  // of $3 million last year", "from last year's $1.55 billion") is the
  // quarter last named, a year before.
  if (u == TimeUnit::kYear && p.deictic_value < 0 && !p.mod && p.the < 0 && dct_) {
    auto amount = [&](std::uint32_t k) {
      return InSentence(k) &&
             (tokens_[k].kind == TokenKind::kNumber ||
              (W(k) != nullptr && (W(k)->IsNumber() || W(k)->kind == TimeWordKind::kCountNoun)));
    };
    const bool beside = (p.start > sb_ && amount(p.start - 1)) ||
                        (InSentence(h + 1) && tokens_[h + 1].Has(kTokClitic) && InSentence(h + 2) &&
                         tokens_[h + 2].kind == TokenKind::kSymbol);
    const TimeAnchor* base = PreviousAnchor();
    if (beside && base != nullptr && base->grain == Grain::kQuarter) {
      f->anchor = *Shift(*base, -1, TimeUnit::kYear);
      f->relative = true;
      f->anchored = true;
      f->rule = RuleRef{"time.relative.last_year_quarter"};
      return true;
    }
  }
  f->rule = RuleRef{"time.relative.unit"};
  if (u == TimeUnit::kWeekend) {
    if (!dct_) {
      f->anchor = ValueOnlyAnchor("XXXX-WXX-WE");
      f->unresolved = true;
      return true;
    }
    f->anchor = WeekOf(*dct_ + days{7 * p.deictic_value});
    f->anchor.value += "-WE";
    f->relative = true;
    return true;
  }
  if ((u == TimeUnit::kHalf || u == TimeUnit::kQuarter) && DecadeAfterOf(h + 1, f)) return true;
  SetShifted(p.deictic_value, u, f);
  return true;
}

// "the last half of the '80s": the part of a decade is dated by the decade.
bool TimeMatcher::DecadeAfterOf(std::uint32_t k, Found* f) {
  if (!InSentence(k + 1) || Text(k) != "of") return false;
  Prefix q;
  q.start = k + 1;
  std::uint32_t h = k + 1;
  if (KindAt(h) == TimeWordKind::kDet) q.the = static_cast<std::int32_t>(h++);
  Found d;
  if (!InSentence(h) || !Decade(q, h, &d)) return false;
  f->end = d.end;
  f->anchor = std::move(d.anchor);
  f->relative = false;
  f->rule = RuleRef{"time.decade.part"};
  return true;
}

// Numbers: ISO dates, clock times, "29 November 2022", durations, years.
bool TimeMatcher::NumberHead(const Prefix& p, std::uint32_t h, Found* f) {
  const Token& t = tokens_[h];
  if (t.kind == TokenKind::kNumber) {
    std::string_view s = Text(h);
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {  // 2022-11-29
      if (!Accepts(p, kAllowNone)) return false;
      date::year_month_day ymd{date::year{ParseSmall(s.substr(0, 4))},
                               date::month{static_cast<unsigned>(ParseSmall(s.substr(5, 2)))},
                               date::day{static_cast<unsigned>(ParseSmall(s.substr(8, 2)))}};
      if (!ymd.ok()) return false;
      f->first = p.start;
      f->end = h + 1;
      f->anchor = DayAnchor(sys_days{ymd});
      f->rule = RuleRef{"time.date.iso"};
      return true;
    }
    if (std::count(s.begin(), s.end(), '/') == 2) {  // 11/29/2022 (US order)
      if (!Accepts(p, kAllowNone)) return false;
      std::size_t a = s.find('/'), b = s.find('/', a + 1);
      std::string_view ms = s.substr(0, a), ds = s.substr(a + 1, b - a - 1), ys = s.substr(b + 1);
      if (!AllDigits(ms) || !AllDigits(ds) || !AllDigits(ys) || ms.size() > 2 || ds.size() > 2 ||
          (ys.size() != 4 && ys.size() != 2))
        return false;
      int y = ParseSmall(ys);
      if (ys.size() == 2) y += y < 50 ? 2000 : 1900;
      date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(ParseSmall(ms))},
                               date::day{static_cast<unsigned>(ParseSmall(ds))}};
      if (!ymd.ok()) return false;
      f->first = p.start;
      f->end = h + 1;
      f->anchor = DayAnchor(sys_days{ymd});
      f->rule = RuleRef{"time.date.numeric"};
      return true;
    }
    if (ClockHead(p, h, f)) return true;
  }
  // "29 November 2022" is a rule of time/rules.txt.
  if (Duration(p, h, f)) return true;
  if (t.kind == TokenKind::kNumber) return Year(p, h, f);
  // Years in words: "nineteen ninety-six".
  Number century, rest;
  if (Accepts(p, kAllowNone) && NumberAt(h, &century) && century.word && !century.some &&
      century.value >= 11 && century.value <= 20 && century.value == std::floor(century.value) &&
      NumberAt(century.end, &rest) && rest.word && !rest.some && rest.value >= 10 &&
      rest.value <= 99 && rest.value == std::floor(rest.value)) {
    f->first = p.start;
    f->end = rest.end;
    f->anchor = YearAnchor(date::year{static_cast<int>(century.value * 100 + rest.value)});
    f->rule = RuleRef{"time.year.words"};
    return true;
  }
  return false;
}

// "three weeks", "10 years", "the past two months", "a year ago", "more than
// four decades ago", "the first nine months", "twenty four hours".
bool TimeMatcher::Duration(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowApprox | kAllowThe | kAllowDeictic | kAllowOrdinal)) return false;
  if (p.deictic && p.deictic_value == 0) return false;  // "this two weeks"
  Number n;
  if (!NumberAt(h, &n)) return false;
  auto is_unit = [&](std::uint32_t k) {
    const TimeWord* w = W(k);
    return w != nullptr && w->kind == TimeWordKind::kUnit && !UnitLetter(w->unit).empty();
  };
  auto word_is = [&](std::uint32_t k, std::string_view s) {
    return InSentence(k) && tokens_[k].kind == TokenKind::kWord && Text(k) == s;
  };
  // A range of counts before the unit, "two to three weeks", "12 to 18
  // months", "five or six days": one duration without an exact count.
  bool range = false;
  if (!n.some && (word_is(n.end, "to") || word_is(n.end, "or"))) {
    Number m;
    if (NumberAt(n.end + 1, &m) && !m.some && m.value > n.value && is_unit(m.end)) {
      n.end = m.end;
      n.some = true;
      range = true;
    }
  }
  if (KindAt(n.end) == TimeWordKind::kExtra) ++n.end;  // "two more weeks"
  const TimeWord* uw = W(n.end);
  if (!is_unit(n.end)) return false;
  if (n.word && n.value == 1 && uw->plural && !range) return false;  // "a years"
  std::uint32_t end = n.end + 1;
  if (KindAt(end) == TimeWordKind::kAge) return false;  // "52 years old" is an age
  // "a quarter of the market", "three quarters of the shares": a fraction
  // of what follows, unless it is a time ("a quarter of a century");
  // "several quarters of losses" are periods.
  if ((uw->unit == TimeUnit::kQuarter || uw->unit == TimeUnit::kHalf) && !n.some &&
      word_is(end, "of") &&
      (KindAt(end + 1) == TimeWordKind::kDet ||
       (W(end + 1) != nullptr && W(end + 1)->determiner)) &&
      !is_unit(end + 2)) {
    return false;
  }
  // "a quarter of a century", "half of a year": that share of the time unit
  // after "of" is one duration (P25Y, P6M), not "a quarter" (P3M) then "a
  // century".
  if ((uw->unit == TimeUnit::kQuarter || uw->unit == TimeUnit::kHalf) && !uw->plural && n.word &&
      n.value == 1 && word_is(end, "of") && InSentence(end + 2) &&
      (KindAt(end + 1) == TimeWordKind::kDet ||
       (W(end + 1) != nullptr && W(end + 1)->determiner)) &&
      is_unit(end + 2) && !W(end + 2)->plural) {
    const bool quarter = uw->unit == TimeUnit::kQuarter;
    std::string value;
    switch (W(end + 2)->unit) {
      case TimeUnit::kCentury:
        value = quarter ? "P25Y" : "P50Y";
        break;
      case TimeUnit::kDecade:
        value = quarter ? "P2Y6M" : "P5Y";
        break;
      case TimeUnit::kYear:
        value = quarter ? "P3M" : "P6M";
        break;
      case TimeUnit::kHour:
        value = quarter ? "PT15M" : "PT30M";
        break;
      case TimeUnit::kMinute:
        value = quarter ? "PT15S" : "PT30S";
        break;
      case TimeUnit::kDay:
        value = quarter ? "PT6H" : "PT12H";
        break;
      default:
        break;
    }
    if (value.empty()) return false;
    f->first = std::max(p.start, h);
    f->end = end + 3;
    f->type = TimexType::kDuration;
    f->anchor = ValueOnlyAnchor(value);
    f->rule = RuleRef{"time.duration.fraction"};
    return true;
  }
  // "CBS's 60 Minutes": a capitalised unit inside a sentence after digits is
  // a title.
  if (tokens_[n.end].Has(kTokCapitalized) && !tokens_[n.end].Has(kTokAllCaps) && h > sb_ &&
      !n.word) {
    return false;
  }
  // "Islam will one day be ...": some day in the future, not a day long.
  if (n.word && !n.some && n.value == 1 && uw->unit == TimeUnit::kDay && !uw->plural &&
      p.start == h && h > sb_ && (Text(h) == "one" || Text(h) == "One")) {
    const std::string_view before = Text(h - 1);
    if (before == "will" || before == "would" || before == "may" || before == "might" ||
        before == "could" || before == "can" || before == "shall" || before == "'ll") {
      f->first = h;
      f->end = end;
      f->anchor = ValueOnlyAnchor("FUTURE_REF");
      f->rule = RuleRef{"time.fuzzy.one_day"};
      return true;
    }
  }
  // "a minute and a half", "an hour and a half".
  if (!n.some && !uw->plural && AndAHalfAt(end) &&
      (uw->unit == TimeUnit::kMinute || uw->unit == TimeUnit::kHour || uw->unit == TimeUnit::kDay ||
       uw->unit == TimeUnit::kYear)) {
    n.value += 0.5;
    end += 3;
  }
  // "a week or so" (kept in the span, the count stays); "a year or two"
  // (a count between the two).
  if (word_is(end, "or")) {
    Number m;
    if (word_is(end + 1, "so")) {
      end += 2;
    } else if (!n.some && NumberAt(end + 1, &m) && !m.some && m.value > n.value &&
               !is_unit(m.end) && KindAt(m.end) != TimeWordKind::kExtra) {
      end = m.end;
      n.some = true;
    }
  }
  f->first = p.start;
  // "A few days later, the firm announced ...": counted from the story's last
  // event, with no count to date it by; the duration alone, "later" being
  // its signal (as TimeML marks it). "A few days ago" is the DCT's past.
  const bool story_relative = InSentence(end) && tokens_[end].kind == TokenKind::kWord &&
                              (Text(end) == "later" || Text(end) == "earlier");
  // "two years ago", "a year earlier", "two days from now" (a phrase whose
  // first word is of another kind).
  std::uint32_t ago_end = end + 1;
  const TimeWord* ago = PhraseAt(
      end, [](const TimeWord& x) { return x.kind == TimeWordKind::kAgo; }, &ago_end);
  if (ago == nullptr && KindAt(end) == TimeWordKind::kAgo) {
    ago = W(end);
    ago_end = end + 1;
  }
  if (ago != nullptr && !p.deictic && p.the < 0 && p.ordinal == 0 && !(n.some && story_relative)) {
    f->end = ago_end;
    f->rule = RuleRef{"time.relative.ago"};
    // "Three hundred days later he returned": in a past clause with no dated
    // expression to count from, "later"/"earlier" counts from the story's
    // last event, not from the DCT: the duration (TimeML's reading).
    if (story_relative && TenseNear(p.start, ago_end) == Tense::kPast) {
      f->end = end;
      f->type = TimexType::kDuration;
      f->anchor = ValueOnlyAnchor(DurationValue(n, uw->unit));
      f->rule = RuleRef{"time.duration.story_relative"};
      return true;
    }
    // (A fraction of an hour or a minute still falls on a day: "an hour and a
    // half later".)
    if (n.some || (n.value != std::floor(n.value) && !IsClockUnit(uw->unit))) {
      f->anchor = ValueOnlyAnchor(ago->value < 0 ? "PAST_REF" : "FUTURE_REF");
      return true;
    }
    // In a report of quarterly results "a year ago" is the same quarter a
    // year before: the quarter last named.
    if (n.value == 1 && uw->unit == TimeUnit::kYear && dct_) {
      const TimeAnchor* base = PreviousAnchor();
      if (base != nullptr && base->grain == Grain::kQuarter) {
        f->anchor = *Shift(*base, ago->value, TimeUnit::kYear);
        f->relative = true;
        f->anchored = true;
        f->rule = RuleRef{"time.relative.ago_quarter"};
        return true;
      }
    }
    SetShifted(ago->value * static_cast<int>(n.value), uw->unit, f);
    return true;
  }
  // "a year" after a count or a plural noun is a rate: "$1.76 a year", "700
  // seats a week", "24 hours a day".
  if (n.word && n.value == 1 && W(h) != nullptr && W(h)->determiner && p.start == h && h > sb_) {
    const Token& before = tokens_[h - 1];
    const TimeWord* bw = W(h - 1);
    std::string_view bs = Text(h - 1);
    if (before.kind == TokenKind::kNumber ||
        (before.kind == TokenKind::kWord && !before.Has(kTokCapitalized) && bs.size() > 2 &&
         bs.back() == 's' && (bw == nullptr || !bw->function_word))) {
      return false;
    }
  }
  f->end = end;
  f->type = TimexType::kDuration;
  f->anchor = ValueOnlyAnchor(DurationValue(n, uw->unit));
  f->rule = RuleRef{"time.duration.count"};
  return true;
}

// "in 2008", "a 2008 decision", "2008's", "fiscal 1989", "early 2008", "the
// end of 1990"; not "2008 people", "1500 troops", "about 1500", "$2008".
bool TimeMatcher::Year(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowMod | kAllowFiscal)) return false;
  int nd = 0;
  const long v = DigitsAt(h, &nd);
  if (nd != 4 || v < 1000 || v > 2099) return false;
  const TimeWord* pw = nullptr;  // the word before the expression
  bool strong = p.mod || p.fiscal;
  if (p.start > sb_) {
    const Token& pt = tokens_[p.start - 1];
    if (pt.kind == TokenKind::kSymbol) return false;  // $2008, #2008
    pw = W(p.start - 1);
    if (pw != nullptr && pw->kind == TimeWordKind::kApprox) return false;  // about 1500
    if (pw != nullptr &&
        (pw->determiner || (pw->kind == TimeWordKind::kTrigger && pw->value == 1))) {
      strong = true;  // "the 2008 elections", "in 2008 prices rose"
    }
    if (pt.Has(kTokClitic)) strong = true;  // "Obama's 2008 campaign"
  }
  if (!strong && InSentence(h + 1)) {
    const Token& nt = tokens_[h + 1];
    const TimeWord* nw = W(h + 1);
    if (nw != nullptr && nw->kind == TimeWordKind::kCountNoun) return false;
    if (nt.kind == TokenKind::kSymbol && Text(h + 1) == "%") return false;
    if (nt.kind == TokenKind::kWord && !Cap(h + 1) && !nt.Has(kTokClitic) &&
        (nw == nullptr || (!nw->function_word && nw->kind == TimeWordKind::kNone))) {
      std::string_view s = Text(h + 1);
      if (s.size() >= 3 && s.back() == 's' && s[s.size() - 2] != 's') return false;  // troops
    }
  }
  f->first = p.start;
  f->end = h + 1;
  f->anchor = YearAnchor(date::year{static_cast<int>(v)});
  f->rule = p.fiscal                                              ? RuleRef{"time.year.fiscal"}
            : p.mod                                               ? RuleRef{"time.year.mod"}
            : pw != nullptr && pw->kind == TimeWordKind::kTrigger ? RuleRef{"time.year.prep"}
            : pw != nullptr && pw->determiner                     ? RuleRef{"time.year.modifier"}
                                                                  : RuleRef{"time.year.bare"};
  return true;
}

// "the 1990s", "1990s", "the '90s", "the early 1990s".
bool TimeMatcher::Decade(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowThe | kAllowMod)) return false;
  std::uint32_t k = h;
  bool apostrophe = false;
  if (tokens_[h].kind == TokenKind::kQuote) {
    std::string_view q = Text(h);
    if (q != "'" && q != "\xE2\x80\x99" && q != "\xE2\x80\x98") return false;
    if (!InSentence(h + 1) || tokens_[h + 1].span.begin != tokens_[h].span.end) return false;
    apostrophe = true;
    k = h + 1;
  }
  std::string_view s = Text(k);
  if (s.size() < 3 || s.back() != 's') return false;
  std::string_view digits = s.substr(0, s.size() - 1);
  if (!AllDigits(digits) || digits.back() != '0') return false;
  int first_year = 0;
  if (digits.size() == 4) {
    first_year = ParseSmall(digits);
    if (first_year < 1000 || first_year > 2090) return false;
  } else if (digits.size() == 2 && (apostrophe || p.the >= 0)) {
    // "the '90s", "the 90s": the twentieth century unless it would be in the future.
    const int yy = ParseSmall(digits);
    const int now = dct_ ? int{date::year_month_day{*dct_}.year()} : 2000;
    first_year = 2000 + yy <= now ? 2000 + yy : 1900 + yy;
  } else {
    return false;
  }
  f->first = p.start;
  f->end = k + 1;
  f->anchor = DecadeAnchor(first_year);
  f->rule = RuleRef{"time.decade"};
  return true;
}

// "10:30", "10:35 a.m.", "3 p.m. EST", "3pm", "noon", "10:35 a.m. Friday".
bool TimeMatcher::ClockHead(const Prefix& p, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowNone)) return false;
  Clock c;
  if (!ClockAt(h, &c)) return false;
  f->first = p.start;
  f->end = c.end;
  f->type = TimexType::kTime;
  f->rule = RuleRef{"time.clock"};
  // A day right after it belongs to the expression: "10:35 a.m. Friday".
  const TimeWord* nw = W(c.end);
  if (nw != nullptr && ((nw->weekday != 0 && !nw->weekday_ambiguous && Cap(c.end)) ||
                        (nw->kind == TimeWordKind::kRelDate && nw->part_of_day.empty()))) {
    f->end = c.end + 1;
    std::optional<sys_days> day;
    if (dct_ && nw->weekday != 0) {
      const bool ahead = DeadlineBefore(p.start) || TenseNear(p.start, f->end) == Tense::kFuture;
      day = ResolveWeekday(*dct_, nw->weekday,
                           ahead ? Direction::kOnOrAfter : Direction::kOnOrBefore);
    } else if (dct_) {
      day = *dct_ + days{nw->value};
    }
    SetDay(day, ClockSuffix(c.minutes), f);
    f->rule = RuleRef{"time.clock.day"};
    return true;
  }
  // Or a date ("5 p.m. EST, Nov. 6") is a rule of time/rules.txt.
  f->clock = c.minutes;  // dated by ResolveClocks()
  f->anchor = ValueOnlyAnchor("XXXX-XX-XX" + ClockSuffix(c.minutes));
  return true;
}

// One token with hyphens: "two-day", "24-hour", "twenty-four-hour",
// "third-quarter", "mid-November", "mid-2008", "mid-1990s", "20th-century".
bool TimeMatcher::Hyphenated(const Prefix& p, std::uint32_t h, Found* f) {
  std::string_view s = Text(h);
  std::string_view parts[4];
  std::size_t n = 0;
  for (std::size_t b = 0; b <= s.size();) {
    std::size_t e = s.find('-', b);
    if (e == std::string_view::npos) e = s.size();
    if (n == 4 || e == b) return false;
    parts[n++] = s.substr(b, e - b);
    b = e + 1;
  }
  if (n < 2) return false;
  const TimeWord* first = Lookup(parts[0]);
  const TimeWord* last = Lookup(parts[n - 1]);
  bool plural_ok = false;
  if (last != nullptr && last->kind == TimeWordKind::kAdjSuffix) {  // "day-long", "8-month-old"
    --n;
    last = Lookup(parts[n - 1]);
    plural_ok = true;  // "decades-long"
    if (n == 1 && last != nullptr && last->kind == TimeWordKind::kUnit &&
        !UnitLetter(last->unit).empty() && Accepts(p, kAllowNone)) {
      Number count;
      count.value = 1;
      count.some = last->plural;
      f->first = p.start;
      f->end = h + 1;
      f->type = TimexType::kDuration;
      f->anchor = ValueOnlyAnchor(DurationValue(count, last->unit));
      f->rule = RuleRef{"time.duration.adjective"};
      return true;
    }
    if (n < 2) return false;
  }
  f->first = p.start;
  f->end = h + 1;
  // "post-1959", "pre-1914": the year (TimeML marks the side with a mod).
  if (n == 2 && AllDigits(parts[1]) && parts[1].size() == 4 && Accepts(p, kAllowThe) &&
      (parts[0] == "post" || parts[0] == "pre" || parts[0] == "Post" || parts[0] == "Pre")) {
    const int y = ParseSmall(parts[1]);
    if (y < 1000 || y > 2099) return false;
    f->first = h;  // "the" goes with the noun: "the post-1959 politics"
    f->anchor = YearAnchor(date::year{y});
    f->rule = RuleRef{"time.year.pre_post"};
    return true;
  }
  // Modifier + month / year / decade / part of day.
  if (first != nullptr && first->kind == TimeWordKind::kMod && n == 2) {
    if (!Accepts(p, kAllowThe)) return false;
    if (last != nullptr && last->kind == TimeWordKind::kPartOfDay) {  // "mid-afternoon"
      if (p.the >= 0) return false;
      DayOfPartOfDay(h + 1, last->text, f);
      f->rule = RuleRef{"time.part_of_day.mod"};
      return true;
    }
    if (last != nullptr && last->month != 0 && parts[1][0] >= 'A' && parts[1][0] <= 'Z') {
      if (p.the >= 0) return false;
      f->rule = RuleRef{"time.date.month_mod"};
      if (!dct_) {
        f->anchor = ValueOnlyAnchor("XXXX-" + Two(last->month));
        f->unresolved = true;
        return true;
      }
      f->anchor = MonthAnchor(MonthNear(last->month, p.start, h + 1));
      f->relative = true;
      return true;
    }
    std::string_view rest = parts[1];
    if (AllDigits(rest) && rest.size() == 4 && p.the < 0) {
      const int y = ParseSmall(rest);
      if (y < 1000 || y > 2099) return false;
      f->anchor = YearAnchor(date::year{y});
      f->rule = RuleRef{"time.year.mod"};
      return true;
    }
    if (rest.size() == 5 && rest.back() == 's' && AllDigits(rest.substr(0, 4)) && rest[3] == '0') {
      f->anchor = DecadeAnchor(ParseSmall(rest.substr(0, 4)));
      f->rule = RuleRef{"time.decade"};
      return true;
    }
    return false;
  }
  if (last == nullptr || last->kind != TimeWordKind::kUnit || (last->plural && !plural_ok)) {
    return false;
  }
  // Ordinal + quarter / half / century: "third-quarter", "20th-century".
  int ordinal = 0;
  if (n == 2 && first != nullptr && first->kind == TimeWordKind::kOrdinal) {
    ordinal = first->value;
  } else if (n == 2 && parts[0].size() >= 3 && AllDigits(parts[0].substr(0, parts[0].size() - 2))) {
    std::string_view suf = parts[0].substr(parts[0].size() - 2);
    if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") {
      ordinal = ParseSmall(parts[0].substr(0, parts[0].size() - 2));
    }
  }
  if (ordinal != 0) {
    Prefix q = p;
    q.ordinal = ordinal;
    return OrdinalPeriod(q, last->unit, h, f);
  }
  // Count + unit: "two-day", "24-hour", "twenty-four-hour".
  if (!Accepts(p, kAllowNone) || UnitLetter(last->unit).empty()) return false;
  double value = 0;
  Number count;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    double v = 0;
    if (AllDigits(parts[i]) && parts[i].size() <= 6) {
      v = ParseSmall(parts[i]);
    } else {
      const TimeWord* nw = Lookup(parts[i]);
      if (nw == nullptr || !nw->IsNumber()) return false;
      if (nw->number == kSomeNumber) {  // "several-year"
        if (n != 2) return false;
        count.some = true;
        break;
      }
      v = nw->number;
    }
    // "twenty-four": tens then units; anything else must stand alone.
    if (i > 0 && !(value >= 20 && std::fmod(value, 10) == 0 && v >= 1 && v <= 9)) return false;
    value += v;
  }
  count.value = value;
  f->type = TimexType::kDuration;
  f->anchor = ValueOnlyAnchor(DurationValue(count, last->unit));
  f->rule = RuleRef{"time.duration.adjective"};
  return true;
}

// "the third quarter [of 1989]", "the first half", "the 20th century",
// "third-quarter" (p.ordinal is set).
bool TimeMatcher::OrdinalPeriod(const Prefix& p, TimeUnit u, std::uint32_t h, Found* f) {
  if (!Accepts(p, kAllowMod | kAllowThe | kAllowFiscal | kAllowOrdinal)) return false;
  f->first = p.start;
  f->end = h + 1;
  if (u == TimeUnit::kCentury) {
    if (p.ordinal > 30) return false;
    f->anchor = CenturyAnchor((p.ordinal - 1) * 100);
    f->rule = RuleRef{"time.century.ordinal"};
    return true;
  }
  const int parts = u == TimeUnit::kQuarter ? 4 : u == TimeUnit::kHalf ? 2 : 0;
  if (parts == 0 || p.ordinal > parts) return false;
  f->rule =
      u == TimeUnit::kQuarter ? RuleRef{"time.quarter.ordinal"} : RuleRef{"time.half.ordinal"};
  int year = 0;
  if (KindAt(h + 1) == TimeWordKind::kTrigger && YearAt(h + 2) != 0) {
    year = YearAt(h + 2);  // "the third quarter of 1989"
    f->end = h + 3;
  } else if (YearAt(h + 1) != 0) {
    year = YearAt(h + 1);  // "the first quarter 1990"
    f->end = h + 2;
  }
  if (year == 0 && DecadeAfterOf(h + 1, f)) return true;  // "the second half of the 1980s"
  if (year == 0 && W(h) != nullptr && W(h)->plural) {
    // "business is usually done in the second and fourth quarters": that
    // quarter of every year.
    f->type = TimexType::kSet;
    f->anchor = ValueOnlyAnchor((u == TimeUnit::kQuarter ? "XXXX-Q" : "XXXX-H") +
                                std::to_string(p.ordinal));
    return true;
  }
  if (year == 0 && !dct_) {
    f->anchor = ValueOnlyAnchor((u == TimeUnit::kQuarter ? "XXXX-Q" : "XXXX-H") +
                                std::to_string(p.ordinal));
    f->unresolved = true;
    return true;
  }
  if (year == 0) {
    // The DCT's year; a quarter that has not begun yet is last year's unless
    // the sentence speaks of the future.
    const date::year_month_day ymd{*dct_};
    year = int{ymd.year()};
    const unsigned m = unsigned{ymd.month()};
    const int current = u == TimeUnit::kQuarter ? QuarterOfMonth(m) : (m <= 6 ? 1 : 2);
    if (p.ordinal > current && TenseNear(p.start, f->end) != Tense::kFuture) --year;
    f->relative = true;
  }
  f->anchor = u == TimeUnit::kQuarter ? QuarterAnchor(date::year{year}, p.ordinal)
                                      : HalfAnchor(date::year{year}, p.ordinal);
  return true;
}

// After "every" / "each": "every Monday", "every week", "every two years",
// "every morning", "every January".
bool TimeMatcher::Set(const Prefix& p, std::uint32_t h, Found* f) {
  if (!InSentence(h)) return false;
  const TimeWord* w = W(h);
  f->first = p.start;
  f->end = h + 1;
  f->type = TimexType::kSet;
  f->rule = RuleRef{"time.set.every"};
  if (w != nullptr && w->weekday != 0 && Cap(h)) {
    f->anchor = ValueOnlyAnchor("XXXX-WXX-" + std::to_string(w->weekday));
    return true;
  }
  if (w != nullptr && w->month != 0 && Cap(h)) {
    f->anchor = ValueOnlyAnchor("XXXX-" + Two(w->month));
    return true;
  }
  if (w != nullptr && w->kind == TimeWordKind::kPartOfDay) {
    f->anchor = ValueOnlyAnchor("XXXX-XX-XXT" + w->text);
    return true;
  }
  if (w != nullptr && w->kind == TimeWordKind::kUnit && !w->plural &&
      !UnitLetter(w->unit).empty()) {
    Number one;
    one.value = 1;
    f->anchor = ValueOnlyAnchor(DurationValue(one, w->unit));
    return true;
  }
  Number n;
  if (NumberAt(h, &n) && !n.some) {
    const TimeWord* uw = W(n.end);
    if (uw != nullptr && uw->kind == TimeWordKind::kUnit && !UnitLetter(uw->unit).empty()) {
      f->end = n.end + 1;
      f->anchor = ValueOnlyAnchor(DurationValue(n, uw->unit));
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Readers.

bool TimeMatcher::MonthDateAt(std::uint32_t k, MonthDate* md) {
  if (!InSentence(k)) return false;
  auto valid = [](int y, unsigned m, unsigned d) {
    // Without a year, February 29 is allowed (a leap year may be meant).
    date::year_month_day ymd{date::year{y == 0 ? 2000 : y}, date::month{m}, date::day{d}};
    return ymd.ok();
  };
  auto year_after = [&](std::uint32_t j, std::uint32_t* end) {
    std::uint32_t at = IsPunct(j, ',') ? j + 1 : j;
    int y = YearAt(at);
    if (y != 0) *end = at + 1;
    return y;
  };
  const TimeWord* w = W(k);
  if (w != nullptr && w->month != 0 && Cap(k)) {
    md->month = w->month;
    if (int day = DayAt(k + 1); day != 0 && KindAt(k + 2) != TimeWordKind::kUnit) {
      md->day = static_cast<unsigned>(day);
      md->end = k + 2;
      md->year = year_after(k + 2, &md->end);
      return valid(md->year, md->month, md->day);
    }
    if (int y = YearAt(k + 1); y != 0) {  // "March 2022"
      md->day = 0;
      md->year = y;
      md->end = k + 2;
      return true;
    }
    return false;
  }
  int day = DayAt(k);
  const TimeWord* mw = W(k + 1);
  if (day != 0 && mw != nullptr && mw->month != 0 && Cap(k + 1)) {  // "29 November 2022"
    md->day = static_cast<unsigned>(day);
    md->month = mw->month;
    md->end = k + 2;
    md->year = year_after(k + 2, &md->end);
    return valid(md->year, md->month, md->day);
  }
  return false;
}

bool TimeMatcher::NumberAt(std::uint32_t k, Number* n) {
  if (!InSentence(k)) return false;
  const Token& t = tokens_[k];
  if (t.kind == TokenKind::kNumber) {
    // Digits with thousands separators and one decimal point: "1,000", "1.5".
    std::string_view s = Text(k);
    double v = 0, scale = 0;
    for (char c : s) {
      if (IsDigit(c)) {
        if (scale > 0) {
          scale /= 10;
          v += (c - '0') * scale;
        } else {
          v = v * 10 + (c - '0');
        }
      } else if (c == '.' && scale == 0) {
        scale = 1;
      } else if (c != ',' || scale > 0) {
        return false;
      }
    }
    n->value = v;
    n->some = false;
    n->word = false;
    n->end = k + 1;
    // "5 1/2"
    if (scale == 0 && InSentence(k + 1) && Text(k + 1) == "1/2") {
      n->value += 0.5;
      n->end = k + 2;
    }
    HalfAfter(n);
    return true;
  }
  const TimeWord* w = W(k);
  std::uint32_t end = k + 1;
  const TimeWord* nw = PhraseAt(k, IsNumberWord, &end);
  if (nw == nullptr && w != nullptr && w->IsNumber()) {
    nw = w;
    end = k + 1;
  }
  if (nw == nullptr) {
    // "twenty-four", "ninety-six"
    std::string_view s = Text(k);
    const std::size_t dash = s.find('-');
    if (t.kind != TokenKind::kWord || dash == std::string_view::npos ||
        s.find('-', dash + 1) != std::string_view::npos)
      return false;
    const TimeWord* tens = Lookup(s.substr(0, dash));
    if (tens == nullptr || !tens->IsNumber() || tens->number < 20 || tens->number > 90 ||
        std::fmod(tens->number, 10) != 0)
      return false;
    const double tens_value = tens->number;
    const TimeWord* units = Lookup(s.substr(dash + 1));
    if (units == nullptr || !units->IsNumber() || units->number < 1 || units->number > 9 ||
        units->number != std::floor(units->number))
      return false;
    n->word = true;
    n->value = tens_value + units->number;
    n->some = false;
    n->end = k + 1;
    return true;
  }
  n->word = true;
  n->value = nw->number;
  n->some = nw->number == kSomeNumber;
  n->end = end;
  // "twenty four"
  if (!n->some && n->value >= 20 && n->value <= 90 && std::fmod(n->value, 10) == 0) {
    const TimeWord* u = W(end);
    if (u != nullptr && u->IsNumber() && u->number >= 1 && u->number <= 9 &&
        u->number == std::floor(u->number)) {
      n->value += u->number;
      n->end = end + 1;
    }
  }
  // "two thousand", "three hundred": a count times the word after it.
  if (!n->some && n->value >= 1 && n->value < 100 && n->value == std::floor(n->value)) {
    const TimeWord* m = W(n->end);
    if (m != nullptr && (m->number == 100 || m->number == 1000) && m->words == 1) {
      n->value *= m->number;
      ++n->end;
    }
  }
  HalfAfter(n);
  return true;
}

bool TimeMatcher::AndAHalfAt(std::uint32_t k) const {
  if (!InSentence(k + 2)) return false;
  const TimeWord* half = W(k + 2);
  if (half == nullptr || half->number != 0.5) return false;  // the cheap test first
  const TimeWord* a = W(k + 1);
  return half->words == 1 && a != nullptr && a->determiner && Text(k + 1).size() == 1 &&
         (Text(k) == "and" || Text(k) == "And");
}

void TimeMatcher::HalfAfter(Number* n) const {
  // "two and a half": the half is part of the count.
  if (!n->some && n->value == std::floor(n->value) && AndAHalfAt(n->end)) {
    n->value += 0.5;
    n->end += 3;
  }
}

bool TimeMatcher::ClockAt(std::uint32_t k, Clock* c) {
  if (!InSentence(k)) return false;
  const Token& t = tokens_[k];
  const TimeWord* w = W(k);
  std::uint32_t end = k + 1;
  int hour = -1, minute = 0;
  bool need_ampm = false;
  int ampm = -1;  // 0 am, 12 pm
  if (w != nullptr && w->kind == TimeWordKind::kClock) {
    hour = w->value / 60;
    minute = w->value % 60;
  } else if (t.kind == TokenKind::kNumber || (t.kind == TokenKind::kWord && t.Has(kTokHasDigit))) {
    std::string_view s = Text(k);
    std::size_t i = 0;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == 0 || i > 2) return false;
    hour = ParseSmall(s.substr(0, i));
    if (i < s.size() && s[i] == ':') {
      if (i + 3 > s.size() || !IsDigit(s[i + 1]) || !IsDigit(s[i + 2])) return false;
      minute = ParseSmall(s.substr(i + 1, 2));
      i += 3;
      if (i < s.size() && s[i] == ':') {  // seconds, dropped
        if (i + 3 > s.size() || !IsDigit(s[i + 1]) || !IsDigit(s[i + 2])) return false;
        i += 3;
      }
    } else {
      need_ampm = true;
    }
    if (i < s.size()) {  // "3pm", "10:30am"
      if (t.kind != TokenKind::kWord) return false;
      const TimeWord* suffix = Lookup(s.substr(i));
      if (suffix == nullptr || suffix->kind != TimeWordKind::kAmPm) return false;
      ampm = suffix->value;
    }
    if (hour > 24 || minute > 59) return false;
  } else {
    return false;
  }
  if (ampm < 0 && KindAt(end) == TimeWordKind::kAmPm) {
    ampm = W(end)->value;
    ++end;
  }
  // "at 4 in the morning", "until 10 in the evening", "by 11 at night" (a
  // preposition of time before the hour: "killed 12 in the morning" counts).
  auto time_prep = [&](std::uint32_t j) {
    if (!InSentence(j)) return false;
    const std::string_view prep = Text(j);
    return prep == "at" || prep == "At" || prep == "by" || prep == "until" || prep == "till" ||
           prep == "from" || prep == "around" || prep == "about" || prep == "before" ||
           prep == "after";
  };
  if (need_ampm && ampm < 0 && InSentence(end + 1) && k > sb_ && time_prep(k - 1)) {
    const std::string_view prep = Text(end);
    std::uint32_t pod = 0;
    if (prep == "in" && KindAt(end + 1) == TimeWordKind::kDet && InSentence(end + 2)) {
      pod = end + 2;
    } else if (prep == "at" && Text(end + 1) == "night") {
      pod = end + 1;
    }
    const TimeWord* pw = pod != 0 ? W(pod) : nullptr;
    if (pw != nullptr && pw->kind == TimeWordKind::kPartOfDay && !Text(pod).ends_with("s") &&
        BoundaryAfter(pod)) {
      ampm = pw->text == "MO" ? 0 : 12;
      if (pw->text == "NI" && hour == 12) ampm = 0;  // "12 at night" is midnight
      if (pw->text == "NI" && hour < 6) ampm = 0;    // "2 at night" is after midnight
      end = pod + 1;
    }
  }
  if (need_ampm && ampm < 0) return false;
  if (ampm >= 0) {
    if (hour < 1 || hour > 12) return false;
    hour = hour % 12 + ampm;
  }
  if (KindAt(end) == TimeWordKind::kZone) ++end;
  c->minutes = hour * 60 + minute;
  c->end = end;
  return true;
}

int TimeMatcher::DayAt(std::uint32_t k) const {
  if (!InSentence(k)) return 0;
  std::string_view s = Text(k);
  const Token& t = tokens_[k];
  if (t.kind == TokenKind::kWord && t.Has(kTokHasDigit) && s.size() >= 3 && s.size() <= 4) {
    std::string_view suf = s.substr(s.size() - 2);
    if (suf != "st" && suf != "nd" && suf != "rd" && suf != "th") return 0;
    s.remove_suffix(2);
  } else if (t.kind != TokenKind::kNumber) {
    return 0;
  }
  if (!AllDigits(s) || s.size() > 2) return 0;
  const int d = ParseSmall(s);
  return d >= 1 && d <= 31 ? d : 0;
}

int TimeMatcher::YearAt(std::uint32_t k) const {
  int nd = 0;
  const long v = DigitsAt(k, &nd);
  return nd == 4 && v >= 1000 && v <= 2999 ? static_cast<int>(v) : 0;
}

long TimeMatcher::DigitsAt(std::uint32_t k, int* ndigits) const {
  *ndigits = 0;
  if (!InSentence(k) || tokens_[k].kind != TokenKind::kNumber) return -1;
  std::string_view s = Text(k);
  if (!AllDigits(s) || s.size() > 9) return -1;
  *ndigits = static_cast<int>(s.size());
  return ParseSmall(s);
}

const TimeWord* TimeMatcher::PhraseAt(std::uint32_t k, bool (*want)(const TimeWord&),
                                      std::uint32_t* end) {
  const TimeWord* w = W(k);
  if (w == nullptr || w->phrase_words < 2) return nullptr;
  if (memo_token_ != k || memo_end_ != se_) {
    // Grow the key a word at a time while it is a prefix of some phrase and
    // remember every entry met; several callers ask about the same token.
    memo_token_ = k;
    memo_end_ = se_;
    memo_count_ = 0;
    const std::uint32_t max_n = std::min<std::uint32_t>(w->phrase_words, se_ - k);
    scratch_.clear();
    AppendFolded(Text(k));
    for (std::uint32_t n = 2; n <= max_n; ++n) {
      if (tokens_[k + n - 1].span.size() > kMaxWordBytes) break;
      scratch_.push_back(' ');
      AppendFolded(Text(k + n - 1));
      const TimeWord* p = vocab_.Find(scratch_);
      if (p == nullptr) break;
      if (p->words == n && memo_count_ < kMemoSize) {
        memo_words_[memo_count_] = p;
        memo_ends_[memo_count_] = k + n;
        ++memo_count_;
      }
      if (!p->prefix) break;
    }
  }
  for (std::size_t i = memo_count_; i-- > 0;) {  // longest first
    if (want(*memo_words_[i])) {
      *end = memo_ends_[i];
      return memo_words_[i];
    }
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Tense and resolution.

namespace {

// Verbs whose infinitive complement or participle looks ahead: "plans to
// meet Monday", "is scheduled for Tuesday", "is due in March".
bool LooksAhead(std::string_view lemma) {
  static constexpr std::string_view kAhead[] = {
      "plan", "expect", "schedule", "set", "slate", "hope", "intend", "aim", "want", "prepare",
      "propose", "due", "go", "agree", "promise", "pledge", "vow", "threaten", "decide", "seek",
      "wish", "need", "likely", "poise", "try", "effective", "upcoming",
      // moving an event later: "has extended the loans through January"
      "extend", "postpone", "delay", "defer", "reschedule"};
  for (std::string_view w : kAhead) {
    if (lemma == w) return true;
  }
  return false;
}

}  // namespace

TimeMatcher::Tense TimeMatcher::TenseFromParse(std::uint32_t first, std::uint32_t end) const {
  const std::vector<TokenSyntax>& syn = doc_->syntax();
  if (syn.size() != tokens_.size() || end <= first || end > se_) return Tense::kUnknown;
  auto in_sentence = [&](std::int32_t k) {
    return k >= static_cast<std::int32_t>(sb_) && k < static_cast<std::int32_t>(se_);
  };
  // The expression's own head: its first token whose head lies outside it.
  std::int32_t top = -1;
  for (std::uint32_t k = first; k < end; ++k) {
    const std::int32_t h = syn[k].head;
    if (h < static_cast<std::int32_t>(first) || h >= static_cast<std::int32_t>(end)) {
      top = static_cast<std::int32_t>(k);
      break;
    }
  }
  if (top < 0 || syn[static_cast<std::size_t>(top)].deprel.empty()) return Tense::kUnknown;
  // Heads stay within a parse window; children are looked for that far.
  constexpr std::int32_t kReach = 80;
  auto children = [&](std::int32_t v, auto&& visit) {
    const std::int32_t lo = std::max(static_cast<std::int32_t>(sb_), v - kReach);
    const std::int32_t hi = std::min(static_cast<std::int32_t>(se_), v + kReach);
    for (std::int32_t j = lo; j < hi; ++j) {
      if (syn[static_cast<std::size_t>(j)].head == v) visit(static_cast<std::size_t>(j));
    }
  };
  auto is_aux = [](std::string_view rel) {
    return rel == "aux" || rel == "aux:pass" || rel == "cop";
  };
  // "effective Feb. 1", "due Monday".
  bool ahead_modifier = false;
  children(top, [&](std::size_t j) {
    ahead_modifier =
        ahead_modifier || (j < first && syn[j].upos == "ADJ" && LooksAhead(doc_->Lemma(j)));
  });
  if (ahead_modifier) return Tense::kFuture;
  // Climb through the nouns the expression modifies ("the meeting on
  // Monday", "a July 16 press conference") to the verb or copular
  // predicate of its clause. A conjunct says nothing of the clause's time
  // ("..., under a June agreement" hung on the verb by mistake): left to
  // the words around.
  std::int32_t v = syn[static_cast<std::size_t>(top)].head;
  std::int32_t below = top;
  for (int hops = 0;; ++hops) {
    if (hops >= 4 || !in_sentence(v)) return Tense::kUnknown;
    const std::string_view rel = syn[static_cast<std::size_t>(below)].deprel;
    if (rel == "conj") return Tense::kUnknown;
    const TokenSyntax& t = syn[static_cast<std::size_t>(v)];
    if (t.upos == "VERB") break;
    // "effective Feb. 1", "due in March": the adjective looks ahead.
    if (t.upos == "ADJ" && LooksAhead(doc_->Lemma(static_cast<std::size_t>(v)))) {
      return Tense::kFuture;
    }
    bool predicate = false;
    children(v, [&](std::size_t j) { predicate = predicate || is_aux(syn[j].deprel); });
    if (predicate) break;
    below = v;
    v = t.head;
  }
  // A reporting verb dates an expression right after it ("said Friday",
  // "announced on Friday that") or one fronted before it ("In a July 16
  // press conference, Jobs said"); not one in brackets, which the parse
  // hangs on a tag by mistake ("(4 a.m. EDT Thursday), Castro said").
  bool bracketed = false;
  for (std::uint32_t k = first; k > sb_; --k) {
    const std::string_view w = Text(k - 1);
    if (w == ")") break;
    if (w == "(") {
      bracketed = true;
      break;
    }
  }
  if (const std::uint32_t uv = static_cast<std::uint32_t>(v);
      uv + 3 < first || (uv > end && bracketed)) {
    const std::string_view lemma = doc_->Lemma(uv);
    if (const LexiconEntry* c = res_.cues.Find(lemma);
        c != nullptr && c->fields.size() >= 2 && c->fields[1] == "say") {
      return Tense::kUnknown;
    }
  }
  // The tense of verb v from its auxiliaries and form; an infinitive takes
  // the tense of the verb above it (one level).
  for (int level = 0; level < 2; ++level) {
    const TokenSyntax& t = syn[static_cast<std::size_t>(v)];
    bool past = false, perfect = false, future = false, modal = false, be_present = false;
    bool to = false;
    children(v, [&](std::size_t j) {
      const TokenSyntax& c = syn[j];
      if (c.deprel == "mark" && doc_->Lemma(j) == "to") to = true;
      if (!is_aux(c.deprel)) return;
      const std::string_view lemma = doc_->Lemma(j);
      if (lemma == "will" || lemma == "would" || lemma == "shall") {
        future = true;
      } else if (c.xpos == "MD") {
        modal = modal || lemma != "could";  // "could be located": often the past of "can"
      } else if (c.xpos == "VBD") {
        past = true;  // "was", "had", "did"
      } else if (lemma == "have" && c.deprel == "aux") {
        perfect = true;  // "has met" is past too
      } else if (lemma == "be" && (c.xpos == "VBZ" || c.xpos == "VBP")) {
        be_present = true;
      }
    });
    // A verb that looks ahead dates its event, not itself, when it is in
    // the present ("is scheduled for Tuesday", "has scheduled a news
    // conference Thursday"); "a speech planned for Saturday was canceled"
    // and "set Friday as the deadline" stay in the past.
    const bool ahead = LooksAhead(doc_->Lemma(static_cast<std::size_t>(v)));
    const bool present = be_present || t.xpos == "VBZ" || t.xpos == "VBP";
    if (future || (ahead && (present || perfect) && !past)) return Tense::kFuture;
    if (past || perfect) return Tense::kPast;
    if (modal || (be_present && to)) return Tense::kFuture;  // "is to be held"
    if (be_present) return t.xpos == "VBG" ? Tense::kFuture : Tense::kPresent;
    if (to) {
      const std::int32_t g = t.head;
      if (!in_sentence(g) || (t.deprel != "xcomp" && t.deprel != "advcl" && t.deprel != "ccomp" &&
                              t.deprel != "acl")) {
        return Tense::kUnknown;
      }
      // "plans to meet Monday", "did not plan to remove him Thursday"; but
      // "had been scheduled to expire Friday" is over.
      if (LooksAhead(doc_->Lemma(static_cast<std::size_t>(g)))) {
        bool pluperfect = false;
        children(g, [&](std::size_t j) {
          pluperfect = pluperfect ||
                       (syn[j].deprel == "aux" && syn[j].xpos == "VBD" && doc_->Lemma(j) == "have");
        });
        return pluperfect ? Tense::kPast : Tense::kFuture;
      }
      v = g;
      continue;
    }
    // A participle that looks ahead and modifies a noun ("The summit,
    // scheduled for Thursday, will go ahead"; "a speech planned for
    // Saturday was canceled") has the tense of the clause of that noun;
    // another one dates its own past event ("would appeal the decision,
    // announced Wednesday").
    if (t.xpos == "VBN" && (t.deprel.starts_with("acl") || t.deprel == "amod") && ahead &&
        in_sentence(t.head) && level == 0) {
      const std::int32_t clause = syn[static_cast<std::size_t>(t.head)].head;
      if (!in_sentence(clause)) return Tense::kUnknown;
      const TokenSyntax& c = syn[static_cast<std::size_t>(clause)];
      bool predicate = c.upos == "VERB";
      bool clause_present = c.xpos == "VBZ" || c.xpos == "VBP";
      children(clause, [&](std::size_t j) {
        predicate = predicate || is_aux(syn[j].deprel);
        clause_present = clause_present ||
                         (is_aux(syn[j].deprel) && (syn[j].xpos == "VBZ" || syn[j].xpos == "VBP"));
      });
      if (!predicate) return Tense::kUnknown;
      // "The concert, scheduled for Sunday, is free": still ahead.
      if (clause_present) return Tense::kFuture;
      v = clause;
      continue;
    }
    // "Protesters planned a demonstration on Saturday": the plan is past,
    // its day may lie either side of the DCT. (Not a day fronted before the
    // plan, which dates the planning: "On Friday, the government planned to
    // pay ...".)
    if (t.xpos == "VBD" && level == 0) {
      const std::string_view lemma = doc_->Lemma(static_cast<std::size_t>(v));
      if ((lemma == "plan" || lemma == "schedule" || lemma == "slate" || lemma == "intend" ||
           lemma == "propose") &&
          v < static_cast<std::int32_t>(first)) {
        return Tense::kPlanned;
      }
    }
    if (t.xpos == "VBD" || t.xpos == "VBN") return Tense::kPast;
    if (t.xpos == "VBZ" || t.xpos == "VBP") return Tense::kPresent;
    // A bare participle takes the tense of the verb it hangs on: "has
    // fluctuated, rising to $42 in June from $29 in March" (past); "would
    // leave on Monday, with the third departing from August 6" (ahead).
    if (t.xpos == "VBG" && level == 0 && !modal && !be_present &&
        (t.deprel.starts_with("advcl") || t.deprel.starts_with("acl") || t.deprel == "xcomp") &&
        in_sentence(t.head) && syn[static_cast<std::size_t>(t.head)].upos == "VERB") {
      v = t.head;
      continue;
    }
    return Tense::kUnknown;
  }
  return Tense::kUnknown;
}

TimeMatcher::Tense TimeMatcher::TenseNear(std::uint32_t first, std::uint32_t end) {
  if (Tense t = TenseFromParse(first, end); t != Tense::kUnknown) return t;
  constexpr std::uint32_t kWindow = 12;
  for (std::uint32_t d = 1; d <= kWindow; ++d) {
    bool any = false;
    if (first >= sb_ + d) {
      any = true;
      if (Tense t = TenseAt(first - d, d <= 2); t != Tense::kUnknown) return t;
    }
    if (end - 1 + d < se_) {
      any = true;
      // A fronted expression is the time of the clause's own verb, reporting
      // verbs included: "In September, it announced plans ...".
      const bool fronted = d <= 4 && (first == sb_ || (first == sb_ + 1 && TriggerBefore(first)));
      if (Tense t = TenseAt(end - 1 + d, fronted); t != Tense::kUnknown) return t;
    }
    if (!any) break;
  }
  return Tense::kUnknown;
}

TimeMatcher::Tense TimeMatcher::TenseAt(std::uint32_t k, bool adjacent_before) {
  const Token& t = tokens_[k];
  if (t.kind != TokenKind::kWord) return Tense::kUnknown;
  auto from_value = [](int v) {
    return v > 0 ? Tense::kFuture : v < 0 ? Tense::kPast : Tense::kPresent;
  };
  if (const TimeWord* w = words_[k]; w != nullptr) {
    if (w->kind == TimeWordKind::kTense) return from_value(w->value);
    std::uint32_t e = 0;
    if (const TimeWord* ph = PhraseAt(k, IsTense, &e)) return from_value(ph->value);
    // "last week" marks the past, "next month" the future; not "next to the
    // embassy" or "the last country to ratify".
    if (w->kind == TimeWordKind::kDeictic && !w->duration_only && w->value != 0) {
      const TimeWord* nw = W(k + 1);
      if (nw != nullptr &&
          (nw->weekday != 0 || nw->month != 0 || nw->kind == TimeWordKind::kUnit ||
           nw->kind == TimeWordKind::kSeason || nw->kind == TimeWordKind::kPartOfDay)) {
        return from_value(w->value);
      }
    }
    if (w->kind == TimeWordKind::kAgo && w->value < 0) return Tense::kPast;
    if (w->kind == TimeWordKind::kFuzzy && w->text != "PRESENT_REF") {
      return w->text == "FUTURE_REF" ? Tense::kFuture : Tense::kPast;
    }
  }
  std::string_view s = Text(k);
  if (s.size() > kMaxWordBytes) return Tense::kUnknown;
  scratch_.clear();
  AppendFolded(s);
  // A reporting verb dates the report, not the reported event ("X will
  // happen Thursday, he said" is future) unless the expression is its own
  // time ("announced Friday that ...", "said on Friday").
  if (const LexiconEntry* c = res_.cues.Find(scratch_);
      !adjacent_before && c != nullptr && c->fields.size() >= 2 && c->fields[1] == "say") {
    return Tense::kUnknown;
  }
  if (const LexiconEntry* e = res_.verbs.Find(scratch_); e != nullptr && e->fields.size() >= 2) {
    std::string_view forms = e->fields[1];
    bool past = false, participle = false, present = false;
    for (std::size_t b = 0; b <= forms.size();) {
      std::size_t bar = forms.find('|', b);
      if (bar == std::string_view::npos) bar = forms.size();
      std::string_view form = forms.substr(b, bar - b);
      past = past || form == "past";
      participle = participle || form == "pastpart";
      present = present || form == "pres" || form == "pres3";
      b = bar + 1;
    }
    if (past || participle) return FutureMarkerBefore(k, 3) ? Tense::kFuture : Tense::kPast;
    if (present) return Tense::kPresent;
    return Tense::kUnknown;
  }
  if (!Cap(k) && s.size() >= 5 && s.ends_with("ed")) {
    return FutureMarkerBefore(k, 3) ? Tense::kFuture : Tense::kPast;
  }
  return Tense::kUnknown;
}

bool TimeMatcher::FutureMarkerBefore(std::uint32_t k, std::uint32_t span) {
  for (std::uint32_t d = 1; d <= span && k >= sb_ + d; ++d) {
    const TimeWord* w = W(k - d);
    if (w == nullptr) continue;
    if (w->kind == TimeWordKind::kTense && w->value > 0) return true;
    std::uint32_t e = 0;
    const TimeWord* ph = PhraseAt(k - d, IsTense, &e);
    if (ph != nullptr && ph->value > 0) return true;
  }
  return false;
}

date::year_month TimeMatcher::MonthNear(unsigned month, std::uint32_t first, std::uint32_t end) {
  const date::year_month_day ymd{*dct_};
  const date::year_month have = ymd.year() / ymd.month();
  // A narrative (most dated expressions so far two or more years away from
  // the DCT, as in a history text): a month without a year is in the year of
  // the previous dated expression ("In 1944 ... in mid-December").
  const Tense tense = TenseNear(first, end);
  if (const std::optional<int> y = NarrativeYear(tense)) return date::year{*y} / date::month{month};
  if (tense != Tense::kPast && first > sb_ && W(first - 1) != nullptr && W(first - 1)->deadline) {
    return ResolveMonth(*dct_, month, Direction::kOnOrAfter);  // "by February"
  }
  switch (tense) {
    case Tense::kFuture:
      return ResolveMonth(*dct_, month, Direction::kOnOrAfter);
    case Tense::kPast: {
      // A past-tense sentence may still name a date just ahead ("the offer
      // was extended to Nov. 16", "postponed until January"), rarely one
      // most of a year ahead; "was passed in January" is before.
      const date::year_month ahead = ResolveMonth(*dct_, month, Direction::kOnOrAfter);
      // ("since January"; "in January" right after a past verb: "was passed
      // in January", "born in June"; not "closing the plant in June",
      // "announced elections in June", "was due in court in June".)
      bool before = false;
      if (first > sb_) {
        const std::string_view prep = Text(first - 1);
        if (prep == "since" || prep == "Since") {
          before = true;
        } else if ((prep == "in" || prep == "In") && first - 1 > sb_) {
          const std::uint32_t v = first - 2;
          const std::vector<TokenSyntax>& syn = doc_->syntax();
          if (syn.size() == tokens_.size()) {
            before = (syn[v].xpos == "VBD" || syn[v].xpos == "VBN") && !LooksAhead(doc_->Lemma(v));
          } else {  // without the parse (the lemmas are the parse's too): "-ed"
            before = Text(v).size() > 3 && Text(v).ends_with("ed") && Text(v) != "scheduled" &&
                     Text(v) != "planned" && Text(v) != "expected";
          }
        }
      }
      if (ahead != have && ahead - have <= date::months{2} && !before) return ahead;
      return ResolveMonth(*dct_, month, Direction::kOnOrBefore);
    }
    default:
      return ResolveMonth(*dct_, month, Direction::kNearest);
  }
}

TimeAnchor TimeMatcher::MonthDayAnchor(date::year_month ym, unsigned day) {
  const date::year_month_day ymd = ym / date::day{day};
  if (ymd.ok()) return DayAnchor(sys_days{ymd});
  // February 29 of a year that has none: keep the value, claim no interval.
  return ValueOnlyAnchor(FormatYear(int{ym.year()}) + "-" +
                         Two(static_cast<int>(unsigned{ym.month()})) + "-" +
                         Two(static_cast<int>(day)));
}

void TimeMatcher::SetDay(std::optional<sys_days> day, std::string_view suffix, Found* f) {
  if (day) {
    f->anchor = DayAnchor(*day);
    f->anchor.value += suffix;
    f->relative = true;
  } else {
    f->anchor = ValueOnlyAnchor("XXXX-XX-XX" + std::string(suffix));
    f->unresolved = true;
  }
}

void TimeMatcher::SetShifted(int n, TimeUnit u, Found* f) {
  if (!dct_) {
    const char* v = "XXXX";
    switch (u) {
      case TimeUnit::kSecond:
      case TimeUnit::kMinute:
      case TimeUnit::kHour:
      case TimeUnit::kDay:
        v = "XXXX-XX-XX";
        break;
      case TimeUnit::kWeek:
      case TimeUnit::kFortnight:
        v = "XXXX-WXX";
        break;
      case TimeUnit::kWeekend:
        v = "XXXX-WXX-WE";
        break;
      case TimeUnit::kMonth:
        v = "XXXX-XX";
        break;
      case TimeUnit::kQuarter:
        v = "XXXX-QX";
        break;
      case TimeUnit::kHalf:
        v = "XXXX-HX";
        break;
      default:
        break;
    }
    f->anchor = ValueOnlyAnchor(v);
    f->unresolved = true;
    return;
  }
  const sys_days dct = *dct_;
  const date::year_month_day ymd{dct};
  const int y = int{ymd.year()};
  const unsigned m = unsigned{ymd.month()};
  auto floor_div = [](int a, int b) { return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0); };
  switch (u) {
    case TimeUnit::kSecond:
    case TimeUnit::kMinute:
    case TimeUnit::kHour:
      f->anchor = DayAnchor(dct);
      break;
    case TimeUnit::kDay:
      f->anchor = DayAnchor(dct + days{n});
      break;
    case TimeUnit::kWeek:
      f->anchor = WeekOf(dct + days{7 * n});
      break;
    case TimeUnit::kFortnight:
      f->anchor = WeekOf(dct + days{14 * n});
      break;
    case TimeUnit::kWeekend:
      f->anchor = WeekOf(dct + days{7 * n});
      f->anchor.value += "-WE";
      break;
    case TimeUnit::kMonth:
      f->anchor = MonthAnchor(ymd.year() / ymd.month() + date::months{n});
      break;
    case TimeUnit::kQuarter: {
      const int q = y * 4 + QuarterOfMonth(m) - 1 + n;
      f->anchor = QuarterAnchor(date::year{floor_div(q, 4)}, q - 4 * floor_div(q, 4) + 1);
      break;
    }
    case TimeUnit::kHalf: {
      const int hf = y * 2 + (m <= 6 ? 0 : 1) + n;
      f->anchor = HalfAnchor(date::year{floor_div(hf, 2)}, hf - 2 * floor_div(hf, 2) + 1);
      break;
    }
    case TimeUnit::kYear:
      f->anchor = YearAnchor(date::year{y + n});
      break;
    case TimeUnit::kDecade:
      f->anchor = DecadeAnchor(floor_div(y, 10) * 10 + 10 * n);
      break;
    case TimeUnit::kCentury:
      f->anchor = CenturyAnchor(floor_div(y, 100) * 100 + 100 * n);
      break;
    case TimeUnit::kNone:
      f->anchor = DayAnchor(dct);
      break;
  }
  f->relative = true;
}

std::string TimeMatcher::DurationValue(const Number& n, TimeUnit u) const {
  std::string v = IsClockUnit(u) ? "PT" : "P";
  // Fortnights are written in weeks, quarters in months (P9M, as TimeML does).
  const double value = u == TimeUnit::kFortnight ? 2 * n.value
                       : u == TimeUnit::kQuarter ? 3 * n.value
                                                 : n.value;
  if (u == TimeUnit::kQuarter) u = TimeUnit::kMonth;
  // Decades are written in years (P10Y, PXY), as TimeML annotators do.
  if (u == TimeUnit::kDecade) {
    Number years = n;
    years.value = 10 * n.value;
    return DurationValue(years, TimeUnit::kYear);
  }
  if (n.some) {
    v += 'X';
  } else if (value - std::floor(value) == 0.5 && value < 1e6 &&
             (u == TimeUnit::kHour || u == TimeUnit::kYear || u == TimeUnit::kDay ||
              u == TimeUnit::kMinute)) {
    // "5 1/2 hours" -> PT5H30M, "2 1/2 years" -> P2Y6M, "1.5 days" -> P1DT12H,
    // "a minute and a half" -> PT1M30S
    const std::string whole = FormatCount(std::floor(value));
    if (u == TimeUnit::kHour) return v + whole + "H30M";
    if (u == TimeUnit::kYear) return v + whole + "Y6M";
    if (u == TimeUnit::kMinute) return v + whole + "M30S";
    return v + whole + "DT12H";
  } else {
    v += FormatCount(value);
  }
  v += UnitLetter(u);
  return v;
}

void TimeMatcher::ResolveClocks() {
  for (std::size_t i = 0; i < found_.size(); ++i) {
    Found& f = found_[i];
    if (f.clock < 0) continue;
    // A date (not another time) at most two tokens away: "Friday at 3 p.m.".
    auto is_day = [](const Found& g) {
      // A day, or a time with its own day ("4 in the morning (4 a.m. EDT
      // Thursday)").
      return (g.type == TimexType::kDate ||
              (g.type == TimexType::kTime && g.clock < 0 && g.anchor.has_interval())) &&
             g.anchor.grain == Grain::kDay;
    };
    // A parenthesis between them is skipped: "10:35 a.m. (0735 GMT) Friday".
    auto parenthesis = [&](std::uint32_t from, std::uint32_t to) {
      return to - from <= 6 && to - from >= 2 && IsPunct(from, '(') && IsPunct(to - 1, ')');
    };
    const Found* ctx = nullptr;
    if (i > 0 && f.first - found_[i - 1].end <= 2 && is_day(found_[i - 1])) {
      ctx = &found_[i - 1];
    } else if (i + 1 < found_.size() && is_day(found_[i + 1]) &&
               (found_[i + 1].first - f.end <= 2 || parenthesis(f.end, found_[i + 1].first))) {
      ctx = &found_[i + 1];
    }
    const std::string suffix = ClockSuffix(f.clock);
    if (ctx != nullptr) {
      f.anchor = DayAnchor(ctx->anchor.begin);
      f.anchor.value += suffix;
      f.relative = ctx->relative;
      f.rule = RuleRef{"time.clock.context"};
    } else {
      std::optional<sys_days> day;
      if (dct_) day = *dct_;
      SetDay(day, suffix, &f);
    }
  }
}

bool TimeMatcher::IsPunct(std::uint32_t k, char c) const {
  if (!InSentence(k) || tokens_[k].kind != TokenKind::kPunct) return false;
  std::string_view s = Text(k);
  return s.size() == 1 && s[0] == c;
}

bool TimeMatcher::BoundaryAfter(std::uint32_t k) const {
  if (!InSentence(k + 1)) return true;
  const Token& t = tokens_[k + 1];
  if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote) return true;
  const TimeWord* w = W(k + 1);
  return w != nullptr && (w->function_word || w->kind == TimeWordKind::kTrigger);
}

bool TimeMatcher::DeadlineBefore(std::uint32_t k) const {
  if (k <= sb_ || W(k - 1) == nullptr || !W(k - 1)->deadline) return false;
  // "Until Thursday, they had not called him a suspect": a state up to a
  // past day (a pluperfect in the clause), not a deadline.
  for (std::uint32_t j = k - 1; j > sb_ && k - j <= 10;) {
    --j;
    std::string_view s = Text(j);
    if (s.size() == 3 && (s[0] == 'h' || s[0] == 'H') && s[1] == 'a' && s[2] == 'd') return false;
  }
  for (std::uint32_t j = k; j < se_ && j - k < 10; ++j) {
    std::string_view s = Text(j);
    if (s.size() == 3 && (s[0] == 'h' || s[0] == 'H') && s[1] == 'a' && s[2] == 'd') return false;
  }
  return true;
}

bool TimeMatcher::TriggerBefore(std::uint32_t k) const {
  return k > sb_ && KindAt(k - 1) == TimeWordKind::kTrigger;
}

// ---------------------------------------------------------------------------
// Rules of the data file.

std::uint32_t TimeMatcher::FeaturesAt(std::uint32_t i) const {
  const Token& t = tokens_[i];
  const TimeWord* w = words_[i];
  std::uint32_t bits = 0;
  if (t.kind == TokenKind::kNumber || t.Has(kTokHasDigit)) bits |= kFeatureDigit;
  if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote) bits |= kFeaturePunct;
  if (w == nullptr) {
    if (t.kind == TokenKind::kWord && Text(i).find('-') != std::string_view::npos) {
      bits |= kFeatureNumberWord;
    }
    return bits;
  }
  if (w->month != 0 && Cap(i)) bits |= kFeatureMonth;
  if (w->weekday != 0) bits |= kFeatureWeekday;
  if (w->IsNumber()) bits |= kFeatureNumberWord;
  if (w->rule_start) bits |= kFeatureRuleWord;
  switch (w->kind) {
    case TimeWordKind::kUnit:
      bits |= kFeatureUnit;
      break;
    case TimeWordKind::kSeason:
      bits |= kFeatureSeason;
      break;
    case TimeWordKind::kOrdinal:
      bits |= kFeatureOrdinal;
      break;
    case TimeWordKind::kPartOfDay:
      bits |= kFeaturePartOfDay;
      break;
    case TimeWordKind::kClock:
      bits |= kFeatureClockWord;
      break;
    default:
      break;
  }
  return bits;
}

bool TimeMatcher::MatchRules(std::uint32_t i, Found* f) {
  const std::uint32_t features = Features(i);
  if (features == 0) return false;
  bool found = false;
  auto try_rule = [&](const TimeRule& r) {
    if ((r.start_features & features) == 0) return;
    if (r.anchor_offset > 0) {
      std::uint32_t near = 0;
      for (std::uint32_t k = i; k <= i + r.anchor_offset && k < se_; ++k) near |= Features(k);
      if ((near & r.anchor_features) == 0) return;
    }
    // A required word: one of its words must be there ("the? (year-ago|
    // year-earlier)" is not tried at every "the").
    if (const PatternItem& a = r.items[r.anchor_item];
        a.cls == TokenClass::kLiteral && !a.entries.empty() &&
        std::find(a.entries.begin(), a.entries.end(), nullptr) == a.entries.end()) {
      bool there = false;
      for (std::uint32_t k = i; k <= i + r.anchor_offset && k < se_ && !there; ++k) {
        there = std::find(a.entries.begin(), a.entries.end(), words_[k]) != a.entries.end();
      }
      if (!there) return;
    }
    // The item after a one-token anchor at token i must fit token i + 1.
    if (r.second_item != TimeRule::kNoItem && r.anchor_offset == 0) {
      if (i + 1 >= se_) return;
      const PatternItem& b = r.items[r.second_item];
      if (b.cls == TokenClass::kLiteral) {
        if (!b.entries.empty() &&
            std::find(b.entries.begin(), b.entries.end(), nullptr) == b.entries.end() &&
            std::find(b.entries.begin(), b.entries.end(), words_[i + 1]) == b.entries.end()) {
          return;
        }
      } else if ((Features(i + 1) & FeaturesOf(b.cls)) == 0) {
        return;
      }
    }
    for (std::size_t k = 0; k < r.slots.size(); ++k) slots_[k] = SlotValue();
    std::uint32_t end = 0;
    if (!MatchItems(r, 0, i, slots_, &end)) return;
    if (found && end <= f->end) return;  // the first rule in file order wins a tie
    Found g;
    g.first = i;
    g.end = end;
    if (!Normalise(r, slots_, i, end, &g)) return;
    *f = std::move(g);
    found = true;
  };
  // In file order: the indexed rules whose start features the token has,
  // then any rules past the index.
  const std::vector<TimeRule>& all = rules_.rules();
  for (std::uint64_t m = rules_.RulesFor(features); m != 0; m &= m - 1) {
    try_rule(all[static_cast<std::size_t>(std::countr_zero(m))]);
  }
  for (std::size_t ri = TimeRules::kIndexed; ri < all.size(); ++ri) try_rule(all[ri]);
  return found;
}

bool TimeMatcher::MatchItems(const TimeRule& r, std::size_t idx, std::uint32_t k, SlotValue* slots,
                             std::uint32_t* end) {
  if (idx == r.items.size()) {
    *end = k;
    return k > 0;
  }
  const PatternItem& item = r.items[idx];
  SlotValue v;
  std::uint32_t next = 0;
  if (item.negated || item.lookahead) {
    return MatchItem(item, k, &v, &next) == item.lookahead && MatchItems(r, idx + 1, k, slots, end);
  }
  if (MatchItem(item, k, &v, &next)) {
    if (item.slot >= 0) {
      const SlotValue saved = slots[item.slot];
      slots[item.slot] = v;
      if (MatchItems(r, idx + 1, next, slots, end)) return true;
      slots[item.slot] = saved;
    } else if (MatchItems(r, idx + 1, next, slots, end)) {
      return true;
    }
  }
  // An optional item may be left out.
  return item.optional && MatchItems(r, idx + 1, k, slots, end);
}

bool TimeMatcher::MatchItem(const PatternItem& item, std::uint32_t k, SlotValue* v,
                            std::uint32_t* next) {
  if (!InSentence(k)) return false;
  const Token& t = tokens_[k];
  const TimeWord* w = W(k);
  *next = k + 1;
  v->set = true;
  v->word = w;
  switch (item.cls) {
    case TokenClass::kLiteral:
      for (std::size_t j = 0; j < item.words.size(); ++j) {
        if (item.entries.size() > j && item.entries[j] != nullptr) {
          if (w == item.entries[j]) return true;
          continue;
        }
        // Punctuation; "'" stands for every apostrophe-like quote.
        const std::string& p = item.words[j];
        std::string_view s = Text(k);
        if (p == "'" && t.kind == TokenKind::kQuote &&
            (s == "'" || s == "\xE2\x80\x99" || s == "\xE2\x80\x98")) {
          return true;
        }
        if ((t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote) && s == p) return true;
      }
      return false;
    case TokenClass::kMonth:
      if (w == nullptr || w->month == 0 || !Cap(k)) return false;
      v->value = w->month;
      return true;
    case TokenClass::kWeekday:
      if (w == nullptr || w->weekday == 0 || w->weekday_ambiguous || !Cap(k)) return false;
      v->value = w->weekday;
      return true;
    case TokenClass::kDay:
      v->value = DayAt(k);
      return v->value != 0;
    case TokenClass::kYear: {
      v->value = YearAt(k);
      if (v->value != 0) {
        // "By Christmas, 2000 troops ...", "In January, 1500 workers ...":
        // four digits after a comma that follows a word, before a lowercase
        // word that is no function word, are a count (a day before the comma
        // keeps its year: "On Oct. 16, 1989 stocks fell").
        const bool count = k >= sb_ + 2 && Text(k - 1) == "," &&
                           !tokens_[k - 2].Has(kTokHasDigit) && InSentence(k + 1) &&
                           tokens_[k + 1].kind == TokenKind::kWord && !Cap(k + 1) &&
                           (W(k + 1) == nullptr || !W(k + 1)->function_word);
        return !count;
      }
      // In words: "nineteen ninety-four".
      Number century, rest;
      if (NumberAt(k, &century) && century.word && !century.some && century.value >= 11 &&
          century.value <= 20 && century.value == std::floor(century.value) &&
          NumberAt(century.end, &rest) && rest.word && !rest.some && rest.value >= 10 &&
          rest.value <= 99 && rest.value == std::floor(rest.value)) {
        v->value = static_cast<int>(century.value * 100 + rest.value);
        *next = rest.end;
        return true;
      }
      // "two thousand", "two thousand and eight", "nineteen hundred".
      Number whole;
      if (NumberAt(k, &whole) && whole.word && !whole.some && whole.value >= 1000 &&
          whole.value <= 2900 && std::fmod(whole.value, 100) == 0) {
        v->value = static_cast<int>(whole.value);
        *next = whole.end;
        std::uint32_t r = whole.end;
        if (InSentence(r) && Text(r) == "and") ++r;
        if (NumberAt(r, &rest) && rest.word && !rest.some && rest.value >= 1 && rest.value <= 99 &&
            rest.value == std::floor(rest.value) &&
            !(W(rest.end) != nullptr && W(rest.end)->kind == TimeWordKind::kUnit)) {
          v->value += static_cast<int>(rest.value);
          *next = rest.end;
        }
        return true;
      }
      return false;
    }
    case TokenClass::kYear2: {
      int nd = 0;
      const long d = DigitsAt(k, &nd);
      if (nd != 2) return false;
      // Only right after an apostrophe ("'08"), not after a name ("iLife '11").
      if (k == 0 || tokens_[k - 1].span.end != t.span.begin) return false;
      if (k >= 2 && InSentence(k - 2) && tokens_[k - 2].kind == TokenKind::kWord &&
          (W(k - 2) == nullptr || !W(k - 2)->function_word) &&
          tokens_[k - 2].span.end + 1 == tokens_[k - 1].span.begin &&
          std::string_view(Text(k - 2)).find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") !=
              std::string_view::npos) {
        return false;
      }
      v->value = static_cast<int>(d);
      return true;
    }
    case TokenClass::kNumber: {
      Number n;
      if (!NumberAt(k, &n) || n.some || n.value != std::floor(n.value) || n.value > 1e6) {
        return false;
      }
      v->value = static_cast<int>(n.value);
      *next = n.end;
      return true;
    }
    case TokenClass::kUnit:
      if (w == nullptr || w->kind != TimeWordKind::kUnit) return false;
      v->value = static_cast<int>(w->unit);
      return true;
    case TokenClass::kSeason:
      if (w == nullptr || w->kind != TimeWordKind::kSeason) return false;
      v->value = w->value;
      return true;
    case TokenClass::kOrdinal: {
      if (w != nullptr && w->kind == TimeWordKind::kOrdinal) {
        v->value = w->value;
        return true;
      }
      std::string_view s = Text(k);
      if (t.kind != TokenKind::kWord || s.size() < 3 || s.size() > 4) return false;
      std::string_view suf = s.substr(s.size() - 2);
      if (suf != "st" && suf != "nd" && suf != "rd" && suf != "th") return false;
      if (!AllDigits(s.substr(0, s.size() - 2))) return false;
      v->value = ParseSmall(s.substr(0, s.size() - 2));
      return v->value > 0;
    }
    case TokenClass::kDecade: {
      std::string_view s = Text(k);
      if (s.size() != 5 || s.back() != 's' || !AllDigits(s.substr(0, 4)) || s[3] != '0') {
        return false;
      }
      v->value = ParseSmall(s.substr(0, 4));
      return v->value >= 1000;
    }
    case TokenClass::kPartOfDay: {
      if (w == nullptr || w->kind != TimeWordKind::kPartOfDay) return false;
      static constexpr std::string_view kParts[] = {"MO", "AF", "EV", "NI"};
      v->value = static_cast<int>(std::find(std::begin(kParts), std::end(kParts), w->text) -
                                  std::begin(kParts));
      return v->value < 4;
    }
    case TokenClass::kClock: {
      Clock c;
      if (!ClockAt(k, &c)) return false;
      v->value = c.minutes;
      *next = c.end;
      return true;
    }
    case TokenClass::kWeekNumber: {
      std::string_view s = Text(k);
      if (!s.empty() && (s[0] == 'W' || s[0] == 'w')) s.remove_prefix(1);
      if (s.empty() || s.size() > 2 || !AllDigits(s)) return false;
      v->value = ParseSmall(s);
      return v->value >= 1 && v->value <= 53;
    }
  }
  return false;
}

const TimeAnchor* TimeMatcher::PreviousAnchor() const {
  for (std::size_t j = found_.size(); j-- > 0;) {
    if (found_[j].anchor.has_interval() && !found_[j].anchored) return &found_[j].anchor;
  }
  return last_dated_ ? &*last_dated_ : nullptr;
}

const TimeAnchor* TimeMatcher::PreviousPeriod() const {
  auto period = [](const TimeAnchor& a) {
    return a.has_interval() && (a.grain == Grain::kHalf || a.grain == Grain::kQuarter);
  };
  for (std::size_t j = found_.size(); j-- > 0;) {
    if (period(found_[j].anchor) && !found_[j].anchored) return &found_[j].anchor;
  }
  return last_period_ ? &*last_period_ : nullptr;
}

std::optional<int> TimeMatcher::NarrativeYear(Tense tense) const {
  // Not for what the text announces ("a summit set for April").
  if (!dct_ || !Narrative() || tense == Tense::kFuture) return std::nullopt;
  const TimeAnchor* base = PreviousAbsolute();
  if (base == nullptr || base->grain < Grain::kYear) return std::nullopt;
  const int by = int{date::year_month_day{base->begin}.year()};
  const int now = int{date::year_month_day{*dct_}.year()};
  if (by >= now - 1 && by <= now + 1) return std::nullopt;
  return by;
}

const TimeAnchor* TimeMatcher::PreviousAbsolute(std::uint32_t* first, std::uint32_t* end) const {
  for (std::size_t j = found_.size(); j-- > 0;) {
    const Found& g = found_[j];
    if (g.anchor.has_interval() && !g.anchored && !g.relative) {
      if (first != nullptr) *first = g.first;
      if (end != nullptr) *end = g.end;
      return &g.anchor;
    }
  }
  if (first != nullptr) *first = last_absolute_first_;
  if (end != nullptr) *end = last_absolute_end_;
  return last_absolute_ ? &*last_absolute_ : nullptr;
}

std::optional<TimeAnchor> TimeMatcher::Shift(const TimeAnchor& base, int n, TimeUnit u) {
  if (!base.has_interval()) return std::nullopt;
  const date::year_month_day ymd{base.begin};
  switch (u) {
    case TimeUnit::kDay:
    case TimeUnit::kWeek:
    case TimeUnit::kFortnight: {
      if (base.grain != Grain::kDay) return std::nullopt;
      const int per = u == TimeUnit::kDay ? 1 : u == TimeUnit::kWeek ? 7 : 14;
      return DayAnchor(base.begin + days{per * n});
    }
    case TimeUnit::kMonth:
      if (base.grain == Grain::kDay) {
        const date::year_month_day to = ymd + date::months{n};
        if (to.ok()) return DayAnchor(sys_days{to});
        return std::nullopt;
      }
      if (base.grain != Grain::kMonth) return std::nullopt;
      return MonthAnchor(ymd.year() / ymd.month() + date::months{n});
    case TimeUnit::kYear: {
      const date::year y = ymd.year() + date::years{n};
      switch (base.grain) {
        case Grain::kDay:  // "the previous year" after a day: that year
          return YearAnchor(y);
        case Grain::kMonth:
          return MonthAnchor(y / ymd.month());
        case Grain::kQuarter:
          return QuarterAnchor(y, QuarterOfMonth(unsigned{ymd.month()}));
        case Grain::kHalf:
          return HalfAnchor(y, unsigned{ymd.month()} <= 6 ? 1 : 2);
        case Grain::kYear:
          return YearAnchor(y);
        default:
          return std::nullopt;
      }
    }
    default:
      return std::nullopt;
  }
}

bool TimeMatcher::Normalise(const TimeRule& r, const SlotValue* s, std::uint32_t first,
                            std::uint32_t end, Found* f) {
  auto arg = [&](std::size_t i) { return r.args[i] < 0 ? r.constants[i] : s[r.args[i]].value; };
  auto has = [&](std::size_t i) {
    return i < r.args.size() && (r.args[i] < 0 || s[r.args[i]].set);
  };
  f->type = r.type;
  f->rule = r.ref;
  // A day of a month; without a year, the year comes from the DCT and the
  // tense around (X's without a DCT).
  auto SetMonthDay = [&](int year, int month, int day) {
    const auto m = static_cast<unsigned>(month);
    const auto d = static_cast<unsigned>(day);
    if (year != 0) {
      const date::year_month_day ymd{date::year{year}, date::month{m}, date::day{d}};
      if (!ymd.ok()) return false;
      f->anchor = DayAnchor(sys_days{ymd});
      return true;
    }
    if (!date::year_month_day{date::year{2000}, date::month{m}, date::day{d}}.ok()) return false;
    if (!dct_) {
      f->anchor = ValueOnlyAnchor("XXXX-" + Two(month) + "-" + Two(day));
      f->unresolved = true;
      return true;
    }
    f->anchor = MonthDayAnchor(MonthNear(m, first, end), d);
    f->relative = true;
    return true;
  };
  switch (r.norm) {
    case Normaliser::kDate: {
      const bool with_year = r.args.size() == 3;
      const std::size_t m = with_year ? 1 : 0;
      return SetMonthDay(with_year && has(0) ? arg(0) : 0, arg(m), arg(m + 1));
    }
    case Normaliser::kMonth:
      if (arg(1) < 1 || arg(1) > 12) return false;
      f->anchor = MonthAnchor(date::year{arg(0)} / date::month{static_cast<unsigned>(arg(1))});
      return true;
    case Normaliser::kYear:
      f->anchor = YearAnchor(date::year{arg(0)});
      return true;
    case Normaliser::kYear2: {
      // 20yy unless that is more than five years after the DCT ('08 is 2008,
      // '97 is 1997, '11 written in 2010 is 2011); without a DCT the pivot
      // is the fixed year 2030, never today's date.
      const int limit = dct_ ? int{date::year_month_day{*dct_}.year()} + 5 : 2030;
      const int y = 2000 + arg(0) <= limit ? 2000 + arg(0) : 1900 + arg(0);
      f->anchor = YearAnchor(date::year{y});
      return true;
    }
    case Normaliser::kSeason:
      f->anchor = SeasonAnchor(date::year{arg(0)}, arg(1));
      return true;
    case Normaliser::kQuarter:
      if (arg(1) < 1 || arg(1) > 4) return false;
      f->anchor = QuarterAnchor(date::year{arg(0)}, arg(1));
      return true;
    case Normaliser::kHalf:
      if (arg(1) < 1 || arg(1) > 2) return false;
      f->anchor = HalfAnchor(date::year{arg(0)}, arg(1));
      return true;
    case Normaliser::kWeek: {
      const iso_week::year_weeknum_weekday w{
          iso_week::year{arg(0)}, iso_week::weeknum{static_cast<unsigned>(arg(1))}, iso_week::mon};
      if (!w.ok()) return false;
      f->anchor = IsoWeekAnchor(arg(0), static_cast<unsigned>(arg(1)));
      return true;
    }
    case Normaliser::kDecade:
      if (arg(0) % 10 != 0) return false;
      f->anchor = DecadeAnchor(arg(0));
      return true;
    case Normaliser::kCentury:
      if (arg(0) < 1 || arg(0) > 30) return false;
      f->anchor = CenturyAnchor((arg(0) - 1) * 100);
      return true;
    case Normaliser::kDuration: {
      const TimeUnit u = static_cast<TimeUnit>(arg(1));
      if (UnitLetter(u).empty()) return false;
      Number n;
      n.value = arg(0);
      f->anchor = ValueOnlyAnchor(DurationValue(n, u));
      return true;
    }
    case Normaliser::kLater:
    case Normaliser::kEarlier: {
      const int n = r.norm == Normaliser::kLater ? arg(0) : -arg(0);
      const TimeUnit u = static_cast<TimeUnit>(arg(1));
      const TimeAnchor* base = PreviousAnchor();
      if (base == nullptr) return false;  // the DCT-relative reading applies
      std::optional<TimeAnchor> a = Shift(*base, n, u);
      if (!a) return false;
      f->anchor = std::move(*a);
      f->anchored = true;
      return true;
    }
    case Normaliser::kDateTime: {
      const bool with_year = r.args.size() == 4;
      const std::size_t m = with_year ? 1 : 0;
      if (!SetMonthDay(with_year && has(0) ? arg(0) : 0, arg(m), arg(m + 1))) return false;
      f->anchor.value += ClockSuffix(arg(m + 2));
      return true;
    }
    case Normaliser::kNthWeekday: {
      // The n-th weekday of a month (n = 5: the last), in the year of the
      // month nearest the DCT by tense.
      const int month = arg(0), n = arg(1), wd = arg(2);
      if (month < 1 || month > 12 || n < 1 || n > 5 || wd < 1 || wd > 7) return false;
      if (!dct_) {
        f->anchor = ValueOnlyAnchor("XXXX-" + Two(month) + "-XX");
        f->unresolved = true;
        return true;
      }
      const date::year_month ym = MonthNear(static_cast<unsigned>(month), first, end);
      const date::weekday w{static_cast<unsigned>(wd)};
      sys_days day =
          n == 5 ? sys_days{ym / w[date::last]} : sys_days{ym / w[static_cast<unsigned>(n)]};
      f->anchor = DayAnchor(day);
      f->relative = true;
      return true;
    }
    case Normaliser::kWeekdayBefore: {
      // "down 4.5% from the previous Friday" after "fell Friday": the
      // Friday before the day named last (not before the DCT).
      const TimeAnchor* base = PreviousAnchor();
      const int wd = arg(0);
      if (base == nullptr || !base->has_interval() || base->grain != Grain::kDay || wd < 1 ||
          wd > 7) {
        return false;
      }
      const date::weekday w{static_cast<unsigned>(wd)};
      sys_days day = base->begin - date::days{1};
      day -= (date::weekday{day} - w);
      f->anchor = DayAnchor(day);
      f->anchored = true;
      return true;
    }
    case Normaliser::kSame: {
      // "that year", "that same day": the period of the previous expression
      // with a date of its own (not one counted from the DCT: "that day has
      // come" is no day), which must be at least as fine as the unit.
      const TimeAnchor* base = PreviousAbsolute();
      if (base == nullptr || !base->has_interval()) return false;
      const date::year_month_day ymd{base->begin};
      switch (static_cast<TimeUnit>(arg(0))) {
        case TimeUnit::kDay:
          if (base->grain != Grain::kDay) return false;
          f->anchor = DayAnchor(base->begin);
          break;
        case TimeUnit::kMonth:
          if (base->grain != Grain::kDay && base->grain != Grain::kMonth) return false;
          f->anchor = MonthAnchor(ymd.year() / ymd.month());
          break;
        case TimeUnit::kQuarter:
          if (base->grain < Grain::kQuarter) return false;
          f->anchor = QuarterAnchor(ymd.year(), QuarterOfMonth(unsigned{ymd.month()}));
          break;
        case TimeUnit::kYear:
          if (base->grain < Grain::kYear) return false;
          f->anchor = YearAnchor(ymd.year());
          break;
        default:
          return false;
      }
      f->anchored = true;
      return true;
    }
    case Normaliser::kDctQuarter: {
      // "next year's first quarter", "the year-ago third quarter".
      const int n = arg(1);
      if (n < 1 || n > 4) return false;
      if (!dct_) {
        f->anchor = ValueOnlyAnchor("XXXX-Q" + std::to_string(n));
        f->unresolved = true;
        return true;
      }
      f->anchor = QuarterAnchor(date::year_month_day{*dct_}.year() + date::years{arg(0)}, n);
      f->relative = true;
      return true;
    }
    case Normaliser::kInYear: {
      // "the 1988 quarter", "the 1989 period": the quarter, half or month
      // last named, in that year; the year alone when there is none.
      const int year = arg(0);
      if (year < 1000 || year > 2999) return false;
      const TimeAnchor* base = PreviousPeriod();
      if (base != nullptr) {
        const int by = int{date::year_month_day{base->begin}.year()};
        if (std::optional<TimeAnchor> a = Shift(*base, year - by, TimeUnit::kYear)) {
          f->anchor = std::move(*a);
          return true;
        }
      }
      f->anchor = YearAnchor(date::year{year});
      return true;
    }
    case Normaliser::kSamePeriod: {
      // "the corresponding period last year": the quarter or half last
      // named, n years away.
      const TimeAnchor* base = PreviousPeriod();
      if (base == nullptr) return false;
      std::optional<TimeAnchor> a = Shift(*base, arg(0), TimeUnit::kYear);
      if (!a) return false;
      f->anchor = std::move(*a);
      f->anchored = true;
      return true;
    }
    case Normaliser::kDatePart: {
      // "the morning of April 19, 1775": the day with its part.
      static constexpr const char* kParts[] = {"MO", "AF", "EV", "NI"};
      const bool with_year = r.args.size() == 4;
      const std::size_t m = with_year ? 1 : 0;
      const int part = arg(m + 2);
      if (part < 0 || part > 3) return false;
      if (!SetMonthDay(with_year && has(0) ? arg(0) : 0, arg(m), arg(m + 1))) return false;
      f->anchor.value += std::string("T") + kParts[part];
      return true;
    }
    case Normaliser::kThatYear: {
      // "October of that year", "July 25 of that year": in the year of the
      // previous expression with a date of its own.
      const TimeAnchor* base = PreviousAbsolute();
      if (base == nullptr || !base->has_interval() || base->grain < Grain::kYear) return false;
      const date::year y = date::year_month_day{base->begin}.year();
      const auto month = static_cast<unsigned>(arg(0));
      if (month < 1 || month > 12) return false;
      if (r.args.size() == 2 && has(1)) {
        const date::year_month_day ymd{y, date::month{month},
                                       date::day{static_cast<unsigned>(arg(1))}};
        if (!ymd.ok()) return false;
        f->anchor = DayAnchor(sys_days{ymd});
      } else {
        f->anchor = MonthAnchor(y / date::month{month});
      }
      f->anchored = true;
      return true;
    }
    case Normaliser::kEaster:
    case Normaliser::kEasterWeek: {
      // The Easter of the year that the tense picks for April.
      if (!dct_) {
        f->anchor = ValueOnlyAnchor(r.norm == Normaliser::kEaster ? "XXXX-XX-XX" : "XXXX-WXX");
        f->unresolved = true;
        return true;
      }
      const int year = int{MonthNear(4, first, end).year()};
      if (year < 1583) return false;
      const sys_days sunday = EasterSunday(year);
      f->anchor = r.norm == Normaliser::kEaster ? DayAnchor(sunday + days{arg(0)}) : WeekOf(sunday);
      f->relative = true;
      return true;
    }
    case Normaliser::kWeekOf: {
      // "the week of March 6": the ISO week that holds the day.
      const bool with_year = r.args.size() == 3;
      const std::size_t m = with_year ? 1 : 0;
      if (!SetMonthDay(with_year && has(0) ? arg(0) : 0, arg(m), arg(m + 1))) return false;
      if (f->anchor.has_interval()) {
        f->anchor = WeekOf(f->anchor.begin);
      } else {
        f->anchor = ValueOnlyAnchor("XXXX-WXX");
      }
      return true;
    }
    case Normaliser::kReference:
      f->anchor = ValueOnlyAnchor(r.literal);
      return true;
  }
  return false;
}

}  // namespace tkg
