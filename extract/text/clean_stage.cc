#include "extract/text/clean_stage.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/text.h"

namespace tkg {
namespace {

const RuleRef kRuleParagraph{"clean.paragraph"};
const RuleRef kRuleBoilerLine{"clean.boilerplate.line"};
const RuleRef kRuleBoilerSuffix{"clean.boilerplate.suffix"};
const RuleRef kRuleTagLine{"clean.boilerplate.tag_line"};
const RuleRef kRuleDateline{"clean.dateline"};
const RuleRef kRuleHeadline{"clean.headline"};
const RuleRef kRuleStandfirst{"clean.standfirst"};
const RuleRef kRulePullQuote{"clean.pull_quote.repeated"};
const RuleRef kRuleCaption{"clean.caption.image_credit"};
const RuleRef kRuleCitation{"clean.citation.sources_list"};

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

Span Trimmed(std::string_view text, std::size_t b, std::size_t e) {
  std::string_view t = TrimSpace(text.substr(b, e - b));
  auto nb = static_cast<std::size_t>(t.data() - text.data());
  return Span{static_cast<std::uint32_t>(nb), static_cast<std::uint32_t>(nb + t.size())};
}

// "Nato,Worldnews": two or more capitalised words joined by commas, no spaces.
bool IsTagLine(std::string_view line) {
  if (line.empty() || line.find(' ') != std::string_view::npos) return false;
  int items = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    if (!IsAsciiUpper(line[i])) return false;
    std::size_t j = i;
    while (j < line.size() && line[j] != ',') {
      char c = line[j];
      if (!IsAsciiAlnum(c) && c != '-' && c != '&') return false;
      ++j;
    }
    ++items;
    if (j == line.size()) break;
    i = j + 1;
    if (i == line.size()) return false;
  }
  return items >= 2;
}

// Hashes of the words of a zone, case-insensitive, for shingle matching.
// A word is a run of ASCII letters and digits or non-ASCII bytes, except the
// curly quotes and apostrophes (U+2018, U+2019, U+201C, U+201D), which
// separate words as their straight forms do.
std::vector<std::uint64_t> WordHashes(std::string_view text) {
  std::vector<std::uint64_t> out;
  constexpr std::uint64_t kSeed = 1469598103934665603ULL;
  std::uint64_t h = kSeed;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool w = IsAsciiAlnum(static_cast<char>(c)) || c >= 0x80;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      auto c3 = static_cast<unsigned char>(text[i + 2]);
      if (c3 == 0x98 || c3 == 0x99 || c3 == 0x9C || c3 == 0x9D) {
        w = false;
        i += 2;
      }
    }
    if (w) {
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      h = (h ^ c) * 1099511628211ULL;
      in_word = true;
    } else if (in_word) {
      out.push_back(h);
      h = kSeed;
      in_word = false;
    }
  }
  if (in_word) out.push_back(h);
  return out;
}

std::size_t CountWords(std::string_view text) { return WordHashes(text).size(); }

bool EndsWithTerminal(std::string_view s) {
  // Strip closing quotes and brackets.
  while (!s.empty()) {
    if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else if (s.back() == '"' || s.back() == '\'' || s.back() == ')') {
      s.remove_suffix(1);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || s.ends_with("\xE2\x80\xA6");
}

// Display text: no final punctuation, or unbalanced quotation marks (a
// pull-quote that lost its opening mark).
bool LooksLikeDisplay(std::string_view s) {
  if (!EndsWithTerminal(s)) return true;
  int open = 0, close = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x9C") == 0) ++open;
    if (s.compare(i, 3, "\xE2\x80\x9D") == 0) ++close;
  }
  return open != close;
}

}  // namespace

