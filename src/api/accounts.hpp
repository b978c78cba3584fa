// Accounts and the sign-in settings, for administrators (issue 4's admin,
// issue 7's admin screens); the same rules as `dichtbij user`
// (access/accounts.hpp, access/second_factors.hpp):
//
//   GET  /api/v1/accounts                     every account, with its lockout
//                                             and second-factor state
//   POST /api/v1/accounts                     {username, role, personId?,
//                                             practiceId?, password} (201)
//   PUT  /api/v1/accounts/{id}/status         {disabled}: ends its sessions
//   PUT  /api/v1/accounts/{id}/password       {password}: a new password,
//                                             lifts a lockout, ends sessions
//   GET  /api/v1/settings/second-factor       the roles that must use one
//   PUT  /api/v1/settings/second-factor       {requiredRoles}
//
// Every change is in the audit log with the administrator who made it.
#pragma once

#include <memory>

#include "access/second_factors.hpp"
#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

void add_account_routes(ApiRegistry& registry, store::Database& database,
                        std::shared_ptr<access::SecondFactors> second_factors);

}  // namespace dichtbij::api
