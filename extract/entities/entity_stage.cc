#include "extract/entities/entity_stage.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text.h"
#include "extract/entities/coref.h"
#include "extract/entities/mention_tagger.h"
#include "extract/phrase.h"

namespace tkg {
namespace {

constexpr std::uint32_t kNoToken = static_cast<std::uint32_t>(-1);

// True when a and b differ by at most one inserted, deleted or replaced byte.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  return a.size() == b.size() ? a.substr(i + 1) == b.substr(i + 1) : a.substr(i) == b.substr(i + 1);
}

// Levenshtein distance of two short words, or `limit + 1` once it exceeds
// `limit` (names only: a few dozen bytes).
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0], best = i;
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

const RuleRef kRuleLexOrg{"entities.lexicon.organisation"};
const RuleRef kRuleLexPlace{"entities.lexicon.place"};
const RuleRef kRuleDemonym{"entities.lexicon.demonym"};
const RuleRef kRuleCapitalMetonym{"entities.capital_for_country"};
const RuleRef kRuleGazetteer{"entities.gazetteer.name"};
const RuleRef kRuleEvent{"entities.name.event"};
const RuleRef kRuleDemonymGroup{"entities.lexicon.demonym_people"};
const RuleRef kRuleNameParts{"entities.name.suffix_typed"};
const RuleRef kRuleTitledPerson{"entities.name.after_title"};
const RuleRef kRuleMultiwordPerson{"entities.name.capitalised_words"};
const RuleRef kRuleAcronym{"entities.name.acronym"};
const RuleRef kRuleSurname{"entities.name.surname_of_person"};
const RuleRef kRuleSpeakerName{"entities.name.one_word_speaker"};
const RuleRef kRuleOrgHead{"entities.name.organisation_head"};
const RuleRef kRuleTagged{"entities.name.tagger"};
const RuleRef kRuleTitleOnly{"entities.title.stands_for_person"};
const RuleRef kRuleGroup{"entities.group.noun"};
const RuleRef kRuleNominal{"entities.nominal.definite_description"};
const RuleRef kRulePronoun{"entities.pronoun.salience"};
const RuleRef kRulePronounGroup{"entities.pronoun.salience_group"};

enum class PartKind { kTitle, kOrg, kPlace, kGazetteer, kUnknown, kConnector, kSkip };

struct Part {
  PartKind kind;
  std::uint32_t first, end;
  const LexiconEntry* entry = nullptr;
};

struct Cand {
  std::uint32_t first = 0, end = 0;  // tokens
  EntityType type = EntityType::kOther;
  MentionKind kind = MentionKind::kName;
  std::string key;       // entity key; "" when unresolved
  std::string name;      // canonical or surface name
  std::string lex_kind;  // lexicon kind: alliance, country, capital, demonym ...
  RuleRef rule;
  bool single = false;  // a one-word name waiting to be linked to a person
  bool sentence_initial = false;
  bool tagged = false;  // found or typed by the mention tagger
  // Titles
  std::string title;             // canonical title ("Secretary-General")
  std::string title_class;       // head, minister, ...
  std::int32_t org = -1;         // cand index of the organisation/country of the title
  std::int32_t antecedent = -1;  // pronouns, nominals, titles: the cand referred to
  // Pronouns
  coref::Gender gender = coref::Gender::kUnknown;
  coref::PronounCase pronoun_case = coref::PronounCase::kSubject;
  bool plural = false;
};

struct PendingRole {
  std::int32_t person;  // cand index
  std::string title, title_class;
  std::int32_t org;  // cand index or -1
  Span evidence;
};

// Whether the '|'-separated list `tags` ("past|pastpart") holds `tag`.
bool HasTag(std::string_view tags, std::string_view tag) {
  while (!tags.empty()) {
    std::size_t bar = tags.find('|');
    if (tags.substr(0, bar) == tag) return true;
    if (bar == std::string_view::npos) break;
    tags.remove_prefix(bar + 1);
  }
  return false;
}

bool IsAllCapsShort(std::string_view surface) {
  int letters = 0;
  for (char c : surface) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters > 0 && letters <= 3;
}

class Annotator {
 public:
  Annotator(const Resources& res, const MentionModel* tagger, Document* doc)
      : res_(res), tagger_(tagger), doc_(doc), toks_(doc->tokens()) {}

  void Run();

 private:
  std::string_view Folded(std::uint32_t i) const { return doc_->Folded(i); }
  bool IsWord(std::uint32_t i) const { return toks_[i].kind == TokenKind::kWord; }
  bool IsCap(std::uint32_t i) const {
    return IsWord(i) && !toks_[i].Has(kTokClitic) &&
           (toks_[i].Has(kTokCapitalized) || toks_[i].Has(kTokAllCaps));
  }
  const LexiconEntry* FoldedEntry(const Lexicon& lex, std::uint32_t i) const {
    return res_.Entry(lex, *doc_, i);
  }
  // Longest match of `lex` starting at token `first`, ending before `limit`.
  std::uint32_t LongestMatch(const Lexicon& lex, std::uint32_t first, std::uint32_t limit,
                             const LexiconEntry** entry) {
    if (first >= limit || !res_.Starts(lex, *doc_, first)) return 0;
    std::uint32_t max_n = static_cast<std::uint32_t>(lex.max_words()) + 2;
    for (std::uint32_t n = std::min(max_n, limit - first); n >= 1; --n) {
      // Do not end on a connector or a clitic.
      const Token& last = toks_[first + n - 1];
      if (last.kind != TokenKind::kWord && last.kind != TokenKind::kNumber) continue;
      const LexiconEntry* e = nullptr;
      if (n == 1) {
        e = res_.Entry(lex, *doc_, first);
      } else {
        scratch_.clear();
        AppendPhrase(*doc_, first, n, &scratch_);
        e = lex.Find(scratch_);
      }
      if (e == nullptr) continue;
      if (n == 1 && IsAllCapsShort(e->surface) && !toks_[first].Has(kTokAllCaps)) continue;
      *entry = e;
      return n;
    }
    return 0;
  }

  std::uint32_t RunEnd(std::uint32_t i, std::uint32_t end);
  void ProcessRun(std::uint32_t first, std::uint32_t end, const Sentence& s);
  void ProcessLowercase(std::uint32_t& i, const Sentence& s);
  std::int32_t AddCand(Cand c) {
    cands_.push_back(std::move(c));
    return static_cast<std::int32_t>(cands_.size() - 1);
  }
  std::int32_t AddLexCand(const Part& p, bool sentence_initial);
  // Tokens [first, end) are capitalised words that no list knows and the
  // parse tags as proper nouns (a given name the lists lack: "Valeska", not
  // "Old Athens"); without a parse, given names from the list.
  bool UnlistedBefore(std::uint32_t first, std::uint32_t end) const {
    if (first >= end) return false;
    const auto& syn = doc_->syntax();
    for (std::uint32_t t = first; t < end; ++t) {
      const bool proper = syn.size() == toks_.size() ? syn[t].upos == "PROPN"
                                                     : FoldedEntry(res_.first_names, t) != nullptr;
      if (!proper || !IsCap(t) || FoldedEntry(res_.places, t) != nullptr ||
          FoldedEntry(res_.organisations, t) != nullptr || FoldedEntry(res_.titles, t) != nullptr ||
          FoldedEntry(res_.name_parts, t) != nullptr || FoldedEntry(res_.gazetteer, t) != nullptr) {
        return false;
      }
    }
    return true;
  }
  bool IsListCand(const Cand& c) const {
    return c.rule.name == kRuleLexOrg.name || c.rule.name == kRuleLexPlace.name ||
           c.rule.name == kRuleDemonym.name || c.rule.name == kRuleCapitalMetonym.name ||
           c.rule.name == kRuleGazetteer.name || c.rule.name == kRuleDemonymGroup.name;
  }
  // A demonym naming people: a plural noun ("Americans", "Afghans").
  // whose singular is a demonym too (not "Swiss").
  bool IsPeopleDemonym(std::uint32_t t) const {
    std::string_view w = doc_->Folded(t);
    if (w.size() <= 3 || w.back() != 's' || toks_[t].Has(kTokAllCaps)) return false;
    const LexiconEntry* e = res_.places.Find(w.substr(0, w.size() - 1));
    return e != nullptr && e->fields.size() >= 3 && e->fields[2] == "demonym";
  }
  // A capitalised word that is no name by itself ("BC", "TV", "IQ"):
  // Whether token t is a lower-case noun or verb (with the parse; without
  // it, a lower-case word that is no function word): "Police said",
  // "Army officers", not "Press okay." or "Government?".
  bool NounOrVerbAt(std::uint32_t t) const {
    if (t >= toks_.size() || !IsWord(t) || IsCap(t)) return false;
    const auto& syn = doc_->syntax();
    if (syn.size() == toks_.size()) {
      const std::string_view u = syn[t].upos;
      return u == "NOUN" || u == "VERB" || u == "AUX";
    }
    return FoldedEntry(res_.function_words, t) == nullptr;
  }
  // A word that types names (name_parts.tsv role "org" or "place") standing
  // for no name at t: not after "the" or a possessive ("the Church" may be
  // the Church of Scientology, LinkOrgHeads; "King's College") and before no
  // noun or verb ("Press okay.", "What is Government?"; not "Police said").
  bool BareTypeWord(std::uint32_t t) const {
    const LexiconEntry* np = FoldedEntry(res_.name_parts, t);
    if (np == nullptr || (np->fields[0] != "org" && np->fields[0] != "place")) return false;
    if (t > 0 && (Folded(t - 1) == "the" || Folded(t - 1) == "'s")) return false;
    return !NounOrVerbAt(t + 1);
  }
  // name_parts.tsv role "common".
  bool IsCommonWord(std::uint32_t t) const {
    const LexiconEntry* np = res_.Entry(res_.name_parts, *doc_, t);
    return np != nullptr && np->fields[0] == "common";
  }
  void MergeTagged();
  // The entity key of a name typed by the tagger, `words` long: a one-word
  // person waits for LinkSingles (no key yet).
  void KeyTagged(std::uint32_t words, Cand* c) const;
  void LinkSingles();
  void LinkOrgHeads();
  void LinkAcronyms();
  void AppositionRoles();
  void ResolveReferences();
  coref::Gender NameGender(const Cand& c) const;
  struct GrammarGuess {
    std::int32_t sentence = -1;
    std::uint32_t main_start = 0;
    bool subject_taken = false;
  };
  // Without a parse: guesses at the grammatical role of mention `c`.
  void GuessGrammar(const Cand& c, coref::Item* it, GrammarGuess* g) const;
  void ResolvePronouns(const std::vector<std::int32_t>& order);
  void BuildEntities();

  const Resources& res_;
  const MentionModel* tagger_;  // nullptr: names from the lists and capitalisation only
  Document* doc_;
  const std::vector<Token>& toks_;
  std::string scratch_;
  std::vector<Cand> cands_;
  std::vector<PendingRole> roles_;
  std::vector<bool> in_quote_;
};

// An Arabic surname with its article: "al-Amr", "el-Sisi", "bin-Salman" (a
// lower-case particle, a hyphen, a capital).
bool IsParticleName(std::string_view w) {
  std::size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash + 1 >= w.size() || dash > 3) return false;
  if (w[dash + 1] < 'A' || w[dash + 1] > 'Z') return false;
  std::string_view particle = w.substr(0, dash);
  for (std::string_view p :
       {"al", "el", "ad", "ar", "as", "at", "an", "ash", "bin", "ibn", "abu"}) {
    if (particle == p) return true;
  }
  return false;
}

