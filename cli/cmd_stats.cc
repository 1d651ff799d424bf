// tkg stats: what the database holds.

#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "export/json_views.h"

namespace tkg::cli {
namespace {

Status RunStats(const Flags& flags) {
  auto store = OpenForQuery(flags);
  if (!store.ok()) return store.status();
  auto counts = (*store)->Counts();
  if (!counts.ok()) return counts.status();
  auto schema = (*store)->SchemaVersion();
  if (!schema.ok()) return schema.status();
  std::uint64_t bytes = (*store)->ApproximateBytes();
  const auto& c = *counts;
  auto get = [&](const char* k) {
    auto it = c.find(k);
    return it == c.end() ? std::uint64_t{0} : it->second;
  };
  if (flags.Has("json") || flags.Has("jsonl")) {
    ojson j;
    j["database"] = (*store)->path();
    j["schema_version"] = *schema;
    j["documents"] = get("docs");
    j["entities"] = get("entities");
    j["statements"] = get("statements");
    j["claims"] = get("claims");
    j["bytes"] = bytes;
    ojson fam;
    for (const auto& [k, v] : c) fam[k] = v;
    j["families"] = fam;
    std::cout << j.dump(flags.Has("jsonl") ? -1 : 2) << "\n";
    return Status();
  }
  std::printf("database    %s (schema %d, %.1f MB)\n", (*store)->path().c_str(), *schema,
              static_cast<double>(bytes) / 1e6);
  std::printf("documents   %llu\nentities    %llu\nstatements  %llu\nclaims      %llu\n",
              static_cast<unsigned long long>(get("docs")),
              static_cast<unsigned long long>(get("entities")),
              static_cast<unsigned long long>(get("statements")),
              static_cast<unsigned long long>(get("claims")));
  std::printf("\nkeys per column family:\n");
  for (const auto& [k, v] : c)
    std::printf("  %-16s %llu\n", k.c_str(), static_cast<unsigned long long>(v));
  return Status();
}

}  // namespace

Command StatsCommand() {
  return Command{"stats",
                 "[--json|--jsonl]",
                 "what the database holds",
                 {JsonFlag(), JsonlFlag(), DbFlag()},
                 RunStats};
}

}  // namespace tkg::cli
