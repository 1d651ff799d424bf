// The vocabulary of tkg's knowledge model, shared by the extractor (which
// produces it), the store (which keeps it) and the exporters: entity types,
// claim kinds, date bases, polarity and modality. Each enum has a stable
// lower-case name used in JSON, in stored records and on the command line;
// names, not numeric values, are what files hold.

#ifndef TKG_CORE_MODEL_H_
#define TKG_CORE_MODEL_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace tkg {

enum class EntityType : std::uint8_t { kPerson, kOrg, kPlace, kGroup, kOther };
enum class ClaimKind : std::uint8_t { kDirect, kIndirect, kMixed };
// How a claim's or a fact's date was established (EXTRACT-FORMAT.md).
enum class DateBasis : std::uint8_t { kUnknown, kExplicit, kPublication, kInferred };
enum class Polarity : std::uint8_t { kPositive, kNegative };
enum class Modality : std::uint8_t { kAsserted, kFuture, kPossible, kConditional, kPending };
enum class TimexType : std::uint8_t { kDate, kTime, kDuration, kSet };

// "PERSON", "ORG", "PLACE", "GROUP", "OTHER" (upper case, as in the JSONL).
std::string_view EntityTypeName(EntityType t);
std::optional<EntityType> EntityTypeFromName(std::string_view name);
// The id prefix of a type: "person", "org", "place", "group", "other".
std::string_view EntityTypePrefix(EntityType t);

std::string_view ClaimKindName(ClaimKind k);  // "direct", "indirect", "mixed"
std::optional<ClaimKind> ClaimKindFromName(std::string_view name);

std::string_view DateBasisName(DateBasis b);  // "unknown", "explicit", "publication", "inferred"
std::optional<DateBasis> DateBasisFromName(std::string_view name);

std::string_view PolarityName(Polarity p);  // "positive", "negative"
std::optional<Polarity> PolarityFromName(std::string_view name);

// "asserted", "future", "possible", "conditional", "pending"
std::string_view ModalityName(Modality m);
std::optional<Modality> ModalityFromName(std::string_view name);

std::string_view TimexTypeName(TimexType t);  // "DATE", "TIME", "DURATION", "SET"
std::optional<TimexType> TimexTypeFromName(std::string_view name);

}  // namespace tkg

#endif  // TKG_CORE_MODEL_H_
