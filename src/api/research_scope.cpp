#include "api/research_scope.hpp"

#include <algorithm>

#include "api/audited_answer.hpp"
#include "api/idempotency.hpp"
#include "api/problem.hpp"

namespace dichtbij::api {

namespace {

std::string_view operation_name(access::Operation operation) {
  switch (operation) {
    case access::Operation::list: return "list";
    case access::Operation::read: return "read";
    case access::Operation::create: return "create";
    case access::Operation::update: return "update";
    case access::Operation::remove: return "delete";
  }
  return "read";
}

bool is_read(access::Operation operation) {
  return operation == access::Operation::list || operation == access::Operation::read;
}

// The events of the call for its further households (ResearchCall).
std::vector<access::AuditEvent> more_events(const ResearchCall& call) {
  std::vector<access::AuditEvent> events;
  for (const HouseholdId& household : call.more_households) {
    access::AuditEvent event = call.event;
    event.household_id = household.str();
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace

access::AuditEvent research_event(const Request& request, access::Resource resource,
                                  access::Operation operation) {
  access::AuditEvent event;
  event.actor = request.actor;
  event.action =
      std::string(access::resource_name(resource)) + "." + std::string(operation_name(operation));
  event.client_address = request.client_address;
  return event;
}

Response research_refusal(store::Database& database, const Request& request,
                          access::AuditEvent event, const std::string& why) {
  event.allowed = false;
  if (Result<void> recorded = access::record(database, event); !recorded.ok()) {
    return problem(recorded.error(), request.request_id);
  }
  return problem(make_error(ErrorCode::forbidden, why), request.request_id);
}

Response research_call(store::Database& database, const Request& request, access::Resource resource,
                       access::Operation operation, const ResearchWork& work) {
  Result<ResearchProjectId> project =
      research_path_id<ResearchProjectTag>(request, "projectId", "research project");
  if (!project.ok()) return problem(project.error(), request.request_id);
  ResearchCall call{request,
                    *project,
                    access::ProjectStanding::none,
                    research_event(request, resource, operation),
                    std::nullopt,
                    {}};
  call.event.reason = "project=" + project->str();
  auto body = [&](store::Transaction& transaction) -> Result<Response> {
    Result<access::ProjectStanding> standing =
        access::project_standing(transaction, call.actor(), call.project);
    if (!standing.ok()) return std::move(standing).error();
    call.standing = *standing;
    if (!access::permits_research(call.standing, resource, operation)) {
      call.refusal = "only the project's researchers may do this";
      return make_error(ErrorCode::forbidden, *call.refusal);
    }
    Result<Response> answer = work(transaction, call);
    if (call.refusal) return make_error(ErrorCode::forbidden, *call.refusal);
    if (!answer.ok() || answer->status >= 400 || is_read(operation)) return answer;
    if (Result<void> audited = access::record(transaction, call.event); !audited.ok()) {
      return std::move(audited).error();
    }
    for (const access::AuditEvent& event : more_events(call)) {
      if (Result<void> audited = access::record(transaction, event); !audited.ok()) {
        return std::move(audited).error();
      }
    }
    return answer;
  };
  Response response;
  if (operation == access::Operation::create) {
    response = create_once(database, request, body);
  } else {
    Result<Response> answer = database.in_transaction<Response>(
        is_read(operation) ? store::TransactionKind::read : store::TransactionKind::write, body);
    response = answer.ok() ? std::move(*answer) : problem(answer.error(), request.request_id);
  }
  if (call.refusal) return research_refusal(database, request, call.event, *call.refusal);
  if (is_read(operation) && response.status < 400) {
    // Rare (a note linked to several households): these commit before the
    // answer is even queued, the first goes the usual way.
    for (const access::AuditEvent& event : more_events(call)) {
      if (Result<void> recorded = access::record(database, event); !recorded.ok()) {
        return problem(recorded.error(), request.request_id);
      }
    }
    return once_audited(database, call.event, std::move(response));
  }
  return response;
}

Error withheld_note_error() {
  Error error = make_error(ErrorCode::conflict,
                           "a household the note is linked to has withdrawn its research consent: "
                           "the note can be deleted, but not changed or coded");
  error.problem_code = "researchConsentWithdrawn";
  return error;
}

void add_research_route(ApiRegistry& registry, access::Resource resource,
                        access::Operation operation, Method method, std::string_view path,
                        Handler handler, std::string operation_doc) {
  const RoleSet allowed = access::allowed_roles(resource, operation);
  if (allowed.empty()) return;
  nlohmann::json json = nlohmann::json::parse(operation_doc);
  if (!json.contains("parameters")) json["parameters"] = nlohmann::json::array();
  // The builders of operation_docs.hpp name the item "id"; the project
  // itself is the projectId.
  if (path.find(":id") == std::string_view::npos) {
    nlohmann::json& parameters = json["parameters"];
    parameters.erase(std::remove_if(parameters.begin(), parameters.end(),
                                    [](const nlohmann::json& parameter) {
                                      return parameter.value("in", "") == "path" &&
                                             parameter.value("name", "") == "id";
                                    }),
                     parameters.end());
  }
  json["parameters"].insert(json["parameters"].begin(),
                            uuid_path_parameter("projectId", "The research project's id."));
  json["responses"]["403"] = component_ref("responses", "Forbidden");
  json["responses"]["404"] = component_ref("responses", "NotFound");
  registry.routes.push_back({method,
                             std::string(kResearchProjects) + "/:projectId" + std::string(path),
                             std::move(handler), json.dump(), true, allowed});
}

}  // namespace dichtbij::api