std::uint32_t Annotator::RunEnd(std::uint32_t i, std::uint32_t end) {
  std::uint32_t j = i + 1;
  while (j < end) {
    if (IsCap(j) || (IsWord(j) && IsParticleName(doc_->TokenText(j)))) {
      ++j;
      continue;
    }
    if (IsWord(j) && !toks_[j].Has(kTokClitic)) {
      // Connectors and particles between capitalised parts.
      const LexiconEntry* part = FoldedEntry(res_.name_parts, j);
      if (part != nullptr && (part->fields[0] == "connector" || part->fields[0] == "person")) {
        std::uint32_t k = j + 1;
        // "of the": two connectors in a row.
        if (k < end && IsWord(k) && !IsCap(k)) {
          const LexiconEntry* p2 = FoldedEntry(res_.name_parts, k);
          if (p2 != nullptr && p2->fields[0] == "connector") ++k;
        }
        if (k < end && IsCap(k)) {
          j = k + 1;
          continue;
        }
      }
      // A lower-case title after an organisation or country ("NATO chief",
      // "Russian foreign minister").
      const LexiconEntry* title = nullptr;
      std::uint32_t n = LongestMatch(res_.titles, j, end, &title);
      if (n > 0 && title->fields.size() >= 2 && title->fields[1] != "honorific" &&
          title->fields[1] != "person") {
        j += n;
        continue;
      }
    }
    break;
  }
  return j;
}

std::int32_t Annotator::AddLexCand(const Part& p, bool sentence_initial) {
  const LexiconEntry* e = p.entry;
  Cand c;
  c.first = p.first;
  c.end = p.end;
  c.sentence_initial = sentence_initial;
  c.key = e->fields[0];
  c.name = e->fields[1];
  c.lex_kind = e->fields[2];
  if (p.kind == PartKind::kOrg) {
    c.type = EntityType::kOrg;
    c.rule = kRuleLexOrg;
  } else {
    c.type = EntityType::kPlace;
    c.rule = kRuleLexPlace;
    if (c.lex_kind == "demonym" && p.end - p.first == 1 && IsPeopleDemonym(p.first)) {
      // "Americans", "Afghans": the people, not the country.
      c.type = EntityType::kGroup;
      c.name = std::string(doc_->TokenText(p.first));
      c.key = "group/" + Slug(c.name);
      c.rule = kRuleDemonymGroup;
    } else if (c.lex_kind == "demonym") {
      c.kind = MentionKind::kDemonym;
      c.rule = kRuleDemonym;
    } else if (c.lex_kind == "capital" && e->fields.size() >= 4) {
      // A capital stands for its country unless it is used as a location:
      // "in Bucharest", "the Romanian capital, Bucharest", "Bucharest, Romania".
      bool locative = false;
      if (p.first > 0) {
        const LexiconEntry* np = FoldedEntry(res_.name_parts, p.first - 1);
        locative =
            doc_->TokenText(p.first - 1) == "," || (np != nullptr && np->fields[0] == "locative");
      }
      if (p.end < toks_.size() && doc_->TokenText(p.end) == ",") locative = true;
      if (p.end < toks_.size() && toks_[p.end].Has(kTokClitic)) locative = false;  // "Moscow's"
      if (!locative) {
        c.key = e->fields[3];
        const LexiconEntry* country = nullptr;
        for (const LexiconEntry& pe : res_.places.entries()) {
          if (pe.fields[0] == c.key && pe.fields[2] == "country") {
            country = &pe;
            break;
          }
        }
        c.name = country != nullptr ? country->fields[1] : c.name;
        c.lex_kind = "country";
        c.rule = kRuleCapitalMetonym;
      } else {
        c.lex_kind = "city";
      }
    }
  }
  return AddCand(std::move(c));
}

void Annotator::ProcessRun(std::uint32_t first, std::uint32_t end, const Sentence& s) {
  // 1. Split the run into lexicon matches and unknown parts.
  std::vector<Part> parts;
  std::uint32_t k = first;
  while (k < end) {
    if (!IsCap(k) && !IsParticleName(doc_->TokenText(k))) {
      const LexiconEntry* title = nullptr;
      std::uint32_t n = LongestMatch(res_.titles, k, end, &title);
      if (n > 0) {
        parts.push_back(Part{PartKind::kTitle, k, k + n, title});
        k += n;
      } else {
        parts.push_back(Part{PartKind::kConnector, k, k + 1});
        ++k;
      }
      continue;
    }
    const LexiconEntry *org = nullptr, *place = nullptr, *title = nullptr;
    std::uint32_t no = LongestMatch(res_.organisations, k, end, &org);
    std::uint32_t np = LongestMatch(res_.places, k, end, &place);
    std::uint32_t nt = LongestMatch(res_.titles, k, end, &title);
    std::uint32_t best = std::max({no, np, nt});
    // "Michael Jordan", "George Washington": a one-word place right after a
    // given name the lists know is that person's surname.
    if (best == 1 && np == 1 && no == 0 && nt == 0 && !parts.empty() &&
        parts.back().kind == PartKind::kUnknown && parts.back().end == k &&
        parts.back().end - parts.back().first == 1 && place->fields[2] != "demonym" &&
        FoldedEntry(res_.first_names, parts.back().first) != nullptr &&
        FoldedEntry(res_.function_words, parts.back().first) == nullptr) {
      parts.back().end = k + 1;
      ++k;
      continue;
    }
    if (best > 0) {
      if (no == best) {
        parts.push_back(Part{PartKind::kOrg, k, k + no, org});
      } else if (np == best) {
        parts.push_back(Part{PartKind::kPlace, k, k + np, place});
      } else {
        parts.push_back(Part{PartKind::kTitle, k, k + nt, title});
      }
      k += best;
      continue;
    }
    // A name of two or more words the curated lists lack but the gazetteer
    // knows ("New England", "Bay of Bengal", "Transbay Tube").
    const LexiconEntry* gaz = nullptr;
    if (std::uint32_t ng = LongestMatch(res_.gazetteer, k, end, &gaz);
        ng >= 2 && gaz->fields[0] != "demonym") {
      parts.push_back(Part{PartKind::kGazetteer, k, k + ng, gaz});
      k += ng;
      continue;
    }
    bool at_start = k == s.first_token ||
                    (toks_[k - 1].kind == TokenKind::kQuote && toks_[k - 1].Has(kTokOpenQuote));
    if ((at_start && FoldedEntry(res_.function_words, k) != nullptr) ||
        FoldedEntry(res_.months, k) != nullptr || FoldedEntry(res_.weekdays, k) != nullptr ||
        (end - first == 1 && IsCommonWord(k))) {
      parts.push_back(Part{PartKind::kSkip, k, k + 1});
      ++k;
      continue;
    }
    if (!parts.empty() && parts.back().kind == PartKind::kUnknown && parts.back().end == k) {
      parts.back().end = k + 1;
    } else {
      parts.push_back(Part{PartKind::kUnknown, k, k + 1});
    }
    ++k;
  }

  // "CEO of the Refugee Council Enver Solomon": after a title and "of", an
  // unknown name whose organisation word is followed by two or three more
  // capitalised words is the organisation, then a person (also without the
  // title when those words start with a given name the lists know).
  for (std::size_t pi = 0; pi < parts.size(); ++pi) {
    if (parts[pi].kind != PartKind::kUnknown) continue;
    bool titled = false;
    for (std::size_t q = pi; q-- > 0;) {
      if (parts[q].kind == PartKind::kTitle) titled = true;
      if (parts[q].kind != PartKind::kConnector) break;
    }
    const std::uint32_t b = parts[pi].first, e = parts[pi].end;
    for (std::uint32_t j = b + 1; j + 3 <= e; ++j) {
      if (e - (j + 1) > 3) continue;  // two or three words after it
      const LexiconEntry* np = FoldedEntry(res_.name_parts, j);
      if (np == nullptr || np->fields[0] != "org") continue;
      bool plain = true;
      for (std::uint32_t t = j + 1; t < e && plain; ++t) {
        plain = IsCap(t) && FoldedEntry(res_.name_parts, t) == nullptr;
      }
      if (!plain || !(titled || FoldedEntry(res_.first_names, j + 1) != nullptr)) continue;
      parts[pi].end = j + 1;
      parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(pi) + 1,
                   Part{PartKind::kUnknown, j + 1, e});
      break;
    }
  }

  // Unknown names that continue with "of"/"for" + more name parts when they
  // hold an organisation word: "University of Sheffield".
  auto has_part_role = [&](std::uint32_t b, std::uint32_t e, std::string_view role) {
    for (std::uint32_t t = b; t < e; ++t) {
      const LexiconEntry* np = FoldedEntry(res_.name_parts, t);
      if (np != nullptr && np->fields[0] == role) return true;
    }
    return false;
  };

  // 2. Interpret the parts left to right.
  const Part* pending_title = nullptr;
  std::int32_t pending_title_org = -1;
  std::int32_t last_orgplace = -1;  // cand index of the previous org/place part
  std::size_t last_orgplace_part = static_cast<std::size_t>(-1);
  // Possessive owner before the run: "Ukraine's Foreign Minister X".
  std::int32_t possessive_owner = -1;
  if (first >= 2 && toks_[first - 1].Has(kTokClitic) && Folded(first - 1) == "'s" &&
      !cands_.empty() && cands_.back().end == first - 1 &&
      (cands_.back().type == EntityType::kOrg || cands_.back().type == EntityType::kPlace)) {
    possessive_owner = static_cast<std::int32_t>(cands_.size() - 1);
  }
  auto emit_title_only = [&]() {
    if (pending_title == nullptr) return;
    Cand c;
    c.first = pending_title_org >= 0 ? cands_[static_cast<std::size_t>(pending_title_org)].first
                                     : pending_title->first;
    c.end = pending_title->end;
    c.type = EntityType::kPerson;
    c.kind = MentionKind::kTitle;
    c.title = pending_title->entry->fields[0];
    c.title_class = pending_title->entry->fields[1];
    c.org = pending_title_org;
    c.rule = kRuleTitleOnly;
    if (c.title_class != "honorific") AddCand(std::move(c));
    pending_title = nullptr;
  };

  for (std::size_t pi = 0; pi < parts.size(); ++pi) {
    const Part& p = parts[pi];
    bool initial = p.first == s.first_token || (toks_[p.first - 1].kind == TokenKind::kQuote &&
                                                toks_[p.first - 1].Has(kTokOpenQuote));
    switch (p.kind) {
      case PartKind::kSkip:
      case PartKind::kConnector:
        emit_title_only();
        break;
      case PartKind::kOrg:
      case PartKind::kPlace:
        emit_title_only();
        last_orgplace = AddLexCand(p, initial);
        last_orgplace_part = pi;
        break;
      case PartKind::kGazetteer: {
        emit_title_only();
        Cand c;
        c.first = p.first;
        c.end = p.end;
        c.sentence_initial = initial;
        const std::string_view kind = p.entry->fields[0];
        c.type = kind == "person" ? EntityType::kPerson
                 : kind == "org"  ? EntityType::kOrg
                                  : EntityType::kPlace;
        // WordNet names a person by the surname ("John Brown" -> "Brown"):
        // keep the words as written.
        c.name = c.type == EntityType::kPerson
                     ? std::string(
                           doc_->Slice(Span{toks_[p.first].span.begin, toks_[p.end - 1].span.end}))
                     : std::string(p.entry->fields[1]);
        c.lex_kind = std::string(kind);
        c.key = c.type == EntityType::kPerson
                    ? "person:" + Fold(c.name)
                    : std::string(EntityTypePrefix(c.type)) + "/" + Slug(c.name);
        c.rule = kRuleGazetteer;
        std::int32_t ci = AddCand(std::move(c));
        if (cands_[static_cast<std::size_t>(ci)].type != EntityType::kPerson) {
          last_orgplace = ci;
          last_orgplace_part = pi;
        }
        break;
      }
      case PartKind::kTitle: {
        if (pending_title != nullptr) {
          // Two titles in a row ("Deputy Prime Minister"): keep the longer span.
          pending_title = &p;
          break;
        }
        pending_title = &p;
        pending_title_org = -1;
        if (last_orgplace >= 0 && last_orgplace_part + 1 == pi) {
          pending_title_org = last_orgplace;
        } else if (pi == 0 && possessive_owner >= 0) {
          pending_title_org = possessive_owner;
        }
        break;
      }
      case PartKind::kUnknown: {
        std::uint32_t b = p.first, e = p.end;
        Cand c;
        c.sentence_initial = initial;
        // A word that types names, alone in its run, names nothing (see
        // BareTypeWord).
        const bool alone =
            e - b == 1 &&
            !(pi + 2 < parts.size() && parts[pi + 1].kind == PartKind::kConnector &&
              (Folded(parts[pi + 1].first) == "of" || Folded(parts[pi + 1].first) == "for")) &&
            !(pi > 0 && parts[pi - 1].end == b);  // "Australian Centre", "King's College"
        if (alone && BareTypeWord(b)) {
          emit_title_only();
          break;
        }
        if (has_part_role(b, e, "org")) {
          // Extend back over adjacent places/orgs ("Indonesian Navy") and
          // forward over "of X" ("University of Sheffield").
          if (last_orgplace >= 0 && last_orgplace_part + 1 == pi) {
            b = cands_[static_cast<std::size_t>(last_orgplace)].first;
          }
          std::size_t q = pi + 1;
          while (q + 1 < parts.size() && parts[q].kind == PartKind::kConnector &&
                 (Folded(parts[q].first) == "of" || Folded(parts[q].first) == "for")) {
            std::size_t r = q + 1;
            while (r < parts.size() && parts[r].kind == PartKind::kConnector) ++r;
            if (r >= parts.size() || parts[r].kind == PartKind::kTitle) break;
            e = parts[r].end;
            q = r + 1;
          }
          pi = q - 1;
          c.type = EntityType::kOrg;
          c.rule = kRuleNameParts;
        } else if (has_part_role(b, e, "place")) {
          // "Municipality of Culion", "Province of Palawan": the place word
          // and the name after "of" (typed PLACE unless the tagger, finding
          // the same span, says otherwise).
          if (pi + 2 < parts.size() && e - b == 1 && parts[pi + 1].kind == PartKind::kConnector &&
              Folded(parts[pi + 1].first) == "of" && parts[pi + 2].kind == PartKind::kUnknown) {
            e = parts[pi + 2].end;
            pi += 2;
          }
          c.type = EntityType::kPlace;
          c.rule = kRuleNameParts;
        } else if (e - b >= 2 && has_part_role(b, e, "event")) {
          // "World War II", "the Olympic Games", "Cyclone Phailin": named, but no
          // person, organisation or place.
          c.type = EntityType::kOther;
          c.rule = kRuleEvent;
        } else if (pending_title != nullptr && pending_title->end == b) {
          c.type = EntityType::kPerson;
          c.rule = kRuleTitledPerson;
          // "Administrator Bolden" after "Charles Bolden": a surname, linked
          // to the full name when the document gives one (LinkSingles).
          c.single = e - b == 1;
        } else if (e - b <= 4 && FoldedEntry(res_.group_nouns, e - 1) != nullptr) {
          // A capitalised group noun ("Diplomats" at the start of a
          // sentence, "Republican Senators"): a group, no person's name.
          emit_title_only();
          Cand gc;
          gc.first = b;
          gc.end = e;
          gc.type = EntityType::kGroup;
          gc.kind = MentionKind::kNominal;
          gc.name = std::string(doc_->Slice(Span{toks_[b].span.begin, toks_[e - 1].span.end}));
          gc.key = "group/" + Slug(gc.name);
          gc.rule = kRuleGroup;
          AddCand(std::move(gc));
          break;
        } else if (e - b >= 2 && e - b <= 4) {
          c.type = EntityType::kPerson;
          c.rule = kRuleMultiwordPerson;
        } else if (e - b == 1 && toks_[b].Has(kTokAllCaps) && doc_->TokenText(b).size() >= 2) {
          c.type = EntityType::kOrg;
          c.rule = kRuleAcronym;
        } else if (e - b == 1) {
          c.type = EntityType::kPerson;
          c.single = true;
          c.rule = kRuleSurname;
        } else {
          emit_title_only();
          break;
        }
        c.first = b;
        c.end = e;
        c.name = std::string(doc_->Slice(Span{toks_[b].span.begin, toks_[e - 1].span.end}));
        if (c.type == EntityType::kPerson && !c.single) c.key = "person:" + Fold(c.name);
        if (c.type == EntityType::kOrg || c.type == EntityType::kPlace ||
            c.type == EntityType::kOther) {
          c.key = std::string(EntityTypePrefix(c.type)) + "/" + Slug(c.name);
        }
        std::int32_t ci = AddCand(std::move(c));
        if (pending_title != nullptr && pending_title->end == b &&
            cands_[static_cast<std::size_t>(ci)].type == EntityType::kPerson) {
          if (pending_title->entry->fields[1] != "honorific") {
            std::uint32_t ev_first = pending_title_org >= 0
                                         ? cands_[static_cast<std::size_t>(pending_title_org)].first
                                         : pending_title->first;
            roles_.push_back(PendingRole{
                ci, pending_title->entry->fields[0], pending_title->entry->fields[1],
                pending_title_org,
                Span{toks_[ev_first].span.begin, toks_[pending_title->end - 1].span.end}});
          }
          pending_title = nullptr;
        }
        emit_title_only();
        break;
      }
    }
  }
  emit_title_only();
}

