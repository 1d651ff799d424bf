// The syntax model file (extract/data/en/models/syntax.tkgm): the tagger, the
// lemmatizer's tables and the parser in one binary file with a versioned
// header. Layout (docs/models.md):
//
//   "TKGSYNTX"  8 bytes magic
//   u32         format version (kFormatVersion)
//   string      metadata (JSON: training data, seed, epochs, dev scores)
//   section     tagger, then lemmatizer, then parser
//
// Integers are little-endian; strings are u32 length + bytes. A file of
// another version is refused with a message saying which version it is.

#ifndef TKG_EXTRACT_SYNTAX_MODEL_H_
#define TKG_EXTRACT_SYNTAX_MODEL_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/syntax/lemmatizer.h"
#include "extract/syntax/parser.h"
#include "extract/syntax/tagger.h"

namespace tkg::syntax {

// One sentence's analysis: per word, the tagger's class, the head (0 = root,
// words numbered from 1) and the relation label index.
struct Analysis {
  std::vector<std::uint16_t> tags;
  std::vector<int> heads;
  std::vector<std::uint8_t> labels;
};

struct SyntaxModel {
  // 2: parser moves and labels apart; 3: the tagger section carries its
  // WordNet lexicon (TagLexicon) before its weights.
  // 4: the tagger section may hold a right-to-left tagger.
  static constexpr std::uint32_t kFormatVersion = 4;
  std::string metadata;
  std::string fingerprint;  // hex hash of the file's bytes (part of the extractor version)
  Tagger tagger;
  Lemmatizer lemmatizer;
  Parser parser;

  // Tags and parses one sentence's words into *out (reused across calls).
  void Analyze(std::span<const std::string_view> words, Analysis* out) const;
  std::string_view Upos(const Analysis& a, std::size_t i) const { return tagger.Upos(a.tags[i]); }
  std::string_view Xpos(const Analysis& a, std::size_t i) const { return tagger.Xpos(a.tags[i]); }
  std::string_view Deprel(const Analysis& a, std::size_t i) const {
    return parser.Label(a.labels[i]);
  }

  // The file's bytes in the layout of format `version` (2 to kFormatVersion;
  // an older layout leaves out what it cannot hold).
  std::string Serialize(std::uint32_t version = kFormatVersion) const;
  static Result<std::shared_ptr<const SyntaxModel>> Parse(std::string_view bytes,
                                                          const std::string& name);
  static Result<std::shared_ptr<const SyntaxModel>> Load(const std::string& path);
};

}  // namespace tkg::syntax

#endif  // TKG_EXTRACT_SYNTAX_MODEL_H_
