#include "extract/time/calendar.h"

namespace tkg {
namespace {

int FloorDiv(int a, int b) { return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0); }

}  // namespace

date::sys_days ResolveWeekday(date::sys_days ref, unsigned iso_weekday, Direction dir) {
  const date::weekday target{iso_weekday % 7};  // date: Sunday is 0, ISO Sunday is 7
  const date::weekday have{ref};
  const date::days forward = target - have;   // 0..6 days ahead
  const date::days backward = have - target;  // 0..6 days back
  switch (dir) {
    case Direction::kBefore:
      return ref - (backward == date::days{0} ? date::days{7} : backward);
    case Direction::kOnOrBefore:
      return ref - backward;
    case Direction::kOnOrAfter:
      return ref + forward;
    case Direction::kAfter:
      return ref + (forward == date::days{0} ? date::days{7} : forward);
    case Direction::kNearest:
      break;
  }
  return backward <= forward ? ref - backward : ref + forward;
}

date::sys_days EasterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int n = h + l - 7 * m + 114;
  return date::sys_days{date::year{year} / date::month{static_cast<unsigned>(n / 31)} /
                        date::day{static_cast<unsigned>(n % 31 + 1)}};
}

date::year_month ResolveMonth(date::sys_days ref, unsigned month, Direction dir) {
  const date::year_month_day ymd{ref};
  const date::year_month have = ymd.year() / ymd.month();
  const date::year_month same = ymd.year() / date::month{month};
  const date::year_month prev = same - date::years{1};
  const date::year_month next = same + date::years{1};
  switch (dir) {
    case Direction::kBefore:
      return same < have ? same : prev;
    case Direction::kOnOrBefore:
      return same <= have ? same : prev;
    case Direction::kOnOrAfter:
      return same >= have ? same : next;
    case Direction::kAfter:
      return same > have ? same : next;
    case Direction::kNearest:
      break;
  }
  // Candidates: the nearest one before-or-at and after-or-at; ties go back.
  const date::year_month back = same <= have ? same : prev;
  const date::year_month ahead = same >= have ? same : next;
  return (have - back) <= (ahead - have) ? back : ahead;
}

int SeasonNumber(date::sys_days day) {
  const date::year_month_day ymd{day};
  const int y = int{ymd.year()};
  const unsigned m = unsigned{ymd.month()};
  if (m <= 2) return 4 * (y - 1) + 3;
  if (m == 12) return 4 * y + 3;
  return 4 * y + static_cast<int>((m - 3) / 3);
}

int SeasonYear(int number) { return FloorDiv(number, 4); }
int SeasonOf(int number) { return number - 4 * FloorDiv(number, 4); }

int ResolveSeason(date::sys_days ref, int season, Direction dir, Direction tie) {
  const int have = SeasonNumber(ref);
  const int delta = season - SeasonOf(have);                 // -3..3
  const int back = have + (delta > 0 ? delta - 4 : delta);   // <= have
  const int ahead = have + (delta < 0 ? delta + 4 : delta);  // >= have
  switch (dir) {
    case Direction::kBefore:
      return back == have ? have - 4 : back;
    case Direction::kOnOrBefore:
      return back;
    case Direction::kOnOrAfter:
      return ahead;
    case Direction::kAfter:
      return ahead == have ? have + 4 : ahead;
    case Direction::kNearest:
      break;
  }
  if (have - back != ahead - have) return have - back < ahead - have ? back : ahead;
  return tie == Direction::kAfter || tie == Direction::kOnOrAfter ? ahead : back;
}

}  // namespace tkg