void Annotator::ProcessLowercase(std::uint32_t& i, const Sentence& s) {
  // Group nouns, with an organisation or country right before them.
  const LexiconEntry* g = nullptr;
  std::uint32_t n = LongestMatch(res_.group_nouns, i, s.end_token, &g);
  if (n > 0 && !toks_[i].Has(kTokCapitalized)) {
    std::uint32_t b = i;
    std::string qualifier;
    if (!cands_.empty() && cands_.back().end == i &&
        (cands_.back().type == EntityType::kOrg || cands_.back().type == EntityType::kPlace)) {
      b = cands_.back().first;
      qualifier = cands_.back().name;
    }
    Cand c;
    c.first = b;
    c.end = i + n;
    c.type = EntityType::kGroup;
    c.kind = MentionKind::kNominal;
    c.name = std::string(doc_->Slice(Span{toks_[b].span.begin, toks_[i + n - 1].span.end}));
    std::string noun =
        std::string(doc_->Slice(Span{toks_[i].span.begin, toks_[i + n - 1].span.end}));
    c.key = "group/" + Slug(qualifier.empty() ? noun : qualifier + " " + noun);
    c.rule = kRuleGroup;
    AddCand(std::move(c));
    i += n;
    return;
  }
  std::string_view word = Folded(i);
  // Definite descriptions: "the alliance" (not "in the company of friends");
  // "feds" (the federal government) needs no article.
  const bool the = i > s.first_token && Folded(i - 1) == "the";
  // "According to company statistics", "company officials said": the
  // company in question, as "the company" would be.
  auto company_modifier = [&] {
    if (word != "company" || the || i + 1 >= s.end_token) return false;
    static constexpr std::string_view kHeads[] = {
        "statistics", "figures", "data",      "records",     "documents",    "officials",
        "executives", "sources", "spokesman", "spokeswoman", "spokesperson", "filings"};
    return std::find(std::begin(kHeads), std::end(kHeads), Folded(i + 1)) != std::end(kHeads);
  };
  // ("the city of Lyon" names its city; "the city council", "the city
  // life": a modifier, by the parse.)
  const bool of_after = i + 1 < s.end_token && Folded(i + 1) == "of";
  const bool city_modifier = word == "city" && i + 1 < s.end_token &&
                             doc_->syntax().size() == toks_.size() &&
                             doc_->syntax()[i].deprel == "compound";
  if ((the || word == "feds" || company_modifier()) &&
      !(of_after && (word == "company" || word == "city")) && !city_modifier) {
    if (const LexiconEntry* nom = FoldedEntry(res_.nominals, i)) {
      Cand c;
      c.first = the ? i - 1 : i;
      c.end = i + 1;
      c.kind = MentionKind::kNominal;
      c.lex_kind = nom->fields[0];
      c.name = std::string(doc_->Slice(Span{toks_[c.first].span.begin, toks_[i].span.end}));
      c.rule = kRuleNominal;
      c.type = (c.lex_kind == "country" || c.lex_kind == "city") ? EntityType::kPlace
               : c.lex_kind == "study"                           ? EntityType::kOther
                                                                 : EntityType::kOrg;
      // "the report", "the survey": a study named before ("the Australian
      // National Iodine Nutrition Study").
      auto study = [&](const Cand& a) {
        if (a.type != EntityType::kOther || a.kind != MentionKind::kName) return false;
        const std::string_view w = Folded(a.end - 1);
        return w == "study" || w == "survey" || w == "report" || w == "inquiry" || w == "census";
      };
      // Antecedent: the last organisation or place of that kind. Without a
      // listed company, "the company" waits for the tagger's names
      // (ResolveReferences): most companies are in no list ("Toyota
      // recalled ... The company said"). Within the last 1,000 candidates:
      // what a nominal refers to was named not too long before, and the
      // walk stays linear in long documents that never name it.
      const std::size_t lo = cands_.size() > 1000 ? cands_.size() - 1000 : 0;
      for (std::size_t k = cands_.size(); k-- > lo;) {
        const Cand& a = cands_[k];
        if (a.key.empty() || a.kind == MentionKind::kNominal) continue;
        // "The city" is a city or a municipality named in the last few
        // sentences ("the Municipality of Livorno ... The city reasoned"),
        // not the one a caption named pages before.
        auto municipality = [&](const Cand& m) {
          if (m.type != EntityType::kPlace && m.type != EntityType::kOrg) return false;
          const std::string_view w = Folded(m.first);
          return m.end > m.first + 2 && Folded(m.first + 1) == "of" &&
                 (w == "municipality" || w == "city" || w == "town" || w == "borough");
        };
        if (c.lex_kind == "city" && a.end + 150 < i) break;
        bool ok = c.lex_kind == "org"     ? a.type == EntityType::kOrg
                  : c.lex_kind == "study" ? study(a)
                  : c.lex_kind == "city"  ? a.lex_kind == "city" || municipality(a)
                                          : a.lex_kind == c.lex_kind;
        if (!ok) continue;
        // A possessor ("to give Apple's newest phone") is less likely the
        // one referred to than a subject or object shortly before it
        // ("Consumer Reports declined to give Apple's newest phone ... The
        // group said"): the earlier one of the same kind within 40 words.
        const bool possessor =
            a.end < toks_.size() && (Folded(a.end) == "'s" || Folded(a.end) == "\xE2\x80\x99s");
        if (possessor && c.antecedent < 0) {
          c.antecedent = static_cast<std::int32_t>(k);
          continue;
        }
        if (c.antecedent >= 0 &&
            cands_[static_cast<std::size_t>(c.antecedent)].first > a.end + 40) {
          break;
        }
        c.antecedent = static_cast<std::int32_t>(k);
        break;
      }
      // "the government" with no government named: the country's (the last
      // country named; a country stands for its government, as in "Canada
      // said").
      for (std::size_t k = cands_.size();
           c.antecedent < 0 && c.lex_kind == "government" && k-- > lo;) {
        const Cand& a = cands_[k];
        if (!a.key.empty() && a.kind == MentionKind::kName && a.lex_kind == "country") {
          c.antecedent = static_cast<std::int32_t>(k);
        }
      }
      if (c.antecedent >= 0 || c.lex_kind == "company") AddCand(std::move(c));
      ++i;
      return;
    }
  }
  // Third-person pronouns, also inside quotes (resolved once all names are
  // known; "we" and "I" are the speaker's, not resolved here).
  if (const LexiconEntry* pr = FoldedEntry(res_.pronouns, i); pr != nullptr) {
    const std::string& gender = pr->fields[0];
    const std::string& number = pr->fields[1];
    const std::string& pcase = pr->fields[2];
    Cand c;
    c.first = i;
    c.end = i + 1;
    c.kind = MentionKind::kPronoun;
    c.name = std::string(doc_->TokenText(i));
    c.pronoun_case = pcase == "obj"    ? coref::PronounCase::kObject
                     : pcase == "poss" ? coref::PronounCase::kPossessive
                                       : coref::PronounCase::kSubject;
    if (gender == "m" || gender == "f") {
      c.type = EntityType::kPerson;
      c.gender = gender == "m" ? coref::Gender::kMale : coref::Gender::kFemale;
      c.rule = kRulePronoun;
      AddCand(std::move(c));
    } else if (number == "pl" && word != "we" && word != "us" && word != "our") {
      c.type = EntityType::kGroup;
      c.plural = true;
      c.rule = kRulePronounGroup;
      AddCand(std::move(c));
    }
  }
  ++i;
}

