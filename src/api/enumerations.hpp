// GET /api/v1/enumerations: every closed list of the domain with its codes
// and Dutch and English labels, so the web app never hard-codes them.
#pragma once

#include "api/resource_support.hpp"

namespace dichtbij::api {

void add_enumeration_routes(ApiRegistry& registry);

}  // namespace dichtbij::api
