// Calendar dates as the domain uses them: a day, no time zone (support acts,
// ties, agreements are dated by day). Built on std::chrono's calendar.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dichtbij {

using Date = std::chrono::year_month_day;

// Parses YYYY-MM-DD; nullopt unless it is a real date between 1900 and 2200.
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);

// YYYY-MM-DD.
[[nodiscard]] std::string format_date(const Date& date);

}  // namespace dichtbij
