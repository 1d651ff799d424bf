// Word-level pieces shared by the tagger and the parser's features: the
// normalised form, affixes and shape of a token, hashed once per sentence.

#ifndef TKG_EXTRACT_SYNTAX_FEATURES_H_
#define TKG_EXTRACT_SYNTAX_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tkg::syntax {

struct WordKeys {
  std::uint64_t norm = 0;     // lower-cased, digits as '0'
  std::uint64_t raw = 0;      // as written
  std::uint64_t shape = 0;    // "Xx", "x-x", "d,d.d" (runs of a class kept to two)
  std::uint64_t pre[3] = {};  // prefixes of 1..3 characters (bytes for non-ASCII)
  std::uint64_t suf[4] = {};  // suffixes of 1..4
};

// The keys of one word; `scratch` avoids an allocation per call.
void ComputeWordKeys(std::string_view form, WordKeys* out, std::string* scratch);

// Only the `norm` key of ComputeWordKeys (what the parser reads).
std::uint64_t NormKey(std::string_view form, std::string* scratch);

// Keys of the pseudo-words around a sentence.
constexpr std::uint64_t kNone = 0x4E4F4E45ULL;   // a position outside the sentence
constexpr std::uint64_t kStart = 0x53544152ULL;  // before the first word
constexpr std::uint64_t kEnd = 0x454E4421ULL;    // after the last word

}  // namespace tkg::syntax

#endif  // TKG_EXTRACT_SYNTAX_FEATURES_H_
