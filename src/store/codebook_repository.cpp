#include "store/codebook_repository.hpp"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/record_helpers.hpp"
#include "store/research_project_repository.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

std::string code_json(const std::optional<CodeFields>& fields) {
  if (!fields) return "";
  nlohmann::json json{
      {"name", fields->name}, {"description", fields->description}, {"colour", fields->colour}};
  json["parentId"] = fields->parent ? nlohmann::json(fields->parent->str()) : nlohmann::json();
  return json.dump();
}

std::optional<CodeFields> read_code_json(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return std::nullopt;
  CodeFields fields;
  fields.name = json.value("name", "");
  fields.description = json.value("description", "");
  fields.colour = json.value("colour", "");
  if (json.contains("parentId") && json["parentId"].is_string()) {
    fields.parent = CodeId(json["parentId"].get<std::string>());
  }
  return fields;
}

}  // namespace

Result<void> CodebookRepository::check_parent(const std::optional<CodeId>& parent,
                                              const std::optional<CodeId>& self) {
  if (!parent) return {};
  auto invalid = [](std::string reason) {
    Error error = make_error(ErrorCode::invalid_input, "the code's parent does not fit");
    error.invalid_params.push_back({"parentId", std::move(reason)});
    return error;
  };
  // Walk up from the parent: reaching self would make a cycle.
  std::optional<CodeId> at = parent;
  for (int depth = 0; at; ++depth) {
    if (self && *at == *self) return invalid("must not be the code itself or a code below it");
    Result<Code> code = get(*at);
    if (!code.ok()) return invalid("is no code of this project");
    if (depth > 1000) return invalid("the codebook's hierarchy is too deep");
    at = code->fields.parent;
  }
  return {};
}

Result<void> CodebookRepository::log(CodebookChangeKind kind, const CodeId& code,
                                     const AccountId& account,
                                     const std::optional<CodeFields>& before,
                                     const std::optional<CodeFields>& after) {
  Result<int> version = ResearchProjectRepository(transaction_).next_codebook_version(project_);
  if (!version.ok()) return std::move(version).error();
  const std::string change(to_code(kind));
  const std::string now = utc_now_text();
  const std::string before_json = code_json(before);
  const std::string after_json = code_json(after);
  transaction_.session() << "INSERT INTO research_codebook_changes (project_id, codebook_version, "
                            "code_id, change, account_id, changed_at, before_json, after_json) "
                            "VALUES (:project, :version, :code, :change, :account, :changed_at, "
                            ":before_json, :after_json)",
      soci::use(project_.str()), soci::use(*version), soci::use(code.str()), soci::use(change),
      soci::use(account.str()), soci::use(now), soci::use(before_json), soci::use(after_json);
  return {};
}

Result<Code> CodebookRepository::create(const CodeFields& fields, const AccountId& account) {
  if (Result<void> fits = check_parent(fields.parent, std::nullopt); !fits.ok()) {
    return std::move(fits).error();
  }
  const CodeId id(new_uuid());
  const std::string now = utc_now_text();
  const std::string parent = fields.parent ? fields.parent->str() : "";
  soci::indicator parent_indicator = fields.parent ? soci::i_ok : soci::i_null;
  transaction_.session() << "INSERT INTO research_codes (id, version, project_id, parent_id, name, "
                            "description, colour, created_at, updated_at) VALUES (:id, 1, "
                            ":project, :parent, :name, :description, :colour, :created_at, "
                            ":updated_at)",
      soci::use(id.str()), soci::use(project_.str()), soci::use(parent, parent_indicator),
      soci::use(fields.name), soci::use(fields.description), soci::use(fields.colour),
      soci::use(now), soci::use(now);
  if (Result<void> logged = log(CodebookChangeKind::created, id, account, std::nullopt, fields);
      !logged.ok()) {
    return std::move(logged).error();
  }
  return Code{id, 1, fields};
}

Result<Code> CodebookRepository::get(const CodeId& id) {
  Code code;
  code.id = id;
  std::string parent;
  soci::indicator parent_indicator = soci::i_null;
  soci::session& session = transaction_.session();
  session << "SELECT version, parent_id, name, description, colour FROM research_codes WHERE id = "
             ":id AND project_id = :project",
      soci::use(id.str()), soci::use(project_.str()), soci::into(code.version),
      soci::into(parent, parent_indicator), soci::into(code.fields.name),
      soci::into(code.fields.description), soci::into(code.fields.colour);
  if (!session.got_data()) return make_error(ErrorCode::not_found, "there is no code " + id.str());
  if (parent_indicator == soci::i_ok) code.fields.parent = CodeId(parent);
  return code;
}

