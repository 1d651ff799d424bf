#include "graph/key_codec.h"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

namespace tkg {
namespace {

using namespace date::literals;

TEST(KeyCodec, TimeKeysSortChronologicallyWithNegativeYears) {
  std::vector<TimeAnchor> in = {
      DayAnchor(date::sys_days{2022_y / 11 / 29}),
      AnchorFromValue("-0044-03-15"),
      YearAnchor(date::year{2008}),
      DayAnchor(date::sys_days{2008_y / 1 / 1}),
      AnchorFromValue("0001-01-01"),
      MonthAnchor(2022_y / 11),
      AnchorFromValue("-1200"),
      ValueOnlyAnchor("FUTURE_REF"),
      CenturyAnchor(1900),
      AnchorFromValue("2022-W48"),
  };
  std::vector<std::string> keys;
  for (const TimeAnchor& a : in) keys.push_back(keys::TimeKey(a));
  std::vector<std::size_t> idx(in.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(),
            [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<std::string> order;
  for (std::size_t i : idx) order.push_back(in[i].value);
  EXPECT_EQ(order, (std::vector<std::string>{"-1200", "-0044-03-15", "0001-01-01", "19", "2008",
                                             "2008-01-01", "2022-11", "2022-W48", "2022-11-29",
                                             "FUTURE_REF"}));
}

TEST(KeyCodec, TimeKeyRoundTrip) {
  for (const char* v : {"2022-11-29", "-0044-03-15", "2008", "1970-01-01", "1969-12-31"}) {
    TimeAnchor a = AnchorFromValue(v);
    std::string k = keys::TimeKey(a);
    ASSERT_EQ(k.size(), keys::kTimeSize);
    auto d = keys::DecodeTimeKey(k);
    ASSERT_TRUE(d.has_value()) << v;
    EXPECT_EQ(d->day, a.begin) << v;
    EXPECT_EQ(d->grain_rank, static_cast<std::uint8_t>(a.grain)) << v;
  }
  EXPECT_TRUE(keys::IsUndated(keys::TimeKey(ValueOnlyAnchor("P2D"))));
  EXPECT_FALSE(keys::DecodeTimeKey(keys::UndatedKey()).has_value());
  EXPECT_FALSE(keys::DecodeTimeKey("abc").has_value());
}

TEST(KeyCodec, IndexKeysRoundTripTheirFields) {
  Id128 a = Id128::Of("a"), b = Id128::Of("b"), c = Id128::Of("c"), s = Id128::Of("s");
  std::string tk = keys::TimeKey(YearAnchor(date::year{2008}));
  std::string k = keys::ByEntityTime(a, tk, keys::Kind::kAbout, s);
  ASSERT_EQ(k.size(), 16u + 5u + 1u + 16u);
  EXPECT_EQ(keys::IdAt(k, 0), a);
  EXPECT_EQ(keys::TimeAt(k, 16), tk);
  EXPECT_EQ(static_cast<keys::Kind>(k[21]), keys::Kind::kAbout);
  EXPECT_EQ(keys::IdAt(k, 22), s);
  std::string t = keys::Triple(a, b, c, s);
  EXPECT_EQ(keys::IdAt(t, 32), c);
  std::string h = keys::ByHolder(a, tk, s);
  EXPECT_EQ(keys::IdAt(h, 21), s);
  std::string al = keys::Alias("jens stoltenberg", a);
  EXPECT_TRUE(al.starts_with(keys::AliasPrefix("jens stoltenberg")));
  EXPECT_FALSE(al.starts_with(keys::AliasPrefix("jens")));
  EXPECT_EQ(keys::IdAt(al, al.size() - 16), a);
  EXPECT_EQ(keys::ByDoc(a, keys::Kind::kDocClaim, s)[16], 'C');
}

TEST(KeyCodec, PrefixSuccessor) {
  EXPECT_EQ(keys::PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(keys::PrefixSuccessor(std::string("a\xff", 2)), "b");
  EXPECT_EQ(keys::PrefixSuccessor(std::string("\xff\xff", 2)), "");
  EXPECT_EQ(keys::Hex("\x01\xab"), "01ab");
}

}  // namespace
}  // namespace tkg
