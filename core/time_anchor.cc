#include "core/time_anchor.h"

#include <charconv>
#include <cstdio>

#include <date/iso_week.h>

namespace tkg {
namespace {

using date::days;
using date::sys_days;

constexpr std::string_view kGrainNames[] = {"century", "decade", "year", "half", "quarter",
                                            "season",  "month",  "week", "day"};

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  const char* first = s.data();
  const char* last = s.data() + s.size();
  auto [p, ec] = std::from_chars(first, last, *out);
  return ec == std::errc() && p == last;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

TimeAnchor Interval(sys_days b, sys_days e, Grain g, std::string value) {
  TimeAnchor a;
  a.begin = b;
  a.end = e;
  a.grain = g;
  a.value = std::move(value);
  return a;
}

std::string Two(unsigned v) {
  std::string out;
  out.push_back(static_cast<char>('0' + (v / 10) % 10));
  out.push_back(static_cast<char>('0' + v % 10));
  return out;
}

}  // namespace

std::string_view GrainName(Grain g) {
  auto i = static_cast<std::size_t>(g);
  if (i < std::size(kGrainNames)) return kGrainNames[i];
  return "unknown";
}

std::optional<Grain> GrainFromName(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kGrainNames); ++i) {
    if (kGrainNames[i] == name) return static_cast<Grain>(i);
  }
  if (name == "unknown") return Grain::kUnknown;
  return std::nullopt;
}

// Appends `v` with at least `width` digits.
void AppendPadded(unsigned v, int width, std::string* out) {
  char buf[12];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < width) buf[n++] = '0';
  while (n > 0) out->push_back(buf[--n]);
}

std::string FormatYear(int year) {
  std::string out;
  if (year < 0) out.push_back('-');
  AppendPadded(static_cast<unsigned>(year < 0 ? -year : year), 4, &out);
  return out;
}

std::string FormatDay(sys_days day) {
  date::year_month_day ymd{day};
  std::string out = FormatYear(int{ymd.year()});
  out.push_back('-');
  AppendPadded(unsigned{ymd.month()}, 2, &out);
  out.push_back('-');
  AppendPadded(unsigned{ymd.day()}, 2, &out);
  return out;
}

TimeAnchor DayAnchor(sys_days day) {
  return Interval(day, day + days{1}, Grain::kDay, FormatDay(day));
}

TimeAnchor MonthAnchor(date::year_month ym) {
  sys_days b = ym / 1;
  sys_days e = (ym + date::months{1}) / 1;
  return Interval(b, e, Grain::kMonth,
                  FormatYear(int{ym.year()}) + "-" + Two(unsigned{ym.month()}));
}

TimeAnchor YearAnchor(date::year y) {
  return Interval(y / 1 / 1, (y + date::years{1}) / 1 / 1, Grain::kYear, FormatYear(int{y}));
}

TimeAnchor DecadeAnchor(int first_year) {
  std::string v = FormatYear(first_year);
  v.back() = 'X';
  return Interval(date::year{first_year} / 1 / 1, date::year{first_year + 10} / 1 / 1,
                  Grain::kDecade, std::move(v));
}

TimeAnchor CenturyAnchor(int first_year) {
  std::string v = FormatYear(first_year);
  v.resize(v.size() - 2);
  return Interval(date::year{first_year} / 1 / 1, date::year{first_year + 100} / 1 / 1,
                  Grain::kCentury, std::move(v));
}

TimeAnchor SeasonAnchor(date::year y, int season) {
  static constexpr const char* kCodes[] = {"SP", "SU", "FA", "WI"};
  static constexpr unsigned kFirstMonth[] = {3, 6, 9, 12};
  date::year_month first = y / date::month{kFirstMonth[season]};
  sys_days b = first / 1;
  sys_days e = (first + date::months{3}) / 1;
  return Interval(b, e, Grain::kSeason, FormatYear(int{y}) + "-" + kCodes[season]);
}

TimeAnchor QuarterAnchor(date::year y, int quarter) {
  date::year_month first = y / date::month{static_cast<unsigned>(3 * (quarter - 1) + 1)};
  return Interval(first / 1, (first + date::months{3}) / 1, Grain::kQuarter,
                  FormatYear(int{y}) + "-Q" + std::to_string(quarter));
}

TimeAnchor HalfAnchor(date::year y, int half) {
  date::year_month first = y / date::month{static_cast<unsigned>(6 * (half - 1) + 1)};
  return Interval(first / 1, (first + date::months{6}) / 1, Grain::kHalf,
                  FormatYear(int{y}) + "-H" + std::to_string(half));
}

TimeAnchor IsoWeekAnchor(int iso_year, unsigned week) {
  sys_days b = iso_week::year{iso_year} / iso_week::weeknum{week} / iso_week::mon;
  return Interval(b, b + days{7}, Grain::kWeek, FormatYear(iso_year) + "-W" + Two(week));
}

