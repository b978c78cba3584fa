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
// A resource holding personal data names itself for the audit log:
//
//     static constexpr std::string_view kAuditResource = "tie";
//     static std::optional<HouseholdId> household_of(const Record&);  // flat ones
//
// and every operation on it is an audit event (access/audit.hpp): writes in
// their own transaction, reads committed before the answer is sent.
//
// Every route validates all input before touching the database, runs in one
// transaction, and answers problem+json for every error.
#pragma once

#include <string>
#include <type_traits>

#include "access/audit.hpp"
#include "api/idempotency.hpp"
#include "api/operation_docs.hpp"
#include "api/preconditions.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/resource_support.hpp"
#include "core/page.hpp"
#include "store/database.hpp"

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
concept Audited = requires {
  Spec::kAuditResource;
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

    registry.routes.push_back(
        {Method::get, collection, bind(&list),
         scoped(list_operation(Spec::kNames, "list" + name + "s", query.parameters()))});
    registry.routes.push_back({Method::post, collection, bind(&create),
                               scoped(create_operation(Spec::kNames, "create" + name))});
    registry.routes.push_back(
        {Method::get, item, bind(&read), scoped(read_operation(Spec::kNames, "get" + name))});
    registry.routes.push_back(
        {Method::put, item, bind(&update),
         scoped(update_operation(Spec::kNames, "update" + name, Spec::kIfMatchRequired))});
    registry.routes.push_back({Method::delete_, item, bind(&remove),
                               scoped(delete_operation(Spec::kNames, "delete" + name))});

    const nlohmann::json input = input_schema(&Spec::read_fields);
    registry.schemas[std::string(Spec::kNames.input_schema)] = input;
    registry.schemas[name] = output_schema(input, Spec::kDescription);
  }

 private:
  // The household an event is about: the scope, or the record's own.
  static std::optional<std::string> household_of(const Scope& scope, const Record* record) {
    if constexpr (kScoped) {
      (void)record;
      return scope.str();
    } else if constexpr (requires(const Record& r) { Spec::household_of(r); }) {
      (void)scope;
      if (record == nullptr) return std::nullopt;
      const std::optional<HouseholdId> household = Spec::household_of(*record);
      return household ? std::optional<std::string>(household->str()) : std::nullopt;
    } else {
      (void)scope;
      (void)record;
      return std::nullopt;
    }
  }

  static access::AuditEvent audit_event(const Request& request, std::string_view operation,
                                        const Scope& scope, const Record* record) {
    access::AuditEvent event;
    event.actor = request.actor;
    if constexpr (Audited<Spec>) event.action = std::string(Spec::kAuditResource);
    event.action += "." + std::string(operation);
    event.household_id = household_of(scope, record);
    if (record != nullptr) event.record_id = record->id.str();
    event.client_address = request.client_address;
    return event;
  }

  // Records a write in its own transaction.
  static Result<void> audit(store::Transaction& transaction, const Request& request,
                            std::string_view operation, const Scope& scope, const Record* record) {
    if constexpr (!Audited<Spec>) return {};
    return access::record(transaction, audit_event(request, operation, scope, record));
  }

  // Records a read; returns once the event is committed.
  static Result<void> audit(store::Database& database, const Request& request,
                            std::string_view operation, const Scope& scope, const Record* record) {
    if constexpr (!Audited<Spec>) return {};
    return access::record(database, audit_event(request, operation, scope, record));
  }

  // The operation with the enclosing record's path parameter added.
  static std::string scoped(std::string operation) {
    if constexpr (!kScoped) {
      return operation;
    } else {
      nlohmann::json json = nlohmann::json::parse(operation);
      json["parameters"].insert(
          json["parameters"].begin(),
          nlohmann::json{{"name", Spec::kScopeParameter},
                         {"in", "path"},
                         {"required", true},
                         {"description", "The " + std::string(Spec::kScopeName) + "'s id."},
                         {"schema", {{"type", "string"}, {"format", "uuid"}}}});
      json["responses"]["404"] = {{"$ref", "#/components/responses/NotFound"}};
      return json.dump();
    }
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

  static Response list(store::Database& database, const Request& request) {
    QueryReader reader(request);
    const Query query = Spec::read_query(reader);
    const PageRequest page = reader.paging();
    if (Result<void> checked = reader.finish(); !checked.ok()) {
      return problem(checked.error(), request.request_id);
    }
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Result<Page<Record>> found = database.in_transaction<Page<Record>>(
        store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<Page<Record>> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          return Spec::list(*repository, query, Paging{page.offset(), page.page_size});
        });
    if (!found.ok()) return problem(found.error(), request.request_id);
    if (Result<void> audited = audit(database, request, "list", *scope, nullptr); !audited.ok()) {
      return problem(audited.error(), request.request_id);
    }
    nlohmann::json items = nlohmann::json::array();
    for (const Record& record : found->items) items.push_back(Spec::to_json(record));
    return page_response(request, page, std::move(items), found->total);
  }

  static Response create(store::Database& database, const Request& request) {
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Result<Fields> fields = read_body(request);
    if (!fields.ok()) return problem(fields.error(), request.request_id);
    return create_once(database, request, [&](store::Transaction& transaction) -> Result<Response> {
      Result<Repository> repository = open(transaction, *scope);
      if (!repository.ok()) return std::move(repository).error();
      Result<Record> created = repository->create(*fields);
      if (!created.ok()) return std::move(created).error();
      if (Result<void> audited = audit(transaction, request, "create", *scope, &*created);
          !audited.ok()) {
        return std::move(audited).error();
      }
      return item_response(201, Spec::to_json(*created), created->version,
                           collection_path(*scope) + "/" + created->id.str());
    });
  }

  static Response read(store::Database& database, const Request& request) {
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Result<RecordId> id = path_id(request);
    if (!id.ok()) return problem(id.error(), request.request_id);
    Result<Record> found = database.in_transaction<Record>(
        store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<Record> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          return repository->get(*id);
        });
    if (!found.ok()) return problem(found.error(), request.request_id);
    if (Result<void> audited = audit(database, request, "read", *scope, &*found); !audited.ok()) {
      return problem(audited.error(), request.request_id);
    }
    return item_response(200, Spec::to_json(*found), found->version);
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
    Result<Record> updated = database.in_transaction<Record>(
        store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<Record> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          Result<Record> updated = repository->update(*id, *expected, *fields);
          if (!updated.ok()) return updated;
          if (Result<void> audited = audit(transaction, request, "update", *scope, &*updated);
              !audited.ok()) {
            return std::move(audited).error();
          }
          return updated;
        });
    if (!updated.ok()) return problem(updated.error(), request.request_id);
    return item_response(200, Spec::to_json(*updated), updated->version);
  }

  static Response remove(store::Database& database, const Request& request) {
    Result<Scope> scope = path_scope(request);
    if (!scope.ok()) return problem(scope.error(), request.request_id);
    Result<RecordId> id = path_id(request);
    if (!id.ok()) return problem(id.error(), request.request_id);
    Result<std::optional<int>> expected = if_match_version(request, false);
    if (!expected.ok()) return problem(expected.error(), request.request_id);
    Result<void> removed = database.in_transaction(
        store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
          Result<Repository> repository = open(transaction, *scope);
          if (!repository.ok()) return std::move(repository).error();
          Result<Record> current = repository->get(*id);
          if (!current.ok()) return std::move(current).error();
          if (*expected && current->version != **expected) {
            return make_error(ErrorCode::precondition_failed,
                              "the " + std::string(Spec::kNames.singular) +
                                  " was changed by someone else since that ETag");
          }
          if (Result<void> removed = repository->remove(*id); !removed.ok()) return removed;
          return audit(transaction, request, "delete", *scope, &*current);
        });
    if (!removed.ok()) return problem(removed.error(), request.request_id);
    return no_content();
  }
};

}  // namespace dichtbij::api
