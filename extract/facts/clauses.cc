#include "extract/facts/clauses.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace tkg {
namespace {

const RuleRef kRuleSvo{"facts.clause.svo"};
const RuleRef kRuleCopula{"facts.clause.copula"};
const RuleRef kRuleReport{"facts.clause.report"};
const RuleRef kRuleApposition{"facts.apposition"};
const RuleRef kRulePossessive{"facts.possessive"};

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

std::string_view Base(std::string_view d) {
  std::size_t p = d.find(':');
  return p == std::string_view::npos ? d : d.substr(0, p);
}

bool OneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Relations that attach a clause of its own to its head.
bool ClauseRelation(std::string_view base) {
  return OneOf(base, {"root", "conj", "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj"});
}

// Children that belong to the clause, not to a nominal predicate's phrase.
bool ClauseLevel(std::string_view d) {
  std::string_view b = Base(d);
  return OneOf(b, {"nsubj",     "csubj",      "cop",   "aux", "mark",  "obl",   "advcl",
                   "parataxis", "ccomp",      "conj",  "cc",  "punct", "expl",  "discourse",
                   "vocative",  "dislocated", "xcomp", "obj", "iobj",  "advmod"});
}

bool ReportingVerb(std::string_view lemma) {
  return OneOf(lemma,
               {"say",      "tell",     "add",     "state",   "announce",    "claim",   "report",
                "confirm",  "deny",     "warn",    "insist",  "argue",       "explain", "note",
                "write",    "believe",  "think",   "suggest", "acknowledge", "admit",   "predict",
                "estimate", "indicate", "declare", "assert",  "reply",       "respond", "testify"});
}

bool TimeNoun(std::string_view lemma) {
  return OneOf(lemma,
               {"year",      "month",     "week",      "day",      "time",     "century",  "decade",
                "season",    "today",     "yesterday", "tomorrow", "morning",  "evening",  "night",
                "afternoon", "january",   "february",  "march",    "april",    "may",      "june",
                "july",      "august",    "september", "october",  "november", "december", "monday",
                "tuesday",   "wednesday", "thursday",  "friday",   "saturday", "sunday",   "summer",
                "winter",    "spring",    "autumn",    "period",   "era",      "age",      "hour",
                "minute"});
}

struct Range {
  std::uint32_t lo = kNone, hi = kNone;  // inclusive token indices; lo == kNone: empty
  bool empty() const { return lo == kNone || hi < lo; }
  std::uint32_t size() const { return empty() ? 0 : hi - lo + 1; }
};

struct Arg {
  Range r;
  std::uint32_t head = kNone;
  std::string_view role;  // "time", "place", "agent", "other"
  bool obl = false;
};

}  // namespace

struct ClauseExtractor::Impl {
  ClauseExtractor& x;
  const Document& doc;
  const std::vector<Token>& toks;
  const std::vector<TokenSyntax>& syn;
  std::uint32_t b, e;  // sentence tokens [b, e)
  std::uint32_t si;
  std::vector<Fact>* out;
  std::vector<DatingExtent>* extents;
  std::vector<std::uint32_t> rel_, tmp_rel_;
  std::vector<Arg> objs_, args_, mods_, all_args_;

  bool In(std::uint32_t i) const { return i >= b && i < e; }
  std::string_view Dep(std::uint32_t i) const { return syn[i].deprel; }
  std::string_view Upos(std::uint32_t i) const { return syn[i].upos; }
  std::string_view Xpos(std::uint32_t i) const { return syn[i].xpos; }
  std::uint32_t Head(std::uint32_t i) const {
    std::int32_t h = syn[i].head;
    return h >= 0 && In(static_cast<std::uint32_t>(h)) ? static_cast<std::uint32_t>(h) : kNone;
  }
  std::uint32_t ChildBegin(std::uint32_t i) const { return x.child_begin_[i - b]; }
  std::uint32_t ChildEnd(std::uint32_t i) const { return x.child_begin_[i - b + 1]; }
  std::uint32_t ChildAt(std::uint32_t k) const { return x.children_[k]; }
  std::uint32_t Lo(std::uint32_t i) const { return x.lo_[i - b]; }
  std::uint32_t Hi(std::uint32_t i) const { return x.hi_[i - b]; }
  std::uint32_t Child(std::uint32_t i, std::string_view dep) const {
    for (std::uint32_t k = ChildBegin(i); k < ChildEnd(i); ++k) {
      if (Dep(ChildAt(k)) == dep) return ChildAt(k);
    }
    return kNone;
  }
  std::uint32_t ChildBase(std::uint32_t i, std::string_view base) const {
    for (std::uint32_t k = ChildBegin(i); k < ChildEnd(i); ++k) {
      if (Base(Dep(ChildAt(k))) == base) return ChildAt(k);
    }
    return kNone;
  }

  void BuildTree() {
    std::uint32_t n = e - b;
    x.child_begin_.assign(n + 1, 0);
    for (std::uint32_t i = b; i < e; ++i) {
      std::uint32_t h = Head(i);
      if (h != kNone) ++x.child_begin_[h - b + 1];
    }
    for (std::uint32_t k = 0; k < n; ++k) x.child_begin_[k + 1] += x.child_begin_[k];
    x.children_.resize(x.child_begin_[n]);
    x.lo_.resize(n);
    x.hi_.resize(n);
    // Fill in token order (children sorted); lo_ doubles as the fill cursor.
    for (std::uint32_t k = 0; k < n; ++k) x.lo_[k] = x.child_begin_[k];
    for (std::uint32_t i = b; i < e; ++i) {
      std::uint32_t h = Head(i);
      if (h != kNone) x.children_[x.lo_[h - b]++] = i;
    }
    for (std::uint32_t i = b; i < e; ++i) x.lo_[i - b] = x.hi_[i - b] = i;
    for (std::uint32_t i = b; i < e; ++i) {
      std::uint32_t h = Head(i);
      for (std::uint32_t steps = 0; h != kNone && steps < n; ++steps, h = Head(h)) {
        x.lo_[h - b] = std::min(x.lo_[h - b], i);
        x.hi_[h - b] = std::max(x.hi_[h - b], i);
      }
    }
    x.in_time_.assign(n, 0);
    x.in_place_.assign(n, 0);
    const auto& timexes = doc.timexes();
    Span sent{toks[b].span.begin, toks[e - 1].span.end};
    auto from =
        std::lower_bound(timexes.begin(), timexes.end(), sent.begin,
                         [](const Timex& t, std::uint32_t pos) { return t.span.begin < pos; });
    for (auto it = from; it != timexes.end() && it->span.begin < sent.end; ++it) {
      for (std::uint32_t i = std::max(b, doc.TokenAtOrAfter(it->span.begin));
           i < e && toks[i].span.end <= it->span.end; ++i) {
        x.in_time_[i - b] = 1;
      }
    }
    // Mentions are sorted by their first token and lie inside a sentence.
    const auto& mentions = doc.mentions();
    auto m =
        std::lower_bound(mentions.begin(), mentions.end(), b,
                         [](const Mention& mm, std::uint32_t tok) { return mm.first_token < tok; });
    for (; m != mentions.end() && m->first_token < e; ++m) {
      if (m->type != EntityType::kPlace) continue;
      for (std::uint32_t i = std::max(m->first_token, b); i < std::min(m->end_token, e); ++i) {
        x.in_place_[i - b] = 1;
      }
    }
  }

  bool Punct(std::uint32_t i) const { return Upos(i) == "PUNCT"; }

