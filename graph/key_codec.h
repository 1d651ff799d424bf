// Key encoding of the store (docs/storage_format.md): big-endian integers and
// order-preserving time keys, so that RocksDB's byte-wise comparator sorts
// keys by id and then chronologically.

#ifndef TKG_GRAPH_KEY_CODEC_H_
#define TKG_GRAPH_KEY_CODEC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"
#include "core/time_anchor.h"

namespace tkg::keys {

constexpr std::size_t kIdSize = Id128::kSize;
constexpr std::size_t kTimeSize = 5;

// Kind bytes of index keys.
enum class Kind : std::uint8_t {
  kStatement = 0x01,  // an event at its own time
  kSpeechAct = 0x02,  // a claim at its date (the holder said it)
  kAbout = 0x03,      // a claim whose content mentions the entity
  kDocClaim = 0x43,   // 'C': by_doc -> claim
  kDocEntity = 0x45,  // 'E': by_doc -> entity
};

// A time key: the anchor's first day and grain, or the undated key
// (FF FF FF FF FF) when the anchor has no interval.
std::string TimeKey(const TimeAnchor& a);
// The time key of the first day `d` at day grain... and of the smallest key of
// day `d` at any grain (century rank 0): the lower bound of a range query.
std::string TimeKeyLowerBound(date::sys_days d);
std::string UndatedKey();
bool IsUndated(std::string_view tk);
// The first day and grain rank of a time key; nullopt for the undated key or
// a key of the wrong size.
struct DecodedTime {
  date::sys_days day;
  std::uint8_t grain_rank;
};
std::optional<DecodedTime> DecodeTimeKey(std::string_view tk);

// Keys of each family. Arguments are ids and time keys as above.
std::string Alias(std::string_view folded_alias, const Id128& entity);
std::string AliasPrefix(std::string_view folded_alias);  // alias bytes + 00
std::string Mention(const Id128& entity, const Id128& doc);
std::string Triple(const Id128& a, const Id128& b, const Id128& c, const Id128& statement);
std::string ByHolder(const Id128& holder, std::string_view tk, const Id128& claim);
std::string ByEntityTime(const Id128& entity, std::string_view tk, Kind kind, const Id128& id);
std::string ByTime(std::string_view tk, Kind kind, const Id128& id);
std::string ByDoc(const Id128& doc, Kind kind, const Id128& id);
std::string ByStatement(const Id128& statement, const Id128& claim);

// Field access for index keys (REQUIRES: a key of that family).
Id128 IdAt(std::string_view key, std::size_t offset);
std::string_view TimeAt(std::string_view key, std::size_t offset);

// The smallest key greater than every key with prefix `p` (for
// iterate_upper_bound); empty when p is all 0xFF.
std::string PrefixSuccessor(std::string_view p);

// Lower-case hex of arbitrary bytes, for messages.
std::string Hex(std::string_view bytes);

}  // namespace tkg::keys

#endif  // TKG_GRAPH_KEY_CODEC_H_
