// Lexicon lookups over token sequences: the longest entry of a lexicon that
// starts at a token, built from the tokens' folded forms (Document::Folded),
// joined by one space where the text has whitespace ("according to") and by
// nothing where it has none ("nato" + "'s"). Tokens that start no entry cost
// nothing but an array read (Resources::Starts).

#ifndef TKG_EXTRACT_PHRASE_H_
#define TKG_EXTRACT_PHRASE_H_

#include <cstdint>
#include <string>

#include "extract/document.h"
#include "extract/lexicon.h"
#include "extract/resources.h"

namespace tkg {

// Appends the folded phrase of tokens [first, first + n) to *out.
void AppendPhrase(const Document& doc, std::uint32_t first, std::uint32_t n, std::string* out);

// The longest entry of `lex` that starts at token `first` and ends before
// token `limit`, trying at most lex.max_words() + `extra_tokens` tokens (clitics
// and hyphens make more tokens than words). Sets *n to its length in tokens.
// Returns nullptr (and *n = 0) when none matches. `scratch` is reused.
const LexiconEntry* LongestPhrase(const Resources& res, const Lexicon& lex, const Document& doc,
                                  std::uint32_t first, std::uint32_t limit, std::uint32_t* n,
                                  std::string* scratch, std::uint32_t extra_tokens = 2);

}  // namespace tkg

#endif  // TKG_EXTRACT_PHRASE_H_
