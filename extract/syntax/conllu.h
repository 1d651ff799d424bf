// CoNLL-U (https://universaldependencies.org/format.html) reading and writing
// for training, evaluation and `tkg parse --conllu`.
//
// A Sentence keeps every original line, so that writing it back preserves
// comments, multiword-token lines (`1-2`), empty nodes (`1.1`), IDs, forms and
// MISC exactly; only the columns a tagger and parser fill (LEMMA, UPOS, XPOS,
// FEATS, HEAD, DEPREL) are replaced from `words`.

#ifndef TKG_EXTRACT_SYNTAX_CONLLU_H_
#define TKG_EXTRACT_SYNTAX_CONLLU_H_

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tkg::syntax {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats;
  int head = -1;  // 0 = root; -1 = unknown ("_")
  std::string deprel;
};

struct ConlluSentence {
  std::vector<std::string> lines;        // every line as read, comments included
  std::vector<std::uint32_t> word_line;  // words[i] is lines[word_line[i]]
  std::vector<ConlluWord> words;         // the basic words (integer IDs), in order
  std::uint64_t first_line = 0;          // 1-based line number of lines[0]
  std::string Text() const;              // the "# text = " comment, or "" if none
};

// Reads sentences one at a time; errors name the line ("<name>:12: ...").
class ConlluReader {
 public:
  ConlluReader(std::istream* in, std::string name) : in_(in), name_(std::move(name)) {}
  // Reads the next sentence into *s. Returns false at the end of input.
  Result<bool> Next(ConlluSentence* s);

 private:
  Result<bool> CheckHeads(const ConlluSentence& s) const;
  std::istream* in_;
  std::string name_;
  std::uint64_t line_no_ = 0;
};

// Reads a whole file.
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// Writes s with its word lines' LEMMA..DEPREL columns taken from s.words
// ("_" for empty strings and head -1), then a blank line.
void WriteConllu(const ConlluSentence& s, std::ostream& out);

}  // namespace tkg::syntax

#endif  // TKG_EXTRACT_SYNTAX_CONLLU_H_