  // Trims punctuation, conjunctions and a leading relative word from a range.
  Range Trim(Range r) const {
    while (!r.empty() && (Punct(r.lo) || Dep(r.lo) == "cc" || Dep(r.lo) == "mark")) ++r.lo;
    while (!r.empty() && (Punct(r.hi) || Dep(r.hi) == "cc")) --r.hi;
    return r;
  }

  // The phrase headed by h: its subtree minus children that `drop` rejects
  // (cut at the phrase's edges, as spans are contiguous).
  template <typename Drop>
  Range Phrase(std::uint32_t h, Drop drop) const {
    Range r{Lo(h), Hi(h)};
    for (std::uint32_t k = ChildBegin(h); k < ChildEnd(h); ++k) {
      std::uint32_t c = ChildAt(k);
      if (!drop(c)) continue;
      if (c > h) {
        r.hi = std::min(r.hi, Lo(c) - 1);
      } else {
        r.lo = std::max(r.lo, Hi(c) + 1);
      }
    }
    // Leading prepositions or markers stay; a dropped part may leave commas.
    return Trim(r);
  }

  // A noun phrase: without relative clauses, parentheticals and, when
  // `split`, without its other conjuncts. Appositions stay (they are facts of
  // their own too): on CaRB dev keeping them scores a little better.
  // With `inside` (a clause inside h's subtree, for a relative clause's noun)
  // also without the part holding that clause and without h's preposition.
  Range Np(std::uint32_t h, bool split, std::uint32_t inside = kNone) const {
    return Phrase(h, [&](std::uint32_t c) {
      std::string_view d = Dep(c);
      if (inside != kNone && ((Lo(c) <= inside && inside <= Hi(c)) || (d == "case" && c < h))) {
        return true;
      }
      // (An adverbial clause with a subject of its own is a fact of its
      // own, whatever the parse hangs it on: 'come “faster, faster” as he
      // joined the meeting'.)
      return (d == "acl:relcl" && !FreeRelative(h)) || d == "parataxis" ||
             (split && (d == "conj" || d == "cc")) ||
             (Base(d) == "advcl" && c > h && ChildBase(c, "nsubj") != kNone);
    });
  }
  // "explain [what happened to Pete]": the clause of a free relative is its
  // content, not a modifier to drop.
  bool FreeRelative(std::uint32_t h) const {
    return Xpos(h) == "WP" && OneOf(doc.Folded(h), {"what", "whatever", "whoever"});
  }
  // An apposition set off by a comma or bracket after its noun ("Jens
  // Stoltenberg, NATO's chief"), not a subject the parser hung on the
  // phrase before it.
  bool SetOffApposition(std::uint32_t a) const {
    std::uint32_t h = Head(a);
    if (h == kNone || a < h || !OneOf(Upos(h), {"NOUN", "PROPN"}) ||
        !OneOf(Upos(a), {"NOUN", "PROPN"})) {
      return false;
    }
    if (Lo(a) == b || !(Punct(Lo(a) - 1) || Punct(Lo(a)))) return false;
    return !StraySubjectOfRoot(a);
  }

  // A subject: a noun phrase without its preposition.
  Range SubjNp(std::uint32_t h, std::uint32_t clause) const {
    // "X is an Australian footballer [who plays ...]": the noun of a copula
    // without its clause (subject, copula).
    bool pred = Child(h, "cop") != kNone;
    Range r = Phrase(h, [&](std::uint32_t c) {
      std::string_view d = Dep(c);
      if (Lo(c) <= clause && clause <= Hi(c)) return true;
      if (pred && ClauseLevel(d)) return true;
      if (d == "appos" && SetOffApposition(c)) return true;
      return (d == "case" && c < h) || (d == "acl:relcl" && !FreeRelative(h)) || d == "parataxis" ||
             d == "conj" || d == "cc";
    });
    // "in honor of [American congressman] William Jones": a preposition of
    // a word inside the phrase goes too.
    // ("at least one shell" keeps its "at").
    while (!r.empty() && r.lo < h && Dep(r.lo) == "case" && Head(r.lo) != kNone &&
           OneOf(Upos(Head(r.lo)), {"NOUN", "PROPN"})) {
      ++r.lo;
    }
    return r;
  }

  bool RelativeWord(std::uint32_t i) const {
    std::string_view xp = Xpos(i);
    if (xp == "WDT" || xp == "WP") return true;
    std::string_view f = doc.Folded(i);
    return f == "that" || f == "which" || f == "who" || f == "whom";
  }

  // The noun n a relative or participial clause modifies, or when n is a
  // copula's common-noun predicate ("X is a footballer who plays", "230 are
  // in the field working on"), the copula's subject; not for a name ("the
  // champions were Kilmacud Crokes, who were knocked out": the name is the
  // more specific), nor for a relative clause on a prepositional predicate
  // ("X was in [an accident], which left him").
  std::uint32_t Modified(std::uint32_t n, bool relative) const {
    if (n == kNone || Upos(n) != "NOUN" || Child(n, "cop") == kNone) return n;
    if (relative && Child(n, "case") != kNone) return n;
    std::uint32_t s = ChildBase(n, "nsubj");
    return s != kNone && !RelativeWord(s) ? s : n;
  }

  // A relative pronoun inside the relative clause p stands for the noun the
  // clause modifies.
  std::uint32_t Resolve(std::uint32_t a, std::uint32_t p) const {
    if (a == kNone || !RelativeWord(a)) return a;
    for (std::uint32_t q = p, steps = 0; q != kNone && steps < 4; q = Head(q), ++steps) {
      if (Dep(q) == "acl:relcl") {
        std::uint32_t n = Modified(Head(q), true);
        // "authored the Act of 1916 [that provided ...]" hung on the verb:
        // the noun phrase right before the relative word.
        if (n != kNone && Upos(n) == "VERB") {
          std::uint32_t before = Antecedent(a);
          return before != kNone ? before : a;
        }
        return n;
      }
      if (!OneOf(Base(Dep(q)), {"conj", "xcomp"})) break;
    }
    return a;
  }

  bool IsClauseHead(std::uint32_t i, int depth = 0) const {
    std::string_view base = Base(Dep(i));
    if (!ClauseRelation(base)) return false;
    // (An AUX with a subject of its own and no verb under it is a main verb
    // the tagger took for an auxiliary: "depends on what he does"; not a
    // modal, which stands for a verb left out: "Muslims who ... can".)
    bool pred =
        Child(i, "cop") != kNone || Upos(i) == "VERB" ||
        (Upos(i) == "AUX" && (base == "root" || (Child(i, "nsubj") != kNone && Xpos(i) != "MD")));
    if (!pred) return false;
    if (base == "conj") {
      std::uint32_t h = Head(i);
      return h != kNone && depth < 8 && IsClauseHead(h, depth + 1);
    }
    return true;
  }

  // "..., who were joined by Finland and Sweden, as they look to secure
  // membership": "they", subject of an adverbial clause, stands for the
  // closest coordination of names or nouns before it in the sentence
  // (returned: its first conjunct), else kNone.
  std::uint32_t TheyOfCoordination(std::uint32_t s, std::uint32_t p) const {
    if (doc.Folded(s) != "they" || Base(Dep(p)) != "advcl") return kNone;
    std::uint32_t m = Child(p, "mark");
    if (m == kNone || !OneOf(doc.Folded(m), {"as", "because", "while", "since", "when", "after",
                                             "before", "until", "although", "though"})) {
      return kNone;
    }
    for (std::uint32_t j = s; j-- > b;) {
      if (j < p && Dep(j) == "conj" && OneOf(Upos(j), {"PROPN", "NOUN"})) {
        std::uint32_t first = Head(j);
        if (first != kNone && OneOf(Upos(first), {"PROPN", "NOUN"}) && Child(j, "cc") != kNone) {
          return first;
        }
      }
    }
    return kNone;
  }

