// Break-the-glass: a professional or coordinator opens a household outside
// their reach, giving a reason. It lasts an hour; every access in that hour
// is flagged in the audit log (access/policy.hpp gives the standing), and
// the coordinators of the household's practices see the openings.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/account.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/break_glass_repository.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

inline constexpr std::chrono::seconds kBreakGlassLasts = std::chrono::hours(1);
inline constexpr std::size_t kMaxBreakGlassReason = 1000;

// Opens household for actor, recording the opening and its audit event in
// transaction. not_found without such a household; conflict when the actor
// already sees it in full (team, practice, an opening in force).
[[nodiscard]] Result<store::BreakGlassOpening> break_glass(store::Transaction& transaction,
                                                           const Actor& actor,
                                                           const HouseholdId& household,
                                                           const std::string& reason,
                                                           const std::string& client_address);

// The openings actor reviews: for a coordinator those of their practice's
// households, for anyone else their own. Newest first.
[[nodiscard]] Result<Page<store::BreakGlassOpening>> break_glass_openings(store::Database& database,
                                                                          const Actor& actor,
                                                                          const Paging& paging);

}  // namespace dichtbij::access
