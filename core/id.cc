#include "core/id.h"

#include <xxhash.h>

#include <cassert>
#include <cstring>

namespace tkg {
namespace {

Id128 FromHash(XXH128_hash_t h) {
  XXH128_canonical_t canon;
  XXH128_canonicalFromHash(&canon, h);
  return Id128::FromRaw({reinterpret_cast<const char*>(canon.digest), sizeof(canon.digest)});
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendLength(XXH3_state_t* s, std::uint64_t n) {
  unsigned char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<unsigned char>(n & 0xff);
    n >>= 8;
  }
  XXH3_128bits_update(s, buf, sizeof(buf));
}

}  // namespace

Id128 Id128::Of(std::string_view bytes) {
  return FromHash(XXH3_128bits(bytes.data(), bytes.size()));
}

Id128 Id128::FromRaw(std::string_view raw) {
  assert(raw.size() == kSize);
  Id128 id;
  std::memcpy(id.bytes_.data(), raw.data(), kSize);
  return id;
}

std::optional<Id128> Id128::FromHex(std::string_view hex) {
  if (hex.size() != 2 * kSize) return std::nullopt;
  Id128 id;
  for (std::size_t i = 0; i < kSize; ++i) {
    int hi = HexValue(hex[2 * i]);
    int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    id.bytes_[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return id;
}

bool Id128::IsZero() const {
  for (auto b : bytes_) {
    if (b != 0) return false;
  }
  return true;
}

std::string Id128::Hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(2 * kSize, '0');
  for (std::size_t i = 0; i < kSize; ++i) {
    out[2 * i] = kDigits[bytes_[i] >> 4];
    out[2 * i + 1] = kDigits[bytes_[i] & 15];
  }
  return out;
}

IdBuilder::IdBuilder(std::string_view tag) {
  auto* s = XXH3_createState();
  assert(s != nullptr);
  XXH3_128bits_reset(s);
  state_ = s;
  Add(tag);
}

IdBuilder::~IdBuilder() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

IdBuilder& IdBuilder::Add(std::string_view field) {
  auto* s = static_cast<XXH3_state_t*>(state_);
  AppendLength(s, field.size());
  XXH3_128bits_update(s, field.data(), field.size());
  return *this;
}

IdBuilder& IdBuilder::AddInt(std::int64_t v) {
  auto* s = static_cast<XXH3_state_t*>(state_);
  AppendLength(s, static_cast<std::uint64_t>(v));
  return *this;
}

Id128 IdBuilder::Finish() const {
  return FromHash(XXH3_128bits_digest(static_cast<XXH3_state_t*>(state_)));
}

std::size_t Id128Hash::operator()(const Id128& id) const {
  std::size_t h;
  std::memcpy(&h, id.bytes().data(), sizeof(h));
  return h;
}

}  // namespace tkg
