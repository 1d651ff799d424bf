// Readers: documents from files and stdin.
//
//   - JSONL (".jsonl", ".ndjson", or --format jsonl; stdin by default): one
//     document per line, {"id", "text", "date"?, ...}; a bad line is reported
//     with its line number and the other lines still go through;
//   - plain text (anything else, or --format text): one article per file;
//     its id is the file name without directory and extension, its first
//     short line is taken as the headline by the clean stage;
//   - HTML (".html", ".htm", or --format html): one article per file, its
//     text and metadata taken from the page by HtmlToText() (html.h); the
//     page's own date, title, URL and site name win over the defaults.
// Text must be valid UTF-8; the error names the byte offset, line and column.

#ifndef TKG_EXTRACT_IO_READERS_H_
#define TKG_EXTRACT_IO_READERS_H_

#include <cstddef>
#include <functional>
#include <string>

#include "core/result.h"
#include "extract/extractor.h"

namespace tkg {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

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

  // Carry the text taken from an HTML page as a "text" field to the output
  // (DocumentInput::extra_json), so that the spans of `tkg extract`'s output
  // can be read against it; `tkg ingest` stores the text anyway.
  // Default: false
  bool html_text_field = false;
};

// One document or the reason it could not be read.
struct ReadItem {
  Result<DocumentInput> doc;
  std::size_t line = 0;  // line number in a JSONL file (1-based); 0 for a text file
  std::string id;        // the id when it could be read, even from a bad line
};

// Calls `fn` once per document of `path` ("-" for stdin), in order. Returns
// a non-OK Status only when the input as a whole cannot be read (a missing
// file, an I/O error, a text or HTML file with invalid UTF-8, an HTML page in
// an encoding tkg does not read); errors
// of single JSONL lines go to `fn`. Returns early with `fn`'s Status if it is
// not OK.
Status ForEachDocument(const std::string& path, const ReadOptions& options,
                       const std::function<Status(ReadItem)>& fn);

// The format `path` would be read as under kAuto.
InputFormat DetectFormat(const std::string& path);

}  // namespace tkg

#endif  // TKG_EXTRACT_IO_READERS_H_
