// tkg extract: the stateless JSONL filter of docs/formats.md. Reads documents
// (JSONL on stdin by default, or files), writes one result line per input
// document in input order, and touches no database.

#include <algorithm>
#include <iostream>
#include <thread>

#include "cli/command.h"
#include "cli/extraction.h"
#include "extract/io/jsonl.h"

namespace tkg::cli {
namespace {

Status RunExtract(const Flags& flags) {
  ExtractionOptions eo;
  auto fmt = ParseFormatFlag(flags.Get("format"));
  if (!fmt.ok()) return fmt.status();
  eo.read.format = *fmt;
  eo.read.default_date = flags.Get("date");
  eo.read.default_source = flags.Get("source");
  if (!eo.read.default_date.empty()) {
    auto d = ParseIsoDay(eo.read.default_date);
    if (!d.ok()) return Status::Usage("--date: " + d.status().message());
  }
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  auto threads = flags.GetInt("threads", static_cast<long>(std::min(hw, 8u)), 1, 256);
  if (!threads.ok()) return threads.status();
  eo.threads = static_cast<std::size_t>(*threads);
  bool explain = flags.Has("explain");

  ExtractorOptions xo;
  xo.data_dir = flags.Get("data");
  auto extractor = Extractor::Create(xo);
  if (!extractor.ok()) return extractor.status();

  std::vector<std::string> inputs = flags.positional();
  if (inputs.empty()) inputs.push_back("-");
  std::size_t failures = 0;
  Status s = ExtractAll(inputs, eo, **extractor, [&](Extracted& x) {
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
  return Command{
      "extract",
      "[FILE...] [--date D] [--source S] [--format F] [--threads N] [--explain]",
      "extract facts, claims, entities and time expressions as JSONL (no database)",
      {{"date", true, "D", "publication date for documents without one (YYYY-MM-DD)"},
       {"source", true, "S", "source name for documents without one"},
       {"format", true, "F", "input format: auto (by extension; stdin is JSONL), text, jsonl"},
       {"threads", true, "N", "worker threads (default: cores, at most 8)"},
       {"explain", false, "", "add the rule behind every timex and fact"},
       DataFlag()},
      RunExtract};
}

}  // namespace tkg::cli
