// Extractor: the extraction pipeline as one pure function, text in and
// ExtractResult out (ARCHITECTURE.md section 1: extract/ never touches the
// store). `tkg extract`, `tkg ingest` and the tests all go through it.
//
// Thread-safety: an Extractor is immutable after Create(); Extract() may be
// called from several threads at once.

#ifndef TKG_EXTRACT_EXTRACTOR_H_
#define TKG_EXTRACT_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/extract_result.h"
#include "core/result.h"
#include "extract/document.h"
#include "extract/pipeline.h"
#include "extract/resources.h"

namespace tkg {

// A document as read from a file or a JSONL line, before extraction.
struct DocumentInput {
  DocumentMeta meta;
  std::string text;
  // Input fields other than id, text, date, title, url and source, as the
  // text of a JSON object ("{}" when none); carried through to the output.
  std::string extra_json = "{}";
};

struct ExtractorOptions {
  // Directory holding <lang>/ data files.
  // Default: DataDirectory("") ($TKG_DATA or the source tree's extract/data)
  std::string data_dir;

  // Language sub-directory of data_dir.
  // Default: "en"
  std::string lang = "en";

  // Documents larger than this are refused with InvalidArgument, so one
  // runaway input cannot exhaust memory. Spans are 32-bit, so the hard limit
  // is 4 GiB.
  // Default: 64 MiB
  std::size_t max_document_bytes = 64u << 20;

  // The stages to run, in order (names as in extract/stages.h).
  // Default: {} (DefaultStageNames())
  std::vector<std::string_view> stages;
};

class Extractor {
 public:
  // Loads the data files and builds the default pipeline. Fails with the
  // data file's error ("path:line: reason") or NotFound when the data
  // directory is missing.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);

  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Runs every stage on `input` and returns the annotated Document.
  // InvalidArgument for an empty id, invalid UTF-8 (naming the byte offset)
  // or a document over max_document_bytes.
  Result<Document> Annotate(DocumentInput input) const;

  // Annotate(), then the JSONL-contract view of the result.
  Result<ExtractResult> Extract(DocumentInput input) const;

  // "tkg 0.1.0 data 3f2a...": changes when the code or any data file does.
  std::string version() const;

  const Pipeline& pipeline() const { return pipeline_; }
  const std::shared_ptr<const Resources>& resources() const { return res_; }

 private:
  Extractor(ExtractorOptions options, std::shared_ptr<const Resources> res, Pipeline pipeline,
            std::string version)
      : options_(std::move(options)),
        res_(std::move(res)),
        pipeline_(std::move(pipeline)),
        version_(std::move(version)) {}

  ExtractorOptions options_;
  std::shared_ptr<const Resources> res_;
  Pipeline pipeline_;
  std::string version_;
};

// The ExtractResult view of an annotated document: local ids ("t1", "c1",
// "f1"), spans with their text, entity ids instead of indices.
ExtractResult ToExtractResult(const Document& doc);

// "where" in a message about byte `offset` of `text`: "line 3, column 14".
std::string DescribePosition(std::string_view text, std::size_t offset);

}  // namespace tkg

#endif  // TKG_EXTRACT_EXTRACTOR_H_
