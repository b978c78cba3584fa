// Reading and writing the dated periods that many resources share.
#pragma once

#include <nlohmann/json.hpp>

#include "api/field_reader.hpp"
#include "core/household.hpp"
#include "core/period.hpp"

namespace dichtbij::api {

// "from" (required) and "until" (optional) into period.
void read_period(FieldReader& reader, Period& period);
// {"from": …, "until": …}; no until while it lasts.
[[nodiscard]] nlohmann::json period_json(const Period& period);

// "personId" plus a period.
void read_person_period(FieldReader& reader, PersonPeriod& entry);
[[nodiscard]] nlohmann::json person_period_json(const PersonPeriod& entry);

}  // namespace dichtbij::api
