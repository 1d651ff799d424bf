#include "extract/facts/fact_stage.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "core/text.h"
#include "extract/entities/entity_stage.h"
#include "extract/facts/clauses.h"
#include "extract/phrase.h"
#include "extract/shallow.h"

namespace tkg {
namespace {

const RuleRef kRuleRole{"facts.role.title_before_name"};
const RuleRef kRuleSvo{"facts.svo.verb_group"};

struct VerbGroup {
  std::uint32_t first = 0, end = 0;  // tokens
  std::uint32_t head = 0;            // the main verb
  const LexiconEntry* verb = nullptr;
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
};

class FactFinder {
 public:
  FactFinder(const Resources& res, Document* doc)
      : res_(res), doc_(doc), toks_(doc->tokens()), sh_(res, *doc) {}

  void Run();

 private:
  const LexiconEntry* Verb(std::uint32_t i) const { return res_.Entry(res_.verbs, *doc_, i); }
  bool HasForm(const LexiconEntry* v, std::string_view form) const {
    return v != nullptr && v->fields[1].find(form) != std::string::npos;
  }
  // Token i ends the name of a person, organisation or group ("Kuleba",
  // "NATO", "NATO ministers"), not a demonym ("Russian attacks").
  bool IsName(std::uint32_t i) const { return name_end_[i]; }
  bool IsCue(std::uint32_t i) const { return cue_[i]; }
  bool VerbGroupAt(std::uint32_t i, const Sentence& s, VerbGroup* g) const;
  std::uint32_t ObjectEnd(std::uint32_t start, const Sentence& s) const;
  std::int32_t MentionEntityIn(Span span) const;
  void RoleFacts();
  void SvoFacts(const Sentence& s, std::uint32_t si);
  void ClauseFacts();
  void DateFact(Fact* f, Span extent, Span excluded = Span{}) const;
  void LinkAndDedup();

