#include "api/research_coding.hpp"

#include "access/consent.hpp"
#include "api/preconditions.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/research_scope.hpp"
#include "api/today.hpp"
#include "core/consent.hpp"
#include "store/codebook_repository.hpp"
#include "store/coding_repository.hpp"
#include "store/field_note_repository.hpp"
#include "store/memo_repository.hpp"
#include "store/research_project_repository.hpp"

namespace dichtbij::api {

namespace {

using access::Operation;
using access::Resource;

constexpr OperationNames kCodeNames{kResearchTag, "Code", "CodeInput", "code"};
constexpr OperationNames kChangeNames{kResearchTag, "CodebookChange", "CodebookChange",
                                      "codebook change"};
constexpr OperationNames kCodingNames{kResearchTag, "Coding", "CodingInput", "coding"};
constexpr OperationNames kMemoNames{kResearchTag, "Memo", "MemoInput", "memo"};

std::string item_path(const ResearchCall& call, std::string_view kind, const std::string& id) {
  return std::string(kResearchProjects) + "/" + call.project.str() + "/" + std::string(kind) + "/" +
         id;
}

Result<Response> list_answer(const Request& request, const PageRequest& page, nlohmann::json items,
                             long long total) {
  return page_response(request, page, std::move(items), total);
}

// ---- codes

void read_code(FieldReader& reader, CodeFields& fields) {
  reader.text("name", fields.name, CodeFields::kMaxNameLength, "The code's name.");
  std::optional<std::string> description;
  reader.optional_text("description", description, CodeFields::kMaxDescriptionLength,
                       "What the code means and when to apply it.");
  fields.description = description.value_or("");
  std::optional<std::string> colour;
  reader.optional_text("colour", colour, 7, "#rrggbb; #888888 when left out.");
  fields.colour = colour.value_or("#888888");
  reader.optional_id("parentId", fields.parent, "The code it sits below; none at the top.");
}

nlohmann::json code_fields_json(const CodeFields& fields) {
  nlohmann::json json{
      {"name", fields.name}, {"description", fields.description}, {"colour", fields.colour}};
  if (fields.parent) json["parentId"] = fields.parent->str();
  return json;
}

nlohmann::json code_json(const Code& code, int codebook_version) {
  nlohmann::json json = code_fields_json(code.fields);
  json["id"] = code.id.str();
  json["codebookVersion"] = codebook_version;
  return json;
}

int codebook_version(store::Transaction& transaction, const ResearchProjectId& project);

Response list_codes(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  return research_call(
      database, request, Resource::research_code, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<Code>> codes =
            store::CodebookRepository(transaction, call.project).all();
        if (!codes.ok()) return std::move(codes).error();
        const int version = codebook_version(transaction, call.project);
        nlohmann::json items = nlohmann::json::array();
        const std::size_t from = std::min<std::size_t>(page.offset(), codes->size());
        const std::size_t to = std::min<std::size_t>(from + page.page_size, codes->size());
        for (std::size_t i = from; i != to; ++i) items.push_back(code_json((*codes)[i], version));
        return list_answer(request, page, std::move(items), static_cast<long long>(codes->size()));
      });
}

Response create_code(store::Database& database, const Request& request) {
  Result<CodeFields> fields = checked_input(request, &read_code, "code");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return research_call(
      database, request, Resource::research_code, Operation::create,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Code> created = store::CodebookRepository(transaction, call.project)
                                   .create(*fields, call.actor().account);
        if (!created.ok()) return std::move(created).error();
        call.event.record_id = created->id.str();
        return item_response(201, code_json(*created, codebook_version(transaction, call.project)),
                             created->version, item_path(call, "codes", created->id.str()));
      });
}

Response read_code_route(store::Database& database, const Request& request) {
  Result<CodeId> id = research_path_id<CodeTag>(request, "id", "code");
  if (!id.ok()) return problem(id.error(), request.request_id);
  return research_call(
      database, request, Resource::research_code, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Code> code = store::CodebookRepository(transaction, call.project).get(*id);
        if (!code.ok()) return std::move(code).error();
        call.event.record_id = id->str();
        return item_response(200, code_json(*code, codebook_version(transaction, call.project)),
                             code->version);
      });
}

