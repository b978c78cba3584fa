// The five routes most resources have — list, create, read, replace, delete —
// written once. A resource supplies a Spec:
//
//   struct Spec {
//     using Fields = …; using Record = …;   // Record has id, version, fields
//     using Repository = …;                 // create/get/update/remove as in store/
//     using Query = …;                      // what the list's query string holds
//     static constexpr std::string_view kCollection = "/api/v1/…";
//     static constexpr OperationNames kNames{…};
//     static constexpr bool kIfMatchRequired = …;
//     static constexpr std::string_view kDescription = "…";   // of one item
//     static void read_fields(FieldReader&, Fields&);
//     static std::vector<InvalidParam> check(const Fields&);   // cross-field rules
//     static nlohmann::json to_json(const Record&);
//     static Query read_query(QueryReader&);
//     static Result<Page<Record>> list(Repository&, const Query&, const Paging&);
//   };
//
// A resource that lives inside another (a household's ties) also has
//
//     using Scope = HouseholdId;
//     static constexpr std::string_view kScopeParameter = "householdId";  // in kCollection
//     static constexpr std::string_view kScopeName = "household";
//     static bool scope_exists(store::Transaction&, const Scope&);
//     static Repository repository(store::Transaction&, const Scope&);
//
// and every route answers 404 when the enclosing record does not exist.
//
// Every resource names its kind for the access policy (access/policy.hpp):
//
//     static constexpr access::Resource kResource = access::Resource::tie;
//
// which says which roles reach each route. When the kind holds personal
// data, every operation is decided per household and is an audit event
// (access/audit.hpp): writes in their own transaction, reads committed
// before the answer is sent, refusals too. A flat resource that belongs to
// a household says which:
//
//     static std::optional<HouseholdId> household_of(const Record&);
//     static HouseholdId household_of(const Fields&);   // when it is created
//
// and its Query has `std::optional<Reach> reach`, so a list holds only
// households within the caller's reach. A repository whose create or update
// also takes an AccountId is given the caller's account, to record who
// made the change (a person's creator, a consent's recorder). Optional hooks:
//
//     static PersonId owner(const Record&), owner(const Fields&);
//     static void limit_to_owner(Query&, const PersonId&);
//         // whose record it is, for callers who see only their own
//     static nlohmann::json to_minimised_json(const Record&);
//         // what a volunteer sees
//     static Result<void> check_create(const Actor&, const Fields&);
//     static Result<void> check_update(const access::HouseholdAccess&,
//                                      const Record& before, const Fields& after);
//
// A resource that is someone's but no household's (a volunteer's profile)
// is decided per record, and per list, by the policy instead:
//
//     static Result<void> may(const Actor&, access::Operation, const Fields&);
//     static Result<void> may_change(const Actor&, const Fields& before,
//                                    const Fields& after);
//     static std::optional<Query> visible(const Actor&, Query);
//         // the query narrowed to what the caller may see; nullopt: nothing
//
// and its operations are audit events when access::is_audited() says so.
//
// Every route validates all input before touching the database, runs in one
// transaction, and answers problem+json for every error.
#pragma once

#include <string>
#include <type_traits>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "api/audited_answer.hpp"
#include "api/idempotency.hpp"
#include "api/operation_docs.hpp"
#include "api/preconditions.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/resource_support.hpp"
#include "core/page.hpp"
#include "store/database.hpp"
#include "store/reach.hpp"

namespace dichtbij::api {

// Flat resources have no scope.
struct NoScope {};

template <typename Spec>
struct ScopeOf {
  using type = NoScope;
};
template <typename Spec>
requires requires {
  typename Spec::Scope;
}
struct ScopeOf<Spec> {
  using type = typename Spec::Scope;
};

template <typename Spec>
class CrudRoutes {
  using Scope = typename ScopeOf<Spec>::type;
  static constexpr bool kScoped = !std::is_same_v<Scope, NoScope>;
  using Fields = typename Spec::Fields;
  using Record = typename Spec::Record;
  using RecordId = decltype(Record::id);
  using Repository = typename Spec::Repository;
  using Query = typename Spec::Query;