TimeAnchor ValueOnlyAnchor(std::string value) {
  TimeAnchor a;
  a.value = std::move(value);
  return a;
}

TimeAnchor AnchorFromValue(std::string_view value) {
  std::string_view v = value;
  bool negative = false;
  if (!v.empty() && v[0] == '-') {
    negative = true;
    v.remove_prefix(1);
  }
  auto year_of = [&](std::string_view digits, int* y) {
    if (!AllDigits(digits) || !ParseInt(digits, y)) return false;
    if (negative) *y = -*y;
    return *y >= -32767 && *y <= 32767;
  };
  std::string_view head = v.substr(0, v.find('-'));
  std::string_view rest = head.size() < v.size() ? v.substr(head.size() + 1) : std::string_view{};
  int y = 0;
  // Decades and centuries: "199X", "199", "19XX", "19".
  if (rest.empty() && head.size() == 4 && head[3] == 'X' && head[2] != 'X' &&
      year_of(head.substr(0, 3), &y)) {
    return DecadeAnchor(y * 10);
  }
  if (rest.empty() && head.size() == 4 && head.substr(2) == "XX" &&
      year_of(head.substr(0, 2), &y)) {
    return CenturyAnchor(y * 100);
  }
  if (rest.empty() && head.size() == 3 && year_of(head, &y)) return DecadeAnchor(y * 10);
  if (rest.empty() && head.size() == 2 && year_of(head, &y)) return CenturyAnchor(y * 100);
  if (head.size() != 4 || !year_of(head, &y)) return ValueOnlyAnchor(std::string(value));
  date::year yr{y};
  if (rest.empty()) return YearAnchor(yr);
  if (rest.size() == 2 && (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI")) {
    int s = rest == "SP" ? 0 : rest == "SU" ? 1 : rest == "FA" ? 2 : 3;
    return SeasonAnchor(yr, s);
  }
  int n = 0;
  if (rest.size() == 2 && rest[0] == 'Q' && ParseInt(rest.substr(1), &n) && n >= 1 && n <= 4) {
    return QuarterAnchor(yr, n);
  }
  if (rest.size() == 2 && rest[0] == 'H' && ParseInt(rest.substr(1), &n) && n >= 1 && n <= 2) {
    return HalfAnchor(yr, n);
  }
  if (rest.size() == 3 && rest[0] == 'W' && AllDigits(rest.substr(1)) &&
      ParseInt(rest.substr(1), &n) && n >= 1) {
    auto w = static_cast<unsigned>(n);
    if (w <= 52 || (iso_week::year{y} / iso_week::last).weeknum() == iso_week::weeknum{w}) {
      return IsoWeekAnchor(y, w);
    }
    return ValueOnlyAnchor(std::string(value));
  }
  int m = 0;
  if (rest.size() >= 2 && AllDigits(rest.substr(0, 2)) && ParseInt(rest.substr(0, 2), &m)) {
    date::year_month ym = yr / date::month{static_cast<unsigned>(m)};
    if (!ym.ok()) return ValueOnlyAnchor(std::string(value));
    if (rest.size() == 2) return MonthAnchor(ym);
    int d = 0;
    if (rest.size() >= 5 && rest[2] == '-' && AllDigits(rest.substr(3, 2)) &&
        ParseInt(rest.substr(3, 2), &d) && (rest.size() == 5 || rest[5] == 'T')) {
      date::year_month_day ymd = ym / date::day{static_cast<unsigned>(d)};
      if (!ymd.ok()) return ValueOnlyAnchor(std::string(value));
      TimeAnchor a = DayAnchor(sys_days{ymd});
      a.value = std::string(value);  // keeps a "THH:MM" suffix
      return a;
    }
  }
  return ValueOnlyAnchor(std::string(value));
}

Result<sys_days> ParseIsoDay(std::string_view text) {
  auto bad = [&]() {
    return Status::InvalidArgument("bad date '" + std::string(text) +
                                   "': expected YYYY-MM-DD or an ISO-8601 timestamp");
  };
  std::string_view t = text;
  bool negative = false;
  if (!t.empty() && t[0] == '-') {
    negative = true;
    t.remove_prefix(1);
  }
  if (t.size() < 10 || t[4] != '-' || t[7] != '-') return bad();
  int y = 0, m = 0, d = 0;
  if (!AllDigits(t.substr(0, 4)) || !AllDigits(t.substr(5, 2)) || !AllDigits(t.substr(8, 2)))
    return bad();
  if (!ParseInt(t.substr(0, 4), &y) || !ParseInt(t.substr(5, 2), &m) ||
      !ParseInt(t.substr(8, 2), &d))
    return bad();
  if (t.size() > 10 && t[10] != 'T' && t[10] != ' ') return bad();
  if (negative) y = -y;
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return bad();
  return sys_days{ymd};
}

}  // namespace tkg