Result<std::vector<Code>> CodebookRepository::all() {
  std::vector<Code> codes;
  Code code;
  std::string id, parent;
  soci::indicator parent_indicator = soci::i_null;
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT id, version, parent_id, name, description, colour FROM research_codes "
              "WHERE project_id = :project ORDER BY name, id",
       soci::use(project_.str()), soci::into(id), soci::into(code.version),
       soci::into(parent, parent_indicator), soci::into(code.fields.name),
       soci::into(code.fields.description), soci::into(code.fields.colour));
  statement.execute();
  while (statement.fetch()) {
    code.id = CodeId(id);
    code.fields.parent.reset();
    if (parent_indicator == soci::i_ok) code.fields.parent = CodeId(parent);
    codes.push_back(code);
    parent_indicator = soci::i_null;
  }
  return codes;
}

Result<Code> CodebookRepository::update(const CodeId& id, std::optional<int> expected_version,
                                        const CodeFields& fields, const AccountId& account) {
  Result<Code> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> fits = check_parent(fields.parent, id); !fits.ok()) {
    return std::move(fits).error();
  }
  if (Result<void> advanced = advance_version(transaction_, "research_codes", "code", id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  const std::string parent = fields.parent ? fields.parent->str() : "";
  soci::indicator parent_indicator = fields.parent ? soci::i_ok : soci::i_null;
  transaction_.session() << "UPDATE research_codes SET parent_id = :parent, name = :name, "
                            "description = :description, colour = :colour WHERE id = :id",
      soci::use(parent, parent_indicator), soci::use(fields.name), soci::use(fields.description),
      soci::use(fields.colour), soci::use(id.str());
  if (Result<void> logged = log(CodebookChangeKind::updated, id, account, current->fields, fields);
      !logged.ok()) {
    return std::move(logged).error();
  }
  return Code{id, current->version + 1, fields};
}

Result<void> CodebookRepository::remove(const CodeId& id, std::optional<int> expected_version,
                                        const AccountId& account) {
  Result<Code> current = get(id);
  if (!current.ok()) return std::move(current).error();
  if (expected_version && *expected_version != current->version) {
    return make_error(ErrorCode::precondition_failed,
                      "the code was changed by someone else since that ETag");
  }
  soci::session& session = transaction_.session();
  long long codings = 0, children = 0;
  session << "SELECT COUNT(*) FROM research_codings WHERE code_id = :id", soci::use(id.str()),
      soci::into(codings);
  session << "SELECT COUNT(*) FROM research_codes WHERE parent_id = :id", soci::use(id.str()),
      soci::into(children);
  if (codings != 0 || children != 0) {
    return make_error(ErrorCode::conflict,
                      "the code is in use (" + std::to_string(codings) + " codings, " +
                          std::to_string(children) +
                          " codes below it): merge or move those first; the change log keeps "
                          "every version of the codebook");
  }
  session << "DELETE FROM research_memos WHERE code_id = :id", soci::use(id.str());
  if (Result<void> removed = delete_row(transaction_, "research_codes", "code", id.str());
      !removed.ok()) {
    return removed;
  }
  return log(CodebookChangeKind::removed, id, account, current->fields, std::nullopt);
}

Result<Page<CodebookChange>> CodebookRepository::changes(const Paging& paging) {
  soci::session& session = transaction_.session();
  Page<CodebookChange> page;
  session << "SELECT COUNT(*) FROM research_codebook_changes WHERE project_id = :project",
      soci::use(project_.str()), soci::into(page.total);
  int version = 0;
  std::string code, change, account, changed_at, before_json, after_json;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT codebook_version, code_id, change, account_id, changed_at, "
                          "before_json, after_json FROM research_codebook_changes WHERE "
                          "project_id = :project ORDER BY codebook_version LIMIT :limit OFFSET "
                          ":offset",
       soci::use(project_.str()), soci::use(limit), soci::use(offset), soci::into(version),
       soci::into(code), soci::into(change), soci::into(account), soci::into(changed_at),
       soci::into(before_json), soci::into(after_json));
  statement.execute();
  while (statement.fetch()) {
    page.items.push_back(
        {version, CodeId(code),
         from_code<CodebookChangeKind>(change).value_or(CodebookChangeKind::updated),
         AccountId(account), changed_at, read_code_json(before_json), read_code_json(after_json)});
  }
  return page;
}

}  // namespace dichtbij::store
