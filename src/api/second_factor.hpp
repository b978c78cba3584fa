// The signed-in account's second factor (TOTP, access/second_factors.hpp):
//
//   GET    /api/v1/session/second-factor   none, pending or active; required
//                                          by the role; recovery codes left
//   POST   /api/v1/session/second-factor   {password} → a new pending secret
//                                          and its otpauth:// URI (201)
//   POST   /api/v1/session/second-factor/confirmation   {code} → active; the
//                                          ten recovery codes, shown this once
//   DELETE /api/v1/session/second-factor   {code | recoveryCode} → switched
//                                          off, unless the role requires it
//
// They need a session but stay reachable when the role requires a second
// factor not yet set up (api/session.hpp), since they are how it gets set
// up.
#pragma once

#include <memory>
#include <string_view>

#include "access/second_factors.hpp"
#include "api/resource_support.hpp"

namespace dichtbij::api {

void add_second_factor_routes(ApiRegistry& registry,
                              std::shared_ptr<access::SecondFactors> second_factors);

// Reads the optional "code" (six digits) and "recoveryCode" fields, at most
// one of them; the descriptions go into the schema.
void read_second_factor_proof(FieldReader& reader, access::SecondFactorProof& proof,
                              std::string_view code_description,
                              std::string_view recovery_code_description);

}  // namespace dichtbij::api
