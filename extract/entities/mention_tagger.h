// The statistical mention tagger: an averaged perceptron (extract/syntax/perceptron.h) that labels
// the tokens of a segmented Document with BILOU tags over PERSON, ORG and PLACE, greedily left to
// right, so that names no list knows are found and typed. Trained on the GUM named mentions by
// tools/train_mentions.cc (docs/models.md, "Mention tagger").
//
// Features: the folded word, its shape, prefix and suffixes, capitalisation, sentence-initial
// position, the words and shapes at +-1 (and shape trigram), the previous tag, and membership of
// the token in the gazetteer (gazetteer.tsv, built by tools/build_gazetteer.py), the title list and
// the name parts list. Tokens that are not capitalised, not all-caps and do not start with a digit
// are tagged O without scoring unless a name is open, and so are capitalised function words ("The",
// "He"); the same rule holds in training and tagging, and keeps the tagger cheap on the bulk of
// a text (sentences without a possible name start are skipped whole).
//
// The model file (extract/data/en/models/mentions.tkgm):
//   "TKGMENTN"  8 bytes magic
//   u32         format version (kFormatVersion)
//   string      metadata (JSON: training data, seed, epochs, dev scores)
//   u32         feature set version (kFeatureVersion)
//   weights     the WeightTable (13 classes)
//
// Thread-safety: a MentionModel is immutable and may be shared; Tag() keeps its scratch on the
// stack of the caller.

#ifndef TKG_EXTRACT_ENTITIES_MENTION_TAGGER_H_
#define TKG_EXTRACT_ENTITIES_MENTION_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/document.h"
#include "extract/resources.h"
#include "extract/syntax/perceptron.h"

namespace tkg {

// A tagged name: tokens [first, end) of one sentence, its type and the score margin of its
// first token's label (for diagnostics).
struct TaggedMention {
  std::uint32_t first = 0, end = 0;
  EntityType type = EntityType::kOther;
};

namespace mentions {

// Classes: 0 = O, then per type t (0 PERSON, 1 ORG, 2 PLACE) B, I, L, U = 1 + 4t .. 4 + 4t.
inline constexpr std::size_t kNumClasses = 13;
inline constexpr std::size_t kNumTypes = 3;
enum Bilou : std::uint8_t { kB = 0, kI = 1, kL = 2, kU = 3 };
inline std::size_t ClassOf(std::size_t type, Bilou b) { return 1 + 4 * type + b; }
inline std::size_t TypeOf(std::size_t cls) { return (cls - 1) / 4; }
inline Bilou BilouOf(std::size_t cls) { return static_cast<Bilou>((cls - 1) % 4); }
EntityType EntityTypeOf(std::size_t type);
// -1 for types the tagger does not produce.
int TypeIndex(EntityType t);
// Whether class `cls` may follow class `prev` (O / L / U end a name; B / I must continue with
// I or L of the same type).
bool Allowed(std::size_t prev, std::size_t cls);

// Per-sentence feature state: token shapes and gazetteer marks, computed once.
class Featurizer {
 public:
  Featurizer(const Resources& res, const Document& doc) : res_(res), doc_(doc) {}
  // Prepares sentence `s` (gazetteer matches, shapes). False when no word of it may start a
  // name (every token is then O).
  bool StartSentence(const Sentence& s);
  // Whether token i must be scored given the previous class (else it is O): inside an open name,
  // or a word that may start one (capitalised or all-caps, not a clitic, not a capitalised
  // function word such as "The").
  bool NeedsScore(std::uint32_t i, std::size_t prev) const;
  bool MayStart(std::uint32_t i) const;
  // Appends the features of token i to *out (cleared first).
  void Features(std::uint32_t i, std::size_t prev, std::size_t prev2,
                std::vector<std::uint64_t>* out) const;

 private:
  std::uint64_t WordHash(std::uint32_t i) const;  // kNone outside the sentence
  std::uint64_t ShapeHash(std::uint32_t i) const;
  std::uint64_t GazHash(std::uint32_t i) const;
  const Resources& res_;
  const Document& doc_;
  std::uint32_t first_ = 0, end_ = 0;
  mutable std::vector<std::uint64_t> word_, shape_;  // filled on first use
  std::vector<std::uint64_t> gaz_;
  // Per token of a capitalised run ("Pittock Mansion", "University of Sheffield"): the index of
  // the run's last token and the run's length; the last word types most names.
  std::vector<std::uint32_t> run_last_, run_len_, run_pos_;
  std::string scratch_;
};

// Decodes a label sequence into mentions (a B/I left open at the end is closed).
void Decode(std::uint32_t first, const std::vector<std::uint8_t>& labels,
            std::vector<TaggedMention>* out);

}  // namespace mentions

struct MentionModel {
  static constexpr std::uint32_t kFormatVersion = 1;
  // Bumped when the features change: a model trained on other features is refused.
  static constexpr std::uint32_t kFeatureVersion = 4;
  std::string metadata;
  std::string fingerprint;  // hex hash of the file's bytes (part of the extractor version)
  syntax::WeightTable weights;

  // Tags every sentence of `doc` (segmented) and appends the names found to *out.
  void Tag(const Resources& res, const Document& doc, std::vector<TaggedMention>* out) const;

  std::string Serialize() const;
  static Result<std::shared_ptr<const MentionModel>> Parse(std::string_view bytes,
                                                           const std::string& name);
  static Result<std::shared_ptr<const MentionModel>> Load(const std::string& path);
};

}  // namespace tkg

#endif  // TKG_EXTRACT_ENTITIES_MENTION_TAGGER_H_
