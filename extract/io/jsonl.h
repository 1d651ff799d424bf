// The JSONL contract of `tkg extract` (docs/extract_format.md, after
// ../shared/docs/EXTRACT-FORMAT.md): parsing input lines, writing result and
// error lines, and reading result lines back (`tkg load`).
//
// Untrusted JSON is parsed without exceptions (nlohmann's
// allow_exceptions=false); no exception leaves these functions.

#ifndef TKG_EXTRACT_IO_JSONL_H_
#define TKG_EXTRACT_IO_JSONL_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/extract_result.h"
#include "core/result.h"
#include "extract/extractor.h"

namespace tkg {

// Parses one input line {"id", "text", "date"?, "title"?, "url"?, "source"?,
// ...}. `default_date` (a DCT, may be empty) applies when the line has no
// "date". Fails with InvalidArgument: "invalid JSON: ...", "missing \"text\"",
// "\"id\" must be a string", "bad date '...'", "invalid UTF-8 ...". A
// numeric id is accepted and written as its decimal text.
Result<DocumentInput> ParseInputLine(std::string_view line, std::string_view default_date = {});

// The id of a line, when it can be read even though the line is otherwise
// unusable; "" when not.
std::string PeekId(std::string_view line);

// One result as a single line of JSON (no newline), keys in the documented
// order. With `include_rules`, every timex, claim and fact carries the rule
// or sieve that produced it (`--explain`); claims always carry "rule".
std::string ResultToJsonLine(const ExtractResult& r, bool include_rules = true);

// {"id": ..., "error": ..., "line": N}
std::string ErrorToJsonLine(std::string_view id, std::string_view message, std::size_t line_no);

// Reads a result line back. Fails with InvalidArgument naming the field.
// An error line ({"error": ...}) fails with its message.
Result<ExtractResult> ParseResultLine(std::string_view line);

}  // namespace tkg

#endif  // TKG_EXTRACT_IO_JSONL_H_
