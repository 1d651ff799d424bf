#include "extract/phrase.h"

#include <algorithm>

namespace tkg {

void AppendPhrase(const Document& doc, std::uint32_t first, std::uint32_t n, std::string* out) {
  const auto& toks = doc.tokens();
  for (std::uint32_t k = first; k < first + n; ++k) {
    if (k > first && toks[k].Has(kTokSpaceBefore)) out->push_back(' ');
    out->append(doc.Folded(k));
  }
}

const LexiconEntry* LongestPhrase(const Resources& res, const Lexicon& lex, const Document& doc,
                                  std::uint32_t first, std::uint32_t limit, std::uint32_t* n,
                                  std::string* scratch, std::uint32_t extra_tokens) {
  *n = 0;
  if (first >= limit || !res.Starts(lex, doc, first)) return nullptr;
  std::uint32_t max_n =
      std::min(static_cast<std::uint32_t>(lex.max_words()) + extra_tokens, limit - first);
  for (std::uint32_t len = max_n; len >= 2; --len) {
    scratch->clear();
    AppendPhrase(doc, first, len, scratch);
    if (const LexiconEntry* e = lex.Find(*scratch)) {
      *n = len;
      return e;
    }
  }
  if (const LexiconEntry* e = res.Entry(lex, doc, first)) {
    *n = 1;
    return e;
  }
  return nullptr;
}

}  // namespace tkg
