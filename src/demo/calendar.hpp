// The calendar the demo's support acts follow: the weekly rhythm, Dutch
// public holidays and the Amsterdam school holidays (docs/demo-data.md,
// "When").
#pragma once

#include "core/date.hpp"

namespace dichtbij::demo {

// day + days (days may be negative).
[[nodiscard]] Date add_days(const Date& day, int days);
// Days from `from` to `to`: negative when to is earlier.
[[nodiscard]] int days_between(const Date& from, const Date& to);

// Easter Sunday of year (the Gregorian computus). REQUIRES: 1583 <= year.
[[nodiscard]] Date easter(int year);

// How busy a day is for support, relative to an ordinary weekday (1.0):
// weekends, public holidays, the Christmas break and the summer holiday
// are quieter.
[[nodiscard]] double activity(const Date& day);

// Whether professionals work that day: a weekday that is no public holiday.
[[nodiscard]] bool office_day(const Date& day);

}  // namespace dichtbij::demo
