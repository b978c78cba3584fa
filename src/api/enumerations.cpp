#include "api/enumerations.hpp"

#include "core/account.hpp"
#include "core/domain_enums.hpp"
#include "core/framework_matrix.hpp"
#include "core/help_request.hpp"
#include "core/research.hpp"

namespace dichtbij::api {

namespace {

constexpr EnumerationInfo kEnumerations[] = {
    enumeration_info<OrganisationKind>(),  enumeration_info<PersonRole>(),
    enumeration_info<HouseholdKind>(),     enumeration_info<TargetGroup>(),
    enumeration_info<HouseholdStatus>(),   enumeration_info<RelationKind>(),
    enumeration_info<SupportType>(),       enumeration_info<ContactFrequency>(),
    enumeration_info<HelpDirection>(),     enumeration_info<TieQuality>(),
    enumeration_info<SupportMode>(),       enumeration_info<MobilisedBy>(),
    enumeration_info<AgreementStatus>(),   enumeration_info<ZrmDomain>(),
    enumeration_info<ZrmScore>(),          enumeration_info<Carrier>(),
    enumeration_info<FacilityKind>(),      enumeration_info<ReferralStatus>(),
    enumeration_info<ConsentPurpose>(),    enumeration_info<AccountRole>(),
    enumeration_info<HelpKind>(),          enumeration_info<Urgency>(),
    enumeration_info<HelpRequestStatus>(), enumeration_info<MatchStatus>(),
    enumeration_info<Perspective>(),       enumeration_info<ProjectRole>(),
    enumeration_info<FrameworkCaseKind>(),
};

nlohmann::json catalogue() {
  nlohmann::json body = nlohmann::json::object();
  for (const EnumerationInfo& info : kEnumerations) {
    nlohmann::json values = nlohmann::json::array();
    for (const EnumValue& value : info.values) {
      values.push_back({{"code", value.code}, {"labels", {{"nl", value.nl}, {"en", value.en}}}});
    }
    body[std::string(info.name)] = std::move(values);
  }
  return body;
}

}  // namespace

void add_enumeration_routes(ApiRegistry& registry) {
  // Fixed at compile time: built once, served as it is.
  auto body = std::make_shared<const std::string>(catalogue().dump());
  Route route;
  route.method = Method::get;
  route.path = "/api/v1/enumerations";
  route.handler = [body](const Request&) {
    Response response;
    response.body = *body;
    response.headers.emplace_back("Content-Type", "application/json");
    response.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return response;
  };
  route.needs_session = false;  // codes and labels, no personal data
  route.openapi_operation =
      nlohmann::json{
          {"operationId", "listEnumerations"},
          {"summary", "Every closed list of the domain, with codes and labels"},
          {"description",
           "Codes are what the API accepts and returns; labels are Dutch and English."},
          {"tags", {"Enumerations"}},
          {"responses",
           {{"200",
             {{"description", "Per enumeration (by name), its values in order."},
              {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}},
              {"content",
               {{"application/json",
                 {{"schema", {{"$ref", "#/components/schemas/Enumerations"}}}}}}}}}}}}
          .dump();
  registry.routes.push_back(std::move(route));

  nlohmann::json properties = nlohmann::json::object();
  for (const EnumerationInfo& info : kEnumerations) {
    properties[std::string(info.name)] = {
        {"type", "array"}, {"items", {{"$ref", "#/components/schemas/EnumerationValue"}}}};
  }
  registry.schemas["EnumerationValue"] = {
      {"type", "object"},
      {"required", {"code", "labels"}},
      {"properties",
       {{"code", {{"type", "string"}}},
        {"labels",
         {{"type", "object"},
          {"required", {"nl", "en"}},
          {"properties", {{"nl", {{"type", "string"}}}, {"en", {{"type", "string"}}}}}}}}}};
  registry.schemas["Enumerations"] = {{"type", "object"}, {"properties", properties}};
  registry.tags.push_back(
      {{"name", "Enumerations"}, {"description", "Codes and Dutch and English labels."}});
}

}  // namespace dichtbij::api
