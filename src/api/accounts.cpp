#include "api/accounts.hpp"

#include <algorithm>

#include "access/accounts.hpp"
#include "access/policy.hpp"
#include "api/audited_answer.hpp"
#include "api/openapi.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"

namespace dichtbij::api {

namespace {

constexpr std::string_view kTag = "Accounts";
constexpr std::size_t kMaxPassword = 256;

struct NewAccount {
  AccountFields fields;
  std::string password;
};

void read_new_account(FieldReader& reader, NewAccount& account) {
  reader.text("username", account.fields.username, AccountFields::kMaxUsernameLength,
              "Lower-case letters, digits, '.', '-', '_' and '@'.");
  reader.enumeration("role", account.fields.role, "What the account may do in general.");
  reader.optional_id("personId", account.fields.person,
                     "The person whose account this is: how the access rules find their "
                     "households.");
  reader.optional_id("practiceId", account.fields.practice,
                     "The practice a coordinator coordinates; only for coordinators.");
  reader.text("password", account.password, kMaxPassword,
              "At least 12 characters and not a common password; passed on to its holder, who "
              "can change it.");
}

struct Status {
  bool disabled = false;
};

void read_status(FieldReader& reader, Status& status) {
  reader.boolean("disabled", status.disabled,
                 "A disabled account cannot sign in, and its sessions end at once.");
}

struct NewPassword {
  std::string password;
};

void read_new_password(FieldReader& reader, NewPassword& input) {
  reader.text("password", input.password, kMaxPassword,
              "The new password, checked like a new account's. Lifts a lockout and ends the "
              "account's sessions.");
}

struct Requirement {
  std::vector<AccountRole> roles;
};

void read_requirement(FieldReader& reader, Requirement& requirement) {
  reader.enumeration_list("requiredRoles", requirement.roles, 0,
                          "Every role whose accounts must sign in with a second factor.");
}

std::string_view state_code(access::SecondFactorState state) {
  switch (state) {
    case access::SecondFactorState::active: return "active";
    case access::SecondFactorState::pending: return "pending";
    case access::SecondFactorState::none: break;
  }
  return "none";
}

nlohmann::json to_json(const Account& account, const access::SecondFactorStatus& factor) {
  const auto optional = [](const auto& value) {
    return value ? nlohmann::json(value->str()) : nlohmann::json();
  };
  return {{"id", account.id.str()},
          {"username", account.fields.username},
          {"role", to_code(account.fields.role)},
          {"personId", optional(account.fields.person)},
          {"practiceId", optional(account.fields.practice)},
          {"disabled", account.disabled},
          {"failedSignIns", account.failed_sign_ins},
          {"lockedUntil",
           account.locked_until ? nlohmann::json(*account.locked_until) : nlohmann::json()},
          {"createdAt", account.created_at},
          {"secondFactor", {{"state", state_code(factor.state)}, {"required", factor.required}}}};
}

Result<nlohmann::json> described(access::SecondFactors& second_factors, const Account& account) {
  Result<access::SecondFactorStatus> factor = second_factors.status_of(account);
  if (!factor.ok()) return std::move(factor).error();
  return to_json(account, *factor);
}

access::AuditEvent event_of(const Request& request, std::string action) {
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = std::move(action);
  event.client_address = request.client_address;
  return event;
}

Response list(store::Database& database, access::SecondFactors& second_factors,
              const Request& request) {
  Result<std::vector<Account>> accounts = access::Accounts(database).list();
  if (!accounts.ok()) return problem(accounts.error(), request.request_id);
  nlohmann::json items = nlohmann::json::array();
  for (const Account& account : *accounts) {
    Result<nlohmann::json> item = described(second_factors, account);
    if (!item.ok()) return problem(item.error(), request.request_id);
    items.push_back(std::move(*item));
  }
  access::AuditEvent event = event_of(request, "account.list");
  event.reason = "accounts=" + std::to_string(accounts->size());
  return once_audited(database, std::move(event), Response::json(200, {{"items", items}}));
}

Response create(store::Database& database, access::SecondFactors& second_factors,
                const Request& request) {
  Result<NewAccount> input = read_input(request, &read_new_account);
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<Account> created =
      access::Accounts(database).add(input->fields, input->password, request.actor);
  if (!created.ok()) return problem(created.error(), request.request_id);
  Result<nlohmann::json> item = described(second_factors, *created);
  if (!item.ok()) return problem(item.error(), request.request_id);
  Response response = Response::json(201, *item);
  response.headers.emplace_back("Location",
                                std::string(kApiBasePath) + "/accounts/" + created->id.str());
  return response;
}

// The account named by the path, or the problem to answer.
Result<Account> account_of(store::Database& database, const Request& request) {
  const std::string_view id = request.path_param("id");
  if (!is_uuid(id)) {
    return make_error(ErrorCode::not_found, "there is no account " + std::string(id));
  }
  return access::Accounts(database).get(AccountId(std::string(id)));
}

Response set_status(store::Database& database, access::SecondFactors& second_factors,
                    const Request& request) {
  Result<Account> account = account_of(database, request);
  if (!account.ok()) return problem(account.error(), request.request_id);
  Result<Status> status = read_input(request, &read_status);
  if (!status.ok()) return problem(status.error(), request.request_id);
  if (status->disabled && request.actor->account == account->id) {
    return problem(make_error(ErrorCode::conflict,
                              "you cannot disable your own account: ask another administrator"),
                   request.request_id);
  }
  access::Accounts accounts(database);
  if (Result<void> set =
          accounts.set_disabled(account->fields.username, status->disabled, request.actor);
      !set.ok()) {
    return problem(set.error(), request.request_id);
  }
  Result<Account> changed = accounts.get(account->id);
  if (!changed.ok()) return problem(changed.error(), request.request_id);
  Result<nlohmann::json> item = described(second_factors, *changed);
  if (!item.ok()) return problem(item.error(), request.request_id);
  return Response::json(200, *item);
}

Response set_password(store::Database& database, const Request& request) {
  Result<Account> account = account_of(database, request);
  if (!account.ok()) return problem(account.error(), request.request_id);
  Result<NewPassword> input = read_input(request, &read_new_password);
  if (!input.ok()) return problem(input.error(), request.request_id);
  if (Result<void> set = access::Accounts(database).set_password(account->fields.username,
                                                                 input->password, request.actor);
      !set.ok()) {
    return problem(set.error(), request.request_id);
  }
  return no_content();
}

nlohmann::json requirement_json(const std::vector<AccountRole>& roles) {
  nlohmann::json codes = nlohmann::json::array();
  for (AccountRole role : roles) codes.push_back(to_code(role));
  return {{"requiredRoles", codes}};
}

Response get_requirement(access::SecondFactors& second_factors, const Request& request) {
  Result<std::vector<AccountRole>> roles = second_factors.required_roles();
  if (!roles.ok()) return problem(roles.error(), request.request_id);
  return Response::json(200, requirement_json(*roles));
}

Response set_requirement(access::SecondFactors& second_factors, const Request& request) {
  Result<Requirement> input = read_input(request, &read_requirement);
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<std::vector<AccountRole>> current = second_factors.required_roles();
  if (!current.ok()) return problem(current.error(), request.request_id);
  for (std::size_t i = 0; i != EnumTraits<AccountRole>::kValues.size(); ++i) {
    const auto role = static_cast<AccountRole>(i);
    const bool wanted = std::ranges::find(input->roles, role) != input->roles.end();
    const bool now = std::ranges::find(*current, role) != current->end();
    if (wanted == now) continue;
    if (Result<void> set = second_factors.set_required(role, wanted, request.actor); !set.ok()) {
      return problem(set.error(), request.request_id);
    }
  }
  Result<std::vector<AccountRole>> roles = second_factors.required_roles();
  if (!roles.ok()) return problem(roles.error(), request.request_id);
  return Response::json(200, requirement_json(*roles));
}

nlohmann::json account_schema() {
  const nlohmann::json nullable_uuid{{"type", {"string", "null"}}, {"format", "uuid"}};
  return {
      {"type", "object"},
      {"required",
       {"id", "username", "role", "personId", "practiceId", "disabled", "failedSignIns",
        "lockedUntil", "createdAt", "secondFactor"}},
      {"properties",
       {{"id", {{"type", "string"}, {"format", "uuid"}}},
        {"username", {{"type", "string"}}},
        {"role", enum_schema(enumeration_info<AccountRole>())},
        {"personId", nullable_uuid},
        {"practiceId", nullable_uuid},
        {"disabled", {{"type", "boolean"}}},
        {"failedSignIns",
         {{"type", "integer"}, {"description", "Failed sign-ins since the last success."}}},
        {"lockedUntil",
         {{"type", {"string", "null"}},
          {"description", "Until when repeated failures lock the account (UTC); null if not."}}},
        {"createdAt", {{"type", "string"}}},
        {"secondFactor",
         {{"type", "object"},
          {"required", {"state", "required"}},
          {"properties",
           {{"state", {{"type", "string"}, {"enum", {"none", "pending", "active"}}}},
            {"required", {{"type", "boolean"}}}}}}}}}};
}

nlohmann::json operation(std::string_view id, std::string_view summary, std::string_view text,
                         nlohmann::json responses, std::optional<std::string_view> body = {}) {
  nlohmann::json operation{{"operationId", id},
                           {"summary", summary},
                           {"description", text},
                           {"tags", {kTag}},
                           {"responses", std::move(responses)}};
  if (body) operation["requestBody"] = json_request_body(*body);
  return operation;
}

nlohmann::json errors(nlohmann::json responses, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    const std::string_view component = name == "400"   ? "BadRequest"
                                       : name == "403" ? "Forbidden"
                                       : name == "404" ? "NotFound"
                                       : name == "409" ? "Conflict"
                                                       : "ServiceUnavailable";
    responses[std::string(name)] = component_ref("responses", component);
  }
  return responses;
}

}  // namespace

