// Tokenizer: splits UTF-8 text into Tokens with byte offsets, following the
// Penn Treebank / UD English conventions where they matter to tkg:
//   - clitics are split: "NATO's" -> NATO 's, "doesn't" -> does n't,
//     "they're" -> they 're (straight or curly apostrophes);
//   - hyphenated words stay whole ("Secretary-General", "30-member");
//   - numbers keep their separators ("1,000.5", "2022-11-29", "10:30");
//   - known abbreviations and initials keep their period ("Gen.", "U.S.",
//     "J."), so the sentence splitter does not break after them;
//   - URLs and e-mail addresses are one token;
//   - quotation marks are their own tokens, marked opening or closing.
//
// It runs in one pass, never backtracks more than a few bytes, and allocates
// only to grow the output vector.

#ifndef TKG_EXTRACT_TEXT_TOKENIZER_H_
#define TKG_EXTRACT_TEXT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "core/span.h"
#include "extract/document.h"
#include "extract/lexicon.h"

namespace tkg {

class Tokenizer {
 public:
  // `abbreviations` holds folded abbreviations with their final period
  // ("gen.", "u.s.", "jan."); it must outlive the Tokenizer.
  explicit Tokenizer(const Lexicon* abbreviations) : abbreviations_(abbreviations) {}

  // Appends the tokens of text[region] to *out. `paragraph_start` sets
  // kTokParagraphBefore on the first token.
  void Tokenize(std::string_view text, Span region, bool paragraph_start,
                std::vector<Token>* out) const;

 private:
  const Lexicon* abbreviations_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_TEXT_TOKENIZER_H_
