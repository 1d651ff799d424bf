// Calendar arithmetic for resolving relative time expressions against the
// document creation time (DCT): "Friday", "last March", "this winter",
// "next week". Everything goes through Howard Hinnant's date library.
//
// A Direction says which occurrence of a recurring name is meant:
//   kBefore   the last one strictly before the reference ("last Friday")
//   kOnOrBefore  the reference itself if it matches, else kBefore ("Friday"
//             in a past-tense sentence)
//   kNearest  the one closest to the reference, ties going to the past
//   kOnOrAfter, kAfter  the mirror images ("Friday" in a future-tense
//             sentence, "next Friday")

#ifndef TKG_EXTRACT_TIME_CALENDAR_H_
#define TKG_EXTRACT_TIME_CALENDAR_H_

#include <date/date.h>

namespace tkg {

enum class Direction : signed char {
  kBefore = -2,
  kOnOrBefore = -1,
  kNearest = 0,
  kOnOrAfter = 1,
  kAfter = 2,
};

// The ISO weekday (Monday 1 .. Sunday 7) `iso_weekday` nearest `ref` in
// direction `dir` (kNearest: within three days either way).
// REQUIRES: 1 <= iso_weekday <= 7.
date::sys_days ResolveWeekday(date::sys_days ref, unsigned iso_weekday, Direction dir);

// The month `month` (1..12) nearest the month of `ref` in direction `dir`,
// compared at month granularity (the month of `ref` itself is "on").
date::year_month ResolveMonth(date::sys_days ref, unsigned month, Direction dir);

// Seasons as consecutive numbers: 4 * year + season (0 spring Mar-May,
// 1 summer Jun-Aug, 2 autumn Sep-Nov, 3 winter Dec-Feb, belonging to the
// year of its December).
int SeasonNumber(date::sys_days day);
// The season `season` (0..3) nearest the season of `ref` in direction `dir`,
// as a season number; kNearest breaks a tie (winter seen from summer) towards
// `tie` (kBefore or kAfter).
int ResolveSeason(date::sys_days ref, int season, Direction dir, Direction tie);
// The year and season of a season number (floor division: works for
// negative years).
int SeasonYear(int number);
int SeasonOf(int number);

// Easter Sunday of a Gregorian year (the anonymous Gregorian computus, also
// called the Meeus/Jones/Butcher algorithm). REQUIRES: year >= 1583.
date::sys_days EasterSunday(int year);

// The quarter (1..4) of a month (1..12).
inline int QuarterOfMonth(unsigned month) { return static_cast<int>((month - 1) / 3 + 1); }

}  // namespace tkg

#endif  // TKG_EXTRACT_TIME_CALENDAR_H_