// Merges the tagger's names with the candidates found from the lists and capitalisation runs.
// Names from the lists (organisations.tsv, places.tsv) keep priority and their ids: a tagged
// name that equals, lies inside or crosses one is dropped; an ORG or PLACE name that contains
// one ("Aberdeen" in "Aberdeen Grammar School") is added beside it, and replaces it when both
// end on the same word with the same type ("South Australia", not "Australia"). Names guessed
// from capitalisation keep their span and id; the tagger's type replaces the guessed one when
// both have exactly the same span (not for persons after a title or a reporting verb). Guessed
// names the tagger misses are kept (it misses some in news: "Jens Stoltenberg said"). A tagged
// name that overlaps no candidate is a new name, typed by the tagger (one type per name string
// in a document: the majority).
void Annotator::KeyTagged(std::uint32_t words, Cand* c) const {
  c->single = c->type == EntityType::kPerson && words == 1;
  if (c->single) {
    c->key.clear();
  } else if (c->type == EntityType::kPerson) {
    c->key = "person:" + Fold(c->name);
  } else {
    c->key = std::string(EntityTypePrefix(c->type)) + "/" + Slug(c->name);
  }
}

void Annotator::MergeTagged() {
  if (tagger_ == nullptr) return;
  std::vector<TaggedMention> tagged;
  tagger_->Tag(res_, *doc_, &tagged);
  // One type per name in a document: the type the tagger gave it most often (first on a tie).
  {
    std::unordered_map<std::string, std::array<int, 3>> votes;
    std::vector<std::string> keys;
    keys.reserve(tagged.size());
    for (const TaggedMention& t : tagged) {
      scratch_.clear();
      AppendPhrase(*doc_, t.first, t.end - t.first, &scratch_);
      keys.push_back(scratch_);
      ++votes[scratch_][static_cast<std::size_t>(mentions::TypeIndex(t.type))];
    }
    // A one-word name that is the first or last word of a person named in full is that person's
    // ("Isabel" after "Isabel Ruiz").
    std::unordered_map<std::string, int> person_parts;
    for (const TaggedMention& t : tagged) {
      if (t.type != EntityType::kPerson || t.end - t.first < 2) continue;
      ++person_parts[std::string(Folded(t.first))];
      ++person_parts[std::string(Folded(t.end - 1))];
    }
    for (std::size_t k = 0; k < tagged.size(); ++k) {
      if (tagged[k].end - tagged[k].first == 1 && person_parts.count(keys[k]) > 0) {
        tagged[k].type = EntityType::kPerson;
        continue;
      }
      const std::array<int, 3>& v = votes[keys[k]];
      int mine = v[static_cast<std::size_t>(mentions::TypeIndex(tagged[k].type))];
      for (std::size_t ty = 0; ty < 3; ++ty) {
        if (v[ty] > mine) {
          tagged[k].type = mentions::EntityTypeOf(ty);
          mine = v[ty];
        }
      }
    }
  }
  const std::size_t n_cands = cands_.size();
  // The candidates by first token, to visit only those near a tagged name.
  std::vector<std::uint32_t> by_first(n_cands);
  for (std::size_t k = 0; k < n_cands; ++k) by_first[k] = static_cast<std::uint32_t>(k);
  std::stable_sort(by_first.begin(), by_first.end(), [&](std::uint32_t a, std::uint32_t b) {
    return cands_[a].first < cands_[b].first;
  });
  std::uint32_t longest = 0;
  for (std::size_t k = 0; k < n_cands; ++k) {
    longest = std::max(longest, cands_[k].end - cands_[k].first);
  }
  // Words written capitalised inside a sentence somewhere in the document: a one-word name at
  // the start of a sentence is kept only if it is one of them or in the gazetteer ("Pregnant
  // women ..." is no name).
  // (Collected once, on first use: a scan per name was quadratic in long
  // documents. The token asked about is never one of them: it opens its
  // sentence or follows a quotation mark.)
  bool inside_ready = false;
  std::unordered_set<std::uint32_t> inside_ids;
  std::unordered_set<std::string_view> inside_words;  // words without an id
  auto capitalised_inside_elsewhere = [&](std::uint32_t t) {
    if (!inside_ready) {
      inside_ready = true;
      for (const Sentence& s : doc_->sentences()) {
        for (std::uint32_t i = s.first_token + 1; i < s.end_token; ++i) {
          if (!IsCap(i) || toks_[i - 1].kind == TokenKind::kQuote) continue;
          if (const std::uint32_t id = doc_->WordId(i); id != 0) {
            inside_ids.insert(id);
          } else {
            inside_words.insert(Folded(i));
          }
        }
      }
    }
    const std::uint32_t id = doc_->WordId(t);
    return id != 0 ? inside_ids.count(id) > 0 : inside_words.count(Folded(t)) > 0;
  };
  for (TaggedMention& t : tagged) {
    // A name starts and ends on a capitalised word ("CEO of the" -> "CEO").
    while (t.end > t.first && !IsCap(t.end - 1)) --t.end;
    while (t.first < t.end && !IsCap(t.first)) ++t.first;
    // Nor on a preposition opening the sentence ("In September 1944"); a
    // month or a weekday alone is a date, whatever the tagger says.
    while (t.end - t.first > 1 && FoldedEntry(res_.function_words, t.first) != nullptr &&
           FoldedEntry(res_.function_words, t.first)->fields[0] == "prep") {
      ++t.first;
    }
    if (t.first == t.end) continue;
    if (t.end - t.first == 1 &&
        (IsCommonWord(t.first) || FoldedEntry(res_.months, t.first) != nullptr ||
         FoldedEntry(res_.weekdays, t.first) != nullptr)) {
      continue;
    }
    // As in ProcessRun: a word that types names, alone, names nothing.
    if (t.end - t.first == 1 && BareTypeWord(t.first)) continue;
    // "Senators", "Republican Senators": a group, not a person's name.
    if (t.type == EntityType::kPerson && FoldedEntry(res_.group_nouns, t.end - 1) != nullptr) {
      continue;
    }
    // "Joshua Abraham Norton" tagged as an organisation: a given name the
    // lists know, then capitalised words no list names as an organisation's
    // or a place's, is a person.
    if (t.type != EntityType::kPerson && t.end - t.first >= 2 && t.end - t.first <= 4 &&
        FoldedEntry(res_.first_names, t.first) != nullptr &&
        FoldedEntry(res_.places, t.first) == nullptr) {
      bool other = false;
      for (std::uint32_t k = t.first; k < t.end && !other; ++k) {
        const LexiconEntry* part = FoldedEntry(res_.name_parts, k);
        other = (part != nullptr && part->fields[0] != "person") ||
                FoldedEntry(res_.organisations, k) != nullptr || !IsCap(k);
      }
      if (!other) t.type = EntityType::kPerson;
    }
    if (t.end - t.first == 1) {
      std::int32_t sent = doc_->SentenceAt(toks_[t.first].span.begin);
      bool initial =
          (sent >= 0 && doc_->sentences()[static_cast<std::size_t>(sent)].first_token == t.first) ||
          (t.first > 0 && toks_[t.first - 1].kind == TokenKind::kQuote);
      if (initial && FoldedEntry(res_.gazetteer, t.first) == nullptr &&
          !capitalised_inside_elsewhere(t.first)) {
        continue;
      }
    }
    bool blocked = false, kept = false, city_surname = false;
    std::vector<std::size_t> replaced;
    std::vector<std::size_t> guessed_inside;  // names guessed from capitalisation within t
    std::vector<std::size_t> swallowed;
    std::uint32_t from = t.first > longest ? t.first - longest : 0;
    auto it =
        std::lower_bound(by_first.begin(), by_first.end(), from,
                         [&](std::uint32_t k, std::uint32_t pos) { return cands_[k].first < pos; });
    for (; it != by_first.end() && cands_[*it].first < t.end && !blocked; ++it) {
      std::size_t k = *it;
      Cand& c = cands_[k];
      if (c.kind != MentionKind::kName && c.kind != MentionKind::kDemonym) continue;
      if (c.end <= t.first || c.first >= t.end) continue;
      bool inside = c.first >= t.first && c.end <= t.end;
      bool same = c.first == t.first && c.end == t.end;
      if (IsListCand(c)) {
        // A person whose surname is a city ("Valeska Paris, an Australian
        // woman"): the tagger's name of two or more words, ending on a
        // one-word city after a word no list knows, is the person's.
        if (t.type == EntityType::kPerson && inside && !same && c.end == t.end &&
            c.end - c.first == 1 && c.type == EntityType::kPlace &&
            (c.rule.name == kRuleCapitalMetonym.name || c.lex_kind == "city") &&
            UnlistedBefore(t.first, c.first)) {
          swallowed.push_back(k);
          city_surname = true;
          continue;
        }
        if (!inside || same || t.type == EntityType::kPerson) {
          blocked = true;
        } else if (c.end == t.end && c.type == t.type && c.kind == MentionKind::kName) {
          swallowed.push_back(k);  // "South Australia", "New England": one longer name
        }
        continue;
      }
      if (c.first >= t.first && c.end <= t.end && c.end < t.end) guessed_inside.push_back(k);
      if (c.tagged) continue;
      // A name guessed from capitalisation keeps its span and id: the tagger confirms it. With
      // exactly the same span, the tagger's type wins over the guess of a capitalised run.
      c.tagged = true;
      kept = true;
      if (same && c.type != t.type && c.rule.name != kRuleTitledPerson.name &&
          c.rule.name != kRuleSpeakerName.name && c.rule.name != kRuleEvent.name) {
        c.type = t.type;
        c.rule = kRuleTagged;
        KeyTagged(t.end - t.first, &c);
      }
    }
    if (city_surname && !blocked) {
      replaced.insert(replaced.end(), guessed_inside.begin(), guessed_inside.end());
      kept = false;
    }
    if (blocked || kept) continue;
    replaced.insert(replaced.end(), swallowed.begin(), swallowed.end());
    for (std::size_t k : replaced) {
      cands_[k].key.clear();
      cands_[k].single = false;
    }
    Cand c;
    c.first = t.first;
    c.end = t.end;
    c.type = t.type;
    c.kind = MentionKind::kName;
    c.tagged = true;
    c.rule = kRuleTagged;
    c.lex_kind.clear();
    c.name = std::string(doc_->Slice(Span{toks_[t.first].span.begin, toks_[t.end - 1].span.end}));
    KeyTagged(t.end - t.first, &c);
    AddCand(std::move(c));
  }
}