  const Resources& res_;
  Document* doc_;
  const std::vector<Token>& toks_;
  Shallow sh_;
  std::vector<bool> name_end_;
  std::vector<bool> cue_;  // reporting verbs: cue words, and the cues of claims
};

bool FactFinder::VerbGroupAt(std::uint32_t i, const Sentence& s, VerbGroup* g) const {
  const Token& t = toks_[i];
  if (t.kind != TokenKind::kWord || t.Has(kTokClitic)) return false;
  if (t.Has(kTokCapitalized) && i != s.first_token) return false;
  WordClass c = sh_.Class(i);
  g->first = i;
  if (c == WordClass::kAux || c == WordClass::kModal) {
    std::uint32_t j = i;
    std::uint32_t head = i;
    while (j < s.end_token) {
      WordClass cj = sh_.Class(j);
      if (cj == WordClass::kModal) {
        if (sh_.Is(j, "will") || sh_.Is(j, "shall") || sh_.Is(j, "'ll") || sh_.Is(j, "wo")) {
          g->modality = Modality::kFuture;
        } else if (sh_.Is(j, "would") || sh_.Is(j, "should")) {
          g->modality = Modality::kConditional;
        } else {
          g->modality = Modality::kPossible;
        }
      } else if (cj == WordClass::kNeg) {
        g->polarity = Polarity::kNegative;
      } else if (cj == WordClass::kAux) {
        head = j;
      } else if (cj != WordClass::kAdv) {
        break;
      }
      ++j;
    }
    // A content verb after the auxiliaries is the head ("will join").
    if (j < s.end_token && sh_.Class(j) == WordClass::kContent && Verb(j) != nullptr &&
        !toks_[j].Has(kTokCapitalized)) {
      head = j;
      ++j;
    }
    if (Verb(head) == nullptr) return false;  // a modal alone ("can")
    g->head = head;
    g->end = j;
    g->verb = Verb(head);
    return true;
  }
  // A finite verb right after a noun phrase: "Kuleba joined", "he joined".
  if (c != WordClass::kContent || i == s.first_token) return false;
  const LexiconEntry* v = Verb(i);
  if (v == nullptr) return false;
  std::uint32_t p = i - 1;
  WordClass pc = sh_.Class(p);
  bool after_name = IsName(p) || (pc == WordClass::kPron && doc_->Folded(p) != "it");
  bool past = HasForm(v, "past");
  bool pres3 = HasForm(v, "pres3");
  if (!(past && (after_name || (pc == WordClass::kContent && !toks_[p].Has(kTokClitic)))) &&
      !(pres3 && after_name)) {
    return false;
  }
  g->head = i;
  g->end = i + 1;
  g->verb = v;
  return true;
}

std::uint32_t FactFinder::ObjectEnd(std::uint32_t start, const Sentence& s) const {
  std::uint32_t end = s.end_token;
  while (end > start && (sh_.IsTerminal(end - 1) || sh_.IsCloseQuote(end - 1))) --end;
  for (std::uint32_t k = start; k < end; ++k) {
    std::string_view t = doc_->TokenText(k);
    if (t == ";" || t == ":" || t == "(" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94") return k;
    if (sh_.IsCloseQuote(k) || sh_.IsOpenQuote(k)) return k;
    WordClass c = sh_.Class(k);
    if (sh_.IsComma(k) && k + 1 < end) {
      WordClass n = sh_.Class(k + 1);
      if (n == WordClass::kRel || n == WordClass::kSub || n == WordClass::kConj ||
          sh_.Is(k + 1, "however") || sh_.IsCloseQuote(k + 1) || IsCue(k + 1)) {
        return k;
      }
    }
    if (k > start && (c == WordClass::kConj || c == WordClass::kSub) && k + 1 < end) {
      // A new clause: "... and confirmed ...", "... as he joined ...".
      VerbGroup g;
      if (VerbGroupAt(k + 1, s, &g)) return k;
      WordClass n = sh_.Class(k + 1);
      if (c == WordClass::kSub && !sh_.Is(k, "that") &&
          (n == WordClass::kPron || toks_[k + 1].Has(kTokCapitalized))) {
        return k;
      }
    }
    if (k > start && c == WordClass::kRel) return k;
  }
  return end;
}

std::int32_t FactFinder::MentionEntityIn(Span span) const {
  std::int32_t m = HeadMention(*doc_, res_, span);
  if (m < 0) return -1;
  return doc_->mentions()[static_cast<std::size_t>(m)].entity;
}

void FactFinder::DateFact(Fact* f, Span extent, Span excluded) const {
  const auto& timexes = doc_->timexes();
  auto from =
      std::lower_bound(timexes.begin(), timexes.end(), extent.begin,
                       [](const Timex& t, std::uint32_t pos) { return t.span.begin < pos; });
  for (std::size_t k = static_cast<std::size_t>(from - timexes.begin()); k < timexes.size(); ++k) {
    const Timex& t = timexes[k];
    if (t.span.begin >= extent.end) break;
    if (!extent.Contains(t.span) || !t.anchor.has_interval()) continue;
    if (!excluded.empty() && excluded.Contains(t.span)) continue;
    if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
    f->time = t.anchor;
    f->time_basis = DateBasis::kExplicit;
    f->time_timex = static_cast<std::int32_t>(k);
    return;
  }
  if (f->modality == Modality::kFuture) {
    f->time = ValueOnlyAnchor("FUTURE_REF");
    f->time_basis = DateBasis::kInferred;
  } else if (doc_->dct()) {
    f->time = DayAnchor(*doc_->dct());
    f->time_basis = DateBasis::kPublication;
  }
}

void FactFinder::RoleFacts() {
  const auto& entities = doc_->entities();
  const auto& mentions = doc_->mentions();
  for (std::size_t ei = 0; ei < entities.size(); ++ei) {
    const Entity& e = entities[ei];
    for (const DocRole& role : e.roles) {
      if (role.org < 0) continue;
      // The person's mention right after the role ("... Minister Dmytro Kuleba").
      std::int32_t person = -1, org = -1;
      for (std::uint32_t mi : e.mentions) {
        const Mention& m = mentions[mi];
        if (m.span.begin >= role.evidence.end && m.span.begin <= role.evidence.end + 2) {
          person = static_cast<std::int32_t>(mi);
          break;
        }
      }
      for (std::uint32_t mi : entities[static_cast<std::size_t>(role.org)].mentions) {
        if (role.evidence.Contains(mentions[mi].span)) {
          org = static_cast<std::int32_t>(mi);
          break;
        }
      }
      if (person < 0 || org < 0) continue;
      const Mention& om = mentions[static_cast<std::size_t>(org)];
      // The title: the evidence after the organisation (and its "'s").
      std::uint32_t t = doc_->TokenAtOrAfter(om.span.end);
      while (t < toks_.size() && toks_[t].Has(kTokClitic)) ++t;
      if (t >= toks_.size() || toks_[t].span.begin >= role.evidence.end) continue;
      Fact f;
      f.subject =
          Argument{mentions[static_cast<std::size_t>(person)].span, static_cast<std::int32_t>(ei)};
      f.relation = Span{toks_[t].span.begin, role.evidence.end};
      f.relation_lemma = Fold(role.title);
      f.object = Argument{om.span, role.org};
      f.sentence = static_cast<std::uint32_t>(std::max(0, doc_->SentenceAt(role.evidence.begin)));
      f.confidence = 0.7F;
      f.rule = kRuleRole;
      if (doc_->dct()) {
        f.time = DayAnchor(*doc_->dct());
        f.time_basis = DateBasis::kPublication;
      }
      doc_->mutable_facts()->push_back(std::move(f));
    }
  }
}

void FactFinder::SvoFacts(const Sentence& s, std::uint32_t si) {
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    VerbGroup g;
    if (!VerbGroupAt(i, s, &g)) continue;
    // Reporting verbs are claims, not facts.
    bool cue = false;
    for (std::uint32_t k = g.first; k < g.end; ++k) cue = cue || IsCue(k);
    if (cue || g.verb->fields[0] == "say") {
      i = g.end - 1;
      continue;
    }
    TokenRange subj = sh_.NpLeft(g.first, s.first_token);
    if (subj.first == subj.second || sh_.Class(subj.first) == WordClass::kRel) {
      i = g.end - 1;
      continue;
    }
    Span subj_span = sh_.TokSpan(subj.first, subj.second);
    std::int32_t subj_entity = MentionEntityIn(subj_span);
    std::uint32_t obj_end = ObjectEnd(g.end, s);
    // Not ending on punctuation, a preposition, a conjunction or "the".
    while (obj_end > g.end) {
      WordClass c = sh_.Class(obj_end - 1);
      if (c == WordClass::kPunct || c == WordClass::kPrep || c == WordClass::kConj ||
          c == WordClass::kDet || c == WordClass::kPart || c == WordClass::kSub) {
        --obj_end;
      } else {
        break;
      }
    }
    Span obj_span = obj_end > g.end ? sh_.TokSpan(g.end, obj_end) : Span{};
    std::int32_t obj_entity = -1;
    if (!obj_span.empty()) obj_entity = MentionEntityIn(obj_span);
    // Facts connect entities: the subject must be one (a pronoun resolved).
    if (subj_entity < 0) {
      i = g.end - 1;
      continue;
    }
    Fact f;
    f.subject = Argument{subj_span, subj_entity};
    f.relation = sh_.TokSpan(g.first, g.end);
    f.relation_lemma = g.verb->fields[0];
    f.object = Argument{obj_span, obj_entity};
    f.polarity = g.polarity;
    f.modality = g.modality;
    for (std::uint32_t k = g.end; k < obj_end; ++k) {
      if (sh_.Is(k, "pending")) f.modality = Modality::kPending;
    }
    f.sentence = si;
    f.confidence = 0.5F + (obj_entity >= 0 ? 0.1F : 0.0F);
    f.rule = kRuleSvo;
    Span extent{subj_span.begin, obj_span.empty() ? f.relation.end : obj_span.end};
    DateFact(&f, extent);
    doc_->mutable_facts()->push_back(std::move(f));
    i = (obj_end > g.end ? obj_end : g.end) - 1;
  }
}

void FactFinder::ClauseFacts() {
  std::vector<Fact>* facts = doc_->mutable_facts();
  std::size_t first = facts->size();
  std::vector<DatingExtent> extents;
  ClauseExtractor clauses(res_, *doc_);
  const auto& sents = doc_->sentences();
  for (std::uint32_t si = 0; si < sents.size(); ++si) {
    if (doc_->zones()[sents[si].zone].kind == ZoneKind::kBoilerplate) continue;
    clauses.Extract(si, facts, &extents);
  }
  for (std::size_t k = first; k < facts->size(); ++k) {
    Fact& f = (*facts)[k];
    f.subject.entity = MentionEntityIn(f.subject.span);
    if (!f.object.span.empty()) f.object.entity = MentionEntityIn(f.object.span);
    DateFact(&f, extents[k - first].span, extents[k - first].excluded);
  }
}

void FactFinder::LinkAndDedup() {
  std::vector<Fact>* facts = doc_->mutable_facts();
  std::vector<Claim>* claims = doc_->mutable_claims();
  // The same fact in the headline and the body is one fact: keep the body's.
  auto key = [&](const Fact& f) {
    std::string s = f.subject.entity >= 0 ? std::to_string(f.subject.entity)
                                          : Fold(doc_->Slice(f.subject.span));
    return std::make_tuple(s, f.relation_lemma, Fold(doc_->Slice(f.object.span)),
                           static_cast<int>(f.polarity), static_cast<int>(f.modality));
  };
  auto display = [&](const Fact& f) {
    std::int32_t si = doc_->SentenceAt(f.relation.begin);
    return si >= 0 &&
           IsDisplayZone(doc_->zones()[doc_->sentences()[static_cast<std::size_t>(si)].zone].kind);
  };
  std::stable_sort(facts->begin(), facts->end(), [&](const Fact& a, const Fact& b) {
    return std::make_tuple(display(a), a.relation.begin) <
           std::make_tuple(display(b), b.relation.begin);
  });
  std::set<decltype(key(Fact{}))> seen;
  std::vector<Fact> kept;
  for (Fact& f : *facts) {
    if (seen.insert(key(f)).second) kept.push_back(std::move(f));
  }
  std::sort(kept.begin(), kept.end(),
            [](const Fact& a, const Fact& b) { return a.relation.begin < b.relation.begin; });
  // Facts stated inside a claim's content (or one of its repeats) belong
  // to that claim. Spans sorted by begin; a fact's relation lies in the last
  // span starting at or before it, if any (claim contents do not nest).
  std::vector<std::pair<Span, std::size_t>> spans;
  for (std::size_t ci = 0; ci < claims->size(); ++ci) {
    spans.emplace_back((*claims)[ci].content, ci);
    for (const Span& e : (*claims)[ci].evidence) spans.emplace_back(e, ci);
  }
  std::sort(spans.begin(), spans.end());
  for (std::size_t fi = 0; fi < kept.size(); ++fi) {
    Span rel = kept[fi].relation;
    auto it = std::upper_bound(spans.begin(), spans.end(), rel.begin,
                               [](std::uint32_t pos, const std::pair<Span, std::size_t>& x) {
                                 return pos < x.first.begin;
                               });
    if (it == spans.begin()) continue;
    const auto& [span, ci] = *std::prev(it);
    if (!span.Contains(rel)) continue;
    kept[fi].claim = static_cast<std::int32_t>(ci);
    (*claims)[ci].facts.push_back(static_cast<std::uint32_t>(fi));
  }
  *facts = std::move(kept);
}

void FactFinder::Run() {
  doc_->mutable_facts()->clear();
  for (Claim& c : *doc_->mutable_claims()) c.facts.clear();
  if (toks_.empty()) return;
  name_end_.assign(toks_.size(), false);
  for (const Mention& m : doc_->mentions()) {
    if (m.kind == MentionKind::kDemonym || m.kind == MentionKind::kPronoun) continue;
    if (m.type == EntityType::kPerson || m.type == EntityType::kOrg ||
        m.type == EntityType::kGroup) {
      name_end_[m.end_token - 1] = true;
    }
  }
  cue_.assign(toks_.size(), false);
  std::string scratch;
  for (std::uint32_t i = 0; i < toks_.size(); ++i) {
    std::uint32_t n = 0;
    if (LongestPhrase(res_, res_.cues, *doc_, i, static_cast<std::uint32_t>(toks_.size()), &n,
                      &scratch, 0) != nullptr) {
      for (std::uint32_t k = i; k < i + n; ++k) cue_[k] = true;
    }
  }
  for (const Claim& c : doc_->claims()) {
    if (c.cue.empty()) continue;
    for (std::uint32_t i = doc_->TokenAtOrAfter(c.cue.begin);
         i < toks_.size() && toks_[i].span.end <= c.cue.end; ++i) {
      cue_[i] = true;
    }
  }
  sh_.barrier() = cue_;
  RoleFacts();
  if (doc_->syntax().size() == toks_.size()) {
    ClauseFacts();
  } else {
    const auto& sents = doc_->sentences();
    for (std::uint32_t si = 0; si < sents.size(); ++si) SvoFacts(sents[si], si);
  }
  LinkAndDedup();
}

}  // namespace

Status FactStage::Run(Document* doc) const {
  FactFinder f(*res_, doc);
  f.Run();
  return Status();
}

}  // namespace tkg
