#include "core/model.h"

#include <array>

namespace tkg {
namespace {

template <typename E, std::size_t N>
std::optional<E> FromName(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view ToName(const std::array<std::string_view, N>& names, E e) {
  auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : std::string_view("unknown");
}

constexpr std::array<std::string_view, 5> kEntityTypes = {"PERSON", "ORG", "PLACE", "GROUP",
                                                          "OTHER"};
constexpr std::array<std::string_view, 5> kEntityPrefixes = {"person", "org", "place", "group",
                                                             "other"};
constexpr std::array<std::string_view, 3> kClaimKinds = {"direct", "indirect", "mixed"};
constexpr std::array<std::string_view, 4> kDateBases = {"unknown", "explicit", "publication",
                                                        "inferred"};
constexpr std::array<std::string_view, 2> kPolarities = {"positive", "negative"};
constexpr std::array<std::string_view, 5> kModalities = {"asserted", "future", "possible",
                                                         "conditional", "pending"};
constexpr std::array<std::string_view, 4> kTimexTypes = {"DATE", "TIME", "DURATION", "SET"};

}  // namespace

std::string_view EntityTypeName(EntityType t) { return ToName(kEntityTypes, t); }
std::optional<EntityType> EntityTypeFromName(std::string_view n) {
  return FromName<EntityType>(kEntityTypes, n);
}
std::string_view EntityTypePrefix(EntityType t) { return ToName(kEntityPrefixes, t); }
std::string_view ClaimKindName(ClaimKind k) { return ToName(kClaimKinds, k); }
std::optional<ClaimKind> ClaimKindFromName(std::string_view n) {
  return FromName<ClaimKind>(kClaimKinds, n);
}
std::string_view DateBasisName(DateBasis b) { return ToName(kDateBases, b); }
std::optional<DateBasis> DateBasisFromName(std::string_view n) {
  return FromName<DateBasis>(kDateBases, n);
}
std::string_view PolarityName(Polarity p) { return ToName(kPolarities, p); }
std::optional<Polarity> PolarityFromName(std::string_view n) {
  return FromName<Polarity>(kPolarities, n);
}
std::string_view ModalityName(Modality m) { return ToName(kModalities, m); }
std::optional<Modality> ModalityFromName(std::string_view n) {
  return FromName<Modality>(kModalities, n);
}
std::string_view TimexTypeName(TimexType t) { return ToName(kTimexTypes, t); }
std::optional<TimexType> TimexTypeFromName(std::string_view n) {
  return FromName<TimexType>(kTimexTypes, n);
}

}  // namespace tkg
