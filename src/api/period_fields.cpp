#include "api/period_fields.hpp"

namespace dichtbij::api {

void read_period(FieldReader& reader, Period& period) {
  reader.date("from", period.from, "First day.");
  reader.optional_date("until", period.until, "Last day; absent while it lasts.");
}

nlohmann::json period_json(const Period& period) {
  nlohmann::json json{{"from", format_date(period.from)}};
  if (period.until) json["until"] = format_date(*period.until);
  return json;
}

void read_person_period(FieldReader& reader, PersonPeriod& entry) {
  reader.id("personId", entry.person, "The person.");
  read_period(reader, entry.period);
}

nlohmann::json person_period_json(const PersonPeriod& entry) {
  nlohmann::json json = period_json(entry.period);
  json["personId"] = entry.person.str();
  return json;
}

}  // namespace dichtbij::api