void add_account_routes(ApiRegistry& registry, store::Database& database,
                        std::shared_ptr<access::SecondFactors> second_factors) {
  using access::Operation;
  using access::Resource;
  const std::string base = std::string(kApiBasePath);
  registry.schemas["Account"] = account_schema();
  registry.schemas["AccountInput"] = input_schema(&read_new_account);
  registry.schemas["AccountStatusInput"] = input_schema(&read_status);
  registry.schemas["AccountPasswordInput"] = input_schema(&read_new_password);
  registry.schemas["SecondFactorRequirement"] = input_schema(&read_requirement);
  const nlohmann::json id = uuid_path_parameter("id", "The account's id.");

  registry.routes.push_back(
      {Method::get, base + "/accounts",
       [&database, second_factors](const Request& request) {
         return list(database, *second_factors, request);
       },
       operation("listAccounts", "Every account",
                 "With its lockout (failed sign-ins, locked until) and second-factor state. "
                 "Administrators only; the listing is audited.",
                 errors({{"200",
                          {{"description", "The accounts, by username."},
                           {"headers", {{"API-Version", component_ref("headers", "API-Version")}}},
                           {"content",
                            {{"application/json",
                              {{"schema",
                                {{"type", "object"},
                                 {"required", {"items"}},
                                 {"properties",
                                  {{"items",
                                    {{"type", "array"},
                                     {"items", component_ref("schemas", "Account")}}}}}}}}}}}}}},
                        {"403", "503"}))
           .dump(),
       true, access::allowed_roles(Resource::account, Operation::list)});
  registry.routes.push_back(
      {Method::post, base + "/accounts",
       [&database, second_factors](const Request& request) {
         return create(database, *second_factors, request);
       },
       operation("createAccount", "Add an account",
                 "The same rules as `dichtbij user add`: a valid username, a password of at "
                 "least 12 characters that is not a common one, a practice for a coordinator "
                 "and only for one. 409 when the username is taken (also when a create is "
                 "retried).",
                 errors({{"201", json_answer("The new account.", "Account")}},
                        {"400", "403", "409", "503"}),
                 "AccountInput")
           .dump(),
       true, access::allowed_roles(Resource::account, Operation::create)});
  nlohmann::json status =
      operation("setAccountStatus", "Disable or enable an account",
                "Disabling ends the account's sessions at once. You cannot disable your own "
                "account (409).",
                errors({{"200", json_answer("The account.", "Account")}},
                       {"400", "403", "404", "409", "503"}),
                "AccountStatusInput");
  status["parameters"] = {id};
  registry.routes.push_back({Method::put, base + "/accounts/:id/status",
                             [&database, second_factors](const Request& request) {
                               return set_status(database, *second_factors, request);
                             },
                             status.dump(), true,
                             access::allowed_roles(Resource::account, Operation::update)});
  nlohmann::json password = operation(
      "setAccountPassword", "Give an account a new password",
      "For a holder who forgot theirs or is locked out: lifts the lockout and ends "
      "the account's sessions.",
      errors({{"204",
               {{"description", "Set."},
                {"headers", {{"API-Version", component_ref("headers", "API-Version")}}}}}},
             {"400", "403", "404", "503"}),
      "AccountPasswordInput");
  password["parameters"] = {id};
  registry.routes.push_back(
      {Method::put, base + "/accounts/:id/password",
       [&database](const Request& request) { return set_password(database, request); },
       password.dump(), true, access::allowed_roles(Resource::account, Operation::update)});
  registry.routes.push_back(
      {Method::get, base + "/settings/second-factor",
       [second_factors](const Request& request) {
         return get_requirement(*second_factors, request);
       },
       operation(
           "getSecondFactorRequirement", "The roles that must use a second factor",
           "Accounts of these roles must set up TOTP before they can do anything else.",
           errors({{"200", json_answer("The roles.", "SecondFactorRequirement")}}, {"403", "503"}))
           .dump(),
       true, access::allowed_roles(Resource::setting, Operation::read)});
  registry.routes.push_back(
      {Method::put, base + "/settings/second-factor",
       [second_factors](const Request& request) {
         return set_requirement(*second_factors, request);
       },
       operation("setSecondFactorRequirement", "Choose the roles that must use a second factor",
                 "Sessions already open without one are limited (or freed) at once. Each "
                 "change is audited.",
                 errors({{"200", json_answer("The roles now.", "SecondFactorRequirement")}},
                        {"400", "403", "503"}),
                 "SecondFactorRequirement")
           .dump(),
       true, access::allowed_roles(Resource::setting, Operation::update)});
  registry.tags.push_back(
      {{"name", kTag},
       {"description", "Accounts and sign-in settings, for administrators (dichtbij user)."}});
}

}  // namespace dichtbij::api
