// Dependency parser: transition-based (arc-hybrid, Kuhlmann et al. 2011) with
// a greedy decoder, an averaged-perceptron classifier of the three moves over
// the feature templates of Zhang & Nivre (2011) adapted to arc-hybrid, trained
// with the dynamic oracle of Goldberg & Nivre (2013) and exploration. The
// label of an arc is chosen by a second perceptron (the labeller), asked only
// when the chosen move makes an arc, over features of the head, the dependent
// and its finished subtree: a move costs one short row per feature instead of
// one row over every move x label. Non-projective
// training trees are made projective by lifting (Nivre & Nilsson 2005,
// without label encoding), so the parser outputs projective trees with UD
// relation labels (subtypes included). Exactly one word attaches to the root.
//
// Thread-safety: a Parser is immutable after Load/Train; Parse() may be called
// from many threads.

#ifndef TKG_EXTRACT_SYNTAX_PARSER_H_
#define TKG_EXTRACT_SYNTAX_PARSER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/syntax/conllu.h"
#include "extract/syntax/perceptron.h"
#include "extract/syntax/tagger.h"

namespace tkg::syntax {

// One word as the parser sees it.
struct ParserInput {
  std::string_view form;
  std::string_view upos, xpos;
};

class Parser {
 public:
  Parser() = default;

  // heads[i] is the head of word i (0 = root, words numbered from 1, so
  // heads[i] refers to word heads[i] - 1); labels[i] indexes Label().
  void Parse(std::span<const ParserInput> words, std::vector<int>* heads,
             std::vector<std::uint8_t>* labels) const;
  const std::string& Label(std::uint8_t i) const { return labels_[i]; }
  std::size_t num_labels() const { return labels_.size(); }
  const InlineTable& moves() const { return moves_; }
  const WeightTable& labeller() const { return labeller_; }

  // Trains on `train`, with its own UPOS/XPOS or, when `retag_train`, the
  // tags of `tagger`; with `dev`, logs UAS/LAS per epoch (tags from `tagger`
  // when given, else gold).
  static Parser Train(const std::vector<ConlluSentence>& train,
                      const std::vector<ConlluSentence>* dev, const Tagger* tagger,
                      bool retag_train, const TrainOptions& opt);

  void Serialize(std::string* out) const;
  static Result<Parser> Deserialize(std::string_view data, std::size_t* pos);

 private:
  // Looks up the labels Repair() uses (-1 when the model lacks one).
  void FindRepairLabels();
  // Fixes a greedy error the labeller cannot see: two subjects of one verb
  // side by side ("NATO/nsubj chief/nsubj says", "Ukraine's/nsubj Foreign
  // Minister Dmytro Kuleba/nsubj called"). The outer one, when its phrase ends
  // where the inner one's begins, joins the inner one's phrase as nmod:poss
  // (it ends in a possessive 's) or compound. heads and labels are as Parse
  // gives them; the tree stays projective. Second, a name set off by commas
  // after a noun ("the Romanian capital, Bucharest,") that the parser made a
  // conjunct, the only one, with no coordinator in its coordination becomes an
  // apposition of that noun. Third, a participle made a compound of the noun
  // after it ("membership pending/compound ratifications") takes that noun
  // as its object.
  void Repair(std::span<const ParserInput> words, std::vector<int>* heads,
              std::vector<std::uint8_t>* labels) const;

  std::vector<std::string> labels_;
  InlineTable moves_;     // SHIFT, LEFT, RIGHT
  WeightTable labeller_;  // the label of the arc a move makes
  int nsubj_ = -1, nsubj_pass_ = -1, poss_ = -1, compound_ = -1, case_ = -1;
  int conj_ = -1, cc_ = -1, appos_ = -1, flat_ = -1, acl_ = -1, obj_ = -1;
};

// Makes heads (1-based, 0 = root) projective by lifting the shortest
// non-projective arcs to their grandparents until none is left.
void Projectivize(std::vector<int>* heads);

// UAS and LAS (percent; LAS on the label without its subtype, as CoNLL 2018)
// of `parser` on gold sentences, tags from `tagger` or gold when null.
std::pair<double, double> ParserAccuracy(const Parser& parser, const Tagger* tagger,
                                         const std::vector<ConlluSentence>& gold);

}  // namespace tkg::syntax

#endif  // TKG_EXTRACT_SYNTAX_PARSER_H_
