// Id128: the 16-byte content ids of tkg (documents, entities, statements,
// claims, relations). An id is the XXH3-128 hash of an object's canonical
// bytes, written in xxHash's canonical (big-endian) form.
//
// Why XXH3-128 (libxxhash, Debian libxxhash-dev):
//  - its output is frozen since xxHash 0.8.0 and defined byte for byte by the
//    canonical form, so two machines, two shards or two releases compute the
//    same id for the same object: re-ingesting rewrites the same keys and
//    independently built shards merge without coordination;
//  - 128 bits make accidental collisions negligible (about n^2 / 2^129: below
//    1e-14 for a trillion objects), where 64 bits would not be for a large
//    corpus;
//  - it hashes at memory speed, so ids cost nothing next to extraction.
// It is not a cryptographic hash: someone who controls the input can craft
// collisions. tkg's ids name content for deduplication; they are not a
// security boundary.
//
// IdBuilder hashes several fields; each field is length-prefixed, so
// ("ab", "c") and ("a", "bc") give different ids.

#ifndef TKG_CORE_ID_H_
#define TKG_CORE_ID_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tkg {

class Id128 {
 public:
  static constexpr std::size_t kSize = 16;

  // The all-zero id, used as "none".
  Id128() = default;

  // The hash of `bytes` (one field, no length prefix).
  static Id128 Of(std::string_view bytes);
  // Reinterprets 16 raw bytes. REQUIRES: raw.size() == kSize.
  static Id128 FromRaw(std::string_view raw);
  // Parses 32 lowercase or uppercase hex digits; nullopt otherwise.
  static std::optional<Id128> FromHex(std::string_view hex);

  bool IsZero() const;
  std::string_view raw() const {
    return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()};
  }
  std::string Hex() const;  // 32 lowercase hex digits
  const std::array<std::uint8_t, kSize>& bytes() const { return bytes_; }

  friend bool operator==(const Id128&, const Id128&) = default;
  friend auto operator<=>(const Id128&, const Id128&) = default;

 private:
  std::array<std::uint8_t, kSize> bytes_{};
};

// Hashes a sequence of fields into one Id128.
//   Id128 id = IdBuilder("claim").Add(doc.raw()).Add(holder.raw()).Finish();
// The tag names the kind of object so that different kinds never share ids.
class IdBuilder {
 public:
  explicit IdBuilder(std::string_view tag);
  ~IdBuilder();
  IdBuilder(const IdBuilder&) = delete;
  IdBuilder& operator=(const IdBuilder&) = delete;

  IdBuilder& Add(std::string_view field);
  IdBuilder& Add(const Id128& id) { return Add(id.raw()); }
  IdBuilder& AddInt(std::int64_t v);
  Id128 Finish() const;

 private:
  void* state_;  // XXH3_state_t*, kept opaque so users need not include xxhash.h
};

struct Id128Hash {
  std::size_t operator()(const Id128& id) const;
};

}  // namespace tkg

#endif  // TKG_CORE_ID_H_