 public:
  // REQUIRES: database outlives the routes.
  static void add(ApiRegistry& registry, store::Database& database) {
    const std::string collection(Spec::kCollection);
    const std::string item = collection + "/:id";
    auto bind = [&database](Response (*handler)(store::Database&, const Request&)) {
      return [&database, handler](const Request& request) { return handler(database, request); };
    };
    QueryReader query = QueryReader::describer();
    (void)Spec::read_query(query);
    (void)query.paging();
    const std::string name(Spec::kNames.schema);

    // An operation no role may do has no route.
    auto add_route = [&](access::Operation operation, Method method, const std::string& path,
                         Response (*handler)(store::Database&, const Request&),
                         std::string operation_doc) {
      const RoleSet allowed = access::allowed_roles(Spec::kResource, operation);
      if (allowed.empty()) return;
      registry.routes.push_back(
          {method, path, bind(handler), scoped(std::move(operation_doc)), true, allowed});
    };
    add_route(access::Operation::list, Method::get, collection, &list,
              list_operation(Spec::kNames, "list" + name + "s", query.parameters()));
    add_route(access::Operation::create, Method::post, collection, &create,
              create_operation(Spec::kNames, "create" + name));
    add_route(access::Operation::read, Method::get, item, &read,
              read_operation(Spec::kNames, "get" + name));
    add_route(access::Operation::update, Method::put, item, &update,
              update_operation(Spec::kNames, "update" + name, Spec::kIfMatchRequired));
    add_route(access::Operation::remove, Method::delete_, item, &remove,
              delete_operation(Spec::kNames, "delete" + name));

    const nlohmann::json input = input_schema(&Spec::read_fields);
    registry.schemas[std::string(Spec::kNames.input_schema)] = input;
    registry.schemas[name] = output_schema(input, Spec::kDescription);
    // Read-only properties the server derives, which no input carries.
    if constexpr (requires(nlohmann::json & schema) { Spec::add_derived_properties(schema); }) {
      Spec::add_derived_properties(registry.schemas[name]);
    }
  }

 private:
  static constexpr bool kPersonal = access::holds_personal_data(Spec::kResource);
  static constexpr bool kAudited = access::is_audited(Spec::kResource);
  // Decided per record by Spec::may() rather than per household.
  static constexpr bool kOwnRecords = requires(const Actor& actor, const Fields& fields) {
    Spec::may(actor, access::Operation::read, fields);
  };
  static constexpr bool kPersons = Spec::kResource == access::Resource::person;
  static constexpr bool kHouseholds = Spec::kResource == access::Resource::household;

  // What the policy decided about one request.
  struct Decision {
    access::HouseholdAccess access;
    std::optional<std::string> household;
    std::optional<std::string> refusal;  // why not, when refused
  };

  static std::string name_of(access::Operation operation) {
    switch (operation) {
      case access::Operation::list: return "list";
      case access::Operation::read: return "read";
      case access::Operation::create: return "create";
      case access::Operation::update: return "update";
      case access::Operation::remove: return "delete";
    }
    return "";
  }

  static access::AuditEvent audit_event(const Request& request, access::Operation operation,
                                        const Decision& decision, const Record* record) {
    access::AuditEvent event;
    event.actor = request.actor;
    event.action = std::string(access::resource_name(Spec::kResource)) + "." + name_of(operation);
    event.household_id = decision.household;
    if (record != nullptr) event.record_id = record->id.str();
    event.break_glass = decision.access.break_glass();
    event.allowed = !decision.refusal;
    event.client_address = request.client_address;
    return event;
  }

  // Records a write in its own transaction.
  static Result<void> audit(store::Transaction& transaction, const Request& request,
                            access::Operation operation, const Decision& decision,
                            const Record* record) {
    if constexpr (!kAudited) return {};
    return access::record(transaction, audit_event(request, operation, decision, record));
  }

  // answer to a read, sent once the read's event is committed.
  static Response audited(store::Database& database, const Request& request,
                          access::Operation operation, const Decision& decision,
                          const Record* record, Response answer) {
    if constexpr (!kAudited) return answer;
    return once_audited(database, audit_event(request, operation, decision, record),
                        std::move(answer));
  }