Response update_code(store::Database& database, const Request& request) {
  Result<CodeId> id = research_path_id<CodeTag>(request, "id", "code");
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<CodeFields> fields = checked_input(request, &read_code, "code");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return research_call(
      database, request, Resource::research_code, Operation::update,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Code> updated = store::CodebookRepository(transaction, call.project)
                                   .update(*id, *expected, *fields, call.actor().account);
        if (!updated.ok()) return std::move(updated).error();
        call.event.record_id = id->str();
        return item_response(200, code_json(*updated, codebook_version(transaction, call.project)),
                             updated->version);
      });
}

Response delete_code(store::Database& database, const Request& request) {
  Result<CodeId> id = research_path_id<CodeTag>(request, "id", "code");
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  return research_call(
      database, request, Resource::research_code, Operation::remove,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<void> removed = store::CodebookRepository(transaction, call.project)
                                   .remove(*id, *expected, call.actor().account);
        if (!removed.ok()) return std::move(removed).error();
        call.event.record_id = id->str();
        return no_content();
      });
}

Response list_changes(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  return research_call(
      database, request, Resource::research_code, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Page<CodebookChange>> changes = store::CodebookRepository(transaction, call.project)
                                                   .changes(Paging{page.offset(), page.page_size});
        if (!changes.ok()) return std::move(changes).error();
        nlohmann::json items = nlohmann::json::array();
        for (const CodebookChange& change : changes->items) {
          nlohmann::json item{{"codebookVersion", change.codebook_version},
                              {"codeId", change.code.str()},
                              {"change", to_code(change.kind)},
                              {"accountId", change.account.str()},
                              {"changedAt", change.changed_at}};
          if (change.before) item["before"] = code_fields_json(*change.before);
          if (change.after) item["after"] = code_fields_json(*change.after);
          items.push_back(std::move(item));
        }
        return list_answer(request, page, std::move(items), changes->total);
      });
}

// ---- codings

void read_coding(FieldReader& reader, CodingFields& fields) {
  reader.id("noteId", fields.note, "The field note coded.");
  reader.id("codeId", fields.code, "The code applied.");
  int start = 0, end = 0;
  reader.integer("start", start, 0, static_cast<int>(FieldNoteFields::kMaxTextLength),
                 "Where the fragment starts: a Unicode code point offset into the note's text, "
                 "from 0 (as REFI-QDA counts).");
  reader.integer("end", end, 1, static_cast<int>(FieldNoteFields::kMaxTextLength),
                 "Where it ends, exclusive: start < end <= the note's length.");
  fields.start = static_cast<std::size_t>(start);
  fields.end = static_cast<std::size_t>(end);
}

nlohmann::json coding_json(const Coding& coding) {
  return {{"id", coding.id.str()},
          {"noteId", coding.fields.note.str()},
          {"codeId", coding.fields.code.str()},
          {"start", coding.fields.start},
          {"end", coding.fields.end},
          {"coderId", coding.coder.str()},
          {"createdAt", coding.created_at}};
}

Response list_codings(store::Database& database, const Request& request) {
  QueryReader reader(request);
  store::CodingFilter filter;
  filter.note = reader.id<FieldNoteTag>("noteId", "Only codings of this note.");
  filter.code = reader.id<CodeTag>("codeId", "Only codings with this code.");
  filter.coder = reader.id<AccountTag>("coderId", "Only this coder's codings.");
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  return research_call(
      database, request, Resource::coding, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Page<Coding>> found = store::CodingRepository(transaction, call.project)
                                         .list(filter, Paging{page.offset(), page.page_size});
        if (!found.ok()) return std::move(found).error();
        nlohmann::json items = nlohmann::json::array();
        for (const Coding& coding : found->items) items.push_back(coding_json(coding));
        return list_answer(request, page, std::move(items), found->total);
      });
}

Response create_coding(store::Database& database, const Request& request) {
  Result<CodingFields> fields = checked_input(request, &read_coding, "coding");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return research_call(
      database, request, Resource::coding, Operation::create,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        // A note that is not found is the repository's to name.
        if (Result<FieldNote> note =
                store::FieldNoteRepository(transaction, call.project).get(fields->note);
            note.ok()) {
          Result<std::vector<HouseholdId>> consented =
              access::research_households(transaction, today());
          if (!consented.ok()) return std::move(consented).error();
          if (lacks_research_consent(note->fields.households, *consented)) {
            return withheld_note_error();
          }
        }
        Result<Coding> created = store::CodingRepository(transaction, call.project)
                                     .create(*fields, call.actor().account);
        if (!created.ok()) return std::move(created).error();
        call.event.record_id = created->id.str();
        return item_response(201, coding_json(*created), 1,
                             item_path(call, "codings", created->id.str()));
      });
}

