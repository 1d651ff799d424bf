// tkg load: stores the JSONL output of `tkg extract` (the reduce step of a
// scale-out run: extract on many machines, load the results here). Error
// lines and unreadable lines are reported and skipped. Loading the same
// results again changes nothing.

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "core/id.h"
#include "core/text.h"
#include "extract/io/jsonl.h"
#include "graph/store.h"

namespace tkg::cli {
namespace {

Status RunLoad(const Flags& flags) {
  std::vector<std::string> inputs = flags.positional();
  if (inputs.empty()) inputs.push_back("-");
  std::string db_path = DatabasePath(flags);
  auto store = OpenForWrite(flags);
  if (!store.ok()) return store.status();
  std::size_t added = 0, replaced = 0, unchanged = 0, failed = 0;
  for (const std::string& path : inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        ++failed;
        PrintError("no such file: " + path);
        continue;
      }
      in = &file;
    }
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(*in, line)) {
      ++line_no;
      if (TrimSpace(line).empty()) continue;
      std::string where = (path == "-" ? "<stdin>" : path) + ":" + std::to_string(line_no);
      auto r = ParseResultLine(line);
      if (!r.ok()) {
        ++failed;
        PrintError(where + ": " + r.status().message());
        continue;
      }
      // The result line itself identifies this version of the document.
      std::string version = "load " + Id128::Of(line).Hex();
      auto outcome = (*store)->Ingest(*r, "", version);
      if (!outcome.ok()) return outcome.status().WithPrefix(where);
      if (*outcome == IngestOutcome::kAdded) ++added;
      if (*outcome == IngestOutcome::kReplaced) ++replaced;
      if (*outcome == IngestOutcome::kUnchanged) ++unchanged;
    }
  }
  TKG_RETURN_IF_ERROR((*store)->SyncWal());
  std::printf("loaded %zu results into %s: %zu added, %zu replaced, %zu unchanged, %zu failed\n",
              added + replaced + unchanged + failed, db_path.c_str(), added, replaced, unchanged,
              failed);
  if (failed > 0) return Status::InvalidArgument(std::to_string(failed) + " line(s) not loaded");
  return Status();
}

}  // namespace

Command LoadCommand() {
  return Command{"load",
                 "[FILE...] [--db DIR] [--sync]",
                 "store the JSONL output of 'tkg extract' (documents keep no text)",
                 {{"sync", false, "", "fsync every document"}, DbFlag()},
                 RunLoad};
}

}  // namespace tkg::cli
