// Extraction over many inputs for `tkg extract` and `tkg ingest`: reads the
// inputs in order, extracts batches of documents on worker threads, and hands
// the results to a sink in input order, one at a time (so a single writer can
// store them).

#ifndef TKG_CLI_EXTRACTION_H_
#define TKG_CLI_EXTRACTION_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/flags.h"
#include "core/extract_result.h"
#include "core/result.h"
#include "extract/extractor.h"
#include "extract/io/readers.h"

namespace tkg::cli {

struct Extracted {
  std::string where;  // "file.jsonl:12" or "file.txt", for messages
  std::string id;     // document id, "" when unknown
  std::size_t line = 0;
  Result<ExtractResult> result = Status::InvalidArgument("not extracted");
  std::string text;  // the document's text, when keep_text
};

struct ExtractionOptions {
  ReadOptions read;
  std::size_t threads = 1;
  bool keep_text = false;
};

// Calls `sink` for every document of every input, in order. A whole input
// that cannot be read (missing file, HTML, invalid UTF-8 in a text file) is
// passed to `sink` as one failed item with line 0. Stops early when `sink`
// returns non-OK.
Status ExtractAll(const std::vector<std::string>& inputs, const ExtractionOptions& options,
                  const Extractor& extractor, const std::function<Status(Extracted&)>& sink);

// The flags `tkg extract` and `tkg ingest` share: --date, --source,
// --format, --threads, --data.
std::vector<FlagSpec> ExtractionFlags();

// ExtractionOptions from those flags (--id too, when given). Usage errors
// name the flag.
Result<ExtractionOptions> ExtractionOptionsFromFlags(const Flags& flags);

// The extractor over --data (else $TKG_DATA, else the built-in path).
Result<std::unique_ptr<Extractor>> ExtractorFromFlags(const Flags& flags);

}  // namespace tkg::cli

#endif  // TKG_CLI_EXTRACTION_H_