  // The answer to a refused request, once the refusal is in the audit log.
  static Response refused(store::Database& database, const Request& request,
                          access::Operation operation, const Decision& decision,
                          const std::optional<RecordId>& id) {
    access::AuditEvent event = audit_event(request, operation, decision, nullptr);
    if (id) event.record_id = id->str();
    if (Result<void> audited = access::record(database, event); !audited.ok()) {
      return problem(audited.error(), request.request_id);
    }
    return problem(make_error(ErrorCode::forbidden, *decision.refusal), request.request_id);
  }

  static const Actor& actor(const Request& request) { return *request.actor; }

  // How the caller stands to a household; refused unless operation is
  // permitted there.
  static Result<Decision> decide(store::Transaction& transaction, const Request& request,
                                 access::Operation operation, const HouseholdId& household) {
    Result<access::HouseholdAccess> access =
        access::household_access(transaction, actor(request), household);
    if (!access.ok()) return std::move(access).error();
    Decision decision{*access, household.str(), std::nullopt};
    if (!access::permits(*access, Spec::kResource, operation)) {
      decision.refusal = "you have no access to household " + household.str() + " for this";
    }
    return decision;
  }

  // The caller's own records only, at some standings (a volunteer's acts).
  template <typename Item>
  static void check_owner(const Request& request, Decision& decision, const Item& item) {
    if constexpr (requires { Spec::owner(item); }) {
      if (decision.refusal || !access::own_records_only(decision.access, Spec::kResource)) return;
      if (!actor(request).person || Spec::owner(item) != *actor(request).person) {
        decision.refusal = "you may only see and change your own " +
                           std::string(Spec::kNames.singular) + "s in this household";
      }
    } else {
      (void)request, (void)decision, (void)item;
    }
  }

  // The policy's answer about a record that is no household's.
  static Result<Decision> decided_by(const Result<void>& allowed) {
    Decision decision;
    if (!allowed.ok()) decision.refusal = allowed.error().message;
    return decision;
  }

  // The decision about an existing record (read, update, delete).
  static Result<Decision> decide_on(store::Transaction& transaction, const Request& request,
                                    access::Operation operation, const Scope& scope,
                                    const Record& record) {
    if constexpr (kOwnRecords) {
      (void)transaction, (void)scope;
      return decided_by(Spec::may(actor(request), operation, record.fields));
    } else if constexpr (!kPersonal) {
      return Decision{};
    } else if constexpr (kScoped) {
      Result<Decision> decision = decide(transaction, request, operation, scope);
      if (decision.ok()) check_owner(request, *decision, record);
      return decision;
    } else if constexpr (kPersons) {
      Result<bool> within =
          store::person_within_reach(transaction, access::reach(actor(request)), record.id.str());
      if (!within.ok()) return std::move(within).error();
      Decision decision;
      decision.access.standing = access::Standing::team;
      if (!*within) decision.refusal = "you have no access to person " + record.id.str();
      return decision;
    } else {
      const std::optional<HouseholdId> household = Spec::household_of(record);
      Result<Decision> decision = decide(transaction, request, operation, *household);
      if (decision.ok()) check_owner(request, *decision, record);
      return decision;
    }
  }

  // The decision about a new record, or a record's new fields.
  static Result<Decision> decide_on(store::Transaction& transaction, const Request& request,
                                    access::Operation operation, const Scope& scope,
                                    const Fields& fields) {
    if constexpr (kOwnRecords) {
      (void)transaction, (void)scope;
      return decided_by(Spec::may(actor(request), operation, fields));
    } else if constexpr (!kPersonal || kPersons) {
      return Decision{};
    } else if constexpr (kHouseholds) {
      Decision decision;
      if (Result<void> allowed = Spec::check_create(actor(request), fields); !allowed.ok()) {
        decision.refusal = allowed.error().message;
      }
      return decision;
    } else {
      Result<Decision> decision = [&] {
        if constexpr (kScoped) {
          return decide(transaction, request, operation, scope);
        } else {
          // An unknown household in the body is bad input, like any other
          // unknown reference.
          Result<Decision> decided =
              decide(transaction, request, operation, Spec::household_of(fields));
          if (decided.ok() || decided.error().code != ErrorCode::not_found) return decided;
          Error error = make_error(ErrorCode::invalid_input,
                                   "the " + std::string(Spec::kNames.singular) + " is not valid");
          error.invalid_params.push_back({"householdId", decided.error().message});
          return Result<Decision>(std::move(error));
        }
      }();
      if (decision.ok()) check_owner(request, *decision, fields);
      return decision;
    }
  }

