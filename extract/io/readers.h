// Readers: documents from files and stdin.
//
//   - JSONL (".jsonl", ".ndjson", or --format jsonl; stdin by default): one
//     document per line, {"id", "text", "date"?, ...}; a bad line is reported
//     with its line number and the other lines still go through;
//   - plain text (anything else, or --format text): one article per file;
//     its id is the file name without directory and extension, its first
//     short line is taken as the headline by the clean stage;
//   - HTML is recognised (".html", ".htm") and refused with a clear message
//     until an HTML reader exists.
// Text must be valid UTF-8; the error names the byte offset, line and column.

#ifndef TKG_EXTRACT_IO_READERS_H_
#define TKG_EXTRACT_IO_READERS_H_

#include <cstddef>
#include <functional>
#include <string>

#include "core/result.h"
#include "extract/extractor.h"

namespace tkg {

enum class InputFormat { kAuto, kText, kJsonl };

struct ReadOptions {
  // How to read the input. kAuto decides by file extension (stdin: JSONL).
  // Default: kAuto
  InputFormat format = InputFormat::kAuto;

  // Publication date (YYYY-MM-DD or ISO-8601) for documents that carry none:
  // every text file, JSONL lines without "date". Must be valid when set.
  // Default: "" (none: relative expressions stay unresolved)
  std::string default_date;

  // Source name for documents that carry none ("Al Jazeera").
  // Default: ""
  std::string default_source;

  // Id of a plain-text document, instead of its file name.
  // Default: ""
  std::string id;
};

// One document or the reason it could not be read.
struct ReadItem {
  Result<DocumentInput> doc;
  std::size_t line = 0;  // line number in a JSONL file (1-based); 0 for a text file
  std::string id;        // the id when it could be read, even from a bad line
};

// Calls `fn` once per document of `path` ("-" for stdin), in order. Returns
// a non-OK Status only when the input as a whole cannot be read (a missing
// file, an I/O error, an HTML file, a text file with invalid UTF-8); errors
// of single JSONL lines go to `fn`. Returns early with `fn`'s Status if it is
// not OK.
Status ForEachDocument(const std::string& path, const ReadOptions& options,
                       const std::function<Status(ReadItem)>& fn);

// The format `path` would be read as under kAuto.
InputFormat DetectFormat(const std::string& path);

}  // namespace tkg

#endif  // TKG_EXTRACT_IO_READERS_H_
