#include "api/subject_rights.hpp"

#include "access/subject_rights.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"

namespace dichtbij::api {

namespace {

constexpr std::string_view kTag = "Data subject rights";

struct ErasureInput {
  std::string reason;
};

void read_erasure(FieldReader& reader, ErasureInput& input) {
  reader.text("reason", input.reason, access::kMaxReasonLength,
              "Why the person's data is erased, e.g. the request's date and reference. Kept in "
              "the erasure record; name no one in it.");
}

// The person of the path; not_found when the id cannot name one.
Result<PersonId> path_person(const Request& request) {
  const std::string_view id = request.path_param("id");
  if (!is_uuid(id)) {
    return make_error(ErrorCode::not_found, "there is no person " + std::string(id));
  }
  return PersonId(std::string(id));
}

Response subject_access(store::Database& database, const Request& request) {
  Result<PersonId> person = path_person(request);
  if (!person.ok()) return problem(person.error(), request.request_id);
  Result<nlohmann::json> document = access::SubjectRights(database).subject_access(
      *person, access::requester_of(*request.actor, request.client_address));
  if (!document.ok()) return problem(document.error(), request.request_id);
  Response response = Response::json(200, *document);
  response.with_header("Content-Disposition",
                       "attachment; filename=\"subject-access-" + person->str() + ".json\"");
  return response;
}

Response erasure(store::Database& database, const Request& request) {
  Result<PersonId> person = path_person(request);
  if (!person.ok()) return problem(person.error(), request.request_id);
  Result<ErasureInput> input = read_input(request, &read_erasure);
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<access::ErasureOutcome> erased = access::SubjectRights(database).erase(
      *person, input->reason, access::requester_of(*request.actor, request.client_address));
  if (!erased.ok()) return problem(erased.error(), request.request_id);
  const store::AnonymisedCounts& counts = erased->counts;
  return Response::json(200, {{"personId", erased->person.str()},
                              {"erasureId", erased->erasure_id},
                              {"erasedAt", erased->erased_at},
                              {"alreadyErased", erased->already_erased},
                              {"cleared",
                               {{"supportActNotes", counts.support_act_notes},
                                {"agreements", counts.agreements},
                                {"assessmentNotes", counts.assessment_notes},
                                {"referralNotes", counts.referral_notes},
                                {"consentNotes", counts.consent_notes},
                                {"breakGlassReasons", counts.break_glass_reasons},
                                {"households", counts.households},
                                {"helpRequests", counts.help_requests},
                                {"matches", counts.matches},
                                {"volunteerProfiles", counts.volunteer_profiles},
                                {"accountsDisabled", counts.accounts_disabled}}}});
}

nlohmann::json count(std::string_view description) {
  return {{"type", "integer"}, {"format", "int32"}, {"minimum", 0}, {"description", description}};
}

nlohmann::json subject_access_schema() {
  return {{"type", "object"},
          {"description",
           "Everything stored about one person. records holds one array per table (camelCase), "
           "each row an object of its columns; ids of other people appear, their names never do. "
           "Password hashes, session tokens and the audit chain's hashes are never included."},
          {"required", {"format", "personId", "exportedAt", "records"}},
          {"properties",
           {{"format", {{"type", "string"}, {"enum", {"dichtbij.subject-access.v1"}}}},
            {"personId", {{"type", "string"}, {"format", "uuid"}}},
            {"exportedAt", {{"type", "string"}, {"format", "date-time"}}},
            {"records",
             {{"type", "object"},
              {"additionalProperties", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}};
}

nlohmann::json erasure_schema() {
  return {{"type", "object"},
          {"description", "What an erasure did. Erasing again is harmless and says so."},
          {"required", {"personId", "erasureId", "erasedAt", "alreadyErased", "cleared"}},
          {"properties",
           {{"personId", {{"type", "string"}, {"format", "uuid"}}},
            {"erasureId",
             {{"type", "string"}, {"format", "uuid"}, {"description", "The erasure record."}}},
            {"erasedAt",
             {{"type", "string"},
              {"format", "date-time"},
              {"description", "When the person was first erased."}}},
            {"alreadyErased",
             {{"type", "boolean"},
              {"description",
               "The person had been erased before; anything added since was "
               "cleared all the same."}}},
            {"cleared",
             {{"type", "object"},
              {"description", "What this request changed."},
              {"required",
               {"supportActNotes", "agreements", "assessmentNotes", "referralNotes", "consentNotes",
                "breakGlassReasons", "households", "helpRequests", "matches", "volunteerProfiles",
                "accountsDisabled"}},
              {"properties",
               {{"supportActNotes", count("Notes of support acts the person took part in.")},
                {"agreements",
                 count("Agreements they were responsible for (goal, action, why; every version).")},
                {"assessmentNotes", count("Notes of assessments of or by them.")},
                {"referralNotes", count("Notes of referrals of or by them.")},
                {"consentNotes", count("Notes of consents of households they were a member of.")},
                {"breakGlassReasons",
                 count("Reasons given for opening a household they were a member of, replaced "
                       "by the placeholder; the openings stay.")},
                {"households", count("Households they were the only member of, renamed.")},
                {"helpRequests",
                 count("Help requests of households they were a member of: description replaced "
                       "by the placeholder, interests cleared.")},
                {"matches", count("Matches of them as volunteer or of their households: reason and "
                                  "explanation cleared.")},
                {"volunteerProfiles",
                 count("Their volunteer profiles: interests, home buurt and exclusions cleared, "
                       "and paused.")},
                {"accountsDisabled", count("Their accounts, disabled and renamed.")}}}}}}}};
}

const char* kAdminOnly =
    " Administrators only; anyone else gets 403, and the attempt is in the audit log.";

}  // namespace

void add_subject_rights_routes(ApiRegistry& registry, store::Database& database) {
  const std::string base = "/api/v1/persons/:id/";
  const nlohmann::json id = id_parameter("The person's id.");
  registry.routes.push_back(
      {Method::get, base + "subject-access",
       [&database](const Request& request) { return subject_access(database, request); },
       nlohmann::json{
           {"operationId", "getPersonSubjectAccess"},
           {"summary", "Everything stored about a person (GDPR art. 15)"},
           {"description",
            std::string("The person, their roles and memberships, household spells, ties, "
                        "agreements with history, support acts, assessments and referrals, "
                        "consents and break-glass openings of their households and by their "
                        "accounts, help requests of their households and asked by them, their "
                        "volunteer profiles and their matches, accounts and sessions, the audit "
                        "events about them and any erasure records, as one document.") +
                kAdminOnly},
           {"tags", {kTag}},
           {"parameters", {id}},
           {"responses",
            {{"200", json_answer("The document.", "SubjectAccess")},
             {"400", component_ref("responses", "BadRequest")},
             {"403", component_ref("responses", "Forbidden")},
             {"404", component_ref("responses", "NotFound")},
             {"503", component_ref("responses", "ServiceUnavailable")}}}}
           .dump(),
       true, RoleSet{AccountRole::admin}});
  registry.routes.push_back(
      {Method::post, base + "erasure",
       [&database](const Request& request) { return erasure(database, request); },
       nlohmann::json{
           {"operationId", "erasePerson"},
           {"summary", "Anonymise a person in place (GDPR art. 17)"},
           {"description",
            std::string(
                "The display name becomes \"Geanonimiseerd\"; birth year, buurt, languages and "
                "skills are cleared, and the free text of acts, agreements, assessments and "
                "referrals they take part in, and of consents, break-glass openings, help "
                "requests and matches of their households; their volunteer profiles lose "
                "interests, home buurt and exclusions and are paused; households they were the "
                "only member of lose their name and notes. "
                "Ids stay, so counts and networks stay true. Their "
                "accounts are disabled and signed out. The erasure is recorded (who, when, why), "
                "never what was erased. Idempotent: a second request says alreadyErased.") +
                kAdminOnly},
           {"tags", {kTag}},
           {"parameters", {id}},
           {"requestBody", json_request_body("ErasureInput")},
           {"responses",
            {{"200", json_answer("Erased (or erased before).", "Erasure")},
             {"400", component_ref("responses", "BadRequest")},
             {"403", component_ref("responses", "Forbidden")},
             {"404", component_ref("responses", "NotFound")},
             {"503", component_ref("responses", "ServiceUnavailable")}}}}
           .dump(),
       true, RoleSet{AccountRole::admin}});
  registry.schemas["SubjectAccess"] = subject_access_schema();
  registry.schemas["Erasure"] = erasure_schema();
  registry.schemas["ErasureInput"] = input_schema(&read_erasure);
  registry.tags.push_back(
      {{"name", kTag},
       {"description", "A person's rights of access and erasure; administrators only."}});
}

}  // namespace dichtbij::api
