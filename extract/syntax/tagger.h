// Part-of-speech tagger: a greedy left-to-right averaged perceptron predicting
// the UPOS and the Penn Treebank XPOS of each word jointly (one class per
// UPOS/XPOS pair seen in training), trained on UD English (EWT + GUM).
//
// Features: the word, its prefixes, suffixes and shape, the words two to the
// left and right, the two previous predicted tags and their conjunctions
// (the feature family of Collins 2002 / Ratnaparkhi 1996), the ambiguity
// classes of the word and its neighbours, and the parts of speech WordNet
// allows the word and its neighbours (TagLexicon, lexicon.h). Frequent words
// seen with one tag only skip the classifier (a tag dictionary).
//
// Thread-safety: a Tagger is immutable after Load/Train; Tag() may be called
// from many threads.

#ifndef TKG_EXTRACT_SYNTAX_TAGGER_H_
#define TKG_EXTRACT_SYNTAX_TAGGER_H_

#include <cstdint>
#include <ostream>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "extract/syntax/conllu.h"
#include "extract/syntax/lexicon.h"
#include "extract/syntax/perceptron.h"

namespace tkg::syntax {

struct TrainOptions {
  int epochs = 10;
  std::uint32_t seed = 1;
  float prune = 0.0F;           // drop averaged weights below this magnitude
  std::ostream* log = nullptr;  // per-epoch dev scores, when not null
  // The tagger's WordNet lexicon (copied into the model), when not null.
  const TagLexicon* lexicon = nullptr;
  // The passes to train (format 4 from 2): 1 left to right; 2 also right to
  // left; 3 and 4 the same again with seed + 1.
  int passes = 1;
};

class Tagger {
 public:
  Tagger() = default;

  // Tags words (the forms of one sentence); out[i] is a class index.
  void Tag(std::span<const std::string_view> words, std::vector<std::uint16_t>* out) const;
  const std::string& Upos(std::uint16_t cls) const { return upos_[cls]; }
  const std::string& Xpos(std::uint16_t cls) const { return xpos_[cls]; }
  std::size_t num_classes() const { return upos_.size(); }
  const WeightTable& weights() const { return weights_; }
  // The passes after the first (directions alternate, right to left first).
  std::size_t num_passes() const { return 1 + extra_.size(); }
  bool bidirectional() const { return !extra_.empty(); }

  // Trains on `train`; with `dev`, logs UPOS/XPOS accuracy per epoch.
  // InvalidArgument if the data has more than 255 UPOS/XPOS pairs.
  static Result<Tagger> Train(const std::vector<ConlluSentence>& train,
                              const std::vector<ConlluSentence>* dev, const TrainOptions& opt);

  // Model section (see docs/models.md) in the layout of model format
  // `version`: from 3 with the lexicon, from 4 with the right-to-left weights
  // (a count, 0 or 1, then the table).
  void Serialize(std::string* out, std::uint32_t version) const;
  const TagLexicon& lexicon() const { return lexicon_; }
  // Reads a section of model format `version` (2 to 4). A format 2 tagger's
  // weights have no lexicon features, so an empty lexicon tags as it did.
  static Result<Tagger> Deserialize(std::string_view data, std::size_t* pos, std::uint32_t version);