Response read_coding_route(store::Database& database, const Request& request) {
  Result<CodingId> id = research_path_id<CodingTag>(request, "id", "coding");
  if (!id.ok()) return problem(id.error(), request.request_id);
  return research_call(
      database, request, Resource::coding, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Coding> coding = store::CodingRepository(transaction, call.project).get(*id);
        if (!coding.ok()) return std::move(coding).error();
        call.event.record_id = id->str();
        return item_response(200, coding_json(*coding), 1);
      });
}

Response delete_coding(store::Database& database, const Request& request) {
  Result<CodingId> id = research_path_id<CodingTag>(request, "id", "coding");
  if (!id.ok()) return problem(id.error(), request.request_id);
  return research_call(
      database, request, Resource::coding, Operation::remove,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<void> removed = store::CodingRepository(transaction, call.project).remove(*id);
        if (!removed.ok()) return std::move(removed).error();
        call.event.record_id = id->str();
        return no_content();
      });
}

// ---- memos

void read_memo(FieldReader& reader, MemoFields& fields) {
  reader.optional_id("noteId", fields.note, "The note the memo is on.");
  reader.optional_id("codeId", fields.code, "The code the memo is on.");
  reader.optional_id("codingId", fields.coding, "The coding the memo is on.");
  reader.text("text", fields.text, MemoFields::kMaxTextLength, "The memo.");
}

nlohmann::json memo_json(const Memo& memo, bool withheld = false) {
  nlohmann::json json{{"id", memo.id.str()},
                      {"text", withheld ? "" : memo.fields.text},
                      {"authorId", memo.author.str()},
                      {"withheld", withheld}};
  if (memo.fields.note) json["noteId"] = memo.fields.note->str();
  if (memo.fields.code) json["codeId"] = memo.fields.code->str();
  if (memo.fields.coding) json["codingId"] = memo.fields.coding->str();
  return json;
}

// Whether a memo is withheld like the note it is about (directly, or
// through a coding of it): a household the note is linked to has no
// research consent in force today. A memo on a code is about no household.
Result<bool> memo_withheld(store::Transaction& transaction, const ResearchProjectId& project,
                           const Memo& memo, const std::vector<HouseholdId>& consented) {
  std::optional<FieldNoteId> note = memo.fields.note;
  if (memo.fields.coding) {
    Result<Coding> coding = store::CodingRepository(transaction, project).get(*memo.fields.coding);
    if (!coding.ok()) return std::move(coding).error();
    note = coding->fields.note;
  }
  if (!note) return false;
  Result<FieldNote> found = store::FieldNoteRepository(transaction, project).get(*note);
  if (!found.ok()) return std::move(found).error();
  return lacks_research_consent(found->fields.households, consented);
}

Response list_memos(store::Database& database, const Request& request) {
  QueryReader reader(request);
  MemoFields filter;
  filter.note = reader.id<FieldNoteTag>("noteId", "Only memos on this note.");
  filter.code = reader.id<CodeTag>("codeId", "Only memos on this code.");
  filter.coding = reader.id<CodingTag>("codingId", "Only memos on this coding.");
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  return research_call(
      database, request, Resource::memo, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Page<Memo>> found = store::MemoRepository(transaction, call.project)
                                       .list(filter, Paging{page.offset(), page.page_size});
        if (!found.ok()) return std::move(found).error();
        Result<std::vector<HouseholdId>> consented =
            access::research_households(transaction, today());
        if (!consented.ok()) return std::move(consented).error();
        nlohmann::json items = nlohmann::json::array();
        for (const Memo& memo : found->items) {
          Result<bool> withheld = memo_withheld(transaction, call.project, memo, *consented);
          if (!withheld.ok()) return std::move(withheld).error();
          items.push_back(memo_json(memo, *withheld));
        }
        return list_answer(request, page, std::move(items), found->total);
      });
}

Response create_memo(store::Database& database, const Request& request) {
  Result<MemoFields> fields = checked_input(request, &read_memo, "memo");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return research_call(
      database, request, Resource::memo, Operation::create,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Memo> created =
            store::MemoRepository(transaction, call.project).create(*fields, call.actor().account);
        if (!created.ok()) return std::move(created).error();
        call.event.record_id = created->id.str();
        return item_response(201, memo_json(*created), created->version,
                             item_path(call, "memos", created->id.str()));
      });
}