  // The head of the noun phrase right before relative word w (a comma
  // between them allowed), else kNone.
  std::uint32_t Antecedent(std::uint32_t w) const {
    std::uint32_t j = w;
    if (j > b && Punct(j - 1) && doc.Folded(j - 1) == ",") --j;
    if (j == b) return kNone;
    std::uint32_t t = j - 1;
    for (std::uint32_t steps = 0; steps < 4 && OneOf(Dep(t), {"compound", "flat", "fixed"});
         ++steps) {
      std::uint32_t h = Head(t);
      if (h == kNone) break;
      t = h;
    }
    // "the Act of [1916] that": the noun a number modifies.
    if (Upos(t) == "NUM" && Base(Dep(t)) == "nmod" && Head(t) != kNone &&
        OneOf(Upos(Head(t)), {"NOUN", "PROPN"})) {
      t = Head(t);
    }
    if (!OneOf(Upos(t), {"NOUN", "PROPN"}) || Hi(t) >= w) return kNone;
    return t;
  }

  // The subject of clause p; *inherited when taken from another clause.
  std::uint32_t Subject(std::uint32_t p, int* inherited, int depth = 0) const {
    std::uint32_t s = kNone;
    for (std::uint32_t k = ChildBegin(p); k < ChildEnd(p); ++k) {
      std::uint32_t c = ChildAt(k);
      std::string_view bd = Base(Dep(c));
      if (bd == "nsubj" || bd == "csubj") {
        s = c;
        break;
      }
      if (bd == "expl" && s == kNone) s = c;
    }
    if (s != kNone) {
      std::uint32_t co = TheyOfCoordination(s, p);
      if (co != kNone) {
        *inherited = std::max(*inherited, 1);
        return co;
      }
      std::uint32_t r = Resolve(s, p);
      std::uint32_t open = Lo(p);
      while (open < s && Punct(open)) ++open;
      if (r == s && s == open && OneOf(Xpos(s), {"WDT", "WP"})) {
        // "our balloon, which had come to rest", parsed as a conjunct: the
        // relative word opening the clause stands for the noun before it.
        std::uint32_t a = Antecedent(s);
        if (a != kNone) {
          *inherited = std::max(*inherited, 1);
          return a;
        }
      }
      return r;
    }
    if (depth > 6) return kNone;
    std::string_view d = Dep(p);
    std::string_view bd = Base(d);
    std::uint32_t h = Head(p);
    if (h == kNone) {
      std::uint32_t stray = StraySubject(p);
      if (stray != kNone) *inherited = 3;
      return stray;
    }
    if (bd == "acl" && d != "acl:relcl" &&
        (Child(p, "mark") != kNone || Child(p, "case") != kNone)) {
      return kNone;  // "the routine of yanking", "a plan to join"
    }
    if (d == "acl:relcl" && Child(p, "cc") != kNone && Child(p, "cc") < p) {
      // ", and had believed": a conjunct the parser took for a relative
      // clause of the predicate noun; it shares the subject.
      *inherited = 2;
      return Subject(h, inherited, depth + 1);
    }
    if (d == "acl:relcl" || bd == "acl") {
      *inherited = std::max(*inherited, 1);
      return Modified(h, d == "acl:relcl");
    }
    if (bd == "xcomp") {
      *inherited = std::max(*inherited, 1);
      std::uint32_t o = Child(h, "obj");
      if (o != kNone && o < p) return Resolve(o, h);
      return Subject(h, inherited, depth + 1);
    }
    if (bd == "advcl") {
      std::uint32_t c = ObjectControl(p, h);
      if (c != kNone) {
        *inherited = std::max(*inherited, 1);
        return Resolve(c, h);
      }
    }
    if (bd == "conj" || bd == "advcl") {
      *inherited = 2;
      return Subject(h, inherited, depth + 1);
    }
    return kNone;
  }

  // The object that is the subject of an adverbial clause the parser hung on
  // its verb: "accused Russia of trying" (a gerund after "of", "from",
  // "into": Russia tries), "called on member states to pledge", "urged
  // allies to send" (object-control verbs: the states pledge), "permit a
  // rehearsal, conducted by" (a bare past participle after the object).
  // kNone when the clause's subject is the verb's.
  std::uint32_t ObjectControl(std::uint32_t p, std::uint32_t h) const {
    std::uint32_t m = Child(p, "mark");
    if (m == kNone && Xpos(p) == "VBN" && ChildBase(p, "aux") == kNone) {
      // "permit a dress rehearsal, conducted by Clemens Krauss": a bare
      // past participle after the object describes the object.
      std::uint32_t o = Child(h, "obj");
      return o != kNone && o < p ? o : kNone;
    }
    if (m == kNone || m > p) return kNone;
    std::string_view mark = doc.Folded(m);
    std::uint32_t o = Child(h, "obj");
    if (o != kNone && o > p) o = kNone;
    if ((mark == "of" || mark == "from" || mark == "into") && Xpos(p) == "VBG") return o;
    if (mark != "to") return kNone;
    std::string_view verb = doc.Lemma(h);
    static constexpr std::string_view kObjectControl[] = {
        "urge",  "ask",   "tell",    "persuade", "force",   "allow", "encourage", "invite",
        "order", "press", "require", "call",     "request", "push",  "implore",   "advise"};
    bool control = false;
    for (std::string_view v : kObjectControl) control = control || verb == v;
    if (!control) return kNone;
    if (o != kNone) return o;
    // "called on X to", "prevailed upon X to": the oblique with "on"/"upon".
    for (std::uint32_t k = ChildBegin(h); k < ChildEnd(h); ++k) {
      std::uint32_t c = ChildAt(k);
      if (c > p || Base(Dep(c)) != "obl") continue;
      std::uint32_t cs = Child(c, "case");
      if (cs != kNone && (doc.Folded(cs) == "on" || doc.Folded(cs) == "upon")) return c;
    }
    return kNone;
  }

  // A finite main verb the parser left without a subject ("In a statement,
  // NATO ministers [conj of statement] condemned"): the nearest noun phrase
  // head before it that has no preposition.
  std::uint32_t StraySubject(std::uint32_t p) const {
    std::string_view xp = Xpos(p);
    if (Dep(p) != "root" || !(xp == "VBD" || xp == "VBZ" || xp == "VBP")) return kNone;
    std::uint32_t j = p;
    while (j > b && (Punct(j - 1) || Upos(j - 1) == "ADV")) --j;
    if (j == b) return kNone;
    // Up the chain of heads from the word before the verb: the highest
    // conjoined or apposed noun without a preposition.
    std::uint32_t best = kNone;
    for (std::uint32_t q = j - 1, steps = 0; q != kNone && q != p && steps < 16;
         q = Head(q), ++steps) {
      if (OneOf(Upos(q), {"NOUN", "PROPN", "PRON"}) && Child(q, "case") == kNone &&
          OneOf(Base(Dep(q)), {"conj", "appos"})) {
        best = q;
      }
    }
    return best;
  }

  Span ToSpan(Range r) const {
    if (r.empty()) return Span{};
    return Span{toks[r.lo].span.begin, toks[r.hi].span.end};
  }

