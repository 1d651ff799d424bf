// FactStage: the first facts stage. Finds subject–relation–object statements
// with shallow patterns (the facts issue replaces it with clause detection
// on the dependency parse):
//
//   facts.role.title_before_name   "Ukraine's Foreign Minister Dmytro Kuleba"
//                                  -> Dmytro Kuleba — Foreign Minister of — Ukraine
//   facts.svo.verb_group           "[Russian attacks on Ukrainian infrastructure]
//                                  [have left] [millions of people without power]"
//
// A verb group is an auxiliary or modal followed by a verb form of
// verbs.tsv ("will eventually join", "does not have", "are focused"), or a
// past or third-person form right after a name or noun ("Kuleba joined").
// Reporting verbs are left to the claims stage. The subject is the noun
// phrase before the group (a pronoun stands for its entity), the object
// the rest of the clause. Negation gives polarity negative; will/shall make
// modality future, may/might/could possible, would conditional, "pending"
// in the object pending.
//
// Each fact's time: a date or time expression inside the fact (explicit),
// else FUTURE_REF for future modality (inferred), else the publication date
// (basis publication). A fact inside a claim's content is linked to the
// claim: it is the speaker's assertion, not the newspaper's.
//
// Reads: tokens, sentences, mentions, timexes, claims.  Writes: facts (and
// the facts lists of claims).

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