  static nlohmann::json to_json(const Request& request, const Record& record) {
    if constexpr (requires { Spec::to_minimised_json(record); }) {
      if (access::minimised_view(actor(request))) return Spec::to_minimised_json(record);
    }
    return Spec::to_json(record);
  }

  // The operation with the enclosing record's path parameter added.
  static std::string scoped(std::string operation) {
    nlohmann::json json = nlohmann::json::parse(operation);
    if constexpr (kScoped) {
      json["parameters"].insert(
          json["parameters"].begin(),
          nlohmann::json{{"name", Spec::kScopeParameter},
                         {"in", "path"},
                         {"required", true},
                         {"description", "The " + std::string(Spec::kScopeName) + "'s id."},
                         {"schema", {{"type", "string"}, {"format", "uuid"}}}});
      json["responses"]["404"] = {{"$ref", "#/components/responses/NotFound"}};
    }
    if constexpr (kPersonal || kOwnRecords) {
      json["responses"]["403"] = {{"$ref", "#/components/responses/Forbidden"}};
    }
    return json.dump();
  }

  static Result<Scope> path_scope(const Request& request) {
    if constexpr (!kScoped) {
      return NoScope{};
    } else {
      const std::string_view id = request.path_param(Spec::kScopeParameter);
      if (!is_uuid(id)) {
        return make_error(ErrorCode::not_found,
                          "there is no " + std::string(Spec::kScopeName) + " " + std::string(id));
      }
      return Scope(std::string(id));
    }
  }

  // The repository for the request's scope; not_found when the enclosing
  // record does not exist.
  static Result<Repository> open(store::Transaction& transaction, const Scope& scope) {
    if constexpr (!kScoped) {
      return Repository(transaction);
    } else {
      if (!Spec::scope_exists(transaction, scope)) {
        return make_error(ErrorCode::not_found,
                          "there is no " + std::string(Spec::kScopeName) + " " + scope.str());
      }
      return Spec::repository(transaction, scope);
    }
  }

  static std::string collection_path(const Scope& scope) {
    std::string path(Spec::kCollection);
    if constexpr (kScoped) {
      const std::string parameter = ":" + std::string(Spec::kScopeParameter);
      path.replace(path.find(parameter), parameter.size(), scope.str());
    }
    return path;
  }

  static Result<RecordId> path_id(const Request& request) {
    const std::string_view id = request.path_param("id");
    if (!is_uuid(id)) {
      return make_error(ErrorCode::not_found, "there is no " + std::string(Spec::kNames.singular) +
                                                  " " + std::string(id));
    }
    return RecordId(std::string(id));
  }

  static Result<Fields> read_body(const Request& request) {
    Result<Fields> fields = read_input(request, &Spec::read_fields);
    if (!fields.ok()) return fields;
    std::vector<InvalidParam> problems = Spec::check(*fields);
    if (problems.empty()) return fields;
    Error error = make_error(ErrorCode::invalid_input,
                             "the " + std::string(Spec::kNames.singular) + " is not valid");
    error.invalid_params = std::move(problems);
    return error;
  }

  // A list holds only what the caller may see: the enclosing household's
  // records when the caller may see that household, or the records of the
  // households within their reach.
  static Result<Decision> limit(store::Transaction& transaction, const Request& request,
                                const Scope& scope, Query& query) {
    Decision decision;
    if constexpr (kOwnRecords) {
      (void)transaction, (void)scope;
      std::optional<Query> visible = Spec::visible(actor(request), query);
      if (!visible) {
        decision.refusal = "you may not see these " + std::string(Spec::kNames.singular) + "s";
      } else {
        query = *visible;
      }
    } else if constexpr (kPersonal) {
      if constexpr (kScoped) {
        Result<Decision> decided = decide(transaction, request, access::Operation::list, scope);
        if (!decided.ok()) return decided;
        decision = *decided;
      } else {
        (void)transaction, (void)scope;
        query.reach = access::reach(actor(request));
        decision.access.standing = access::Standing::team;
        if (actor(request).role == AccountRole::volunteer) {
          decision.access.standing = access::Standing::helper;
        }
      }
      if constexpr (requires { Spec::limit_to_owner(query, PersonId()); }) {
        if (!decision.refusal && access::own_records_only(decision.access, Spec::kResource)) {
          Spec::limit_to_owner(query, actor(request).person.value_or(PersonId()));
        }
      }
    } else {
      (void)transaction, (void)request, (void)scope, (void)query;
    }
    return decision;
  }

