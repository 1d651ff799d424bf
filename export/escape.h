// Text helpers shared by the exporters: making arbitrary stored text safe for
// the formats it ends up in (DOT strings, HTML inside TimelineJS JSON, JSON
// itself) and cutting it to a length counted in characters, never splitting
// a UTF-8 sequence.
//
// The store holds text as the articles gave it. It should be valid UTF-8, but
// the exporters do not rely on that: every helper here turns an ill-formed
// byte into U+FFFD, so the output is always valid UTF-8.

#ifndef TKG_EXPORT_ESCAPE_H_
#define TKG_EXPORT_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/model.h"

namespace tkg {

// `s` with every ill-formed UTF-8 byte replaced by U+FFFD; other bytes are
// kept. Returns `s` unchanged (one copy) when it is valid.
std::string ValidUtf8(std::string_view s);

// Text for display on one or more lines: valid UTF-8 (as ValidUtf8), '\r'
// dropped, '\t' turned into a space, other C0 and C1 control characters and
// DEL dropped. '\n' is kept. Format characters such as U+200F (RTL mark) are
// kept: they are text, not control.
std::string CleanText(std::string_view s);

// The number of code points of `s` (ill-formed bytes count one each).
std::size_t CountChars(std::string_view s);

// `s` cut to at most `max_chars` code points. When it is cut, it ends at a
// space if one is among the last 16 bytes kept (no word is split then),
// trailing whitespace is removed and "…" (U+2026) is appended, the ellipsis
// counting as one of the `max_chars`. max_chars == 0 means no limit.
std::string CutChars(std::string_view s, std::size_t max_chars);

// `s` wrapped at spaces so that lines hold at most about `width` code points
// (a longer word stays whole on its own line). Existing '\n' are kept.
// width == 0 returns `s` unchanged.
std::string WrapWords(std::string_view s, std::size_t width);

// CleanText(s) with &, <, >, " and ' written as HTML character references,
// safe as HTML element content and inside a quoted attribute value.
std::string HtmlEscape(std::string_view s);

// A confidence rounded to two decimals (0.8500001 -> 0.85).
double RoundConfidence(float c);

// A fact's relation as a reader should see it: "not " + relation for a
// negative fact, unless the words already say so ("does not have").
std::string RelationLabel(std::string_view relation, Polarity polarity);

}  // namespace tkg

#endif  // TKG_EXPORT_ESCAPE_H_
