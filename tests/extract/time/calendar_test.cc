#include "extract/time/calendar.h"

#include <gtest/gtest.h>

#include "core/time_anchor.h"

namespace tkg {
namespace {

using date::sys_days;
using namespace date::literals;  // NOLINT: 2022_y / 11 / 29

const sys_days kTuesday = sys_days{2022_y / 11 / 29};

TEST(Calendar, ResolveWeekdayInEveryDirection) {
  // Friday around Tuesday 2022-11-29.
  EXPECT_EQ(ResolveWeekday(kTuesday, 5, Direction::kBefore), sys_days{2022_y / 11 / 25});
  EXPECT_EQ(ResolveWeekday(kTuesday, 5, Direction::kOnOrBefore), sys_days{2022_y / 11 / 25});
  EXPECT_EQ(ResolveWeekday(kTuesday, 5, Direction::kOnOrAfter), sys_days{2022_y / 12 / 2});
  EXPECT_EQ(ResolveWeekday(kTuesday, 5, Direction::kAfter), sys_days{2022_y / 12 / 2});
  EXPECT_EQ(ResolveWeekday(kTuesday, 5, Direction::kNearest), sys_days{2022_y / 12 / 2});
  // The reference's own weekday.
  EXPECT_EQ(ResolveWeekday(kTuesday, 2, Direction::kOnOrBefore), kTuesday);
  EXPECT_EQ(ResolveWeekday(kTuesday, 2, Direction::kOnOrAfter), kTuesday);
  EXPECT_EQ(ResolveWeekday(kTuesday, 2, Direction::kBefore), sys_days{2022_y / 11 / 22});
  EXPECT_EQ(ResolveWeekday(kTuesday, 2, Direction::kAfter), sys_days{2022_y / 12 / 6});
  // Sunday is ISO 7.
  EXPECT_EQ(ResolveWeekday(kTuesday, 7, Direction::kOnOrBefore), sys_days{2022_y / 11 / 27});
}

TEST(Calendar, ResolveMonth) {
  using date::year_month;
  EXPECT_EQ(ResolveMonth(kTuesday, 3, Direction::kOnOrBefore), 2022_y / 3);
  EXPECT_EQ(ResolveMonth(kTuesday, 3, Direction::kOnOrAfter), 2023_y / 3);
  EXPECT_EQ(ResolveMonth(kTuesday, 11, Direction::kBefore), 2021_y / 11);
  EXPECT_EQ(ResolveMonth(kTuesday, 11, Direction::kOnOrBefore), 2022_y / 11);
  EXPECT_EQ(ResolveMonth(kTuesday, 11, Direction::kAfter), 2023_y / 11);
  EXPECT_EQ(ResolveMonth(kTuesday, 1, Direction::kNearest), 2023_y / 1);  // 2 ahead, 10 back
  EXPECT_EQ(ResolveMonth(kTuesday, 8, Direction::kNearest), 2022_y / 8);  // 3 back, 9 ahead
  EXPECT_EQ(ResolveMonth(kTuesday, 5, Direction::kNearest), 2022_y / 5);  // tie goes back
}

TEST(Calendar, SeasonsNumberWinterByItsDecember) {
  EXPECT_EQ(SeasonNumber(kTuesday), 4 * 2022 + 2);                   // autumn 2022
  EXPECT_EQ(SeasonNumber(sys_days{2022_y / 12 / 1}), 4 * 2022 + 3);  // winter 2022
  EXPECT_EQ(SeasonNumber(sys_days{2023_y / 2 / 10}), 4 * 2022 + 3);  // still winter 2022
  EXPECT_EQ(SeasonNumber(sys_days{2023_y / 3 / 1}), 4 * 2023 + 0);   // spring 2023
  EXPECT_EQ(SeasonYear(-1), -1);
  EXPECT_EQ(SeasonOf(-1), 3);
}

TEST(Calendar, ResolveSeason) {
  const auto before = Direction::kBefore;
  const auto after = Direction::kAfter;
  EXPECT_EQ(ResolveSeason(kTuesday, 3, Direction::kNearest, before), 4 * 2022 + 3);
  EXPECT_EQ(ResolveSeason(kTuesday, 3, Direction::kBefore, before), 4 * 2021 + 3);
  EXPECT_EQ(ResolveSeason(kTuesday, 1, Direction::kNearest, after), 4 * 2022 + 1);
  EXPECT_EQ(ResolveSeason(kTuesday, 2, Direction::kNearest, after), 4 * 2022 + 2);
  EXPECT_EQ(ResolveSeason(kTuesday, 2, Direction::kAfter, after), 4 * 2023 + 2);
  // Spring is two seasons away either way: the tie decides.
  EXPECT_EQ(ResolveSeason(kTuesday, 0, Direction::kNearest, before), 4 * 2022 + 0);
  EXPECT_EQ(ResolveSeason(kTuesday, 0, Direction::kNearest, after), 4 * 2023 + 0);
  const int n = ResolveSeason(sys_days{2023_y / 2 / 10}, 3, Direction::kNearest, before);
  EXPECT_EQ(SeasonAnchor(date::year{SeasonYear(n)}, SeasonOf(n)).value, "2022-WI");
}

TEST(Calendar, EasterSunday) {
  EXPECT_EQ(EasterSunday(2000), date::sys_days{date::year{2000} / 4 / 23});
  EXPECT_EQ(EasterSunday(1998), date::sys_days{date::year{1998} / 4 / 12});
  EXPECT_EQ(EasterSunday(2019), date::sys_days{date::year{2019} / 4 / 21});
  EXPECT_EQ(EasterSunday(2024), date::sys_days{date::year{2024} / 3 / 31});
  EXPECT_EQ(EasterSunday(1818), date::sys_days{date::year{1818} / 3 / 22});  // earliest
  EXPECT_EQ(EasterSunday(1943), date::sys_days{date::year{1943} / 4 / 25});  // latest
}

TEST(Calendar, QuarterOfMonth) {
  EXPECT_EQ(QuarterOfMonth(1), 1);
  EXPECT_EQ(QuarterOfMonth(3), 1);
  EXPECT_EQ(QuarterOfMonth(4), 2);
  EXPECT_EQ(QuarterOfMonth(12), 4);
}

}  // namespace
}  // namespace tkg
