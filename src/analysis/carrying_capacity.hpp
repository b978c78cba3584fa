// Carrying capacity (dragend vermogen) of a household's informal network, per
// support type, over the 90 days up to a day: how many informal providers
// were active (coverage: at least one; redundancy: at least two), how the
// load is spread over them (Herfindahl index of their acts), and the balance
// of help the household gave and received. Shown as these parts, never as one
// score. Formulas: docs/measures.md.
#pragma once

#include <array>
#include <optional>
#include <span>

#include "analysis/household_network.hpp"
#include "core/date.hpp"
#include "store/household_acts_query.hpp"

namespace dichtbij::analysis {

// The window ends on the day and covers this many days, the day included
// (the ecomap's "recent acts" window too).
inline constexpr int kCapacityWindowDays = 90;

struct SupportTypeCapacity {
  SupportType support_type = SupportType::practical;
  // Informal providers: neither a professional nor a member on the act's day.
  int informal_providers = 0;
  bool coverage = false;    // informal_providers >= 1
  bool redundancy = false;  // informal_providers >= 2
  int informal_acts = 0;
  int formal_acts = 0;  // given by professionals
  // Σ s_i² over informal providers, s_i their share of informal_acts: 1 when
  // one carer carries all, 1/k when k carry equally. nullopt without acts.
  std::optional<double> concentration;
  std::optional<double> largest_share;  // the busiest informal provider's s_i
  int given = 0;                        // acts by a member to someone outside the household
  int received = 0;                     // acts by someone outside to a member
  std::optional<double> balance;        // given / (given + received)
};

struct CarryingCapacity {
  Date from;                                                  // first day of the window
  Date to;                                                    // the day
  std::array<SupportTypeCapacity, kSupportTypes> per_type{};  // in SupportType order
};

// The first day of the window ending on day.
[[nodiscard]] Date capacity_window_start(const Date& day);

// The capacity over acts, which are the household's acts of the window
// [from, to] (store/household_acts_query.hpp).
[[nodiscard]] CarryingCapacity carrying_capacity(std::span<const store::StandingAct> acts,
                                                 const Date& from, const Date& to);

}  // namespace dichtbij::analysis