void Annotator::LinkSingles() {
  // One person whose first name is spelt two ways ("Kristin Wilkins" in the
  // standfirst, "Kristen Wilkins" twice in the body): a two-word name
  // written once takes the key of the one name with the same surname, a
  // first name one letter apart (four letters or more, same first letter,
  // no other gender) and written at least twice. ("Brian Smith and Bryan
  // Smith", each once, stay two; "Mark Davis" and "Mary Davis" too.)
  {
    struct Spelling {
      int count = 0;
      std::string key;
    };
    std::unordered_map<std::string, std::map<std::string, Spelling>> firsts_of;  // by surname
    for (const Cand& c : cands_) {
      if (c.type != EntityType::kPerson || c.single || c.kind != MentionKind::kName ||
          c.end - c.first != 2 || c.key.empty()) {
        continue;
      }
      Spelling& sp = firsts_of[std::string(Folded(c.end - 1))][std::string(Folded(c.first))];
      ++sp.count;
      if (sp.key.empty()) sp.key = c.key;
    }
    auto gender = [&](const std::string& first) -> std::string_view {
      const LexiconEntry* e = res_.first_names.Find(first);
      return e != nullptr && !e->fields.empty() ? std::string_view(e->fields[0]) : "";
    };
    std::unordered_map<std::string, std::string> rekey;
    for (const auto& [surname, firsts] : firsts_of) {
      (void)surname;
      if (firsts.size() < 2 || firsts.size() > 16) continue;  // (bounded: linear overall)
      for (const auto& [fa, a] : firsts) {
        if (a.count != 1 || fa.size() < 4) continue;
        const std::string* target = nullptr;
        bool two = false;
        for (const auto& [fb, b] : firsts) {
          if (b.count < 2 || fb.size() < 4 || fb[0] != fa[0] || !WithinOneEdit(fa, fb)) continue;
          const std::string_view ga = gender(fa), gb = gender(fb);
          if (!ga.empty() && !gb.empty() && ga != gb) continue;
          two = two || target != nullptr;
          target = &b.key;
        }
        if (target != nullptr && !two && *target != a.key) rekey.emplace(a.key, *target);
      }
    }
    for (Cand& c : cands_) {
      if (auto it = rekey.find(c.key); it != rekey.end()) c.key = it->second;
    }
  }
  // Surnames and first names of the persons named in full.
  // A word that ends one full name and starts another ("Warhol" of "Andy
  // Warhol" and of "Warhol Polaroids") is the surname: a name alone is far
  // more often a surname than a first name.
  std::unordered_map<std::string, std::string> by_part;  // folded word -> person key
  std::unordered_map<std::string, int> ambiguous;
  {
    std::unordered_map<std::string, std::string> parts[2];  // [0] last words, [1] first words
    std::unordered_map<std::string, int> clashes[2];
    for (const Cand& c : cands_) {
      if (c.type != EntityType::kPerson || c.single || c.kind != MentionKind::kName) continue;
      if (c.end - c.first < 2) continue;
      for (int side = 0; side < 2; ++side) {
        std::string w(Folded(side == 0 ? c.end - 1 : c.first));
        auto it = parts[side].find(w);
        if (it != parts[side].end() && it->second != c.key) ++clashes[side][w];
        parts[side].emplace(w, c.key);
      }
    }
    for (int side = 0; side < 2; ++side) {
      for (const auto& [w, key] : parts[side]) {
        if (!by_part.emplace(w, key).second) continue;  // a surname already
        if (clashes[side].count(w) > 0) ambiguous[w] = clashes[side][w];
      }
    }
  }
  // A one-word name right before or after a reporting verb ("Stoltenberg
  // said", "said Kuleba"), or after an honorific ("Mr Smith"), is a person
  // even when the document never gives the full name.
  auto is_say_cue = [&](std::uint32_t t) {
    if (t >= toks_.size() || !IsWord(t)) return false;
    const LexiconEntry* cue = FoldedEntry(res_.cues, t);
    return cue != nullptr && cue->fields[1] == "say";
  };
  auto after_honorific = [&](std::uint32_t first) {
    if (first == 0) return false;
    const LexiconEntry* title = FoldedEntry(res_.titles, first - 1);
    return title != nullptr && title->fields[1] == "honorific";
  };
  std::unordered_map<std::string, int> tagged_singles;
  for (const Cand& c : cands_) {
    if (c.single && c.tagged) ++tagged_singles[Fold(c.name)];
  }
  auto in_gazetteer = [&](const Cand& c) {
    const LexiconEntry* g = FoldedEntry(res_.gazetteer, c.first);
    return g != nullptr && g->fields[0] == "person";
  };
  // A city that is the surname of a person named in full is that person
  // ("Valeska Paris ... Paris claims").
  std::unordered_map<std::string, std::string> by_surname;
  std::unordered_map<std::string, std::string> first_of_key;  // person key -> folded first name
  for (const Cand& c : cands_) {
    if (c.type == EntityType::kPerson && !c.single && c.kind == MentionKind::kName &&
        c.end - c.first >= 2 && !c.key.empty()) {
      by_surname.emplace(std::string(Folded(c.end - 1)), c.key);
      first_of_key.emplace(c.key, std::string(Folded(c.first)));
    }
  }
  for (Cand& c : cands_) {
    if (by_surname.empty()) break;
    if (c.key.empty() || c.type != EntityType::kPlace || c.kind != MentionKind::kName ||
        c.end - c.first != 1 || (c.rule.name != kRuleCapitalMetonym.name && c.lex_kind != "city")) {
      continue;
    }
    std::string w(Folded(c.first));
    auto it = by_surname.find(w);
    if (it == by_surname.end() || ambiguous.count(w) > 0) continue;
    // "met in Paris", "flew to Paris": the city.
    if (c.first > 0 && IsWord(c.first - 1)) {
      static constexpr std::string_view kLocative[] = {"in",   "at",     "from",    "to",
                                                       "near", "into",   "outside", "across",
                                                       "via",  "toward", "towards", "around"};
      const std::string_view before = Folded(c.first - 1);
      if (std::find(std::begin(kLocative), std::end(kLocative), before) != std::end(kLocative)) {
        continue;
      }
    }
    c.type = EntityType::kPerson;
    c.key = it->second;
    c.name = std::string(doc_->Slice(toks_[c.first].span));
    c.rule = kRuleSurname;
  }
  // A surname misspelt by one letter ("Water said" after "Kathryn Waters",
  // "said Mauer" after "K.C. Maurer"): the only full name whose surname is
  // that word with one more letter, for words of five letters or more with
  // the same first letter, written once, and not themselves a known name
  // ("Davis" is not "Tom Davies"; "Smyth" and "Smith", "Davies" and "Davis"
  // differ by more than a dropped letter and stay apart).
  std::unordered_map<std::string, int> single_count;
  for (const Cand& c : cands_) {
    if (c.single) ++single_count[Fold(c.name)];
  }
  // After an honorific ("Ms Bauchtman" after "Lydia Buchtmann") the writer
  // refers back to someone named before: a surname of eight letters or more
  // within two edits of the only such full name is that person, however
  // often it is written.
  auto misspelt = [&](const Cand& c, const std::string& w) -> const std::string* {
    if (w.size() < 5 || c.end - c.first != 1 || FoldedEntry(res_.gazetteer, c.first) != nullptr ||
        FoldedEntry(res_.first_names, c.first) != nullptr) {
      return nullptr;
    }
    const bool referred = w.size() >= 8 && after_honorific(c.first);
    if (single_count[w] > 1 && !referred) return nullptr;
    // The honorific's gender, from gender_words.tsv ("Ms" is not "Peter
    // Christensen").
    const LexiconEntry* honorific =
        referred ? FoldedEntry(res_.gender_words, c.first - 1) : nullptr;
    const std::string_view title_gender = honorific != nullptr && !honorific->fields.empty()
                                              ? std::string_view(honorific->fields[0])
                                              : std::string_view();
    const std::string* found = nullptr;
    for (const auto& [surname, key] : by_surname) {
      if (surname[0] != w[0]) continue;
      const bool close = surname.size() == w.size() + 1
                             ? WithinOneEdit(surname, w)
                             : referred && EditDistance(surname, w, 2) <= 2;
      if (!close) continue;
      if (title_gender == "m" || title_gender == "f") {
        auto fk = first_of_key.find(key);
        const LexiconEntry* g =
            fk == first_of_key.end() ? nullptr : res_.first_names.Find(fk->second);
        if (g != nullptr && !g->fields.empty() && (g->fields[0] == "m" || g->fields[0] == "f") &&
            g->fields[0] != title_gender) {
          continue;
        }
      }
      if (found != nullptr && *found != key) return nullptr;
      found = &key;
    }
    return found;
  };
  // The tagger may call such a word a place ("\"...\", Water said." after
  // "Kathryn Waters"): next to a reporting verb, and in no list, it is the
  // person.
  for (Cand& c : cands_) {
    if (c.single || c.key.empty() || c.type == EntityType::kPerson || !c.tagged ||
        c.kind != MentionKind::kName || c.end - c.first != 1 ||
        FoldedEntry(res_.places, c.first) != nullptr ||
        FoldedEntry(res_.organisations, c.first) != nullptr ||
        !(is_say_cue(c.end) || (c.first > 0 && is_say_cue(c.first - 1)))) {
      continue;
    }
    if (const std::string* key = misspelt(c, std::string(Folded(c.first)))) {
      c.type = EntityType::kPerson;
      c.key = *key;
      c.rule = kRuleSurname;
    }
  }
  // A given name the lists know, which the parse reads as a proper noun,
  // written twice in the document or once inside a sentence: a person
  // named by first name alone ("Gloria", "Marlena"), not a month, a place
  // or a word ("Will", "Frank", "Grace" read as verb, adjective, noun).
  auto known_first_name = [&](const Cand& c) {
    const auto& syn = doc_->syntax();
    if (syn.size() != toks_.size() || c.end - c.first != 1 || syn[c.first].upos != "PROPN" ||
        FoldedEntry(res_.first_names, c.first) == nullptr ||
        FoldedEntry(res_.months, c.first) != nullptr ||
        FoldedEntry(res_.places, c.first) != nullptr ||
        FoldedEntry(res_.function_words, c.first) != nullptr) {
      return false;
    }
    if (const LexiconEntry* g = FoldedEntry(res_.gazetteer, c.first);
        g != nullptr && g->fields[0] != "person") {
      return false;
    }
    const std::int32_t si = doc_->SentenceAt(toks_[c.first].span.begin);
    bool initial = si < 0;
    if (si >= 0) {
      std::uint32_t f = doc_->sentences()[static_cast<std::size_t>(si)].first_token;
      while (f < c.first && toks_[f].kind == TokenKind::kQuote) ++f;
      initial = f == c.first;
    }
    return single_count[Fold(c.name)] >= 2 || !initial;
  };
  // A one-word name the document puts after "in", "near", "across" ... at
  // least twice ("in Coron waters", "player in Coron today"), and never next
  // to a reporting verb or after a title, is a place ("Coron was registered
  // as a town").
  std::unordered_map<std::string, int> located, personal;
  for (const Cand& c : cands_) {
    if (!c.single) continue;
    const std::string w = Fold(c.name);
    if (c.first > 0) {
      const std::string_view before = Folded(c.first - 1);
      if (before == "in" || before == "near" || before == "across" || before == "around" ||
          before == "throughout" || before == "within" || before == "outside" || before == "at") {
        ++located[w];
      }
    }
    if (is_say_cue(c.end) || (c.first > 0 && is_say_cue(c.first - 1)) || after_honorific(c.first) ||
        c.rule.name == kRuleTitledPerson.name ||
        FoldedEntry(res_.first_names, c.first) != nullptr) {
      ++personal[w];
    }
  }
  // One-word organisations and places found elsewhere in the document
  // ("workers at Foxconn"): the same word alone anywhere else ("Foxconn
  // said") is that one, not a person nor nothing.
  std::unordered_map<std::string, std::int32_t> named_elsewhere;
  for (std::size_t k = 0; k < cands_.size(); ++k) {
    const Cand& c = cands_[k];
    if (!c.single && !c.key.empty() && c.kind == MentionKind::kName && c.end - c.first == 1 &&
        (c.type == EntityType::kOrg || c.type == EntityType::kPlace)) {
      named_elsewhere.emplace(Fold(c.name), static_cast<std::int32_t>(k));
    }
  }
  for (Cand& c : cands_) {
    if (!c.single) continue;
    std::string w = Fold(c.name);
    if (auto lc = located.find(w);
        lc != located.end() && lc->second >= 2 && personal.count(w) == 0 && by_part.count(w) == 0) {
      c.single = false;
      c.type = EntityType::kPlace;
      c.key = "place/" + Slug(c.name);
      c.rule = kRuleNameParts;
      continue;
    }
    auto it = by_part.find(w);
    if (it != by_part.end() && ambiguous.count(w) == 0) {
      c.key = it->second;
      c.single = false;
    } else if (const std::string* key = it == by_part.end() ? misspelt(c, w) : nullptr) {
      c.key = *key;
      c.single = false;
      c.rule = kRuleSurname;
    } else if (auto ne = named_elsewhere.find(w); ne != named_elsewhere.end() &&
                                                  !after_honorific(c.first) &&
                                                  c.rule.name != kRuleTitledPerson.name) {
      const Cand& other = cands_[static_cast<std::size_t>(ne->second)];
      c.key = other.key;
      c.type = other.type;
      c.single = false;
    } else if (is_say_cue(c.end) || (c.first > 0 && is_say_cue(c.first - 1)) ||
               after_honorific(c.first) || c.rule.name == kRuleTitledPerson.name) {
      c.key = "person:" + w;
      c.single = false;
      c.rule = kRuleSpeakerName;
    } else if (known_first_name(c)) {
      // "Gloria developed severe eczema ... Gloria was taken to hospital".
      c.key = "person:" + w;
      c.single = false;
    } else if (c.tagged && (tagged_singles[w] >= 2 || in_gazetteer(c))) {
      // A one-word name the tagger found more than once, or a known name ("Byron").
      c.key = "person:" + w;
      c.single = false;
    } else if (const LexiconEntry* g = FoldedEntry(res_.gazetteer, c.first);
               g != nullptr && c.end - c.first == 1 &&
               (g->fields[0] == "city" || g->fields[0] == "region" || g->fields[0] == "country" ||
                g->fields[0] == "place") &&
               w != "north" && w != "south" && w != "east" && w != "west" &&
               FoldedEntry(res_.first_names, c.first) == nullptr) {
      // A place the gazetteer knows, named once and by no one as a person
      // ("South Australia, Western Australia and Queensland"); not a point
      // of the compass, whose place depends on the story ("the South
      // retaliated" in Korea is not the American South), nor a given name
      // ("thanked Florence for her help").
      c.type = EntityType::kPlace;
      c.key = "place/" + Slug(g->fields[1]);
      c.name = std::string(g->fields[1]);
      c.single = false;
      c.rule = kRuleGazetteer;
    } else {
      c.key.clear();  // unknown one-word name: dropped
    }
  }
}