  void AddRel(std::vector<std::uint32_t>* rel, std::uint32_t i) const {
    if (std::find(rel->begin(), rel->end(), i) == rel->end()) rel->push_back(i);
  }

  static void AuxModality(std::string_view w, Fact* f) {
    if (w == "will" || w == "shall" || w == "'ll" || w == "wo") {
      f->modality = Modality::kFuture;
    } else if (w == "would" || w == "should" || w == "'d") {
      if (f->modality == Modality::kAsserted) f->modality = Modality::kConditional;
    } else if (w == "may" || w == "might" || w == "could" || w == "can" || w == "must" ||
               w == "ca") {
      if (f->modality == Modality::kAsserted) f->modality = Modality::kPossible;
    }
  }

  // Clause p is inside the condition of a conditional: an adverbial clause
  // marked "if" or "unless" ("If someone were able to shut down the
  // system, delete or corrupt the information, it could affect ..."), or a
  // clause conjoined with, complementing or modifying one (shut, delete,
  // corrupt). Relative clauses and participles describe a noun, not the
  // condition; the main clause keeps its own modality.
  bool InCondition(std::uint32_t p) const {
    for (std::uint32_t q = p, steps = 0; q != kNone && steps < 12; q = Head(q), ++steps) {
      std::string_view bd = Base(Dep(q));
      if (bd == "advcl") {
        std::uint32_t m = Child(q, "mark");
        if (m != kNone && m < q && OneOf(doc.Folded(m), {"if", "unless"})) return true;
      } else if (!OneOf(bd, {"conj", "xcomp", "ccomp"})) {
        return false;
      }
    }
    return false;
  }

  // Auxiliaries, negation and particle of p into the relation; modality and
  // polarity from them.
  void VerbGroup(std::uint32_t p, std::vector<std::uint32_t>* rel, Fact* f) const {
    for (std::uint32_t k = ChildBegin(p); k < ChildEnd(p); ++k) {
      std::uint32_t c = ChildAt(k);
      std::string_view d = Dep(c);
      std::string_view w = doc.Folded(c);
      if (Base(d) == "aux" || d == "cop") {
        AddRel(rel, c);
        AuxModality(w, f);
      } else if (d == "compound:prt") {
        AddRel(rel, c);
      } else if (d == "advmod" && c < p && c + 1 == p && Upos(c) == "ADV" &&
                 !(w == "not" || w == "n't" || w == "never")) {
        AddRel(rel, c);  // "also noted", "has finally rendezvoused"
      } else if ((d == "advmod" || d == "neg") && (w == "not" || w == "n't" || w == "never")) {
        AddRel(rel, c);
        f->polarity = Polarity::kNegative;
      }
    }
  }

  std::string_view Role(std::uint32_t c) const {
    std::string_view d = Dep(c);
    if (d == "obl:tmod" || d == "obl:npmod" || x.in_time_[c - b] != 0 || TimeNoun(doc.Lemma(c))) {
      return "time";
    }
    if (Upos(c) == "NUM") {
      std::string_view t = doc.TokenText(c);
      if (t.size() == 4 && (t[0] == '1' || t[0] == '2')) return "time";
    }
    if (d == "obl:agent") return "agent";
    if (x.in_place_[c - b] != 0) return "place";
    return "other";
  }

  // The span in which a time expression dates the fact: subject, relation,
  // arguments, and the object only when it was an oblique ("was born in
  // 1950"; not "confirmed a 2008 decision").
  void AddExtent(Span s) {
    if (s.empty()) return;
    Span& ext = extents->back().span;
    if (ext.empty()) {
      ext = s;
    } else {
      ext.begin = std::min(ext.begin, s.begin);
      ext.end = std::max(ext.end, s.end);
    }
  }

  // A prepositional modifier that can leave its noun for the clause: an
  // nmod (or an obl the parser hung on a noun) opened by a preposition other
  // than "of" ("the organization of the strike" stays one phrase).
  bool DetachableModifier(std::uint32_t c) const {
    std::string_view d = Dep(c);
    std::string_view bd = Base(d);
    if (!((bd == "nmod" && d != "nmod:poss" && d != "nmod:unmarked") || bd == "obl")) return false;
    std::uint32_t cs = Child(c, "case");
    return cs != kNone && cs == Lo(c) && doc.Folded(cs) != "of";
  }

  // "saw [active service] [as a soldier] [for the Scottish forces]": the
  // prepositional modifiers that end the noun phrase r headed by h become
  // arguments of the clause, and so do their own ("as a soldier [for the
  // Scottish forces]"): the minimal object, and each modifier a fact of its
  // own for BenchIE (CaRB, which scores the words after the subject
  // together, sees the same words). Only when nothing but such modifiers
  // (and punctuation) follows the first one; r keeps the rest.
  void SplitModifiers(std::uint32_t h, Range* r, std::vector<Arg>* mods, int depth = 0) const {
    if (r->empty() || !OneOf(Upos(h), {"NOUN", "PROPN", "ADJ", "NUM", "PRON"})) return;
    std::size_t first = mods->size();
    std::uint32_t cut = kNone;
    for (std::uint32_t k = ChildBegin(h); k < ChildEnd(h); ++k) {
      std::uint32_t c = ChildAt(k);
      if (c < h || Lo(c) < r->lo || Hi(c) > r->hi) continue;
      bool mod = DetachableModifier(c);
      if (cut == kNone) {
        if (!mod) continue;
        cut = Lo(c);
      }
      if (mod) {
        Arg a;
        a.head = c;
        a.r = Np(c, false);
        // A noun's modifier is no time or place of the clause ("the practice
        // in Istanbul"); an oblique the parser hung on the noun may be.
        a.role = Base(Dep(c)) == "obl" ? Role(c) : "other";
        mods->push_back(a);
        if (depth < 4) {
          Range inner = a.r;
          std::size_t at = mods->size();
          SplitModifiers(c, &inner, mods, depth + 1);
          if (mods->size() > at) (*mods)[at - 1].r = inner;
        }
      } else if (!Punct(c)) {
        mods->resize(first);
        return;
      }
    }
    if (cut == kNone) return;
    Range kept = Trim(Range{r->lo, cut - 1});
    if (kept.empty()) {
      mods->resize(first);
      return;
    }
    *r = kept;
  }

  void Emit(std::uint32_t p, std::uint32_t subj, Range subj_r, std::vector<std::uint32_t>& rel,
            Range obj, bool obj_dates, const std::vector<Arg>& args, const Fact& proto, float conf,
            Range obj_extent = Range{}) {
    if (subj_r.empty() || rel.empty()) return;
    std::sort(rel.begin(), rel.end());
    Fact f = proto;
    f.subject = Argument{ToSpan(subj_r), -1};
    f.relation = Span{toks[rel.front()].span.begin, toks[rel.back()].span.end};
    bool contiguous = rel.back() - rel.front() + 1 == rel.size();
    if (!contiguous) {
      std::string text;
      for (std::uint32_t i : rel) {
        if (!text.empty()) text += ' ';
        text += doc.TokenText(i);
      }
      f.relation_text = std::move(text);
    }
    f.object = Argument{ToSpan(obj), -1};
    for (const Arg& a : args) f.args.push_back(ExtraArgument{a.role, ToSpan(a.r)});
    f.sentence = si;
    // "pending ratification" in the object or an argument.
    auto pending = [&](Range r) {
      for (std::uint32_t i = r.empty() ? 1 : r.lo; !r.empty() && i <= r.hi; ++i) {
        if (doc.Folded(i) == "pending") return true;
      }
      return false;
    };
    bool pend = pending(obj) || doc.Folded(p) == "pending";
    for (const Arg& a : args) pend = pend || pending(a.r);
    if (pend) f.modality = Modality::kPending;
    if (InCondition(p)) f.modality = Modality::kConditional;
    (void)subj;
    f.confidence = std::clamp(conf, 0.01F, 0.99F);
    extents->push_back(DatingExtent{});
    AddExtent(f.subject.span);
    AddExtent(f.relation);
    if (obj_dates) {
      AddExtent(f.object.span);
    } else {
      extents->back().excluded = ToSpan(obj_extent.empty() ? obj : obj_extent);
    }
    for (const ExtraArgument& a : f.args) AddExtent(a.span);
    out->push_back(std::move(f));
  }

