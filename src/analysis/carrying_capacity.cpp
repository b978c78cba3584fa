#include "analysis/carrying_capacity.hpp"

#include <algorithm>
#include <map>

namespace dichtbij::analysis {

Date capacity_window_start(const Date& day) {
  return Date{std::chrono::sys_days(day) - std::chrono::days(kCapacityWindowDays - 1)};
}

CarryingCapacity carrying_capacity(std::span<const store::StandingAct> acts, const Date& from,
                                   const Date& to) {
  CarryingCapacity capacity;
  capacity.from = from;
  capacity.to = to;
  std::array<std::map<PersonId, int>, kSupportTypes> load;
  for (std::size_t t = 0; t != kSupportTypes; ++t) {
    capacity.per_type[t].support_type = static_cast<SupportType>(t);
  }
  for (const store::StandingAct& act : acts) {
    const auto t = static_cast<std::size_t>(act.support_type);
    SupportTypeCapacity& type = capacity.per_type[t];
    if (act.provider_formal) {
      ++type.formal_acts;
    } else if (!act.provider_member) {
      ++type.informal_acts;
      ++load[t][act.provider];
    }
    if (act.provider_member && !act.receiver_member) ++type.given;
    if (!act.provider_member && act.receiver_member) ++type.received;
  }
  for (std::size_t t = 0; t != kSupportTypes; ++t) {
    SupportTypeCapacity& type = capacity.per_type[t];
    type.informal_providers = static_cast<int>(load[t].size());
    type.coverage = type.informal_providers >= 1;
    type.redundancy = type.informal_providers >= 2;
    if (type.informal_acts != 0) {
      double sum = 0;
      int largest = 0;
      for (const auto& [provider, count] : load[t]) {
        const double s = static_cast<double>(count) / type.informal_acts;
        sum += s * s;
        largest = std::max(largest, count);
      }
      type.concentration = sum;
      type.largest_share = static_cast<double>(largest) / type.informal_acts;
    }
    if (type.given + type.received != 0) {
      type.balance = static_cast<double>(type.given) / (type.given + type.received);
    }
  }
  return capacity;
}

}  // namespace dichtbij::analysis