void Annotator::AppositionRoles() {
  // "Neil Aspinall, manager of Apple Corps", "Jane Doe, the chief executive
  // of Acme, said": a person's name, a comma, a title, then "of", "at" or
  // "for" and an organisation (or a country) right after it: the person
  // holds that role there.
  std::vector<std::int32_t> at(toks_.size() + 1, -1);  // name candidate starting at a token
  for (std::size_t k = 0; k < cands_.size(); ++k) {
    const Cand& c = cands_[k];
    if (c.key.empty() || c.kind != MentionKind::kName) continue;
    if (at[c.first] < 0) at[c.first] = static_cast<std::int32_t>(k);
  }
  for (std::size_t k = 0; k < cands_.size(); ++k) {
    const Cand& c = cands_[k];
    if (c.key.empty() || c.kind != MentionKind::kName || c.type != EntityType::kPerson) continue;
    std::uint32_t t = c.end;
    if (t + 3 >= toks_.size() || doc_->TokenText(t) != ",") continue;
    ++t;
    if (Folded(t) == "the" || Folded(t) == "a" || Folded(t) == "an") ++t;
    const LexiconEntry* title = nullptr;
    const std::uint32_t n = LongestMatch(
        res_.titles, t, std::min<std::uint32_t>(static_cast<std::uint32_t>(toks_.size()), t + 4),
        &title);
    if (n == 0 || title->fields[1] == "honorific") continue;
    t += n;
    if (t + 1 >= toks_.size()) continue;
    const std::string_view prep = Folded(t);
    if (prep != "of" && prep != "at" && prep != "for") continue;
    ++t;
    if (Folded(t) == "the" && t + 1 < toks_.size()) ++t;
    const std::int32_t org = at[t];
    if (org < 0) continue;
    const Cand& o = cands_[static_cast<std::size_t>(org)];
    if (o.type != EntityType::kOrg && o.type != EntityType::kPlace) continue;
    roles_.push_back(PendingRole{static_cast<std::int32_t>(k), title->fields[0], title->fields[1],
                                 org, Span{toks_[c.first].span.begin, toks_[o.end - 1].span.end}});
  }
}

void Annotator::LinkAcronyms() {
  // "Movimento 5 Stelle (M5S)", "Union of Rationalist Atheists and
  // Agnostics (UAAR)": an acronym in brackets right after the words whose
  // initials it spells (small connecting words skipped) names the same
  // organisation; the acronym alone elsewhere ("the M5S party asks") is it.
  std::unordered_map<std::string, std::string> expands;  // folded acronym -> key
  std::unordered_map<std::string, std::string> names;    // key -> name
  // Candidates by their first token, to visit only those inside a name.
  // (Sorted on first use: most documents have no bracketed acronym.)
  std::vector<std::int32_t> by_first;
  auto inside = [&](std::uint32_t b, std::uint32_t p) {
    if (by_first.empty()) {
      by_first.resize(cands_.size());
      for (std::size_t k = 0; k < cands_.size(); ++k) by_first[k] = static_cast<std::int32_t>(k);
      std::stable_sort(by_first.begin(), by_first.end(), [&](std::int32_t x, std::int32_t y) {
        return cands_[static_cast<std::size_t>(x)].first <
               cands_[static_cast<std::size_t>(y)].first;
      });
    }
    auto it = std::lower_bound(by_first.begin(), by_first.end(), b,
                               [&](std::int32_t k, std::uint32_t pos) {
                                 return cands_[static_cast<std::size_t>(k)].first < pos;
                               });
    std::vector<std::int32_t> out;
    for (; it != by_first.end() && cands_[static_cast<std::size_t>(*it)].first < p; ++it) {
      out.push_back(*it);
    }
    return out;
  };
  for (std::uint32_t p = 1; p + 2 < toks_.size(); ++p) {
    if (doc_->TokenText(p) != "(" || doc_->TokenText(p + 2) != ")" ||
        (!toks_[p + 1].Has(kTokCapitalized) && !toks_[p + 1].Has(kTokAllCaps))) {
      continue;
    }
    const std::string_view acr = doc_->TokenText(p + 1);
    if (acr.size() < 2 || acr.size() > 8) continue;
    bool shape = true;
    int upper = 0;
    for (char ch : acr) {
      upper += ch >= 'A' && ch <= 'Z';
      shape = shape && ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'));
    }
    if (!shape || upper < 2) continue;
    // Match the initials from the last word back.
    std::size_t want = acr.size();
    std::uint32_t b = p;
    while (want > 0 && b > 0 && p - b < 12) {
      const std::uint32_t k = b - 1;
      const std::string_view w = doc_->TokenText(k);
      if (w.empty() || (toks_[k].kind != TokenKind::kWord && toks_[k].kind != TokenKind::kNumber)) {
        break;
      }
      const bool small = w == "of" || w == "the" || w == "and" || w == "for" || w == "de" ||
                         w == "di" || w == "la" || w == "del" || w == "des" || w == "du";
      if (small) {
        b = k;
        continue;
      }
      const char first = w[0] >= 'a' && w[0] <= 'z' ? static_cast<char>(w[0] - 'a' + 'A') : w[0];
      if (first != acr[want - 1]) break;
      --want;
      b = k;
    }
    if (want > 0 || p - b < 2 || !IsCap(b)) continue;
    // The words' own candidate, or a new organisation over them.
    std::string key;
    bool person = false;
    const std::vector<std::int32_t> within = inside(b, p);
    for (std::int32_t k : within) {
      const Cand& c = cands_[static_cast<std::size_t>(k)];
      if (!c.key.empty() && c.first == b && c.end == p) {
        person = c.type == EntityType::kPerson;
        key = c.key;
      }
    }
    if (person) continue;
    if (key.empty()) {
      for (std::int32_t k : within) {
        Cand& c = cands_[static_cast<std::size_t>(k)];
        if (!c.key.empty() && c.end <= p) {
          c.key.clear();  // its words are the organisation's name
          c.single = false;
        }
      }
      Cand c;
      c.first = b;
      c.end = p;
      c.type = EntityType::kOrg;
      c.kind = MentionKind::kName;
      c.rule = kRuleAcronym;
      c.name = std::string(doc_->Slice(Span{toks_[b].span.begin, toks_[p - 1].span.end}));
      c.key = "org/" + Slug(c.name);
      key = c.key;
      names[key] = c.name;
      AddCand(std::move(c));
    }
    expands.emplace(Fold(acr), key);
  }
  if (expands.empty()) return;
  for (Cand& c : cands_) {
    if (c.key.empty() || c.kind != MentionKind::kName || c.end - c.first != 1) continue;
    auto it = expands.find(Fold(doc_->TokenText(c.first)));
    if (it == expands.end() || !IsCap(c.first)) continue;
    c.key = it->second;
    c.type = EntityType::kOrg;
    c.single = false;
    if (auto n = names.find(it->second); n != names.end()) c.name = n->second;
  }
}

void Annotator::LinkOrgHeads() {
  // "the Church" after "the Church of Scientology", "the Ministry" after
  // "the Saudi Interior Ministry": a one-word organisation name after "the",
  // a word that makes names organisations (name_parts.tsv role "org"), is the
  // one longer organisation of the document headed by that word: its first
  // word before "of"/"for", or its last word. With two such organisations
  // ("the Party" beside Labour Party and Conservative Party) it stays apart.
  auto org_word = [&](std::uint32_t t) {
    const LexiconEntry* np = FoldedEntry(res_.name_parts, t);
    return np != nullptr && np->fields[0] == "org";
  };
  std::unordered_map<std::string, std::string> head_key;  // folded head word -> org key
  std::unordered_set<std::string> head_ambiguous;
  auto note = [&](std::string w, const std::string& key) {
    auto [it, fresh] = head_key.emplace(w, key);
    if (!fresh && it->second != key) head_ambiguous.insert(std::move(w));
  };
  for (const Cand& c : cands_) {
    if (c.type != EntityType::kOrg || c.kind != MentionKind::kName || c.key.empty() ||
        c.end - c.first < 2) {
      continue;
    }
    note(std::string(Folded(c.end - 1)), c.key);
    const std::string_view second = Folded(c.first + 1);
    if (second == "of" || second == "for") note(std::string(Folded(c.first)), c.key);
  }
  if (head_key.empty()) return;
  for (Cand& c : cands_) {
    if (c.type != EntityType::kOrg || c.kind != MentionKind::kName || c.key.empty() ||
        c.end - c.first != 1 || c.first == 0 || Folded(c.first - 1) != "the" ||
        !org_word(c.first)) {
      continue;
    }
    std::string w(Folded(c.first));
    auto it = head_key.find(w);
    if (it == head_key.end() || head_ambiguous.count(w) > 0 || it->second == c.key) continue;
    c.key = it->second;
    c.rule = kRuleOrgHead;
  }
}

