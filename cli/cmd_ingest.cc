// tkg ingest: extracts documents and stores them in the database, one atomic
// write per document. Re-running it on the same input changes nothing; a
// document whose text changed replaces its earlier version.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/extraction.h"
#include "cli/output.h"
#include "graph/store.h"

namespace tkg::cli {
namespace {

struct Tally {
  std::size_t added = 0, replaced = 0, unchanged = 0, failed = 0;
  std::size_t claims = 0, facts = 0, entities = 0;
  std::size_t done() const { return added + replaced + unchanged + failed; }
};

void Progress(const Tally& t, bool final) {
  std::fprintf(stderr, "\r%zu documents: %zu added, %zu replaced, %zu unchanged, %zu failed%s",
               t.done(), t.added, t.replaced, t.unchanged, t.failed, final ? "\n" : "");
  std::fflush(stderr);
}

Status RunIngest(const Flags& flags) {
  std::vector<std::string> inputs = flags.positional();
  if (inputs.empty()) return Status::Usage("no input: give FILE... or - for JSONL on stdin");
  auto options = ExtractionOptionsFromFlags(flags);
  if (!options.ok()) return options.status();
  ExtractionOptions eo = std::move(*options);
  eo.keep_text = true;
  if (!eo.read.id.empty() && inputs.size() > 1) {
    return Status::Usage("--id names one document; give a single FILE with it");
  }
  auto extractor = ExtractorFromFlags(flags);
  if (!extractor.ok()) return extractor.status();
  std::string version = (*extractor)->version();

  std::string db_path = DatabasePath(flags);
  auto store = OpenForWrite(flags);
  if (!store.ok()) return store.status();

  bool progress = StderrIsTerminal() && !flags.Has("quiet");
  Tally t;
  auto start = std::chrono::steady_clock::now();
  auto last_sync = start;
  Status s = ExtractAll(inputs, eo, **extractor, [&](Extracted& x) -> Status {
    if (!x.result.ok()) {
      ++t.failed;
      if (progress) std::fputc('\n', stderr);
      PrintError(x.where + ": " + x.result.status().message());
      return Status();
    }
    const ExtractResult& r = *x.result;
    bool empty =
        std::find(r.warnings.begin(), r.warnings.end(), "empty document") != r.warnings.end();
    if (empty) {
      ++t.failed;
      if (progress) std::fputc('\n', stderr);
      PrintError(x.where + ": empty document (nothing to ingest)");
      return Status();
    }
    for (const std::string& w : r.warnings) PrintWarning(x.where + ": " + w);
    auto outcome = (*store)->Ingest(r, x.text, version);
    if (!outcome.ok()) {
      // A storage failure is not a bad document: stop, keeping what is stored.
      return outcome.status().WithPrefix(x.where);
    }
    switch (*outcome) {
      case IngestOutcome::kAdded:
        ++t.added;
        break;
      case IngestOutcome::kReplaced:
        ++t.replaced;
        break;
      case IngestOutcome::kUnchanged:
        ++t.unchanged;
        break;
    }
    t.claims += r.claims.size();
    t.facts += r.facts.size();
    t.entities += r.entities.size();
    auto now = std::chrono::steady_clock::now();
    if (now - last_sync > std::chrono::seconds(5)) {
      TKG_RETURN_IF_ERROR((*store)->SyncWal());
      last_sync = now;
    }
    if (progress && t.done() % 50 == 0) Progress(t, false);
    return Status();
  });
  Status synced = (*store)->SyncWal();
  if (progress) Progress(t, true);
  if (!s.ok()) return s;
  if (!synced.ok()) return synced;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "ingested %zu document%s into %s: %zu added, %zu replaced, %zu unchanged, %zu failed "
      "(%zu claims, %zu facts, %zu entities) in %.2f s\n",
      t.done(), t.done() == 1 ? "" : "s", db_path.c_str(), t.added, t.replaced, t.unchanged,
      t.failed, t.claims, t.facts, t.entities, secs);
  if (t.failed > 0) {
    return Status::InvalidArgument(std::to_string(t.failed) +
                                   " document(s) could not be ingested; the others are stored");
  }
  return Status();
}

}  // namespace

Command IngestCommand() {
  std::vector<FlagSpec> flags = ExtractionFlags();
  flags.push_back(
      {"id", true, "ID", "document id for a single text file (default: its file name)"});
  flags.push_back({"sync", false, "", "fsync every document (survives power loss; slower)"});
  flags.push_back({"quiet", false, "", "no progress line"});
  flags.push_back(DbFlag());
  return Command{"ingest", "FILE...|- [--date D] [--source S] [--db DIR] [--sync]",
                 "extract articles (text, JSONL or HTML) and store them in the database",
                 std::move(flags), RunIngest};
}

}  // namespace tkg::cli
