// UTF-8 helpers shared by every library: validation with the offending byte
// offset, code point decoding, and the forgiving "fold" used to match names
// (case, diacritics and quote variants ignored: "Kačer" = "KACER",
// "NATO’s" = "nato's").
//
// None of these allocate except the functions returning std::string.

#ifndef TKG_CORE_TEXT_H_
#define TKG_CORE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tkg {

// The byte offset of the first byte that does not start a well-formed UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// ill-formed), or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// Decodes the code point starting at text[pos] into *cp and returns its
// length in bytes (1..4). An ill-formed sequence decodes as U+FFFD of length 1.
// REQUIRES: pos < text.size().
int DecodeUtf8(std::string_view text, std::size_t pos, char32_t* cp);

// Appends the UTF-8 encoding of `cp` to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Letters and case for the scripts news in English uses (ASCII, Latin-1,
// Latin Extended-A/B, Greek, Cyrillic); other code points are "other".
bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);

// The matching form of a name or word: ASCII lower case, Latin letters with
// diacritics folded to ASCII (ß -> ss, æ -> ae), curly apostrophes to ',
// dashes to '-', runs of whitespace to one space, trimmed. Other code points
// are kept as they are.
std::string Fold(std::string_view text);
// Appends Fold(text) to *out without a temporary.
void AppendFold(std::string_view text, std::string* out);

// A URL- and id-safe form: Fold(), then every run of characters other than
// [a-z0-9] becomes one '-', trimmed of '-' ("Jens Stoltenberg" ->
// "jens-stoltenberg"). Non-Latin letters are kept as UTF-8.
std::string Slug(std::string_view text);

// True when `a` and `b` are equal ignoring ASCII case.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// Trims ASCII whitespace and U+00A0 (no-break space) at both ends.
std::string_view TrimSpace(std::string_view s);

}  // namespace tkg

#endif  // TKG_CORE_TEXT_H_
