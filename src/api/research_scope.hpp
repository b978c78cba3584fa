// What the research routes (issue 9) share: every route under
// /api/v1/research/projects/:projectId decides the caller's standing in the
// project (access/policy.hpp project_standing), refuses with an audited 403
// what the policy does not permit, runs in one transaction, and is an audit
// event: a write in its own transaction, a read committed before the answer
// leaves (api/audited_answer.hpp).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "api/http.hpp"
#include "api/operation_docs.hpp"
#include "api/resource_support.hpp"
#include "core/research.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

inline constexpr std::string_view kResearchProjects = "/api/v1/research/projects";
inline constexpr std::string_view kResearchTag = "Research";

// What one research request works with. work sets event's record and
// household, and refusal when the policy refuses the record it found.
struct ResearchCall {
  const Request& request;
  ResearchProjectId project;
  access::ProjectStanding standing = access::ProjectStanding::none;
  access::AuditEvent event;
  std::optional<std::string> refusal;
  // Further households the record is linked to: each gets an event of its
  // own like `event`, so every household's access log shows the access.
  std::vector<HouseholdId> more_households;

  [[nodiscard]] const Actor& actor() const { return *request.actor; }
};

using ResearchWork = std::function<Result<Response>(store::Transaction&, ResearchCall&)>;

// Runs work for the project of the request's :projectId as operation on
// resource: in a write transaction (with Idempotency-Key for create) or a
// read one, after the standing check. An error answer of work rolls the
// transaction back. REQUIRES: database outlives the answer.
[[nodiscard]] Response research_call(store::Database& database, const Request& request,
                                     access::Resource resource, access::Operation operation,
                                     const ResearchWork& work);

// An audit event of operation on resource by the request's caller.
[[nodiscard]] access::AuditEvent research_event(const Request& request, access::Resource resource,
                                                access::Operation operation);

// The refusal recorded in the audit log, then a 403 naming why.
[[nodiscard]] Response research_refusal(store::Database& database, const Request& request,
                                        access::AuditEvent event, const std::string& why);

// The id in path parameter name; not_found (naming what) unless a UUID.
template <typename Tag>
[[nodiscard]] Result<Id<Tag>> research_path_id(const Request& request, std::string_view name,
                                               std::string_view what) {
  const std::string_view id = request.path_param(name);
  if (!is_uuid(id)) {
    return make_error(ErrorCode::not_found,
                      "there is no " + std::string(what) + " " + std::string(id));
  }
  return Id<Tag>(std::string(id));
}

// The body read with read_fields and checked with the core check() of
// Fields; invalid_input naming every problem, "the <what> is not valid".
template <typename Fields>
[[nodiscard]] Result<Fields> checked_input(const Request& request,
                                           void (*read_fields)(FieldReader&, Fields&),
                                           std::string_view what) {
  Result<Fields> fields = read_input(request, read_fields);
  if (!fields.ok()) return fields;
  if (std::vector<InvalidParam> problems = check(*fields); !problems.empty()) {
    Error error =
        make_error(ErrorCode::invalid_input, "the " + std::string(what) + " is not valid");
    error.invalid_params = std::move(problems);
    return error;
  }
  return fields;
}

// The refusal of a change to a field note (its text, its links, a coding
// of it) that a household it is linked to has withdrawn from research: 409,
// code researchConsentWithdrawn. Deleting such a note stays allowed.
[[nodiscard]] Error withheld_note_error();

// Adds a route under a project: path is relative to
// /api/v1/research/projects/:projectId ("" for the project itself); the
// operation gets the projectId parameter and the 403 and 404 answers. Roles
// from access::allowed_roles(resource, operation).
void add_research_route(ApiRegistry& registry, access::Resource resource,
                        access::Operation operation, Method method, std::string_view path,
                        Handler handler, std::string operation_doc);

}  // namespace dichtbij::api
