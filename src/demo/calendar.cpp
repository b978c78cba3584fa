#include "demo/calendar.hpp"

namespace dichtbij::demo {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool is_public_holiday(const Date& day) {
  const int year = static_cast<int>(day.year());
  const unsigned month = static_cast<unsigned>(day.month());
  const unsigned dom = static_cast<unsigned>(day.day());
  if (month == 1 && dom == 1) return true;                   // Nieuwjaarsdag
  if (month == 4 && dom == 27) return true;                  // Koningsdag
  if (month == 5 && dom == 5) return true;                   // Bevrijdingsdag
  if (month == 12 && (dom == 25 || dom == 26)) return true;  // Kerstmis
  const int from_easter = days_between(easter(year), day);
  // Goede Vrijdag is no general day off; Paasmaandag, Hemelvaart and
  // Pinkstermaandag are.
  return from_easter == 0 || from_easter == 1 || from_easter == 39 || from_easter == 49 ||
         from_easter == 50;
}

}  // namespace

Date add_days(const Date& day, int count) {
  return Date{sys_days(day) + days(count)};
}

int days_between(const Date& from, const Date& to) {
  return static_cast<int>((sys_days(to) - sys_days(from)).count());
}

Date easter(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int dom = (h + l - 7 * m + 114) % 31 + 1;
  return Date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
              std::chrono::day(static_cast<unsigned>(dom))};
}

double activity(const Date& day) {
  const std::chrono::weekday weekday{sys_days(day)};
  double factor = 1.0;
  if (weekday == std::chrono::Saturday) factor = 0.55;
  if (weekday == std::chrono::Sunday) factor = 0.4;
  if (is_public_holiday(day)) factor = 0.35;
  const unsigned month = static_cast<unsigned>(day.month());
  const unsigned dom = static_cast<unsigned>(day.day());
  // Christmas break: 24 December to 1 January.
  if ((month == 12 && dom >= 24) || (month == 1 && dom == 1)) factor *= 0.6;
  // Summer holiday (region Noord): mid-July to the end of August.
  if ((month == 7 && dom >= 15) || month == 8) factor *= 0.75;
  return factor;
}

bool office_day(const Date& day) {
  const std::chrono::weekday weekday{sys_days(day)};
  return weekday != std::chrono::Saturday && weekday != std::chrono::Sunday &&
         !is_public_holiday(day);
}

}  // namespace dichtbij::demo
