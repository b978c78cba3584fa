// Periods in which something held: a role, a membership, a tie. History is
// never overwritten: ending something sets its until.
#pragma once

#include <optional>

#include "core/date.hpp"

namespace dichtbij {

struct Period {
  Date from;
  std::optional<Date> until;  // inclusive; open when nullopt

  // Whether the period covers day.
  [[nodiscard]] bool contains(const Date& day) const noexcept {
    return from <= day && (!until || day <= *until);
  }
  // Whether until, if any, is on or after from.
  [[nodiscard]] bool is_ordered() const noexcept { return !until || from <= *until; }

  bool operator==(const Period&) const = default;
};

}  // namespace dichtbij
