// FactStage: subject–relation–object statements, in two ways.
//
// With the syntax layer (the default pipeline; not with `--fast`), the clause facts of
// extract/facts/clauses.h: one fact per clause of the dependency parse
// (verb clauses, copulas, reporting verbs with their content, appositions,
// possessives), n-ary arguments with time and place roles, coordination
// split, a confidence tuned on CaRB dev. Rules facts.clause.svo,
// facts.clause.copula, facts.clause.report, facts.apposition,
// facts.possessive. Their relation may be non-contiguous words
// (Fact::relation_text, written as the relation's "phrase"). Measured on
// CaRB dev: README.
//
// Without it, the shallow patterns (the fallback; the default pipeline's
// output depends on them):
//
//   facts.role.title_before_name   "Ukraine's Foreign Minister Dmytro Kuleba"
//                                  -> Dmytro Kuleba — Foreign Minister of — Ukraine
//                                  (also with the parse)
//   facts.svo.verb_group           "[Russian attacks on Ukrainian infrastructure]
//                                  [have left] [millions of people without power]"
//
// A verb group is an auxiliary or modal followed by a verb form of
// verbs.tsv ("will eventually join", "does not have", "are focused"), or a
// past or third-person form right after a name or noun ("Kuleba joined").
// Reporting verbs are left to the claims stage. The subject is the noun
// phrase before the group (a pronoun stands for its entity), the object
// the rest of the clause; the subject must be an entity. Negation gives
// polarity negative; will/shall make modality future, may/might/could
// possible, would conditional, "pending" in the object pending (the clause
// facts read the same from the parse's auxiliaries, and make the clauses
// of an "if"/"unless" condition conditional).
//
// Both ways: the subject's and object's entities are their head mentions
// (a pronoun stands for its entity). Each fact's time: a date or time
// expression inside the fact (explicit; for clause facts in its subject,
// relation, arguments or oblique object, not in a nominal object such as
// "a 2008 decision"), else FUTURE_REF for future modality (inferred), else
// the publication date (basis publication). A fact inside a claim's content
// is linked to the claim: it is the speaker's assertion, not the
// newspaper's. The same fact twice (headline and body) is kept once.
//
// Reads: tokens, sentences, mentions, timexes, claims, and syntax when
// present.  Writes: facts (and the facts lists of claims).

#ifndef TKG_EXTRACT_FACTS_FACT_STAGE_H_
#define TKG_EXTRACT_FACTS_FACT_STAGE_H_

#include <memory>

#include "extract/pipeline.h"
#include "extract/resources.h"

namespace tkg {

class FactStage final : public Stage {
 public:
  explicit FactStage(std::shared_ptr<const Resources> res) : res_(std::move(res)) {}

  std::string_view name() const override { return "facts"; }
  Layers Requires() const override {
    return Layer::kTokens | Layer::kSentences | Layer::kMentions | Layer::kTimexes | Layer::kClaims;
  }
  Layers Provides() const override { return Layer::kFacts; }
  Status Run(Document* doc) const override;

 private:
  std::shared_ptr<const Resources> res_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_FACTS_FACT_STAGE_H_