Status CleanStage::Run(Document* doc) const {
  std::string_view text = doc->text();
  std::vector<Zone>* zones = doc->mutable_zones();
  zones->clear();

  // Boilerplate vocabulary, split by where it applies.
  auto where_has = [](const LexiconEntry& e, std::string_view w) {
    return e.fields[0].find(w) != std::string::npos;
  };

  // Dateline: [Weekday,] Month D, YYYY | D Month YYYY | YYYY-MM-DD, at the
  // start of a zone. Returns the end offset (relative) or 0.
  auto dateline_end = [&](std::string_view z) -> std::size_t {
    std::size_t i = 0;
    auto word = [&](std::size_t* pos) {
      std::size_t b = *pos;
      while (*pos < z.size() && (IsAsciiAlnum(z[*pos]) || z[*pos] == '.')) ++*pos;
      return z.substr(b, *pos - b);
    };
    auto skip = [&](std::size_t* pos) {
      while (*pos < z.size() && (z[*pos] == ' ' || z[*pos] == ',')) ++*pos;
    };
    auto all_digits = [](std::string_view w) {
      return !w.empty() &&
             std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::size_t p = i;
    std::string_view w = word(&p);
    if (res_->weekdays.Contains(Fold(w))) {
      skip(&p);
      w = word(&p);
    }
    if (res_->months.Contains(Fold(w))) {
      skip(&p);
      std::string_view d = word(&p);
      if (!all_digits(d) || d.size() > 2) return 0;
      skip(&p);
      std::string_view y = word(&p);
      if (!all_digits(y) || y.size() != 4) return 0;
      return p;
    }
    if (all_digits(w) && w.size() <= 2) {
      skip(&p);
      std::string_view m = word(&p);
      if (!res_->months.Contains(Fold(m))) return 0;
      skip(&p);
      std::string_view y = word(&p);
      if (!all_digits(y) || y.size() != 4) return 0;
      return p;
    }
    return 0;
  };

  // 1. Lines -> raw zones (paragraphs, boilerplate split out).
  std::size_t para_begin = std::string_view::npos, para_end = 0;
  auto flush = [&]() {
    if (para_begin != std::string_view::npos) {
      Span s = Trimmed(text, para_begin, para_end);
      if (!s.empty()) zones->push_back(Zone{s, ZoneKind::kBody, kRuleParagraph});
    }
    para_begin = std::string_view::npos;
  };
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    Span line = Trimmed(text, pos, eol);
    std::string_view lt = doc->Slice(line);
    if (line.empty()) {
      flush();
    } else {
      // Page furniture is short; long lines are article text.
      constexpr std::size_t kMaxBoilerplateLine = 120;
      std::string folded = lt.size() <= kMaxBoilerplateLine ? Fold(lt) : std::string();
      const LexiconEntry* e = folded.empty() ? nullptr : res_->boilerplate.Find(folded);
      bool boiler_line = e != nullptr && where_has(*e, "line");
      if (!boiler_line && !folded.empty()) {
        for (const LexiconEntry& b : res_->boilerplate.entries()) {
          if (where_has(b, "prefix") && folded.starts_with(b.key)) {
            boiler_line = true;
            break;
          }
        }
      }
      if (boiler_line || IsTagLine(lt)) {
        flush();
        zones->push_back(
            Zone{line, ZoneKind::kBoilerplate, boiler_line ? kRuleBoilerLine : kRuleTagLine});
      } else {
        // Boilerplate suffix ("... said. Read More on..").
        Span kept = line;
        Span cut{};
        for (const LexiconEntry& b : res_->boilerplate.entries()) {
          if (!where_has(b, "suffix")) continue;
          const std::string& suf = b.surface;
          if (lt.size() <= suf.size()) continue;
          std::string_view tail = lt.substr(lt.size() - suf.size());
          char before = lt[lt.size() - suf.size() - 1];
          if (EqualsIgnoreCase(tail, suf) && (before == ' ' || before == '.' || before == '\t')) {
            kept = Trimmed(text, line.begin, line.end - suf.size());
            cut = Span{static_cast<std::uint32_t>(line.end - suf.size()), line.end};
            break;
          }
        }
        if (para_begin == std::string_view::npos) para_begin = kept.begin;
        para_end = kept.end;
        if (!cut.empty()) {
          flush();
          zones->push_back(Zone{cut, ZoneKind::kBoilerplate, kRuleBoilerSuffix});
        }
      }
    }
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  flush();

  // 2. Datelines, possibly followed by text on the same line.
  for (std::size_t zi = 0; zi < zones->size() && zi < 3; ++zi) {
    Zone& z = (*zones)[zi];
    if (z.kind != ZoneKind::kBody) continue;
    std::string_view zt = doc->Slice(z.span);
    std::size_t end = dateline_end(zt);
    if (end == 0) continue;
    Span date{z.span.begin, static_cast<std::uint32_t>(z.span.begin + end)};
    Span rest = Trimmed(text, date.end, z.span.end);
    z = Zone{date, ZoneKind::kDateline, kRuleDateline};
    if (!rest.empty()) {
      zones->insert(zones->begin() + static_cast<std::ptrdiff_t>(zi) + 1,
                    Zone{rest, ZoneKind::kBody, kRuleParagraph});
    }
    break;
  }

  // 3. Headline and standfirst: the first content zones.
  std::vector<std::size_t> content;
  for (std::size_t zi = 0; zi < zones->size(); ++zi) {
    if ((*zones)[zi].kind == ZoneKind::kBody) content.push_back(zi);
  }
  if (content.size() >= 2) {
    Zone& first = (*zones)[content[0]];
    std::string_view ft = doc->Slice(first.span);
    bool dateline_first = !zones->empty() && (*zones)[0].kind == ZoneKind::kDateline;
    if (!dateline_first && !EndsWithTerminal(ft) && CountWords(ft) <= 25) {
      first.kind = ZoneKind::kHeadline;
      first.rule = kRuleHeadline;
      if (content.size() >= 3) {
        Zone& second = (*zones)[content[1]];
        std::string_view st = doc->Slice(second.span);
        std::size_t words = CountWords(st);
        // One sentence: no terminal punctuation followed by a space inside.
        bool one_sentence = EndsWithTerminal(st);
        for (std::size_t i = 0; i + 1 < st.size() && one_sentence; ++i) {
          if ((st[i] == '.' || st[i] == '!' || st[i] == '?') && st[i + 1] == ' ')
            one_sentence = false;
        }
        if (one_sentence && words <= 45) {
          second.kind = ZoneKind::kStandfirst;
          second.rule = kRuleStandfirst;
        }
      }
    }
  }

  // 4. Captions: "... Image: Name." at the end of a short zone.
  for (Zone& z : *zones) {
    if (z.kind != ZoneKind::kBody) continue;
    std::string_view zt = doc->Slice(z.span);
    std::size_t at = zt.rfind("Image: ");
    if (at == std::string_view::npos) at = zt.rfind("Photo: ");
    if (at != std::string_view::npos && CountWords(zt) <= 80 &&
        zt.find(". ", at) == std::string_view::npos) {
      z.kind = ZoneKind::kCaption;
      z.rule = kRuleCaption;
    }
  }

  // 4b. Citations: under a "Sources" or "References" heading, the lines that
  // cite a report by its quoted title and, after a dash, its publisher
  // ("“Document found on street not secret, say feds” — The Canadian Press,
  // August 15, 2008"), up to the first line that does not.
  // (The line opens with the title, or with its author: "Peter Zimonjic.
  // “MP calls for ...” — Edmonton Sun". Not a paragraph with a quotation
  // and a dash somewhere in it.)
  auto cites = [](std::string_view zt) {
    const std::size_t open = std::min(zt.find('"'), zt.find("\xE2\x80\x9C"));
    if (open == std::string_view::npos) return false;
    if (open != 0) {
      // An author: a few capitalised words and a period.
      if (open < 2 || open > 60 || zt.substr(open - 2, 2) != ". ") return false;
      std::size_t words = 0;
      for (std::size_t k = 0; k + 2 < open; ++k) {
        const bool start = k == 0 || zt[k - 1] == ' ';
        if (!start || zt[k] == ' ') continue;
        ++words;
        if (!(zt[k] >= 'A' && zt[k] <= 'Z') && static_cast<unsigned char>(zt[k]) < 0x80) {
          return false;
        }
      }
      if (words > 5) return false;
    }
    for (std::string_view close : {"\" ", "\xE2\x80\x9D "}) {
      for (std::size_t at = zt.find(close); at != std::string_view::npos;
           at = zt.find(close, at + 1)) {
        std::string_view rest = zt.substr(at + close.size());
        if (rest.starts_with("- ") || rest.starts_with("\xE2\x80\x94 ") ||
            rest.starts_with("\xE2\x80\x93 ")) {
          return true;
        }
      }
    }
    return false;
  };
  for (std::size_t zi = 0; zi + 1 < zones->size(); ++zi) {
    // (The heading may be page furniture already: "sources" is.)
    const std::string heading = Fold(doc->Slice((*zones)[zi].span));
    if (heading != "sources" && heading != "source" && heading != "references") continue;
    for (std::size_t k = zi + 1; k < zones->size(); ++k) {
      Zone& z = (*zones)[k];
      if (z.kind != ZoneKind::kBody || !cites(doc->Slice(z.span))) break;
      z.kind = ZoneKind::kCitation;
      z.rule = kRuleCitation;
    }
  }

  // 5. Pull-quotes: zones that repeat another zone (5-word shingles).
  constexpr std::size_t kShingle = 5;
  struct Shingle {
    std::uint64_t hash;
    std::uint32_t zone;
    bool operator<(const Shingle& o) const {
      return hash != o.hash ? hash < o.hash : zone < o.zone;
    }
    bool operator==(const Shingle& o) const { return hash == o.hash && zone == o.zone; }
  };
  std::vector<Shingle> all;
  std::vector<std::size_t> count(zones->size(), 0);
  for (std::size_t zi = 0; zi < zones->size(); ++zi) {
    const Zone& z = (*zones)[zi];
    if (z.kind == ZoneKind::kBoilerplate || z.kind == ZoneKind::kDateline) continue;
    std::vector<std::uint64_t> words = WordHashes(doc->Slice(z.span));
    if (words.size() < kShingle) continue;
    for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
      std::uint64_t h = 0;
      for (std::size_t k = 0; k < kShingle; ++k) h = h * 0x9E3779B97F4A7C15ULL + words[i + k];
      all.push_back(Shingle{h, static_cast<std::uint32_t>(zi)});
      ++count[zi];
    }
  }
  std::sort(all.begin(), all.end());
  // hits[(a, b)]: shingles of zone a that also occur in zone b. Within a
  // group of equal hashes the entries are sorted by zone, so each zone is one
  // run; a shingle found in more than kMaxZonesPerShingle zones is common
  // wording, not a repeat, and is skipped (this also keeps the pair loop
  // bounded on degenerate text such as one word repeated a million times).
  constexpr std::size_t kMaxZonesPerShingle = 8;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> hits;
  struct Run {
    std::uint32_t zone;
    std::size_t n;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    runs.clear();
    while (j < all.size() && all[j].hash == all[i].hash) {
      if (runs.empty() || runs.back().zone != all[j].zone) runs.push_back(Run{all[j].zone, 0});
      ++runs.back().n;
      ++j;
    }
    if (runs.size() >= 2 && runs.size() <= kMaxZonesPerShingle) {
      for (const Run& a : runs) {
        for (const Run& b : runs) {
          if (a.zone != b.zone) hits[{a.zone, b.zone}] += a.n;
        }
      }
    }
    i = j;
  }
  std::vector<double> shared_frac(zones->size(), 0.0);
  std::vector<std::int64_t> partner(zones->size(), -1);
  for (const auto& [pair, n] : hits) {
    auto [zi, other] = pair;
    double f = static_cast<double>(n) / static_cast<double>(count[zi]);
    if (n >= 3 && f > shared_frac[zi]) {
      shared_frac[zi] = f;
      partner[zi] = other;
    }
  }
  for (std::size_t zi = 0; zi < zones->size(); ++zi) {
    if (partner[zi] < 0 || shared_frac[zi] < 0.5) continue;
    auto other = static_cast<std::size_t>(partner[zi]);
    Zone& z = (*zones)[zi];
    if (z.kind == ZoneKind::kHeadline || z.kind == ZoneKind::kStandfirst) continue;
    // The repeat is the copy that looks like display text (no final
    // punctuation, or a quotation with a missing mark); when both or neither
    // do, the earlier one: pull-quotes are set above the paragraph they copy.
    const Zone& o = (*zones)[other];
    if (o.kind == ZoneKind::kPullQuote) continue;
    bool z_display = LooksLikeDisplay(doc->Slice(z.span));
    bool o_display = LooksLikeDisplay(doc->Slice(o.span));
    bool is_repeat = z_display != o_display ? z_display : zi < other;
    if (is_repeat) {
      z.kind = ZoneKind::kPullQuote;
      z.rule = kRulePullQuote;
    }
  }
  return Status();
}

}  // namespace tkg
