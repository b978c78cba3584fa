#include "api/research_exports.hpp"

#include <set>

#include "access/audit.hpp"
#include "access/consent.hpp"
#include "access/policy.hpp"
#include "api/problem.hpp"
#include "api/today.hpp"
#include "research/pseudonyms.hpp"
#include "research/support_act_export.hpp"
#include "store/research_query.hpp"

namespace dichtbij::api {

namespace {

constexpr std::string_view kTag = "Research exports";

Response support_acts(store::Database& database, const Request& request) {
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  const Date day = today();
  // The consents and the acts in one snapshot: a withdrawal commits either
  // before it, and the household is out, or after it.
  Result<std::vector<store::ResearchSupportAct>> acts =
      database.in_transaction<std::vector<store::ResearchSupportAct>>(
          store::TransactionKind::read,
          [&](store::Transaction& transaction) -> Result<std::vector<store::ResearchSupportAct>> {
            Result<std::vector<HouseholdId>> households =
                access::research_households(transaction, day);
            if (!households.ok()) return std::move(households).error();
            return store::research_support_acts(transaction, *households);
          });
  if (!acts.ok()) return problem(acts.error(), request.request_id);

  std::set<HouseholdId> households;
  for (const store::ResearchSupportAct& act : *acts) households.insert(act.household);
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = "researchExport.supportActs";
  // Counts only: which households is exactly what the export must not tell.
  event.reason = "households=" + std::to_string(households.size()) +
                 " supportActs=" + std::to_string(acts->size());
  event.client_address = request.client_address;
  // Committed before the export leaves, like every read of personal data.
  if (Result<void> audited = access::record(database, event); !audited.ok()) {
    return problem(audited.error(), request.request_id);
  }

  Response response;
  response.body = research::support_acts_csv(*acts, *pseudonyms);
  response.headers.emplace_back("Content-Type", "text/csv; charset=utf-8; header=present");
  response.headers.emplace_back(
      "Content-Disposition", "attachment; filename=\"support-acts-" + format_date(day) + ".csv\"");
  return response;
}

}  // namespace

void add_research_export_routes(ApiRegistry& registry, store::Database& database) {
  registry.routes.push_back(
      {Method::get, "/api/v1/research/exports/support-acts",
       [&database](const Request& request) { return support_acts(database, request); },
       nlohmann::json{
           {"operationId", "exportResearchSupportActs"},
           {"summary", "Support acts of consenting households, pseudonymised, as CSV"},
           {"description",
            "One row per support act of each household whose research consent is in force "
            "today; a household whose consent was withdrawn is left out from the day of "
            "withdrawal. Columns: month (YYYY-MM), household, practice_ids (;-separated), "
            "provider, provider_role, receiver, receiver_role, support_type, mode, "
            "duration_minutes, mobilised_by, mobilised_by_person, others_formal, "
            "others_informal. Households and persons appear as keyed pseudonyms, the same in "
            "every export; roles are formal, household or informal. No names, notes, birth "
            "years or buurt codes. Researchers only; every export is in the audit log."},
           {"tags", {kTag}},
           {"responses",
            {{"200",
              {{"description", "The CSV (UTF-8, CRLF, a header row)."},
               {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}},
               {"content", {{"text/csv", {{"schema", {{"type", "string"}}}}}}}}},
             {"403", {{"$ref", "#/components/responses/Forbidden"}}},
             {"503", {{"$ref", "#/components/responses/ServiceUnavailable"}}}}}}
           .dump(),
       true, access::allowed_roles(access::Resource::research_export, access::Operation::read)});
  registry.tags.push_back(
      {{"name", kTag},
       {"description",
        "Pseudonymised exports for research, of households with research consent only."}});
}

}  // namespace dichtbij::api