  // The conjuncts of a nominal head (itself first; a conjunct's own
  // conjuncts too: "France and Italy" under "France"), at most kMaxConj.
  static constexpr std::uint32_t kMaxConj = 8;
  using ConjList = std::array<std::uint32_t, kMaxConj>;
  void Conjuncts(std::uint32_t h, ConjList* c, std::uint32_t* n) const {
    *n = 0;
    (*c)[(*n)++] = h;
    bool cc = false;  // a coordination has a conjunction ("and", "or")
    for (std::uint32_t q = 0; q < *n; ++q) {
      std::uint32_t cj = (*c)[q];
      for (std::uint32_t k = ChildBegin(cj); k < ChildEnd(cj) && *n < kMaxConj; ++k) {
        std::uint32_t d = ChildAt(k);
        if (Dep(d) == "conj" && Upos(d) != "VERB" && Child(d, "cop") == kNone &&
            ChildBase(d, "nsubj") == kNone) {
          cc = cc || Child(d, "cc") != kNone;
          (*c)[(*n)++] = d;
        }
      }
    }
    // "Naana, a blind-seer," parsed as conjuncts without one is an
    // apposition: one phrase.
    if (!cc) *n = 1;
  }

  void Clause(std::uint32_t p, std::vector<std::uint8_t>* merged) {
    if ((*merged)[p - b] != 0) return;
    int inherited = 0;
    std::uint32_t subj = Subject(p, &inherited);
    if (subj == kNone || Punct(subj)) return;
    Fact proto;
    std::vector<std::uint32_t>& rel = rel_;
    std::vector<Arg>& objs = objs_;
    std::vector<Arg>& args = args_;
    rel.clear();
    objs.clear();
    args.clear();
    bool copula = Child(p, "cop") != kNone;
    std::string_view pos = Upos(p);
    VerbGroup(p, &rel, &proto);
    // "has instituted X and allowed Y": the second verb shares "has".
    // Only a participle or base form can share them ("have fallen and rose"
    // cannot).
    if (Dep(p) == "conj" && Upos(p) == "VERB" && inherited == 2 && ChildBase(p, "aux") == kNone &&
        OneOf(Xpos(p), {"VBN", "VB", "VBG"})) {
      std::uint32_t h = Head(p);
      if (h != kNone && Upos(h) == "VERB") {
        for (std::uint32_t k = ChildBegin(h); k < ChildEnd(h); ++k) {
          if (Base(Dep(ChildAt(k))) != "aux") continue;
          AddRel(&rel, ChildAt(k));
          AuxModality(doc.Folded(ChildAt(k)), &proto);
        }
      }
    }
    // "were able to reinforce the hotel and [defeat] several attacks": a
    // verb conjoined with a "to" clause merged into its governor's relation
    // shares that relation's words up to "to".
    std::uint32_t governor = kNone;
    if (Dep(p) == "conj" && Upos(p) == "VERB" && inherited == 2 && Child(p, "mark") == kNone) {
      std::uint32_t h = Head(p);  // the first conjunct
      for (int steps = 0; h != kNone && Dep(h) == "conj" && steps < 8; ++steps) h = Head(h);
      std::uint32_t mk = h != kNone ? Child(h, "mark") : kNone;
      if (mk != kNone && (*merged)[h - b] != 0 && doc.Folded(mk) == "to") {
        governor = Head(h);
        VerbGroup(governor, &rel, &proto);
        AddRel(&rel, governor);
        AddRel(&rel, mk);
      }
    }
    std::uint32_t pred = p;  // the clause whose children give the arguments
    // A nominal copular predicate is the object: "X is [a footballer]".
    Range pred_np;
    if (copula && pos == "VERB") {
      // "The problem is that businesses make decisions": the clause is the object.
      pred_np = Trim(Range{Lo(p), Hi(p)});
      std::uint32_t cop = Child(p, "cop");
      pred_np.lo = std::max(pred_np.lo, cop + 1);
      for (std::uint32_t k = ChildBegin(p); k < ChildEnd(p); ++k) {
        std::uint32_t c = ChildAt(k);
        if (Punct(c) && c > p) pred_np.hi = std::min(pred_np.hi, c - 1);
      }
      pred_np = Trim(pred_np);
      std::uint32_t mk = Child(p, "mark");
      if (mk != kNone && mk == pred_np.lo && doc.Folded(mk) == "that") {
        AddRel(&rel, mk);
        ++pred_np.lo;
      }
    } else if (copula && pos != "ADJ") {
      pred_np =
          Phrase(p, [&](std::uint32_t c) { return ClauseLevel(Dep(c)) || Dep(c) == "acl:relcl"; });
      // "is in Paris": the preposition joins the relation.
      std::uint32_t cs = Child(p, "case");
      if (cs != kNone && !pred_np.empty() && cs == pred_np.lo) {
        AddRel(&rel, cs);
        pred_np.lo = cs + 1;
        while (pred_np.lo <= pred_np.hi && Dep(pred_np.lo) == "fixed") {
          AddRel(&rel, pred_np.lo);
          ++pred_np.lo;
        }
      }
    } else {
      AddRel(&rel, p);
    }
    proto.relation_lemma = copula ? "be" : std::string(doc.Lemma(p));
    if (governor != kNone) {
      proto.relation_lemma.insert(0, " ");
      proto.relation_lemma.insert(0, doc.Lemma(governor));
      if (Child(governor, "cop") != kNone) proto.relation_lemma.insert(0, "be ");
    }
    // "wants to join NATO": the xcomp verb joins the relation.
    // "allowed employees to dress": the controller stays the object.
    std::uint32_t xc = Child(p, "xcomp");
    if (xc == kNone) xc = Child(p, "ccomp");
    if (xc == kNone && Child(p, "obj") == kNone) {
      // "was designed [to appear]" parsed as an adverbial clause: "to" right
      // after the verb.
      std::uint32_t a = Child(p, "advcl");
      std::uint32_t mk = a != kNone ? Child(a, "mark") : kNone;
      if (mk != kNone && mk == p + 1 && mk == Lo(a)) xc = a;
    }
    std::uint32_t xverb = kNone;
    // "were able to reinforce the hotel": an adjective's "to" clause too.
    // "began [building] a machine", "like [meeting] the girls": a gerund
    // complement right after a verb without object, as for "to".
    bool to_clause =
        xc != kNone && Child(xc, "mark") != kNone && doc.Folded(Child(xc, "mark")) == "to";
    bool gerund = xc != kNone && !copula && xc > p && Dep(xc) == "xcomp" && Xpos(xc) == "VBG" &&
                  Child(xc, "mark") == kNone && Child(p, "obj") == kNone &&
                  Child(xc, "ccomp") == kNone && Child(xc, "xcomp") == kNone;
    if ((!copula || pos == "ADJ") && xc != kNone && Upos(xc) == "VERB" &&
        ChildBase(xc, "nsubj") == kNone && (to_clause || gerund)) {
      xverb = xc;
      (*merged)[xc - b] = 1;
      if (to_clause) AddRel(&rel, Child(xc, "mark"));
      AddRel(&rel, xc);
      VerbGroup(xc, &rel, &proto);
      if (copula) {  // "be able reinforce"
        proto.relation_lemma += " ";
        proto.relation_lemma += doc.Lemma(p);
      }
      proto.relation_lemma += " ";
      proto.relation_lemma += doc.Lemma(xc);
    }
    // "are starting [to try] to open the market": a chain of "to" clauses
    // joins the relation.
    std::uint32_t xmid = kNone;
    for (int steps = 0; xverb != kNone && steps < 2; ++steps) {
      std::uint32_t x2 = Child(xverb, "xcomp");
      std::uint32_t mk2 = x2 != kNone ? Child(x2, "mark") : kNone;
      if (mk2 == kNone || Upos(x2) != "VERB" || doc.Folded(mk2) != "to" ||
          ChildBase(x2, "nsubj") != kNone || Child(xverb, "obj") != kNone) {
        break;
      }
      (*merged)[x2 - b] = 1;
      AddRel(&rel, mk2);
      AddRel(&rel, x2);
      VerbGroup(x2, &rel, &proto);
      proto.relation_lemma += " ";
      proto.relation_lemma += doc.Lemma(x2);
      xmid = xverb;
      xverb = x2;
    }
    bool report = false;
    auto collect = [&](std::uint32_t h) {
      for (std::uint32_t k = ChildBegin(h); k < ChildEnd(h); ++k) {
        std::uint32_t c = ChildAt(k);
        std::string_view d = Dep(c);
        std::string_view bd = Base(d);
        if (bd == "obj" || bd == "iobj") {
          std::uint32_t r = Resolve(c, h);
          // "(depends on) what he does": a fronted "what" stands for the
          // clause itself, it is no object of its own.
          if (r == c && FreeRelative(c) && c < h) continue;
          Arg a;
          a.head = r;
          a.r = r == c ? Np(c, true) : Np(r, true, h);
          a.role = "other";
          if (bd == "iobj") {
            args.push_back(a);
          } else {
            objs.push_back(a);
          }
        } else if (bd == "xcomp" && c != xverb &&
                   OneOf(Upos(c), {"NOUN", "PROPN", "ADJ", "NUM", "PRON"})) {
          Arg a;
          a.head = c;
          a.r = Np(c, false);
          a.role = "other";
          // "was considered [to be] the patron saint": "to be" joins the
          // relation.
          std::uint32_t mk = Child(c, "mark");
          std::uint32_t cp = Child(c, "cop");
          if (objs.empty() && mk != kNone && doc.Folded(mk) == "to" && cp == mk + 1 && cp < c &&
              (a.r.lo == mk || a.r.lo == cp)) {
            AddRel(&rel, mk);
            AddRel(&rel, cp);
            a.r = Trim(Range{cp + 1, a.r.hi});
          }
          if (a.r.empty()) continue;
          objs.push_back(a);
        } else if ((bd == "ccomp" || (bd == "xcomp" && Upos(c) == "VERB")) && h == p && !copula &&
                   c != xverb && (*merged)[c - b] == 0) {
          Arg a;
          a.head = c;
          a.r = Trim(Range{Lo(c), Hi(c)});
          a.role = "other";
          std::uint32_t mk = Child(c, "mark");
          if (mk != kNone && doc.Folded(mk) == "that" && mk == Lo(c)) {
            a.r.lo = mk + 1;
            if (objs.empty()) AddRel(&rel, mk);
          }
          report = ReportingVerb(doc.Lemma(p));
          objs.push_back(a);
        } else if (bd == "obl") {
          Arg a;
          a.head = c;
          a.r = Np(c, inherited == 3 && Lo(c) <= subj && subj <= Hi(c));
          a.role = Role(c);
          a.obl = true;
          args.push_back(a);
        }
      }
    };
    collect(pred);
    if (xmid != kNone) collect(xmid);
    if (xverb != kNone) collect(xverb);
    if (inherited == 2 && Base(Dep(p)) == "conj") {
      // "In 1717 she observed the practice and attempted to popularize it":
      // an oblique fronted before the shared subject is the conjuncts' too.
      std::uint32_t h = Head(p);
      for (int steps = 0; h != kNone && Base(Dep(h)) == "conj" && steps < 8; ++steps) h = Head(h);
      std::uint32_t hs = h != kNone ? ChildBase(h, "nsubj") : kNone;
      if (hs != kNone && hs == subj) {
        for (std::uint32_t k = ChildBegin(h); k < ChildEnd(h); ++k) {
          std::uint32_t c = ChildAt(k);
          if (Base(Dep(c)) != "obl" || Hi(c) >= Lo(subj)) continue;
          Arg a;
          a.head = c;
          a.r = Np(c, false);
          a.role = Role(c);
          a.obl = true;
          if (!a.r.empty()) args.push_back(a);
        }
      }
    }
    if (objs.empty() && !copula && xverb == kNone && Upos(p) == "VERB" && p + 2 < e &&
        Dep(p + 1) == "cc" && Head(p + 2) == p && Base(Dep(p + 2)) == "conj" &&
        Upos(p + 2) == "VERB" && ChildBase(p + 2, "nsubj") == kNone && Child(p, "ccomp") == kNone &&
        Child(p, "aux:pass") == kNone && Child(p, "nsubj:pass") == kNone &&
        Child(p + 2, "aux:pass") == kNone && OneOf(Xpos(p), {"VB", "VBP", "VBZ"})) {
      // "buy and sell [large amounts]": a verb right before its conjunct
      // shares that conjunct's object. Only in the present or the base
      // form, which states what is done ("traders buy and sell stocks",
      // "to design and build ships"): a narrative's past is mostly a
      // sequence of acts, of which the first has no object ("stood and
      // watched the parade", "resigned and joined a rival").
      bool after = false;
      for (const Arg& a : args) after = after || a.r.lo > p;
      std::uint32_t o = Child(p + 2, "obj");
      if (!after && o != kNone && o > p + 2) {
        Arg a;
        a.head = o;
        a.r = Np(o, true);
        a.role = "other";
        objs.push_back(a);
      }
    }
    std::sort(args.begin(), args.end(), [](const Arg& l, const Arg& r) { return l.r.lo < r.r.lo; });
    Range obj;
    bool obj_dates = false;
    std::uint32_t obj_head = kNone;
    if (!pred_np.empty()) {
      obj = pred_np;
      obj_head = p;
    } else if (!objs.empty()) {
      obj = objs.front().r;
      obj_head = objs.front().head;
      for (std::size_t k = 1; k < objs.size(); ++k) args.insert(args.begin(), objs[k]);
    } else {
      // "was born in [Paris]": the first oblique after the verb gives its
      // preposition to the relation.
      for (std::size_t k = 0; k < args.size(); ++k) {
        const Arg& a = args[k];
        if (!a.obl || a.r.empty() || a.r.lo < p) continue;
        std::uint32_t cs = Child(a.head, "case");
        if (cs == kNone || cs != a.r.lo) continue;
        AddRel(&rel, cs);
        obj = a.r;
        obj.lo = cs + 1;
        // "ahead of", "out of": a fixed word or a second preposition of the
        // same noun.
        while (obj.lo <= obj.hi &&
               (Dep(obj.lo) == "fixed" || (Dep(obj.lo) == "case" && Head(obj.lo) == a.head))) {
          AddRel(&rel, obj.lo);
          ++obj.lo;
        }
        obj_head = a.head;
        obj_dates = true;
        args.erase(args.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
      if (obj.empty() && copula && pos == "ADJ" && xverb == kNone) {
        // "X is [ready]": the adjective is the object.
        rel.erase(std::remove(rel.begin(), rel.end(), p), rel.end());
        obj = Phrase(p, [&](std::uint32_t c) { return ClauseLevel(Dep(c)); });
        obj_head = p;
      }
    }
    // "The problem is [that businesses make decisions with a view ...]": an
    // argument inside the object is no argument of its own.
    if (!obj.empty()) {
      args.erase(std::remove_if(args.begin(), args.end(),
                                [&](const Arg& a) {
                                  return !a.r.empty() && a.r.lo >= obj.lo && a.r.hi <= obj.hi;
                                }),
                 args.end());
    }
    // "X will continue, the company said": the reporting verb's content is
    // the clause it interrupts.
    if (obj.empty() && !copula && ReportingVerb(doc.Lemma(p)) &&
        (Base(Dep(p)) == "parataxis" || Child(p, "ccomp") == kNone)) {
      std::uint32_t h = Base(Dep(p)) == "parataxis" ? Head(p) : kNone;
      if (h == kNone) {
        // The root: "... , said Murray" with the content parsed as its
        // parataxis; or after it: 'readily admits "they're piggybacking"'.
        std::uint32_t after = kNone;
        for (std::uint32_t k = ChildBegin(p); k < ChildEnd(p); ++k) {
          std::uint32_t c = ChildAt(k);
          if (Base(Dep(c)) != "parataxis") continue;
          if (c < p) h = c;
          if (c > p && after == kNone) after = c;
        }
        if (h == kNone && after != kNone) {
          obj = Trim(Range{Lo(after), Hi(after)});
          if (!obj.empty()) report = true;
        }
      }
      if (h != kNone) {
        Range c{Lo(h), Hi(h)};
        if (p > h) {
          c.hi = std::min(c.hi, Lo(p) - 1);
          for (std::uint32_t i = Lo(p); i <= Hi(p); ++i) {
            if (i < p && !Punct(i)) c.hi = std::min(c.hi, i - 1);
          }
        } else {
          c.lo = std::max(c.lo, Hi(p) + 1);
        }
        obj = Trim(c);
        if (!obj.empty()) report = true;
      }
    }
    if (rel.empty()) return;
    if (obj.empty() && !copula && !report) {
      // "depends on [what he does]", "insisted on [going]": a clause after a
      // preposition is the object; the preposition joins the relation.
      for (std::uint32_t k = ChildBegin(p); k < ChildEnd(p); ++k) {
        std::uint32_t c = ChildAt(k);
        std::uint32_t mk = Base(Dep(c)) == "advcl" && c > p ? Child(c, "mark") : kNone;
        if (mk == kNone || mk != Lo(c) ||
            !OneOf(doc.Folded(mk), {"on", "of", "about", "for", "into", "from", "with", "at"})) {
          continue;
        }
        AddRel(&rel, mk);
        obj = Trim(Range{mk + 1, Hi(c)});
        obj_head = c;
        break;
      }
    }
    if (obj.empty() && args.empty() && !report) {
      // "began to behave strangely": with nothing else after the verb, an
      // adverb after it is the argument.
      std::uint32_t v = xverb != kNone ? xverb : p;
      for (std::uint32_t k = ChildBegin(v); k < ChildEnd(v); ++k) {
        std::uint32_t c = ChildAt(k);
        if (c > v && Dep(c) == "advmod" && Upos(c) == "ADV" &&
            std::find(rel.begin(), rel.end(), c) == rel.end()) {
          Arg a;
          a.head = c;
          a.r = Phrase(c, [](std::uint32_t) { return false; });
          a.role = "other";
          args.push_back(a);
          break;
        }
      }
    }
    // Confidence (tuned on CaRB dev: the mean precision of each kind of
    // clause): main clauses and long relations are the most precise, clauses
    // with an inherited subject, participles and adverbial clauses the least.
    float conf = 0.65F;
    std::string_view bd = Base(Dep(p));
    std::string_view dep = Dep(p);
    if (bd == "root") conf += 0.1F;
    if (bd == "parataxis") conf += 0.05F;
    if (dep == "acl:relcl") conf -= 0.03F;
    if (bd == "ccomp") conf -= 0.08F;
    if (bd == "advcl") conf -= 0.1F;
    if (bd == "xcomp") conf -= 0.12F;
    if (bd == "acl" && dep != "acl:relcl") conf -= 0.15F;
    if (inherited == 1) conf -= 0.1F;
    if (inherited == 2) conf -= 0.05F;
    if (inherited == 3) conf -= 0.15F;
    if (RelativeWord(subj)) conf -= 0.1F;
    std::string_view xp = Xpos(p);
    if (xp == "VBG") conf -= 0.1F;
    if (xp == "VB") conf -= 0.05F;
    if (xp == "VBD" || xp == "VBN") conf += 0.03F;
    if (report) conf += 0.12F;
    if (copula) conf -= (pos == "NOUN" ? 0.1F : 0.05F);
    conf += 0.03F * static_cast<float>(std::min<std::size_t>(rel.size(), 4) - 1);
    // Long sentences are parsed less accurately (CaRB dev: mean precision
    // 0.66 under 15 words, 0.41 over 50).
    if (e - b > 20) conf -= 0.003F * static_cast<float>(e - b - 20);
    // Without an object: with an argument ("[In 1746] these rebellions were
    // crushed", "went ahead of Lemmy") less certain; with nothing after the
    // verb at the end ("he died").
    if (obj.empty()) conf = args.empty() ? 0.15F : conf - 0.2F;
    proto.rule = report ? kRuleReport : (copula ? kRuleCopula : kRuleSvo);
    // Coordination: one fact per conjunct of subject and object.
    ConjList sc{}, oc{};
    std::uint32_t ns = 0, no = 0;
    Conjuncts(subj, &sc, &ns);
    if (obj_head != kNone && obj_head != p && !report) {
      Conjuncts(obj_head, &oc, &no);
    } else if (obj_head == p && copula && OneOf(pos, {"NOUN", "PROPN"})) {
      // "he was a lawyer, public official, and politician": one fact per
      // conjoined noun of the same kind (the first is the predicate phrase
      // without them).
      Conjuncts(p, &oc, &no);
      std::uint32_t kept = 1;
      for (std::uint32_t o = 1; o < no; ++o) {
        if (Upos(oc[o]) == pos) oc[kept++] = oc[o];
      }
      no = kept;
    } else {
      no = 1;
      oc[0] = obj_head;
    }
    // "stated that Hauptmann looked different and that John was dead": one
    // fact per conjoined clause with a subject of its own.
    bool clauses = false;
    std::uint32_t that = obj_head != kNone ? Child(obj_head, "mark") : kNone;
    if (that != kNone && Base(Dep(obj_head)) == "ccomp" && Head(obj_head) == p &&
        that == Lo(obj_head) && doc.Folded(that) == "that") {
      no = 1;
      oc[0] = obj_head;
      // Nested too ("that A, that B and that C": C under B).
      for (std::uint32_t q = 0; q < no; ++q) {
        for (std::uint32_t k = ChildBegin(oc[q]); k < ChildEnd(oc[q]) && no < kMaxConj; ++k) {
          std::uint32_t d = ChildAt(k);
          if (d < oc[q] || Base(Dep(d)) != "conj" || ChildBase(d, "nsubj") == kNone ||
              !(Upos(d) == "VERB" || Child(d, "cop") != kNone)) {
            continue;
          }
          // Not a relative clause the parser took for a conjunct ("..., of
          // which she would become").
          std::uint32_t first = Lo(d);
          while (first < d && (Punct(first) || Dep(first) == "cc")) ++first;
          bool relative = false;
          for (std::uint32_t i = first; i < d && i < first + 2; ++i) {
            relative = relative || OneOf(Xpos(i), {"WDT", "WP", "WP$", "WRB"});
          }
          if (!relative) oc[no++] = d;
        }
      }
      for (std::uint32_t i = 1; i < no; ++i) {  // in text order (at most 8)
        for (std::uint32_t j = i; j > 0 && oc[j] < oc[j - 1]; --j) std::swap(oc[j], oc[j - 1]);
      }
      clauses = no > 1;
    }
    if (no > 1) conf -= 0.05F;
    if (ns > 1) conf -= 0.05F;
    for (std::uint32_t a = 0; a < ns; ++a) {
      Range sr = SubjNp(sc[a], p);
      float c = conf - (sr.size() > 11 ? 0.1F : 0.0F);
      for (std::uint32_t o = 0; o < no; ++o) {
        Range orr = obj;
        if (clauses) {
          Range cr = o == 0 ? obj : Range{Lo(oc[o]), Hi(oc[o])};
          if (o + 1 < no) cr.hi = std::min(cr.hi, Lo(oc[o + 1]) - 1);
          orr = Trim(cr);
        } else if (no > 1 && !(o == 0 && obj_head == p)) {
          orr = Np(oc[o], true);
          // Keep the preposition cut made for the first conjunct.
          if (o == 0) orr.lo = std::max(orr.lo, obj.lo);
        }
        tmp_rel_ = rel;
        // The object's closing prepositional modifiers as arguments.
        std::uint32_t oh = no > 1 ? oc[o] : obj_head;
        const std::vector<Arg>* use = &args;
        Range full = orr;
        if (oh != kNone && !report) {
          mods_.clear();
          SplitModifiers(oh, &orr, &mods_);
          if (!mods_.empty()) {
            all_args_ = args;
            all_args_.insert(all_args_.end(), mods_.begin(), mods_.end());
            std::sort(all_args_.begin(), all_args_.end(),
                      [](const Arg& l, const Arg& r) { return l.r.lo < r.r.lo; });
            use = &all_args_;
          }
        }
        Emit(p, sc[a], sr, tmp_rel_, orr, obj_dates, *use, proto, c, full);
      }
    }
  }

  // "In a statement on Tuesday, NATO ministers [appos of statement] ...
  // condemned": the phrase of a ends right before a root verb that has no
  // subject of its own; it is that verb's subject, not an apposition.
  bool StraySubjectOfRoot(std::uint32_t a) const {
    std::uint32_t j = Hi(a) + 1;
    while (j < e && Punct(j)) ++j;
    if (j >= e || Head(j) != kNone || Upos(j) != "VERB") return false;
    if (ChildBase(j, "nsubj") != kNone || ChildBase(j, "csubj") != kNone) return false;
    return StraySubject(j) == a;
  }

  void Appositions() {
    for (std::uint32_t a = b; a < e; ++a) {
      if (Dep(a) != "appos") continue;
      std::uint32_t h = Head(a);
      if (h == kNone) continue;
      if (!OneOf(Upos(h), {"NOUN", "PROPN"}) || !OneOf(Upos(a), {"NOUN", "PROPN"})) continue;
      if (x.in_time_[h - b] != 0 || x.in_time_[a - b] != 0) continue;
      // Set off by a comma or a bracket: "Jens Stoltenberg, NATO's chief".
      if (Lo(a) == b || !(Punct(Lo(a) - 1) || Punct(Lo(a)))) continue;
      if (StraySubjectOfRoot(a)) continue;
      Range s = SubjNp(h, a);
      Range o = Np(a, true);
      if (s.empty() || o.empty()) continue;
      // "Davidson Township, Sullivan County": a place in a place.
      bool place = x.in_place_[h - b] != 0 && x.in_place_[a - b] != 0;
      Fact f;
      f.subject = Argument{ToSpan(s), -1};
      f.relation = Span{toks[o.lo].span.begin, toks[o.lo].span.begin};
      f.relation_text = place ? "is in" : "is";
      f.relation_lemma = "be";
      f.object = Argument{ToSpan(o), -1};
      f.sentence = si;
      // An implied relation (no word of the text states it): ranked after
      // the stated ones.
      f.confidence = 0.12F;
      f.rule = kRuleApposition;
      extents->push_back(DatingExtent{Span{f.subject.span.begin, f.object.span.end}, Span{}});
      out->push_back(std::move(f));
    }
  }

  // "the University's School of Medicine" -> the University — has — School
  // of Medicine. Pronoun possessors are left out.
  void Possessives() {
    for (std::uint32_t q = b; q < e; ++q) {
      if (Dep(q) != "nmod:poss" || Upos(q) == "PRON") continue;
      std::uint32_t h = Head(q);
      // A common noun: "Ukraine's Foreign Minister Dmytro Kuleba" is a role, not a possession.
      if (h == kNone || h < q || Upos(h) != "NOUN") continue;
      Range s = Phrase(q, [&](std::uint32_t c) {
        std::string_view d = Dep(c);
        return d == "case" || d == "acl:relcl" || d == "appos" || d == "punct";
      });
      Range o = Np(h, true);
      if (s.empty() || o.empty()) continue;
      o.lo = std::max(o.lo, Hi(q) + 1);
      o = Trim(o);
      if (o.empty()) continue;
      Fact f;
      f.subject = Argument{ToSpan(s), -1};
      f.relation = Span{toks[o.lo].span.begin, toks[o.lo].span.begin};
      f.relation_text = "has";
      f.relation_lemma = "have";
      f.object = Argument{ToSpan(o), -1};
      f.sentence = si;
      f.confidence = 0.1F;  // implied, as for appositions
      f.rule = kRulePossessive;
      extents->push_back(DatingExtent{Span{f.subject.span.begin, f.object.span.end}, Span{}});
      out->push_back(std::move(f));
    }
  }

  void Run() {
    BuildTree();
    std::vector<std::uint8_t> merged(e - b, 0);
    for (std::uint32_t p = b; p < e; ++p) {
      if (IsClauseHead(p)) Clause(p, &merged);
    }
    Appositions();
    Possessives();
  }
};

ClauseExtractor::ClauseExtractor(const Resources& res, const Document& doc)
    : res_(res), doc_(doc) {}

void ClauseExtractor::Extract(std::uint32_t si, std::vector<Fact>* out,
                              std::vector<DatingExtent>* extents) {
  const Sentence& s = doc_.sentences()[si];
  if (s.end_token <= s.first_token || doc_.syntax().size() < s.end_token) return;
  Impl impl{*this,
            doc_,
            doc_.tokens(),
            doc_.syntax(),
            s.first_token,
            s.end_token,
            si,
            out,
            extents,
            {},
            {},
            {},
            {},
            {},
            {}};
  impl.Run();
}

}  // namespace tkg
