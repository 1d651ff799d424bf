// Store: tkg's knowledge graph in one RocksDB database (the layout is
// docs/storage_format.md). It ingests ExtractResults, one WriteBatch per
// document, and gives the query layer (graph/query.h) typed access to
// records and index ranges. This directory is the only code that includes
// RocksDB headers; nothing here throws.
//
// Thread-safety: one Store may be shared by threads for reads; Ingest calls
// must not overlap (one writer), which `tkg ingest` guarantees by ingesting
// from one thread.

#ifndef TKG_GRAPH_STORE_H_
#define TKG_GRAPH_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/extract_result.h"
#include "core/id.h"
#include "core/result.h"
#include "graph/records.h"

namespace tkg {

// The column families, in the order of docs/storage_format.md.
enum class Family : int {
  kMeta,
  kDocs,
  kEntities,
  kAliases,
  kMentions,
  kStatements,
  kClaims,
  kSpo,
  kPos,
  kOsp,
  kByHolder,
  kByEntityTime,
  kByTime,
  kByDoc,
  kByStatement,
  kCount,
};
std::string_view FamilyName(Family f);

// 2: entity records carry the canonical link of merges across documents.
// A version 1 database is read as it is and upgraded by the first writer
// that opens it (docs/storage_format.md, "Versions").
inline constexpr int kSchemaVersion = 2;

struct StoreOptions {
  // Create the database (and its column families) when it does not exist.
  // Default: false
  bool create_if_missing = false;

  // Open for queries only, as a RocksDB secondary instance: takes no lock,
  // so it works while another process writes, and sees the data as of Open.
  // Default: false
  bool read_only = false;

  // fsync the write-ahead log after every document (survives power loss,
  // not only a killed process). Slower.
  // Default: false
  bool sync = false;
};

enum class IngestOutcome { kAdded, kReplaced, kUnchanged };
std::string_view IngestOutcomeName(IngestOutcome o);

// Entity names for matching across documents (docs/storage_format.md,
// "Merging entities across documents").
//
// The folded keys an entity is found by in the `aliases` family: its name,
// its aliases and, for a person, the surname ("stoltenberg").
std::set<std::string> EntityAliasKeys(const EntityRecord& e);
// The folded surname of a person named by two or more words, honorifics
// dropped ("Jens Stoltenberg" -> "stoltenberg"); empty otherwise.
std::string PersonSurname(const EntityRecord& e);
// The folded name of a person named by one word only, honorifics dropped
// ("Stoltenberg", "Mr Stoltenberg" -> "stoltenberg"); empty otherwise.
std::string LoneSurname(const EntityRecord& e);

class Store {
 public:
  // Opens (or creates) the database at `path`.
  //   NotFound   no database there (and !create_if_missing or read_only)
  //   Busy       "database PATH is in use by another process" (a writer holds it)
  //   Corruption the schema version is missing or newer than this build's
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores one document's extraction, atomically. `text` is the document's
  // text (kept in its record; may be empty when only the result is known).
  // Unchanged content (same content id) writes nothing; a known document id
  // with new content replaces everything the old version contributed.
  // REQUIRES: opened for writing.
  Result<IngestOutcome> Ingest(const ExtractResult& r, std::string_view text,
                               std::string_view extractor_version);

  // Makes every acknowledged write durable against power loss.
  Status SyncWal();

  // --- read access for the query layer -----------------------------------
  Result<std::optional<DocRecord>> GetDoc(const Id128& id) const;
  Result<std::optional<EntityRecord>> GetEntity(const Id128& id) const;
  Result<std::optional<StatementRecord>> GetStatement(const Id128& id) const;
  Result<std::optional<ClaimRecord>> GetClaim(const Id128& id) const;
  Result<std::optional<MentionRecord>> GetMention(const Id128& entity, const Id128& doc) const;

  // Calls fn(key, value) for every key of `family` in [from, to) (an empty
  // `to` means "to the end"), in key order, until fn returns false.
  Status Scan(Family family, std::string_view from, std::string_view to,
              const std::function<bool(std::string_view key, std::string_view value)>& fn) const;
  // Scan over the keys starting with `prefix`.
  Status ScanPrefix(
      Family family, std::string_view prefix,
      const std::function<bool(std::string_view key, std::string_view value)>& fn) const;

  // The schema version stored in the database: kSchemaVersion, or an older
  // one a read-only store reads as it is (a writer upgrades it on open).
  Result<int> SchemaVersion() const;
  // Number of keys per family (exact; iterates).
  Result<std::map<std::string, std::uint64_t>> Counts() const;
  // The approximate size of the database files in bytes.
  std::uint64_t ApproximateBytes() const;

  const std::string& path() const { return path_; }

  // The RocksDB handles; defined in store.cc only.
  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl, std::string path);
  // Schema 1 -> 2: computes the merge link of every stored entity and
  // writes the new version, in one synced batch.
  Status MigrateToLinks();
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

}  // namespace tkg

#endif  // TKG_GRAPH_STORE_H_
