// TimeAnchor: a resolved time reference with its true precision.
//
// "2008" is the interval [2008-01-01, 2009-01-01) with grain kYear and value
// "2008"; it is never silently widened or narrowed to a day. "2022-WI" (the
// winter of 2022/23) is [2022-12-01, 2023-03-01) with grain kSeason. Values
// that name no interval ("FUTURE_REF", "XXXX-XX-XX", a duration "P2D") have
// grain kUnknown and no interval; has_interval() tells them apart.
//
// All calendar arithmetic goes through Howard Hinnant's date library.

#ifndef TKG_CORE_TIME_ANCHOR_H_
#define TKG_CORE_TIME_ANCHOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "core/result.h"

namespace tkg {

// Ordered from coarse to fine: the order is used in sort keys so that, at the
// same begin day, a year sorts before the months and days it contains.
enum class Grain : std::uint8_t {
  kCentury = 0,
  kDecade = 1,
  kYear = 2,
  kHalf = 3,
  kQuarter = 4,
  kSeason = 5,
  kMonth = 6,
  kWeek = 7,
  kDay = 8,
  kUnknown = 15,  // no interval: references, durations, unresolved values
};

// "century", "decade", "year", "half", "quarter", "season", "month", "week",
// "day", "unknown".
std::string_view GrainName(Grain g);
// The inverse of GrainName; nullopt for an unknown name.
std::optional<Grain> GrainFromName(std::string_view name);

struct TimeAnchor {
  date::sys_days begin{};  // inclusive; meaningful only when has_interval()
  date::sys_days end{};    // exclusive
  Grain grain = Grain::kUnknown;
  std::string value;  // TIMEX3 value: "2022-11-29", "2008", "2022-WI", "FUTURE_REF", "P2D"

  bool has_interval() const { return grain != Grain::kUnknown && begin < end; }
  // The last day of the interval (end - 1 day). REQUIRES: has_interval().
  date::sys_days last() const { return end - date::days{1}; }

  friend bool operator==(const TimeAnchor&, const TimeAnchor&) = default;
};

// Builders for intervals at each grain. They assume valid calendar input
// (REQUIRES: the fields are ok()).
TimeAnchor DayAnchor(date::sys_days day);
TimeAnchor MonthAnchor(date::year_month ym);
TimeAnchor YearAnchor(date::year y);
TimeAnchor DecadeAnchor(int first_year);   // first_year % 10 == 0: "199X"
TimeAnchor CenturyAnchor(int first_year);  // first_year % 100 == 0: "19" (the 1900s)
// season: 0 spring (Mar-May), 1 summer (Jun-Aug), 2 autumn (Sep-Nov),
// 3 winter (Dec of `y` to Feb of y+1). Values "2022-SP", "-SU", "-FA", "-WI".
TimeAnchor SeasonAnchor(date::year y, int season);
TimeAnchor QuarterAnchor(date::year y, int quarter);    // 1..4, "2022-Q4"
TimeAnchor HalfAnchor(date::year y, int half);          // 1..2, "2022-H2"
TimeAnchor IsoWeekAnchor(int iso_year, unsigned week);  // "2022-W48"
// An anchor with no interval carrying only `value` ("FUTURE_REF", "P2D").
TimeAnchor ValueOnlyAnchor(std::string value);

// Parses a TIMEX3 value back into an anchor: YYYY, YYYY-MM, YYYY-MM-DD (an
// optional "THH:MM..." suffix is kept in value, the grain is day), YYYY-Www,
// YYYY-Qn, YYYY-Hn, YYYY-SP/SU/FA/WI, "199X"/"199" (decade), "19"/"19XX"
// (century). Any other string (PRESENT_REF, P2D, XXXX-XX-XX) gives a
// value-only anchor. Negative years are written with a leading '-'.
TimeAnchor AnchorFromValue(std::string_view value);

// Parses a publication date: "YYYY-MM-DD" or a full ISO-8601 timestamp
// ("2022-11-29T08:15:00Z"; the date part is used). Fails with
// InvalidArgument naming the input when it is not a valid calendar date.
Result<date::sys_days> ParseIsoDay(std::string_view text);

// "2022-11-29"; years outside 0..9999 are written with a sign ("-0044-03-15").
std::string FormatDay(date::sys_days day);
// "2022", "-0044".
std::string FormatYear(int year);

// Days since 1970-01-01 and back.
inline std::int64_t DayNumber(date::sys_days d) { return d.time_since_epoch().count(); }
inline date::sys_days DayFromNumber(std::int64_t n) {
  return date::sys_days{date::days{static_cast<int>(n)}};
}

}  // namespace tkg

#endif  // TKG_CORE_TIME_ANCHOR_H_