void Annotator::ResolveReferences() {
  // Persons by key, with their roles, for titles.
  std::vector<std::int32_t> order(cands_.size());
  for (std::size_t k = 0; k < cands_.size(); ++k) order[k] = static_cast<std::int32_t>(k);
  std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    return cands_[static_cast<std::size_t>(a)].first < cands_[static_cast<std::size_t>(b)].first;
  });
  // Title-only mentions: the person holding that title (of that organisation).
  for (Cand& c : cands_) {
    if (c.kind != MentionKind::kTitle) continue;
    std::string org_key = c.org >= 0 ? cands_[static_cast<std::size_t>(c.org)].key : "";
    std::string found;
    bool conflict = false;
    for (const PendingRole& r : roles_) {
      const Cand& person = cands_[static_cast<std::size_t>(r.person)];
      if (person.key.empty()) continue;
      std::string r_org = r.org >= 0 ? cands_[static_cast<std::size_t>(r.org)].key : "";
      bool same_title = r.title == c.title || (r.title_class == "head" && c.title_class == "head");
      bool same_org = org_key.empty() || r_org == org_key;
      if (same_title && same_org) {
        if (!found.empty() && found != person.key) conflict = true;
        found = person.key;
      }
    }
    if (!found.empty() && !conflict) c.key = found;
  }
  // "the company", "the firm": the nearest listed company (found in
  // ProcessLowercase), or nearer than it an organisation name no list types
  // otherwise that is a company by a word of its name ("Cisco Systems",
  // "Delta Air Lines Inc.") or the subject of a clause in this sentence or
  // the two before ("Toyota recalled 2 million cars, the company said"); not
  // one with a word of another kind of organisation ("the Justice
  // Department").
  const auto& syn = doc_->syntax();
  auto is_subject = [&](const Cand& a) {
    if (syn.size() != toks_.size()) return false;
    for (std::uint32_t t = a.first; t < a.end; ++t) {
      const std::int32_t h = syn[t].head;
      if (h >= static_cast<std::int32_t>(a.first) && h < static_cast<std::int32_t>(a.end)) continue;
      return syn[t].deprel.substr(0, 5) == "nsubj";
    }
    return false;
  };
  // 1: a company word in the name; 0: no organisation word; -1: another kind's.
  auto company_word = [&](const Cand& a) {
    static constexpr std::string_view kCompanyWords[] = {
        "company",  "corporation",  "corp.",   "corp",      "inc.",    "inc",
        "ltd.",     "ltd",          "llc",     "plc",       "co.",     "group",
        "holdings", "airlines",     "airways", "motors",    "systems", "technologies",
        "labs",     "laboratories", "bank",    "industries"};
    int found = 0;
    for (std::uint32_t t = a.first; t < a.end; ++t) {
      const LexiconEntry* np = FoldedEntry(res_.name_parts, t);
      if (np == nullptr || np->fields[0] != "org") continue;
      const std::string_view w = Folded(t);
      if (std::find(std::begin(kCompanyWords), std::end(kCompanyWords), w) ==
          std::end(kCompanyWords)) {
        return -1;
      }
      found = 1;
    }
    return found;
  };
  // One pass in text order: the last organisation with a company word and
  // the last one that was a subject (candidates ending before the nominal).
  std::int32_t last_worded = -1, last_subject = -1;
  std::size_t next = 0;  // candidates before `next` in `order` are counted
  for (std::size_t oi = 0; oi < order.size(); ++oi) {
    Cand& c = cands_[static_cast<std::size_t>(order[oi])];
    if (c.kind != MentionKind::kNominal || c.lex_kind != "company") continue;
    for (; next < oi; ++next) {
      const Cand& a = cands_[static_cast<std::size_t>(order[next])];
      if (a.type != EntityType::kOrg || a.key.empty() || a.kind != MentionKind::kName ||
          (!a.lex_kind.empty() && a.lex_kind != "org")) {
        continue;
      }
      const int w = company_word(a);
      if (w > 0) last_worded = order[next];
      if (w == 0 && is_subject(a)) last_subject = order[next];
    }
    const std::int32_t sentence = doc_->SentenceAt(toks_[c.first].span.begin);
    // Only nearer than the listed company found before, if any.
    const std::uint32_t floor =
        c.antecedent >= 0 ? cands_[static_cast<std::size_t>(c.antecedent)].end : 0;
    std::int32_t pick = -1;
    for (const std::int32_t k : {last_worded, last_subject}) {
      if (k < 0) continue;
      const Cand& a = cands_[static_cast<std::size_t>(k)];
      if (a.first < floor || a.end > c.first) continue;
      if (k == last_subject && sentence - doc_->SentenceAt(toks_[a.first].span.begin) > 2) {
        continue;
      }
      if (pick < 0 || a.first > cands_[static_cast<std::size_t>(pick)].first) pick = k;
    }
    if (pick >= 0) c.antecedent = pick;
  }
  // Nominals take their antecedent's entity.
  for (std::int32_t idx : order) {
    Cand& c = cands_[static_cast<std::size_t>(idx)];
    if (c.kind == MentionKind::kNominal && c.antecedent >= 0) {
      c.key = cands_[static_cast<std::size_t>(c.antecedent)].key;
    }
  }
  // "A research team from MIT ... has analysed ... The scientists found":
  // a definite plural of people named for the first time refers to the
  // team (panel) named in the three sentences before.
  {
    std::unordered_set<std::string> seen;
    std::int32_t team = -1, team_sentence = -1;
    for (std::int32_t idx : order) {
      Cand& c = cands_[static_cast<std::size_t>(idx)];
      if (c.type != EntityType::kGroup || c.kind != MentionKind::kNominal || c.key.empty() ||
          c.rule.name != kRuleGroup.name) {
        if (!c.key.empty()) seen.insert(c.key);
        continue;
      }
      const std::int32_t sentence = doc_->SentenceAt(toks_[c.first].span.begin);
      const std::string_view head = Folded(c.end - 1);
      if (head == "team" || head == "panel") {
        team = idx;
        team_sentence = sentence;
        seen.insert(c.key);
        continue;
      }
      const bool definite = c.first > 0 && Folded(c.first - 1) == "the";
      // (People a research team is made of; not "the doctors", "the
      // police".)
      const bool people = head == "scientists" || head == "researchers" || head == "authors" ||
                          head == "investigators" || head == "experts";
      if (definite && people && seen.count(c.key) == 0 && team >= 0 && sentence >= team_sentence &&
          sentence - team_sentence <= 3) {
        c.key = cands_[static_cast<std::size_t>(team)].key;
        c.antecedent = team;
        team_sentence = sentence;  // the team is named again here
      }
      seen.insert(c.key);
    }
  }
  ResolvePronouns(order);
}

coref::Gender Annotator::NameGender(const Cand& c) const {
  auto gender_of = [](const LexiconEntry* e) {
    if (e == nullptr) return coref::Gender::kUnknown;
    return e->fields[0] == "m" ? coref::Gender::kMale : coref::Gender::kFemale;
  };
  // "Mr Smith", "Queen Elizabeth", "the actress".
  if (c.first > 0) {
    if (coref::Gender g = gender_of(FoldedEntry(res_.gender_words, c.first - 1));
        g != coref::Gender::kUnknown) {
      return g;
    }
  }
  if (coref::Gender g = gender_of(FoldedEntry(res_.gender_words, c.first));
      g != coref::Gender::kUnknown) {
    return g;
  }
  // The given name: the first capitalised word that is in the list, never
  // the last word of a longer name ("Yvette Cooper" is no "Cooper"; "J.
  // Robert Oppenheimer" is "Robert").
  if (c.kind != MentionKind::kName) return coref::Gender::kUnknown;
  const std::uint32_t last = c.end - c.first >= 2 ? c.end - 1 : c.end;
  for (std::uint32_t t = c.first; t < last && t < c.first + 2; ++t) {
    if (coref::Gender g = gender_of(FoldedEntry(res_.first_names, t));
        g != coref::Gender::kUnknown) {
      // A one-word name is a given name only when the document never uses
      // it as a surname ("Kim" alone after "Jong-un Kim").
      return g;
    }
  }
  return coref::Gender::kUnknown;
}

void Annotator::GuessGrammar(const Cand& c, coref::Item* it, GrammarGuess* g) const {
  auto word_class = [&](std::uint32_t t) -> std::string_view {
    if (!IsWord(t)) return {};
    const LexiconEntry* e = FoldedEntry(res_.function_words, t);
    return e != nullptr ? std::string_view(e->fields[0]) : std::string_view();
  };
  std::int32_t sent = doc_->SentenceAt(toks_[c.first].span.begin);
  if (sent != g->sentence) {
    g->sentence = sent;
    g->subject_taken = false;
    // The main clause starts after an opening adverbial, subordinate or
    // participial clause: "Before his post at Apple, Cook held ..." and
    // "Placed under the care of a Dr. Bailey, he was ..." start at the word
    // after the comma.
    const Sentence& s = doc_->sentences()[static_cast<std::size_t>(sent)];
    g->main_start = s.first_token;
    std::uint32_t first = s.first_token;
    while (first < s.end_token && !IsWord(first)) ++first;
    if (first < s.end_token) {
      std::string_view cls = word_class(first);
      const LexiconEntry* verb = FoldedEntry(res_.verbs, first);
      bool participle = verb != nullptr && toks_[first].Has(kTokCapitalized) &&
                        (HasTag(verb->fields[1], "pastpart") || HasTag(verb->fields[1], "ing"));
      if (cls == "prep" || cls == "sub" || participle) {
        for (std::uint32_t t = first; t < s.end_token; ++t) {
          if (doc_->TokenText(t) == ",") {
            g->main_start = t + 1;
            break;
          }
        }
      }
    }
  }
  // The word before the noun phrase, past determiners and titles ("under
  // the care of a Dr. Bailey" -> "of").
  std::uint32_t before = c.first;
  while (before > 0 && before + 3 > c.first &&
         (word_class(before - 1) == "det" || FoldedEntry(res_.titles, before - 1) != nullptr)) {
    --before;
  }
  bool after_prep = before > 0 && word_class(before - 1) == "prep";
  // In a prepositional phrase, or anywhere in an opening clause: adverbial.
  it->guess_adverbial = after_prep || c.first < g->main_start;
  // A possessor ("Jobs' leave") or the complement of "of" ("the care of X")
  // is embedded in a larger noun phrase.
  it->guess_embedded = (c.end < toks_.size() && toks_[c.end].Has(kTokClitic) &&
                        (doc_->TokenText(c.end) == "'s" || doc_->TokenText(c.end) == "'")) ||
                       (after_prep && Folded(before - 1) == "of");
  bool possessive =
      c.kind == MentionKind::kPronoun && c.pronoun_case == coref::PronounCase::kPossessive;
  if (!g->subject_taken && c.first >= g->main_start && !after_prep && !possessive &&
      !it->guess_embedded) {
    it->guess_subject = true;
    g->subject_taken = true;
  }
}

void Annotator::ResolvePronouns(const std::vector<std::int32_t>& order) {
  std::unordered_map<std::string, std::int32_t> ids;
  std::vector<const std::string*> keys;
  std::vector<EntityType> types;
  std::vector<coref::Item> items;
  std::vector<std::int32_t> cand_of_item;
  GrammarGuess guess;
  for (std::int32_t idx : order) {
    const Cand& c = cands_[static_cast<std::size_t>(idx)];
    coref::Item it;
    it.first = c.first;
    it.end = c.end;
    it.type = c.type;
    if (c.kind == MentionKind::kPronoun) {
      it.pronoun = true;
      it.gender = c.gender;
      it.plural = c.plural;
      it.pronoun_case = c.pronoun_case;
    } else {
      if (c.key.empty()) continue;
      auto [pos, added] = ids.emplace(c.key, static_cast<std::int32_t>(keys.size()));
      if (added) {
        keys.push_back(&pos->first);
        types.push_back(c.type);
      }
      it.entity = pos->second;
      if (c.type == EntityType::kPerson) {
        it.gender = NameGender(c);
        // "Republican Senators": a person-typed name that ends in a plural
        // group noun is no antecedent for "she".
        it.plural = FoldedEntry(res_.group_nouns, c.end - 1) != nullptr;
      }
    }
    it.quoted = in_quote_[c.first];
    if (it.pronoun) {
      // "“...,” he said": a closing quotation mark up to two tokens before.
      for (std::uint32_t k = c.first, n = 0; k > 0 && n < 3; --k, ++n) {
        const Token& t = toks_[k - 1];
        if (t.kind == TokenKind::kQuote && t.Has(kTokDoubleQuote)) {
          it.tags_quote = !t.Has(kTokOpenQuote);
          break;
        }
        if (t.kind == TokenKind::kWord) break;
      }
    }
    GuessGrammar(c, &it, &guess);
    items.push_back(it);
    cand_of_item.push_back(idx);
  }
  coref::ResolvePronouns(*doc_, keys.size(), &items);
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (!items[k].pronoun || items[k].entity < 0) continue;
    Cand& c = cands_[static_cast<std::size_t>(cand_of_item[k])];
    c.key = *keys[static_cast<std::size_t>(items[k].entity)];
    c.type = types[static_cast<std::size_t>(items[k].entity)];
  }
}