Response read_memo_route(store::Database& database, const Request& request) {
  Result<MemoId> id = research_path_id<MemoTag>(request, "id", "memo");
  if (!id.ok()) return problem(id.error(), request.request_id);
  return research_call(
      database, request, Resource::memo, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Memo> memo = store::MemoRepository(transaction, call.project).get(*id);
        if (!memo.ok()) return std::move(memo).error();
        call.event.record_id = id->str();
        Result<std::vector<HouseholdId>> consented =
            access::research_households(transaction, today());
        if (!consented.ok()) return std::move(consented).error();
        Result<bool> withheld = memo_withheld(transaction, call.project, *memo, *consented);
        if (!withheld.ok()) return std::move(withheld).error();
        return item_response(200, memo_json(*memo, *withheld), memo->version);
      });
}

Response update_memo(store::Database& database, const Request& request) {
  Result<MemoId> id = research_path_id<MemoTag>(request, "id", "memo");
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<MemoFields> fields = checked_input(request, &read_memo, "memo");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return research_call(
      database, request, Resource::memo, Operation::update,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        store::MemoRepository memos(transaction, call.project);
        Result<Memo> current = memos.get(*id);
        if (!current.ok()) return std::move(current).error();
        if (current->fields.note != fields->note || current->fields.code != fields->code ||
            current->fields.coding != fields->coding) {
          Error error = make_error(ErrorCode::invalid_input, "a memo stays where it was written");
          error.invalid_params.push_back(
              {"noteId", "must be what the memo is on; write a new memo for something else"});
          return error;
        }
        Result<Memo> updated = memos.update(*id, *expected, fields->text);
        if (!updated.ok()) return std::move(updated).error();
        call.event.record_id = id->str();
        return item_response(200, memo_json(*updated), updated->version);
      });
}

Response delete_memo(store::Database& database, const Request& request) {
  Result<MemoId> id = research_path_id<MemoTag>(request, "id", "memo");
  if (!id.ok()) return problem(id.error(), request.request_id);
  return research_call(
      database, request, Resource::memo, Operation::remove,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<void> removed = store::MemoRepository(transaction, call.project).remove(*id);
        if (!removed.ok()) return std::move(removed).error();
        call.event.record_id = id->str();
        return no_content();
      });
}

int codebook_version(store::Transaction& transaction, const ResearchProjectId& project) {
  Result<ResearchProject> found = store::ResearchProjectRepository(transaction).get(project);
  return found.ok() ? found->codebook_version : 0;
}

nlohmann::json read_only(nlohmann::json schema, std::string_view description) {
  schema["readOnly"] = true;
  schema["description"] = description;
  return schema;
}

}  // namespace

