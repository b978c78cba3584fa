#include "research/practice_report.hpp"

#include <cstdio>

namespace dichtbij::research {

ReportMonth report_total(const std::vector<ReportMonth>& months) {
  ReportMonth total;
  for (const ReportMonth& month : months) {
    total.acts += month.acts;
    total.self += month.self;
    total.network += month.network;
    total.professional += month.professional;
    total.joint_acts += month.joint_acts;
    total.activations += month.activations;
    total.handovers += month.handovers;
  }
  return total;
}

std::vector<std::string> months_between(const Date& from, const Date& to) {
  std::vector<std::string> months;
  const std::chrono::year_month last = to.year() / to.month();
  for (std::chrono::year_month month = from.year() / from.month(); month <= last;
       month += std::chrono::months(1)) {
    char text[16];  // the compiler cannot see that the year has four digits
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(month.year()),
                  static_cast<unsigned>(month.month()));
    months.emplace_back(text);
  }
  return months;
}

}  // namespace dichtbij::research
