#include "graph/key_codec.h"

namespace tkg::keys {
namespace {

void PutU32BE(std::uint32_t v, std::string* out) {
  out->push_back(static_cast<char>(v >> 24));
  out->push_back(static_cast<char>((v >> 16) & 0xff));
  out->push_back(static_cast<char>((v >> 8) & 0xff));
  out->push_back(static_cast<char>(v & 0xff));
}

std::uint32_t GetU32BE(std::string_view s) {
  auto b = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i]));
  };
  return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

std::string DayKey(date::sys_days d, std::uint8_t rank) {
  std::string out;
  out.reserve(kTimeSize);
  auto days = static_cast<std::int32_t>(DayNumber(d));
  PutU32BE(static_cast<std::uint32_t>(days) ^ 0x80000000u, &out);
  out.push_back(static_cast<char>(rank));
  return out;
}

}  // namespace

std::string TimeKey(const TimeAnchor& a) {
  if (!a.has_interval()) return UndatedKey();
  return DayKey(a.begin, static_cast<std::uint8_t>(a.grain));
}

std::string TimeKeyLowerBound(date::sys_days d) { return DayKey(d, 0); }

std::string UndatedKey() { return std::string(kTimeSize, '\xff'); }

bool IsUndated(std::string_view tk) { return tk == UndatedKey(); }

std::optional<DecodedTime> DecodeTimeKey(std::string_view tk) {
  if (tk.size() != kTimeSize || IsUndated(tk)) return std::nullopt;
  auto days = static_cast<std::int32_t>(GetU32BE(tk) ^ 0x80000000u);
  return DecodedTime{DayFromNumber(days), static_cast<std::uint8_t>(tk[4])};
}

std::string Alias(std::string_view folded_alias, const Id128& entity) {
  std::string k = AliasPrefix(folded_alias);
  k.append(entity.raw());
  return k;
}

std::string AliasPrefix(std::string_view folded_alias) {
  std::string k(folded_alias);
  k.push_back('\0');
  return k;
}

std::string Mention(const Id128& entity, const Id128& doc) {
  std::string k(entity.raw());
  k.append(doc.raw());
  return k;
}

std::string Triple(const Id128& a, const Id128& b, const Id128& c, const Id128& statement) {
  std::string k;
  k.reserve(4 * kIdSize);
  k.append(a.raw()).append(b.raw()).append(c.raw()).append(statement.raw());
  return k;
}

std::string ByHolder(const Id128& holder, std::string_view tk, const Id128& claim) {
  std::string k(holder.raw());
  k.append(tk).append(claim.raw());
  return k;
}

std::string ByEntityTime(const Id128& entity, std::string_view tk, Kind kind, const Id128& id) {
  std::string k(entity.raw());
  k.append(tk);
  k.push_back(static_cast<char>(kind));
  k.append(id.raw());
  return k;
}

std::string ByTime(std::string_view tk, Kind kind, const Id128& id) {
  std::string k(tk);
  k.push_back(static_cast<char>(kind));
  k.append(id.raw());
  return k;
}

std::string ByDoc(const Id128& doc, Kind kind, const Id128& id) {
  std::string k(doc.raw());
  k.push_back(static_cast<char>(kind));
  k.append(id.raw());
  return k;
}

std::string ByStatement(const Id128& statement, const Id128& claim) {
  std::string k(statement.raw());
  k.append(claim.raw());
  return k;
}

Id128 IdAt(std::string_view key, std::size_t offset) {
  return Id128::FromRaw(key.substr(offset, kIdSize));
}

std::string_view TimeAt(std::string_view key, std::size_t offset) {
  return key.substr(offset, kTimeSize);
}

std::string PrefixSuccessor(std::string_view p) {
  std::string s(p);
  while (!s.empty()) {
    auto c = static_cast<unsigned char>(s.back());
    if (c != 0xff) {
      s.back() = static_cast<char>(c + 1);
      return s;
    }
    s.pop_back();
  }
  return s;
}

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto u = static_cast<unsigned char>(c);
    out.push_back(kDigits[u >> 4]);
    out.push_back(kDigits[u & 15]);
  }
  return out;
}

}  // namespace tkg::keys
