// Clause facts: ClausIE-style clause detection on the dependency parse (UD
// relations), used by FactStage when the syntax layer is present.
//
// Every verb that heads a clause (root, conj of a predicate, ccomp, xcomp,
// advcl, acl, acl:relcl, parataxis, csubj) and every copular predicate (a
// word with a `cop` child) gives one fact:
//   subject   nsubj / nsubj:pass / csubj; a relative pronoun stands for the
//             noun the relative clause modifies (or, when the parser made
//             the clause a conjunct or hung it on a verb, the noun right
//             before it: "the Act of 1916 that provided"); an acl's
//             subject is that noun; when that noun is a copula's common-
//             noun predicate, the copula's subject ("X is a footballer who
//             plays" -> X plays; not for a relative clause on a
//             prepositional predicate: "was in an accident, which left
//             him"); an xcomp's subject its
//             controller; a conjoined verb without a subject shares its
//             first conjunct's (also a "relative clause" opening with "and");
//   relation  the verb group: auxiliaries, negation, particle, the verb (for
//             a copular clause the copula, plus an adjective predicate), an
//             xcomp verb merged in ("wants to join", "was able to join", a
//             gerund right after a verb without object: "began building"; a
//             chain of them: "are starting to try to open"; also
//             a "to" clause parsed as adverbial right after a verb without
//             object; a verb conjoined with the merged one shares the words up
//             to "to": "was able to join X and [sign] Y"), and the
//             preposition(s) of the first oblique when there is no object
//             ("was born in", "broke out of");
//             the words need not be contiguous, so Fact::relation_text
//             holds them;
//   object    obj (else iobj, a nominal xcomp (its "to be" joins the
//             relation: "was considered to be"), a ccomp, the copular
//             predicate without its relative clauses, the first oblique
//             without its preposition, an adverbial clause after a
//             preposition: "depends on [what he does]"; for a reporting
//             verb, the clause it interrupts or the quotation after it);
//   args      the other obliques (role "time" for obl:tmod, a time
//             expression or a time noun; "place" for a PLACE mention; else
//             "other"), further objects; with no object and no oblique, an
//             adverb after the verb ("died suddenly"); the prepositional
//             modifiers that end the object, other than "of" ("saw [active
//             service] [as a soldier] [for the Scottish forces]", role
//             "other": BenchIE's minimal object, the same words for CaRB);
//             for a conjoined verb sharing its subject, an oblique fronted
//             before that subject ("In 1717 she observed ... and attempted
//             ..."); a verb right before its conjunct, with nothing after
//             it, shares that conjunct's object ("buy and sell [stocks]";
//             not passives).
// Conjoined subjects and objects are split into several facts ("Finland and
// Sweden" -> two; nested conjuncts too, at most 8; a "that" clause's
// conjoined clauses with subjects of their own: "stated that A looked
// different and that B was dead" -> two; a copular predicate's
// conjoined nouns: "was a lawyer, official, and politician" -> three); a
// coordination needs a conjunction, so conjuncts without one ("Naana, a
// blind-seer,") stay one phrase. Appositions are copular facts ("Jens Stoltenberg — is —
// NATO Secretary-General"), "X's Y" gives X — has — Y. Noun phrases are the
// head's subtree without relative clauses (a free relative keeps its own:
// "explain [what happened]"; a fronted "what" is no object of its clause)
// and (when split) other conjuncts;
// appositions stay inside them (measured on CaRB dev, --detok: F1 .530
// with, .527 without), except in a subject, which loses an apposition set
// off by a comma ("Orkem, France's third-largest chemical group, said":
// BenchIE's subject; the apposition is a fact of its own). A subject loses
// its preposition, and the noun of a relative clause loses the clause.
//
// Rules: facts.clause.svo (verb clause), facts.clause.copula, facts.clause.report
// (a reporting verb with its content), facts.apposition.
//
// Modality: from the auxiliaries (will -> future, may/might/could/can/must
// -> possible, would/should -> conditional), "pending" in the object or an
// argument -> pending; a clause inside the condition of an "if"/"unless"
// adverbial clause (with the clauses conjoined with or complementing it) ->
// conditional, while the main clause keeps its own.
//
// Confidence: 0.9 for a verb clause with a nominal subject and an object,
// lowered for pronoun subjects, inherited subjects, long or many
// arguments, clauses from parataxis, adverbial clauses and long sentences
// (the parse is less accurate); appositions and possessives, whose
// relation no word of the text states, rank below the stated relations.

#ifndef TKG_EXTRACT_FACTS_CLAUSES_H_
#define TKG_EXTRACT_FACTS_CLAUSES_H_

#include <cstdint>
#include <vector>

#include "extract/document.h"
#include "extract/resources.h"

namespace tkg {

// Appends the clause facts of sentence `si` of `doc` to `out` (relation,
// subject, object, args, polarity, modality, confidence, rule, sentence;
// not time, claim or entities), and for each where a time expression dates
// it to `extents`. Keeps its buffers between calls.
// REQUIRES: doc.syntax() is filled.
struct DatingExtent {
  Span span;      // a time expression inside dates the fact...
  Span excluded;  // ...unless it is inside this (an object that does not date
                  // it: "confirmed a 2008 decision that ...")
};

class ClauseExtractor {
 public:
  ClauseExtractor(const Resources& res, const Document& doc);
  void Extract(std::uint32_t si, std::vector<Fact>* out, std::vector<DatingExtent>* extents);

 private:
  struct Impl;
  const Resources& res_;
  const Document& doc_;
  // Per sentence, indexed by token - first token.
  std::vector<std::uint32_t> child_begin_, children_;
  std::vector<std::uint32_t> lo_, hi_;  // subtree extent (token indices, inclusive)
  std::vector<std::uint8_t> in_time_, in_place_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_FACTS_CLAUSES_H_
