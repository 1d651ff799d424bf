// ClaimStage: the first attribution stage. Finds who said what, as ordered
// sieves over tokens (CoreNLP's quote attribution shape): precise patterns
// run first, looser ones only fill what is still unlinked, and every claim
// records the sieve that made it.
//
// Sieves, in order:
//   0. claims.direct.interview_answer  a Q&A interview (3 paragraphs that ask,
//                                     each followed by an answer; 2 when the
//                                     opening says "interview"): each answer
//                                     paragraph is the interviewee's (the
//                                     person named in the headline)
//   1. claims.direct.quote_then_tag   "“Q,” S said." / "“Q,” said S."
//   2. claims.direct.tag_then_quote   "S said: “Q”" / "S said, “Q”" / "S: “Q”"
//   3. claims.passive_by              "C was echoed by S"
//      claims.direct.colon_block      "S denied the allegations:" ending its
//                                     paragraph, then an unquoted paragraph
//                                     (a block quotation), up to the next
//                                     sentence that reports speech
//      claims.mid_tag                 "The plan, he said, would cost X": a tag
//                                     between a bare subject and its verb;
//                                     the content is the whole clause, tag
//                                     included (one span)
//   4. claims.speaker_first           "S said (that) C", "S accused X of C",
//                                     "S called on X to C", "S condemned C";
//                                     quoted words inside C make it mixed; not
//                                     for passives ("deaths were reported"),
//                                     questions, or a prepositional object
//                                     ("tweeted to X")
//   5. claims.content_first           "C, S said." / "C, S announced this
//                                     morning." (quoted words -> mixed)
//   6. claims.according_to            "According to S, C." / "C, according to
//                                     S."; C may hold a claim found above
//   7. claims.direct.byline           "“Q” - Name", a paragraph whose last
//                                     line is a name ("Q. Name, title"; with a
//                                     speech verb only in the first person),
//                                     and an unquoted paragraph ending "Q. —
//                                     Name"
//   8. claims.direct.continuation     a quoted paragraph with no tag right
//                                     after a claim: the same speaker (after
//                                     an indirect claim, the next sentence only)
// Cues come from cues.tsv (form, lemma, frame; built by tools/build_cues.py
// from a curated list and WordNet's communication verbs): "say_that" forms
// ("states", "claims") are cues only before "that" or a quotation, "tag"
// forms ("added", "wrote") speak first only before "that" or a quotation,
// "ing" forms ("saying") are cues after a comma, "quote" forms
// ("continued", "reads") only next to a quotation. Cue words inside
// quotation marks are never cues (the gold standard does not attribute what
// a speaker reports inside a quote).
//
// The speaker phrase is the cue's subject: with a parse, the nsubj subtree
// of the cue's verb; without, the phrase before the verb group. The speaker
// is its head mention (entities stage: "Slovak Foreign Minister Rastislav
// Kacer" -> Rastislav Kacer; "He" -> the person it refers to); a title
// without a name takes the name in apposition ("The chairman, Cres
// Eastman, says"). The date of the speech act is a time expression
// in the claim's clause outside its content ("In a statement on Tuesday,
// NATO ministers ... condemned ..." -> explicit), else the publication date
// (basis "publication"), else unknown.
//
// Finally the same claim found several times (headline, standfirst,
// pull-quote and body) is merged into the body's claim, the others becoming
// extra evidence spans.
//
// Reads: tokens, sentences, zones, mentions, timexes (and syntax, when the
// syntax stage ran).  Writes: claims.

#ifndef TKG_EXTRACT_CLAIMS_CLAIM_STAGE_H_
#define TKG_EXTRACT_CLAIMS_CLAIM_STAGE_H_

#include <memory>

#include "extract/pipeline.h"
#include "extract/resources.h"

namespace tkg {

class ClaimStage final : public Stage {
 public:
  explicit ClaimStage(std::shared_ptr<const Resources> res) : res_(std::move(res)) {}

  std::string_view name() const override { return "claims"; }
  Layers Requires() const override {
    return Layer::kTokens | Layer::kSentences | Layer::kMentions | Layer::kTimexes;
  }
  Layers Provides() const override { return Layer::kClaims; }
  Status Run(Document* doc) const override;

 private:
  std::shared_ptr<const Resources> res_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_CLAIMS_CLAIM_STAGE_H_