 private:
  struct Context;
  // `dir` 1 tags left to right (p1, p2: the tags of the two words before
  // i), -1 right to left (the two words after i; the context words mirror).
  void Features(const Context& c, std::size_t i, std::uint16_t p1, std::uint16_t p2,
                std::vector<std::uint64_t>* out, int dir = 1) const;
  // One greedy pass in direction `dir` with `w`: the class of every word and,
  // for the words the dictionary does not settle, the class scores (rows of
  // num_classes() in `scores`, zero for the others).
  void Pass(const Context& c, std::span<const std::string_view> words, const WeightTable& w,
            int dir, std::vector<std::uint16_t>* out, std::vector<float>* scores) const;
  // The dictionary's class of word i, or kNoClass.
  std::uint16_t DictClass(const Context& c, std::span<const std::string_view> words,
                          std::size_t i) const;
  std::uint16_t Predict(const float* scores) const;
  // A capitalised word unknown as written whose lower-case form the
  // dictionary holds as a conjunction, preposition or determiner ("Unless"
  // opening a sentence): that form's entry, else tag_dict_.end().
  std::unordered_map<std::uint64_t, std::uint16_t>::const_iterator LowercaseFunctionWord(
      std::string_view w) const;
  void FindClasses();
  // A plural noun between a singular noun and the start of an object ("the
  // player confronts/NNS a boss", "the machine employs/NNS reduced ...",
  // "Zero confronts/NNS X") whose verb reading scored within kVerbMargin of
  // it is the verb (VBZ): the sentence's clause is otherwise lost. True
  // nouns in that position (EWT/GUM dev and train, Wikinews dev, CaRB dev)
  // scored 16.5 and more above the verb; the verbs 1.7 to 12.5. In a
  // sentence without a finite verb, the first plural noun within the margin
  // of its verb reading after a noun, pronoun, determiner, adverb or comma,
  // not last ("This often results/NNS in", "This occurs/NNS for", "NATO
  // Secretary General calls/NNS on member states/NNS to pledge": the verb
  // comes before its object; the closest to its verb reading was "states").
  void RepairVerbs(std::span<const std::string_view> words, const std::vector<float>& gap,
                   std::vector<std::uint16_t>* tags) const;
  // Patterns the treebanks (EWT + GUM train) never or almost never tag the
  // way the model can: a curly opening mark is `` (72 of 73) and a closing
  // one ''; straight marks alternate, opening first (169 of 169 first in the
  // sentence, 1,020 of 1,054 inside it; the 622 next to punctuation are left
  // to the model); a run of dots inside a sentence is tagged as a comma (216
  // of 245); an -ing word between a plural noun and a preposition is VBG (57
  // of 58, none NN: "ministers meeting/NN in" lost the sentence's subject);
  // a word the lexicon allows as a verb, after "VERB and/or" and before a
  // determiner or possessive, is a verb like the first (64 of 64 tagged as
  // verbs or prepositions, none JJ or NN: "delete or corrupt/JJ the
  // information"); a participle between "the" + noun and "to" + verb is the
  // past tense (13 of 13: "the parties agreed/VBN to have" made "agreed" a
  // modifier of "parties"). And "prior to" is RB, as the parser of the committed
  // model was trained on (the treebank says JJ; the parser read "Prior/JJ to
  // the war, he was ..." as a noun phrase with a nominal modifier).
  void RepairPatterns(std::span<const std::string_view> words,
                      const std::vector<std::uint16_t>& lex,
                      std::vector<std::uint16_t>* tags) const;
  static constexpr std::uint16_t kNoClass = 0xFFFF;
  static constexpr float kNoGap = 1e30F;
  static constexpr float kVerbMargin = 15.0F;
  // Left-to-right margin above which the right-to-left pass is skipped: on
  // EWT dev, 40 changes one word of 25,147 against scoring every word, and
  // the tagger runs at 1.7 times the speed (60: no change, 1.4 times).
  // Scores are the model's own units: re-check it when retraining.
  static constexpr float kSureMargin = 40.0F;
  std::uint16_t nns_ = kNoClass, vbz_ = kNoClass, vbg_ = kNoClass, vbd_ = kNoClass, rb_ = kNoClass;
  std::uint16_t open_quote_ = kNoClass, close_quote_ = kNoClass, comma_ = kNoClass;

  std::vector<std::string> upos_, xpos_;
  std::unordered_map<std::uint64_t, std::uint16_t> tag_dict_;  // raw form key -> class
  // Norm key -> hash of the set of classes the word had in training (its
  // ambiguity class), for words seen at least twice.
  std::unordered_map<std::uint64_t, std::uint64_t> ambiguity_;
  TagLexicon lexicon_;
  WeightTable weights_;
  // The passes after the first (none in older models): their scores are
  // added to those of the first, for the words it is not sure of. Pass k
  // (from 1) tags right to left when k is odd.
  std::vector<WeightTable> extra_;
  static int Direction(std::size_t pass) { return pass % 2 == 1 ? -1 : 1; }
};

// UPOS and XPOS accuracy (percent) of `tagger` on gold sentences.
std::pair<double, double> TaggerAccuracy(const Tagger& tagger,
                                         const std::vector<ConlluSentence>& gold);

}  // namespace tkg::syntax

#endif  // TKG_EXTRACT_SYNTAX_TAGGER_H_
