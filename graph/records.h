// The values stored in the graph (docs/storage_format.md, "Values"): plain
// structs and their binary encoding. Every record starts with a version byte;
// Decode* fail with Corruption when the bytes do not decode.

#ifndef TKG_GRAPH_RECORDS_H_
#define TKG_GRAPH_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"
#include "core/model.h"
#include "core/result.h"
#include "core/span.h"
#include "core/time_anchor.h"

namespace tkg {

// The kinds of claim the store holds: the three speech kinds of the
// extractor, plus facts the newspaper states itself and facts stated inside
// another claim's content.
enum class StoredClaimKind : std::uint8_t {
  kDirect = 0,
  kIndirect = 1,
  kMixed = 2,
  kNarrated = 3,
  kReported = 4,
};
std::string_view StoredClaimKindName(StoredClaimKind k);
inline bool IsSpeech(StoredClaimKind k) {
  return k == StoredClaimKind::kDirect || k == StoredClaimKind::kIndirect ||
         k == StoredClaimKind::kMixed;
}

enum class HolderKind : std::uint8_t { kEntity = 0, kUnresolved = 1, kDocument = 2 };

struct DatedAnchor {
  TimeAnchor anchor;
  DateBasis basis = DateBasis::kUnknown;
};

struct DocRecord {
  std::string id;
  Id128 content;
  std::string title, url, source, date_text;
  std::optional<date::sys_days> dct;
  std::string extractor_version;
  std::string text;
  std::vector<std::string> warnings;
  std::string extra_json = "{}";
};

struct RoleRecord {
  std::string title;
  std::string org;  // entity id string, or empty
  std::string text;
  std::optional<date::sys_days> as_of;
  Id128 doc;
  friend bool operator==(const RoleRecord&, const RoleRecord&) = default;
};

struct EntityRecord {
  std::string id;  // "person/jens-stoltenberg"
  EntityType type = EntityType::kOther;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<RoleRecord> roles;
  // The entity this one is merged into across documents ("person/stoltenberg"
  // of an article that names only the surname -> "person/jens-stoltenberg");
  // empty when it stands for itself. Set by Store::Ingest, followed by the
  // queries (docs/storage_format.md, "Merging entities across documents").
  std::string canonical;
};

struct MentionRecord {
  std::vector<Span> spans;
  std::vector<std::string> surfaces;
};

struct StatementArg {
  std::string entity;  // entity id string, or empty
  std::string text;
};

struct StatementRecord {
  std::uint8_t kind = 1;  // 1 fact, 2 said content
  StatementArg subject;
  std::string relation_lemma, relation_text;
  StatementArg object;
  std::vector<std::pair<std::string, std::string>> args;  // (role, text)
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  DatedAnchor time;
  std::vector<std::string> entities;  // entity ids the statement mentions
  static constexpr std::uint8_t kFact = 1;
  static constexpr std::uint8_t kSaid = 2;
};

struct ClaimRecord {
  Id128 statement;
  Id128 holder;
  HolderKind holder_kind = HolderKind::kEntity;
  std::string speaker_text;
  std::string speaker_name;
  Id128 doc;
  StoredClaimKind kind = StoredClaimKind::kIndirect;
  std::string cue_text, cue_lemma;
  Span content;
  std::string content_text;
  std::vector<Span> evidence;
  DatedAnchor date;
  float confidence = 0.0F;
  std::string rule;
  bool display = false;
  Id128 parent;              // zero when none
  std::vector<Id128> about;  // entities the content mentions
};

std::string EncodeDoc(const DocRecord& r);
std::string EncodeEntity(const EntityRecord& r);
std::string EncodeMention(const MentionRecord& r);
std::string EncodeStatement(const StatementRecord& r);
std::string EncodeClaim(const ClaimRecord& r);

// `where` names the family and key for the Corruption message.
Result<DocRecord> DecodeDoc(std::string_view v, std::string_view where);
Result<EntityRecord> DecodeEntity(std::string_view v, std::string_view where);
Result<MentionRecord> DecodeMention(std::string_view v, std::string_view where);
Result<StatementRecord> DecodeStatement(std::string_view v, std::string_view where);
Result<ClaimRecord> DecodeClaim(std::string_view v, std::string_view where);

}  // namespace tkg

#endif  // TKG_GRAPH_RECORDS_H_