void Annotator::BuildEntities() {
  std::vector<Mention>* mentions = doc_->mutable_mentions();
  std::vector<Entity>* entities = doc_->mutable_entities();
  mentions->clear();
  entities->clear();

  // Order mentions by position (outer first on ties).
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < cands_.size(); ++k) {
    if (!cands_[k].key.empty() || cands_[k].kind == MentionKind::kTitle) order.push_back(k);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (cands_[a].first != cands_[b].first) return cands_[a].first < cands_[b].first;
    return cands_[a].end > cands_[b].end;
  });

  std::unordered_map<std::string, std::int32_t> entity_of_key;
  std::vector<std::int32_t> entity_of_cand(cands_.size(), -1);
  // Entity display names: the longest name-kind surface (persons), else the
  // lexicon's canonical name.
  std::map<std::string, std::string> best_name;
  for (std::size_t k : order) {
    const Cand& c = cands_[k];
    if (c.key.empty() || c.kind == MentionKind::kPronoun) continue;
    std::string& n = best_name[c.key];
    if (c.type == EntityType::kPerson) {
      if (c.kind == MentionKind::kName && c.name.size() > n.size()) n = c.name;
    } else if (n.empty() && c.kind != MentionKind::kNominal) {
      n = c.name;
    } else if (n.empty()) {
      n = c.name;
    }
  }
  for (std::size_t k : order) {
    const Cand& c = cands_[k];
    Mention m;
    m.span = Span{toks_[c.first].span.begin, toks_[c.end - 1].span.end};
    m.first_token = c.first;
    m.end_token = c.end;
    m.type = c.type;
    m.kind = c.kind;
    m.rule = c.rule;
    if (!c.key.empty()) {
      auto it = entity_of_key.find(c.key);
      if (it == entity_of_key.end()) {
        Entity e;
        e.type = c.type;
        e.name = best_name[c.key];
        if (e.name.empty()) e.name = c.name;
        if (c.key.starts_with("person:")) {
          e.id = "person/" + Slug(e.name);
        } else {
          e.id = c.key;
        }
        entities->push_back(std::move(e));
        it = entity_of_key.emplace(c.key, static_cast<std::int32_t>(entities->size() - 1)).first;
      }
      m.entity = it->second;
      entity_of_cand[k] = it->second;
      Entity& e = (*entities)[static_cast<std::size_t>(it->second)];
      e.mentions.push_back(static_cast<std::uint32_t>(mentions->size()));
      std::string surface(doc_->Slice(m.span));
      if (c.kind != MentionKind::kPronoun && surface != e.name &&
          std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end()) {
        e.aliases.push_back(surface);
      }
    }
    mentions->push_back(m);
  }
  // Roles.
  for (const PendingRole& r : roles_) {
    std::int32_t pe = entity_of_cand[static_cast<std::size_t>(r.person)];
    if (pe < 0) continue;
    DocRole role;
    role.title = r.title;
    role.org = r.org >= 0 ? entity_of_cand[static_cast<std::size_t>(r.org)] : -1;
    role.evidence = r.evidence;
    Entity& e = (*entities)[static_cast<std::size_t>(pe)];
    bool dup = false;
    for (DocRole& x : e.roles) {
      if (x.title != role.title) continue;
      if (x.org == role.org || role.org < 0) dup = true;
      if (x.org < 0 && role.org >= 0) {  // the same title, now with its organisation
        x = role;
        dup = true;
      }
    }
    if (!dup) e.roles.push_back(role);
  }
}

void Annotator::Run() {
  // Which tokens are inside quotation marks (reset at each zone).
  // A closing-shaped mark outside a quotation opens one when the zone's next
  // mark closes ('said," [Warhol] liked ... looked".'), as in the claims stage.
  in_quote_.assign(toks_.size(), false);
  {
    const auto& sents = doc_->sentences();
    auto is_mark = [&](std::uint32_t i) {
      return toks_[i].kind == TokenKind::kQuote && toks_[i].Has(kTokDoubleQuote);
    };
    // The next double mark of the same zone after each token (or none).
    std::vector<std::uint32_t> next_mark(toks_.size(), kNoToken);
    for (std::size_t si = sents.size(); si-- > 0;) {
      const Sentence& s = sents[si];
      std::uint32_t next = kNoToken;
      if (si + 1 < sents.size() && sents[si + 1].zone == s.zone) {
        const std::uint32_t f = sents[si + 1].first_token;
        next = f < toks_.size() && is_mark(f) ? f : (f < toks_.size() ? next_mark[f] : kNoToken);
      }
      for (std::uint32_t i = s.end_token; i-- > s.first_token;) {
        next_mark[i] = next;
        if (is_mark(i)) next = i;
      }
    }
    bool inside = false;
    std::uint32_t zone = static_cast<std::uint32_t>(-1);
    for (const Sentence& s : sents) {
      if (s.zone != zone) {
        inside = false;
        zone = s.zone;
      }
      for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
        const Token& t = toks_[i];
        if (is_mark(i)) {
          const std::uint32_t n = next_mark[i];
          inside = t.Has(kTokOpenQuote) ||
                   (!inside && n != kNoToken && n > i + 1 && !toks_[n].Has(kTokOpenQuote));
          continue;
        }
        in_quote_[i] = inside;
      }
    }
  }
  for (const Sentence& s : doc_->sentences()) {
    std::uint32_t i = s.first_token;
    while (i < s.end_token) {
      if (IsCap(i) && FoldedEntry(res_.pronouns, i) == nullptr) {
        std::uint32_t j = RunEnd(i, s.end_token);
        ProcessRun(i, j, s);
        i = j;
        continue;
      }
      if (IsWord(i) && !toks_[i].Has(kTokClitic)) {
        ProcessLowercase(i, s);
        continue;
      }
      ++i;
    }
  }
  MergeTagged();
  LinkAcronyms();
  LinkSingles();
  LinkOrgHeads();
  AppositionRoles();
  ResolveReferences();
  BuildEntities();
}

}  // namespace

Status EntityStage::Run(Document* doc) const {
  // The mention tagger: a missing model file leaves the lists alone; a bad one is an error.
  auto tagger = res_->MentionModel();
  if (!tagger.ok() && !tagger.status().IsNotFound()) return tagger.status();
  Annotator a(*res_, tagger.ok() ? tagger->get() : nullptr, doc);
  a.Run();
  return Status();
}

namespace {

// The last PERSON, ORG, PLACE or GROUP mention of `doc` inside [begin, cut).
std::int32_t LastMentionBefore(const Document& doc, std::uint32_t begin, std::uint32_t cut) {
  const auto& mentions = doc.mentions();
  std::int32_t best = -1, other = -1;
  // Mentions are sorted by begin: visit only those starting inside the phrase.
  auto first =
      std::lower_bound(mentions.begin(), mentions.end(), begin,
                       [](const Mention& m, std::uint32_t pos) { return m.span.begin < pos; });
  for (std::size_t k = static_cast<std::size_t>(first - mentions.begin()); k < mentions.size();
       ++k) {
    const Mention& m = mentions[k];
    if (m.span.begin >= cut) break;
    if (m.span.end > cut) continue;
    if (m.type == EntityType::kOther) {
      // A study, an inquiry, an event: the head only when it ends the phrase
      // ("The Australian National Iodine Nutrition Study found" is not
      // Australia's), never a modifier ("Olympic Games organisers").
      std::uint32_t last_end = m.span.end;
      for (std::uint32_t t = m.end_token;
           t < doc.tokens().size() && doc.tokens()[t].span.end <= cut; ++t) {
        if (doc.tokens()[t].kind == TokenKind::kWord) last_end = doc.tokens()[t].span.end;
      }
      if (last_end == m.span.end) other = static_cast<std::int32_t>(k);
      continue;
    }
    if (best < 0) {
      best = static_cast<std::int32_t>(k);
      continue;
    }
    const Mention& b = mentions[static_cast<std::size_t>(best)];
    if (m.span.end > b.span.end || (m.span.end == b.span.end && m.span.begin < b.span.begin)) {
      best = static_cast<std::int32_t>(k);
    }
  }
  if (other >= 0 && (best < 0 || mentions[static_cast<std::size_t>(other)].span.end >
                                     mentions[static_cast<std::size_t>(best)].span.end)) {
    return other;
  }
  return best;
}

}  // namespace

std::int32_t HeadMention(const Document& doc, const Resources& res, Span span) {
  // Cut the phrase at its first preposition after a word ("ministers from
  // the alliance" -> "ministers"), and first at its first comma after a word
  // ("Paul Dewar, an Ottawa MP" -> "Paul Dewar") when a mention is before it.
  std::uint32_t cut = span.end, comma = span.end, word_before_comma_end = 0;
  std::uint32_t t = doc.TokenAtOrAfter(span.begin);
  bool seen_word = false;
  for (; t < doc.tokens().size() && doc.tokens()[t].span.end <= span.end; ++t) {
    const Token& tok = doc.tokens()[t];
    if (seen_word && comma == span.end && tok.kind == TokenKind::kPunct &&
        doc.TokenText(t) == ",") {
      comma = tok.span.begin;
      word_before_comma_end = doc.tokens()[t - 1].span.end;
    }
    if (tok.kind != TokenKind::kWord) continue;
    const LexiconEntry* fw = res.Entry(res.function_words, doc, t);
    if (seen_word && fw != nullptr && fw->fields[0] == "prep" && !tok.Has(kTokCapitalized)) {
      cut = tok.span.begin;
      break;
    }
    if (fw == nullptr) seen_word = true;
  }
  // A name that holds the preposition ("The U.S. Department of Agriculture
  // says", "the Bank of England said") is cut after its end, not inside it.
  if (cut < span.end) {
    const auto& mentions = doc.mentions();
    auto from =
        std::lower_bound(mentions.begin(), mentions.end(), span.begin,
                         [](const Mention& m, std::uint32_t pos) { return m.span.begin < pos; });
    for (auto it = from; it != mentions.end() && it->span.begin < cut; ++it) {
      if (it->kind == MentionKind::kName && it->type != EntityType::kOther && it->span.end > cut &&
          it->span.end <= span.end) {
        cut = it->span.end;
      }
    }
  }
  // "Governor of Washington Chris Gregoire said", "Secretary of State John
  // Kerry said": a title, its organisation or place, then the person.
  if (cut < span.end) {
    std::uint32_t f = doc.TokenAtOrAfter(span.begin);
    while (f < doc.tokens().size() && doc.tokens()[f].span.begin < cut) {
      const LexiconEntry* fw = res.Entry(res.function_words, doc, f);
      if (fw == nullptr || fw->fields[0] != "det") break;
      ++f;
    }
    if (f < doc.tokens().size() && res.Entry(res.titles, doc, f) != nullptr) {
      const std::int32_t last = LastMentionBefore(doc, cut, std::min(comma, span.end));
      if (last >= 0) {
        const Mention& m = doc.mentions()[static_cast<std::size_t>(last)];
        if (m.type == EntityType::kPerson && m.kind == MentionKind::kName &&
            (m.span.end == span.end || m.span.end == word_before_comma_end)) {
          return last;
        }
      }
    }
    // "University of Texas Arlington Muslim Student Association president
    // Sehar Memon said": the organisation, a title, then the person's name
    // that ends the phrase; the person speaks, not the organisation.
    const std::int32_t last = LastMentionBefore(doc, cut, span.end);
    if (last >= 0) {
      const Mention& m = doc.mentions()[static_cast<std::size_t>(last)];
      if (m.type == EntityType::kPerson && m.kind == MentionKind::kName &&
          m.span.end == span.end && m.first_token > 0 &&
          res.Entry(res.titles, doc, m.first_token - 1) != nullptr) {
        return last;
      }
    }
  }
  if (comma < cut) {
    // Only a name that ends the phrase before the comma: "Ukraine's foreign
    // minister, Dmytro Kuleba" is about the minister, not Ukraine; "The
    // minister, Paul Dewar" names him after the comma.
    std::int32_t before_comma = LastMentionBefore(doc, span.begin, comma);
    if (before_comma >= 0) {
      const Mention& m = doc.mentions()[static_cast<std::size_t>(before_comma)];
      if (m.kind == MentionKind::kName && m.span.end == word_before_comma_end) return before_comma;
    }
  }
  const std::int32_t best = LastMentionBefore(doc, span.begin, cut);
  // "A Greek court ruled": a demonym modifying a common noun is not who
  // speaks (but "a Chinese spokesman" is China's, a title).
  if (best >= 0) {
    const Mention& m = doc.mentions()[static_cast<std::size_t>(best)];
    if (m.rule.name == kRuleDemonym.name) {
      for (std::uint32_t k = m.end_token; k < doc.tokens().size(); ++k) {
        const Token& tok = doc.tokens()[k];
        if (tok.span.end > cut) break;
        if (tok.kind != TokenKind::kWord) continue;
        if (!tok.Has(kTokCapitalized) && res.Entry(res.titles, doc, k) == nullptr) return -1;
        break;
      }
    }
  }
  return best;
}

}  // namespace tkg