void add_research_coding_routes(ApiRegistry& registry, store::Database& database) {
  auto bind = [&database](Response (*handler)(store::Database&, const Request&)) {
    return [&database, handler](const Request& request) { return handler(database, request); };
  };
  QueryReader paging = QueryReader::describer();
  (void)paging.paging();

  add_research_route(registry, Resource::research_code, Operation::list, Method::get, "/codes",
                     bind(&list_codes),
                     list_operation(kCodeNames, "listCodes", paging.parameters()));
  add_research_route(registry, Resource::research_code, Operation::create, Method::post, "/codes",
                     bind(&create_code), create_operation(kCodeNames, "createCode"));
  add_research_route(registry, Resource::research_code, Operation::read, Method::get, "/codes/:id",
                     bind(&read_code_route), read_operation(kCodeNames, "getCode"));
  add_research_route(registry, Resource::research_code, Operation::update, Method::put,
                     "/codes/:id", bind(&update_code),
                     update_operation(kCodeNames, "updateCode", false));
  add_research_route(registry, Resource::research_code, Operation::remove, Method::delete_,
                     "/codes/:id", bind(&delete_code), delete_operation(kCodeNames, "deleteCode"));
  add_research_route(registry, Resource::research_code, Operation::list, Method::get,
                     "/codebook-changes", bind(&list_changes),
                     list_operation(kChangeNames, "listCodebookChanges", paging.parameters()));
  const nlohmann::json code_input = input_schema(&read_code);
  registry.schemas["CodeInput"] = code_input;
  nlohmann::json code_schema = output_schema(code_input, "A code of a project's codebook.");
  code_schema["properties"]["codebookVersion"] =
      read_only({{"type", "integer"}, {"format", "int32"}},
                "The codebook's version when this answer was made.");
  registry.schemas["Code"] = code_schema;
  registry.schemas["CodebookChange"] = {
      {"type", "object"},
      {"description", "One change to a codebook: the log is append-only."},
      {"required", {"codebookVersion", "codeId", "change", "accountId", "changedAt"}},
      {"properties",
       {{"codebookVersion",
         read_only({{"type", "integer"}, {"format", "int32"}}, "The version it made.")},
        {"codeId", read_only({{"type", "string"}, {"format", "uuid"}}, "The code changed.")},
        {"change", read_only({{"type", "string"}, {"enum", {"created", "updated", "removed"}}},
                             "What happened to it.")},
        {"accountId", read_only({{"type", "string"}, {"format", "uuid"}}, "Who changed it.")},
        {"changedAt", read_only({{"type", "string"}, {"format", "date-time"}}, "When.")},
        {"before", read_only(code_input, "The code before; absent when created.")},
        {"after", read_only(code_input, "The code after; absent when removed.")}}}};

  QueryReader coding_query = QueryReader::describer();
  (void)coding_query.id<FieldNoteTag>("noteId", "Only codings of this note.");
  (void)coding_query.id<CodeTag>("codeId", "Only codings with this code.");
  (void)coding_query.id<AccountTag>("coderId", "Only this coder's codings.");
  (void)coding_query.paging();
  add_research_route(registry, Resource::coding, Operation::list, Method::get, "/codings",
                     bind(&list_codings),
                     list_operation(kCodingNames, "listCodings", coding_query.parameters()));
  add_research_route(registry, Resource::coding, Operation::create, Method::post, "/codings",
                     bind(&create_coding), create_operation(kCodingNames, "createCoding"));
  add_research_route(registry, Resource::coding, Operation::read, Method::get, "/codings/:id",
                     bind(&read_coding_route), read_operation(kCodingNames, "getCoding"));
  add_research_route(registry, Resource::coding, Operation::remove, Method::delete_, "/codings/:id",
                     bind(&delete_coding), delete_operation(kCodingNames, "deleteCoding"));
  const nlohmann::json coding_input = input_schema(&read_coding);
  registry.schemas["CodingInput"] = coding_input;
  nlohmann::json coding_schema =
      output_schema(coding_input, "A code applied to a range of a note by a coder.");
  coding_schema["properties"]["coderId"] =
      read_only({{"type", "string"}, {"format", "uuid"}}, "Who coded it.");
  coding_schema["properties"]["createdAt"] =
      read_only({{"type", "string"}, {"format", "date-time"}}, "When.");
  registry.schemas["Coding"] = coding_schema;

  QueryReader memo_query = QueryReader::describer();
  (void)memo_query.id<FieldNoteTag>("noteId", "Only memos on this note.");
  (void)memo_query.id<CodeTag>("codeId", "Only memos on this code.");
  (void)memo_query.id<CodingTag>("codingId", "Only memos on this coding.");
  (void)memo_query.paging();
  add_research_route(registry, Resource::memo, Operation::list, Method::get, "/memos",
                     bind(&list_memos),
                     list_operation(kMemoNames, "listMemos", memo_query.parameters()));
  add_research_route(registry, Resource::memo, Operation::create, Method::post, "/memos",
                     bind(&create_memo), create_operation(kMemoNames, "createMemo"));
  add_research_route(registry, Resource::memo, Operation::read, Method::get, "/memos/:id",
                     bind(&read_memo_route), read_operation(kMemoNames, "getMemo"));
  add_research_route(registry, Resource::memo, Operation::update, Method::put, "/memos/:id",
                     bind(&update_memo), update_operation(kMemoNames, "updateMemo", false));
  add_research_route(registry, Resource::memo, Operation::remove, Method::delete_, "/memos/:id",
                     bind(&delete_memo), delete_operation(kMemoNames, "deleteMemo"));
  const nlohmann::json memo_input = input_schema(&read_memo);
  registry.schemas["MemoInput"] = memo_input;
  nlohmann::json memo_schema = output_schema(memo_input, "A memo on a note, a code or a coding.");
  memo_schema["properties"]["authorId"] =
      read_only({{"type", "string"}, {"format", "uuid"}}, "Who wrote it.");
  memo_schema["properties"]["withheld"] = read_only(
      {{"type", "boolean"}},
      "The memo is about a note (or a coding of a note) linked to a household whose research "
      "consent is not in force today: its text is left out, as the note's is.");
  registry.schemas["Memo"] = memo_schema;
}

}  // namespace dichtbij::api