  static Response list(store::Database& database, const Request& request) {
    QueryReader reader(request);
    Query query = Spec::read_query(reader);
    const PageRequest page = reader.paging();
    if (Result<void> checked = reader.finish(); !checked.ok()) {
      return problem(checked.error(), request.request_id);
    }
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Decision decision;
    Result<Page<Record>> found = database.in_transaction<Page<Record>>(
        store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<Page<Record>> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          Result<Decision> decided = limit(transaction, request, *scope, query);
          if (!decided.ok()) return std::move(decided).error();
          decision = *decided;
          if (decision.refusal) return Page<Record>{};
          return Spec::list(*repository, query, Paging{page.offset(), page.page_size});
        });
    if (!found.ok()) return problem(found.error(), request.request_id);
    if (decision.refusal) {
      return refused(database, request, access::Operation::list, decision, std::nullopt);
    }
    nlohmann::json items = nlohmann::json::array();
    for (const Record& record : found->items) items.push_back(to_json(request, record));
    return audited(database, request, access::Operation::list, decision, nullptr,
                   page_response(request, page, std::move(items), found->total));
  }

  static Response create(store::Database& database, const Request& request) {
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Result<Fields> fields = read_body(request);
    if (!fields.ok()) return problem(fields.error(), request.request_id);
    Decision decision;
    Response response =
        create_once(database, request, [&](store::Transaction& transaction) -> Result<Response> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          Result<Decision> decided =
              decide_on(transaction, request, access::Operation::create, *scope, *fields);
          if (!decided.ok()) return std::move(decided).error();
          decision = *decided;
          if (decision.refusal) return make_error(ErrorCode::forbidden, *decision.refusal);
          Result<Record> created = [&] {
            if constexpr (requires { repository->create(*fields, actor(request).account); }) {
              return repository->create(*fields, actor(request).account);
            } else {
              return repository->create(*fields);
            }
          }();
          if (!created.ok()) return std::move(created).error();
          if constexpr (kHouseholds) decision.household = created->id.str();
          if (Result<void> audited =
                  audit(transaction, request, access::Operation::create, decision, &*created);
              !audited.ok()) {
            return std::move(audited).error();
          }
          return item_response(201, to_json(request, *created), created->version,
                               collection_path(*scope) + "/" + created->id.str());
        });
    if (decision.refusal) {
      return refused(database, request, access::Operation::create, decision, std::nullopt);
    }
    return response;
  }

  static Response read(store::Database& database, const Request& request) {
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Result<RecordId> id = path_id(request);
    if (!id.ok()) return problem(id.error(), request.request_id);
    Decision decision;
    Result<Record> found = database.in_transaction<Record>(
        store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<Record> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          Result<Record> record = repository->get(*id);
          if (!record.ok()) return record;
          Result<Decision> decided =
              decide_on(transaction, request, access::Operation::read, *scope, *record);
          if (!decided.ok()) return std::move(decided).error();
          decision = *decided;
          return record;
        });
    if (!found.ok()) return problem(found.error(), request.request_id);
    if (decision.refusal) {
      return refused(database, request, access::Operation::read, decision, *id);
    }
    return audited(database, request, access::Operation::read, decision, &*found,
                   item_response(200, to_json(request, *found), found->version));
  }

  // The decision about changing current into fields: allowed on the record
  // as it is and, when it moves to another household, there too.
  static Result<Decision> decide_update(store::Transaction& transaction, const Request& request,
                                        const Scope& scope, const Record& current,
                                        const Fields& fields) {
    if constexpr (kOwnRecords) {
      (void)transaction, (void)scope;
      return decided_by(Spec::may_change(actor(request), current.fields, fields));
    } else {
      return decide_household_update(transaction, request, scope, current, fields);
    }
  }

  static Result<Decision> decide_household_update(store::Transaction& transaction,
                                                  const Request& request, const Scope& scope,
                                                  const Record& current, const Fields& fields) {
    Result<Decision> decision =
        decide_on(transaction, request, access::Operation::update, scope, current);
    if (!decision.ok() || decision->refusal) return decision;
    if constexpr (kHouseholds) {
      if (Result<void> allowed = Spec::check_update(decision->access, current, fields);
          !allowed.ok()) {
        decision->refusal = allowed.error().message;
      }
    } else if constexpr (kPersonal && !kPersons && !kScoped) {
      if (Spec::household_of(fields) != *Spec::household_of(current)) {
        Result<Decision> there =
            decide_on(transaction, request, access::Operation::create, scope, fields);
        if (!there.ok() || there->refusal) return there;
      } else {
        check_owner(request, *decision, fields);
      }
    }
    return decision;
  }

  static Response update(store::Database& database, const Request& request) {
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Result<RecordId> id = path_id(request);
    if (!id.ok()) return problem(id.error(), request.request_id);
    Result<std::optional<int>> expected = if_match_version(request, Spec::kIfMatchRequired);
    if (!expected.ok()) return problem(expected.error(), request.request_id);
    Result<Fields> fields = read_body(request);
    if (!fields.ok()) return problem(fields.error(), request.request_id);
    Decision decision;
    Result<Record> updated = database.in_transaction<Record>(
        store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<Record> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          Result<Record> current = repository->get(*id);
          if (!current.ok()) return current;
          Result<Decision> decided = decide_update(transaction, request, *scope, *current, *fields);
          if (!decided.ok()) return std::move(decided).error();
          decision = *decided;
          if (decision.refusal) return make_error(ErrorCode::forbidden, *decision.refusal);
          Result<Record> updated = [&] {
            if constexpr (requires {
                            repository->update(*id, *expected, *fields, actor(request).account);
                          }) {
              return repository->update(*id, *expected, *fields, actor(request).account);
            } else {
              return repository->update(*id, *expected, *fields);
            }
          }();
          if (!updated.ok()) return updated;
          if (Result<void> audited =
                  audit(transaction, request, access::Operation::update, decision, &*updated);
              !audited.ok()) {
            return std::move(audited).error();
          }
          return updated;
        });
    if (decision.refusal) {
      return refused(database, request, access::Operation::update, decision, *id);
    }
    if (!updated.ok()) return problem(updated.error(), request.request_id);
    return item_response(200, to_json(request, *updated), updated->version);
  }

  static Response remove(store::Database& database, const Request& request) {
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Result<RecordId> id = path_id(request);
    if (!id.ok()) return problem(id.error(), request.request_id);
    Result<std::optional<int>> expected = if_match_version(request, false);
    if (!expected.ok()) return problem(expected.error(), request.request_id);
    Decision decision;
    Result<void> removed = database.in_transaction(
        store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          Result<Record> current = repository->get(*id);
          if (!current.ok()) return std::move(current).error();
          Result<Decision> decided =
              decide_on(transaction, request, access::Operation::remove, *scope, *current);
          if (!decided.ok()) return std::move(decided).error();
          decision = *decided;
          if (decision.refusal) return make_error(ErrorCode::forbidden, *decision.refusal);
          if (*expected && current->version != **expected) {
            return make_error(ErrorCode::precondition_failed,
                              "the " + std::string(Spec::kNames.singular) +
                                  " was changed by someone else since that ETag");
          }
          if (Result<void> removed = repository->remove(*id); !removed.ok()) return removed;
          return audit(transaction, request, access::Operation::remove, decision, &*current);
        });
    if (decision.refusal) {
      return refused(database, request, access::Operation::remove, decision, *id);
    }
    if (!removed.ok()) return problem(removed.error(), request.request_id);
    return no_content();
  }
};

}  // namespace dichtbij::api
