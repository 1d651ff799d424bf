// tkg extract: the stateless JSONL filter of docs/formats.md. Reads documents
// (JSONL on stdin by default, or files), writes one result line per input
// document in input order, and touches no database.

#include <iostream>

#include "cli/command.h"
#include "cli/extraction.h"
#include "extract/io/jsonl.h"

namespace tkg::cli {
namespace {

Status RunExtract(const Flags& flags) {
  auto eo = ExtractionOptionsFromFlags(flags);
  if (!eo.ok()) return eo.status();
  eo->read.html_text_field = true;  // an HTML page's spans point into the text taken from it
  bool explain = flags.Has("explain");
  auto extractor = ExtractorFromFlags(flags);
  if (!extractor.ok()) return extractor.status();

  std::vector<std::string> inputs = flags.positional();
  if (inputs.empty()) inputs.push_back("-");
  std::size_t failures = 0;
  Status s = ExtractAll(inputs, *eo, **extractor, [&](Extracted& x) {
    if (x.result.ok()) {
      std::cout << ResultToJsonLine(*x.result, explain) << '\n';
      for (const std::string& w : x.result->warnings) PrintWarning(x.where + ": " + w);
    } else {
      ++failures;
      PrintError(x.where + ": " + x.result.status().message());
      std::cout << ErrorToJsonLine(x.id, x.result.status().message(), x.line) << '\n';
    }
    return Status();
  });
  std::cout.flush();
  if (!s.ok()) return s;
  if (failures > 0) {
    return Status::InvalidArgument(std::to_string(failures) +
                                   " document(s) could not be processed (see the error lines)");
  }
  return Status();
}

}  // namespace

Command ExtractCommand() {
  std::vector<FlagSpec> flags = ExtractionFlags();
  flags.push_back({"explain", false, "", "add the rule behind every timex and fact"});
  return Command{"extract",
                 "[FILE...] [--date D] [--source S] [--format F] [--threads N] [--explain]",
                 "extract facts, claims, entities and time expressions as JSONL (no database)",
                 std::move(flags), RunExtract};
}

}  // namespace tkg::cli
