#include "core/id.h"

#include <gtest/gtest.h>

namespace tkg {
namespace {

TEST(Id128, KnownValueIsStableAcrossBuilds) {
  // XXH3-128 of the empty input, canonical form (xxHash's published test
  // vector 0x99aa06d3014798d86001c324468d497f): ids must never change.
  EXPECT_EQ(Id128::Of("").Hex(), "99aa06d3014798d86001c324468d497f");
}

TEST(Id128, HexRoundTrip) {
  Id128 id = Id128::Of("NATO");
  auto back = Id128::FromHex(id.Hex());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, id);
  EXPECT_FALSE(Id128::FromHex("xyz").has_value());
  EXPECT_FALSE(Id128::FromHex(std::string(32, 'g')).has_value());
  EXPECT_TRUE(Id128().IsZero());
  EXPECT_FALSE(id.IsZero());
}

TEST(IdBuilder, FieldsAreLengthPrefixed) {
  Id128 a = IdBuilder("t").Add("ab").Add("c").Finish();
  Id128 b = IdBuilder("t").Add("a").Add("bc").Finish();
  Id128 c = IdBuilder("u").Add("ab").Add("c").Finish();
  Id128 a2 = IdBuilder("t").Add("ab").Add("c").Finish();
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(a, a2);
}

}  // namespace
}  // namespace tkg
