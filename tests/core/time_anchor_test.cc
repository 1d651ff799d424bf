#include "core/time_anchor.h"

#include <gtest/gtest.h>

namespace tkg {
namespace {

using date::days;
using date::sys_days;
using namespace date::literals;

TEST(TimeAnchor, YearKeepsItsPrecision) {
  TimeAnchor a = YearAnchor(date::year{2008});
  EXPECT_EQ(a.value, "2008");
  EXPECT_EQ(a.grain, Grain::kYear);
  EXPECT_EQ(a.begin, sys_days{2008_y / 1 / 1});
  EXPECT_EQ(a.end, sys_days{2009_y / 1 / 1});
  EXPECT_EQ(a.last(), sys_days{2008_y / 12 / 31});
}

TEST(TimeAnchor, WinterSpansTheYearEnd) {
  TimeAnchor a = SeasonAnchor(date::year{2022}, 3);
  EXPECT_EQ(a.value, "2022-WI");
  EXPECT_EQ(a.begin, sys_days{2022_y / 12 / 1});
  EXPECT_EQ(a.end, sys_days{2023_y / 3 / 1});
}

TEST(TimeAnchor, IsoWeekAndLeapFebruary) {
  TimeAnchor w = IsoWeekAnchor(2022, 48);
  EXPECT_EQ(w.value, "2022-W48");
  EXPECT_EQ(w.begin, sys_days{2022_y / 11 / 28});
  TimeAnchor feb = MonthAnchor(2024_y / 2);
  EXPECT_EQ(feb.end - feb.begin, days{29});
}

TEST(TimeAnchor, ValuesRoundTrip) {
  for (const char* v : {"2022-11-29", "2022-11", "2022", "2022-WI", "2022-Q4", "2022-H2",
                        "2022-W48", "199X", "19", "-0044-03-15", "-0044"}) {
    TimeAnchor a = AnchorFromValue(v);
    EXPECT_TRUE(a.has_interval()) << v;
    EXPECT_EQ(a.value, v);
  }
  EXPECT_EQ(AnchorFromValue("199X").grain, Grain::kDecade);
  EXPECT_EQ(AnchorFromValue("19").grain, Grain::kCentury);
  EXPECT_EQ(AnchorFromValue("2022-11-29T10:30").grain, Grain::kDay);
  for (const char* v :
       {"FUTURE_REF", "P2D", "XXXX-XX-XX", "2022-13", "2022-02-30", "2021-W53", ""}) {
    TimeAnchor a = AnchorFromValue(v);
    EXPECT_FALSE(a.has_interval()) << v;
    EXPECT_EQ(a.value, v);
  }
  EXPECT_TRUE(AnchorFromValue("2020-W53").has_interval());
}

TEST(TimeAnchor, NegativeYearsOrderBeforePositive) {
  TimeAnchor bc = AnchorFromValue("-0044-03-15");
  TimeAnchor ad = AnchorFromValue("0001-01-01");
  EXPECT_LT(DayNumber(bc.begin), DayNumber(ad.begin));
  EXPECT_EQ(FormatDay(bc.begin), "-0044-03-15");
}

TEST(ParseIsoDay, AcceptsDatesAndTimestamps) {
  auto d = ParseIsoDay("2022-11-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, sys_days{2022_y / 11 / 29});
  auto t = ParseIsoDay("2022-11-29T08:15:00Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, sys_days{2022_y / 11 / 29});
  for (const char* bad : {"", "2022-02-30", "29/11/2022", "2022-1-29", "tomorrow", "2022-11-29x"}) {
    auto r = ParseIsoDay(bad);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_TRUE(r.status().IsInvalidArgument());
  }
}

TEST(Grain, NamesRoundTrip) {
  for (Grain g : {Grain::kCentury, Grain::kDecade, Grain::kYear, Grain::kHalf, Grain::kQuarter,
                  Grain::kSeason, Grain::kMonth, Grain::kWeek, Grain::kDay, Grain::kUnknown}) {
    auto back = GrainFromName(GrainName(g));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, g);
  }
  EXPECT_FALSE(GrainFromName("fortnight").has_value());
}

}  // namespace
}  // namespace tkg
