#include "api/framework_matrices.hpp"

#include <algorithm>

#include "access/consent.hpp"
#include "api/preconditions.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/research_scope.hpp"
#include "api/today.hpp"
#include "core/framework_matrix.hpp"
#include "research/framework_matrix_csv.hpp"
#include "research/pseudonyms.hpp"
#include "store/framework_matrix_repository.hpp"

namespace dichtbij::api {

namespace {

using access::Operation;
using access::Resource;

constexpr OperationNames kMatrixNames{kResearchTag, "FrameworkMatrix", "FrameworkMatrixInput",
                                      "framework matrix"};
constexpr OperationNames kCellNames{kResearchTag, "FrameworkCell", "FrameworkCellInput",
                                    "framework matrix cell"};

struct MatrixInput {
  FrameworkMatrixFields fields;
  std::optional<FrameworkCaseKind> case_kind;
};

void read_matrix(FieldReader& reader, MatrixInput& input) {
  reader.text("name", input.fields.name, FrameworkMatrixFields::kMaxNameLength,
              "The matrix's name.");
  reader.id_list("themeCodeIds", input.fields.themes, FrameworkMatrixFields::kMaxThemes,
                 "The columns in order: codes of the project's codebook (the themes).");
  reader.optional_enumeration(
      "caseKind", input.case_kind,
      "The rows, chosen when the matrix is created (practice when left out): practice, the "
      "project's practices; household, the households linked to the project's field notes "
      "whose research consent is in force, each named only by its research pseudonym. An "
      "update may repeat it but not change it.");
}

// Found by checked_input.
std::vector<InvalidParam> check(const MatrixInput& input) {
  return check(input.fields);
}

void read_cell(FieldReader& reader, FrameworkCellFields& fields) {
  std::optional<std::string> summary;
  reader.optional_text("summary", summary, FrameworkCellFields::kMaxSummaryLength,
                       "The researcher's summary of the case on the theme; empty clears it.");
  fields.summary = summary.value_or("");
  reader.id_list("codingIds", fields.codings, FrameworkCellFields::kMaxCodings,
                 "The fragments it rests on: codings of notes of the row's practice, or of "
                 "notes linked to the row's household; none of a note linked to a household "
                 "whose research consent is not in force.");
}

nlohmann::json matrix_json(const FrameworkMatrix& matrix) {
  std::vector<std::string> themes;
  for (const CodeId& code : matrix.fields.themes) themes.push_back(code.str());
  return {{"id", matrix.id.str()},
          {"name", matrix.fields.name},
          {"caseKind", to_code(matrix.case_kind)},
          {"themeCodeIds", themes},
          {"version", matrix.version}};
}

// How the client names a row: a practice by its id, a household by its
// research pseudonym (its id never leaves the server).
std::string case_key(const FrameworkCaseId& row, const research::Pseudonyms& pseudonyms) {
  if (const auto* household = std::get_if<HouseholdId>(&row)) return pseudonyms.of(*household);
  return case_id_text(row);
}

// The row's key and, by kind, practiceId or householdPseudonym.
void add_case_fields(nlohmann::json& json, const FrameworkCaseId& row,
                     const research::Pseudonyms& pseudonyms) {
  const std::string key = case_key(row, pseudonyms);
  json["caseKey"] = key;
  json[std::holds_alternative<HouseholdId>(row) ? "householdPseudonym" : "practiceId"] = key;
}

nlohmann::json cell_json(const FrameworkCell& cell, const research::Pseudonyms& pseudonyms) {
  std::vector<std::string> codings;
  nlohmann::json fragments = nlohmann::json::array();
  for (const Coding& coding : cell.fragments) {
    codings.push_back(coding.id.str());
    fragments.push_back({{"codingId", coding.id.str()},
                         {"noteId", coding.fields.note.str()},
                         {"codeId", coding.fields.code.str()},
                         {"start", coding.fields.start},
                         {"end", coding.fields.end}});
  }
  nlohmann::json json{{"codeId", cell.theme.str()},        {"version", cell.version},
                      {"summary", cell.fields.summary},    {"codingIds", codings},
                      {"fragments", std::move(fragments)}, {"updatedAt", cell.updated_at}};
  if (cell.updated_by) json["updatedBy"] = cell.updated_by->str();
  add_case_fields(json, cell.row, pseudonyms);
  return json;
}

nlohmann::json table_json(const FrameworkTable& table, const research::Pseudonyms& pseudonyms) {
  nlohmann::json json = matrix_json(table.matrix);
  nlohmann::json cases = nlohmann::json::array();
  for (const FrameworkCase& row : table.cases) {
    nlohmann::json item = nlohmann::json::object();
    add_case_fields(item, row.id, pseudonyms);
    if (std::holds_alternative<PracticeId>(row.id)) item["name"] = row.name;
    cases.push_back(std::move(item));
  }
  nlohmann::json themes = nlohmann::json::array();
  for (const FrameworkTheme& theme : table.themes) {
    themes.push_back({{"codeId", theme.code.str()}, {"name", theme.name}});
  }
  nlohmann::json cells = nlohmann::json::array();
  for (const FrameworkCell& cell : table.cells) cells.push_back(cell_json(cell, pseudonyms));
  json["cases"] = std::move(cases);
  json["themes"] = std::move(themes);
  json["cells"] = std::move(cells);
  return json;
}

// The matrix as the client sees it: consent read in the same transaction
// as the cells, and household rows in the order of their pseudonyms (what
// the reader sees; their ids' order would look random).
Result<FrameworkTable> shown_table(store::Transaction& transaction,
                                   const ResearchProjectId& project, const FrameworkMatrixId& id,
                                   const research::Pseudonyms& pseudonyms) {
  Result<std::vector<HouseholdId>> consented = access::research_households(transaction, today());
  if (!consented.ok()) return std::move(consented).error();
  Result<FrameworkTable> table =
      store::FrameworkMatrixRepository(transaction, project).table(id, *consented);
  if (!table.ok() || table->matrix.case_kind != FrameworkCaseKind::household) return table;
  std::vector<std::pair<std::string, FrameworkCase>> keyed;
  for (FrameworkCase& row : table->cases) {
    keyed.emplace_back(case_key(row.id, pseudonyms), std::move(row));
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  table->cases.clear();
  for (auto& [key, row] : keyed) table->cases.push_back(std::move(row));
  return table;
}

Response list_matrices(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  return research_call(
      database, request, Resource::framework_matrix, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<FrameworkMatrix>> matrices =
            store::FrameworkMatrixRepository(transaction, call.project).all();
        if (!matrices.ok()) return std::move(matrices).error();
        nlohmann::json items = nlohmann::json::array();
        const std::size_t from = std::min<std::size_t>(page.offset(), matrices->size());
        const std::size_t to = std::min<std::size_t>(from + page.page_size, matrices->size());
        for (std::size_t i = from; i != to; ++i) items.push_back(matrix_json((*matrices)[i]));
        return page_response(request, page, std::move(items),
                             static_cast<long long>(matrices->size()));
      });
}

Response create_matrix(store::Database& database, const Request& request) {
  Result<MatrixInput> input = checked_input(request, &read_matrix, "framework matrix");
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::framework_matrix, Operation::create,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<FrameworkMatrix> created =
            store::FrameworkMatrixRepository(transaction, call.project)
                .create(input->fields, input->case_kind.value_or(FrameworkCaseKind::practice),
                        call.actor().account);
        if (!created.ok()) return std::move(created).error();
        Result<FrameworkTable> table =
            shown_table(transaction, call.project, created->id, *pseudonyms);
        if (!table.ok()) return std::move(table).error();
        call.event.record_id = created->id.str();
        return item_response(201, table_json(*table, *pseudonyms), created->version,
                             std::string(kResearchProjects) + "/" + call.project.str() +
                                 "/framework-matrices/" + created->id.str());
      });
}

Response read_matrix_route(store::Database& database, const Request& request) {
  Result<FrameworkMatrixId> id =
      research_path_id<FrameworkMatrixTag>(request, "id", "framework matrix");
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::framework_matrix, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<FrameworkTable> table = shown_table(transaction, call.project, *id, *pseudonyms);
        if (!table.ok()) return std::move(table).error();
        call.event.record_id = id->str();
        return item_response(200, table_json(*table, *pseudonyms), table->matrix.version);
      });
}

Response update_matrix(store::Database& database, const Request& request) {
  Result<FrameworkMatrixId> id =
      research_path_id<FrameworkMatrixTag>(request, "id", "framework matrix");
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<MatrixInput> input = checked_input(request, &read_matrix, "framework matrix");
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::framework_matrix, Operation::update,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<FrameworkMatrix> updated =
            store::FrameworkMatrixRepository(transaction, call.project)
                .update(*id, *expected, input->fields, input->case_kind);
        if (!updated.ok()) return std::move(updated).error();
        Result<FrameworkTable> table = shown_table(transaction, call.project, *id, *pseudonyms);
        if (!table.ok()) return std::move(table).error();
        call.event.record_id = id->str();
        return item_response(200, table_json(*table, *pseudonyms), updated->version);
      });
}

// The row a client's case key names in the table: a practice by its id, a
// household by its pseudonym (resolved here, among the rows, so that the
// client never needs the id); not_found when it names no row.
Result<FrameworkCaseId> row_of(const FrameworkTable& table, std::string_view key,
                               const research::Pseudonyms& pseudonyms) {
  for (const FrameworkCase& row : table.cases) {
    if (case_key(row.id, pseudonyms) == key) return row.id;
  }
  return make_error(ErrorCode::not_found, "the matrix has no row " + std::string(key));
}

Response put_cell(store::Database& database, const Request& request) {
  Result<FrameworkMatrixId> id =
      research_path_id<FrameworkMatrixTag>(request, "id", "framework matrix");
  if (!id.ok()) return problem(id.error(), request.request_id);
  const std::string key(request.path_param("caseKey"));
  Result<CodeId> theme = research_path_id<CodeTag>(request, "codeId", "theme");
  if (!theme.ok()) return problem(theme.error(), request.request_id);
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<FrameworkCellFields> fields = checked_input(request, &read_cell, "cell");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::framework_matrix, Operation::update,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<HouseholdId>> consented =
            access::research_households(transaction, today());
        if (!consented.ok()) return std::move(consented).error();
        store::FrameworkMatrixRepository matrices(transaction, call.project);
        Result<FrameworkTable> table = matrices.table(*id, *consented);
        if (!table.ok()) return std::move(table).error();
        Result<FrameworkCaseId> row = row_of(*table, key, *pseudonyms);
        if (!row.ok()) return std::move(row).error();
        Result<FrameworkCell> cell = matrices.put_cell(*id, *row, *theme, *expected, *fields,
                                                       call.actor().account, *consented);
        if (!cell.ok()) return std::move(cell).error();
        call.event.record_id = id->str();
        // A summary about a household is in that household's access log.
        if (const auto* household = std::get_if<HouseholdId>(&*row)) {
          call.event.household_id = household->str();
        }
        return item_response(200, cell_json(*cell, *pseudonyms), cell->version);
      });
}

Response matrix_csv(store::Database& database, const Request& request) {
  Result<FrameworkMatrixId> id =
      research_path_id<FrameworkMatrixTag>(request, "id", "framework matrix");
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::framework_matrix, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<FrameworkTable> table = shown_table(transaction, call.project, *id, *pseudonyms);
        if (!table.ok()) return std::move(table).error();
        call.event.record_id = id->str();
        Response response;
        response.body = research::framework_matrix_csv(*table, *pseudonyms);
        response.headers.emplace_back("Content-Type", "text/csv; charset=utf-8; header=present");
        response.headers.emplace_back(
            "Content-Disposition",
            "attachment; filename=\"framework-matrix-" + id->str() + ".csv\"");
        return response;
      });
}

nlohmann::json string_schema(std::string_view description) {
  return {{"type", "string"}, {"description", description}};
}

nlohmann::json uuid_schema(std::string_view description) {
  return {{"type", "string"}, {"format", "uuid"}, {"description", description}};
}

nlohmann::json integer_schema(std::string_view description) {
  return {{"type", "integer"}, {"format", "int32"}, {"description", description}};
}

}  // namespace

void add_framework_matrix_routes(ApiRegistry& registry, store::Database& database) {
  auto bind = [&database](Response (*handler)(store::Database&, const Request&)) {
    return [&database, handler](const Request& request) { return handler(database, request); };
  };
  QueryReader paging = QueryReader::describer();
  (void)paging.paging();

  add_research_route(registry, Resource::framework_matrix, Operation::list, Method::get,
                     "/framework-matrices", bind(&list_matrices),
                     list_operation(kMatrixNames, "listFrameworkMatrices", paging.parameters()));
  add_research_route(registry, Resource::framework_matrix, Operation::create, Method::post,
                     "/framework-matrices", bind(&create_matrix),
                     create_operation(kMatrixNames, "createFrameworkMatrix"));
  add_research_route(registry, Resource::framework_matrix, Operation::read, Method::get,
                     "/framework-matrices/:id", bind(&read_matrix_route),
                     read_operation(kMatrixNames, "getFrameworkMatrix"));
  add_research_route(registry, Resource::framework_matrix, Operation::update, Method::put,
                     "/framework-matrices/:id", bind(&update_matrix),
                     update_operation(kMatrixNames, "updateFrameworkMatrix", false));
  add_research_route(
      registry, Resource::framework_matrix, Operation::update, Method::put,
      "/framework-matrices/:id/cells/:caseKey/:codeId", bind(&put_cell), [] {
        nlohmann::json json =
            nlohmann::json::parse(update_operation(kCellNames, "putFrameworkCell", false));
        json["summary"] = "Write one cell of a framework matrix";
        json["description"] =
            "The summary of one case (a practice, or a household) on one theme (code) and the "
            "codings it rests on. If-Match names the cell's version (\"0\" for a cell never "
            "written); a stale one gets 412. A row that is none of the matrix's (a household "
            "whose research consent was withdrawn) gets 404.";
        json["parameters"].push_back(
            {{"name", "caseKey"},
             {"in", "path"},
             {"required", true},
             {"description",
              "The row, as the matrix's caseKey names it: a practice's id in a practice matrix, "
              "a household's research pseudonym in a household matrix."},
             {"schema", {{"type", "string"}, {"maxLength", 64}}}});
        json["parameters"].push_back(uuid_path_parameter("codeId", "The column: a theme."));
        return json.dump();
      }());
  add_research_route(
      registry, Resource::framework_matrix, Operation::read, Method::get,
      "/framework-matrices/:id/csv", bind(&matrix_csv),
      nlohmann::json{
          {"operationId", "exportFrameworkMatrixCsv"},
          {"summary", "A framework matrix as CSV"},
          {"description",
           "One row per case. A practice matrix: case (the practice's name), practiceId; a "
           "household matrix: case (the first 8 digits of the pseudonym), householdPseudonym; "
           "then per theme the summary and its fragments as noteId:start-end (code points, end "
           "exclusive) joined by \"; \". Households whose research consent is not in force "
           "today, and fragments of notes linked to them, are left out. UTF-8, CRLF, a header "
           "row."},
          {"tags", {kResearchTag}},
          {"parameters", {id_parameter("The framework matrix.")}},
          {"responses",
           {{"200",
             {{"description", "The CSV."},
              {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}},
              {"content", {{"text/csv", {{"schema", {{"type", "string"}}}}}}}}},
            {"400", component_ref("responses", "BadRequest")}}}}
          .dump());

  const nlohmann::json matrix_input = input_schema(&read_matrix);
  registry.schemas["FrameworkMatrixInput"] = matrix_input;
  const nlohmann::json cell_input = input_schema(&read_cell);
  registry.schemas["FrameworkCellInput"] = cell_input;
  nlohmann::json cell_schema =
      output_schema(cell_input, "One cell: a case's summary on a theme and its fragments.");
  cell_schema["properties"].erase("id");
  nlohmann::json cell_required = nlohmann::json::array();
  for (const nlohmann::json& name : cell_schema.value("required", nlohmann::json::array())) {
    if (name != "id") cell_required.push_back(name);
  }
  for (const char* name : {"caseKey", "codeId", "version", "fragments", "updatedAt"}) {
    cell_required.push_back(name);
  }
  cell_schema["required"] = cell_required;
  cell_schema["properties"]["caseKey"] = string_schema(
      "The row: the practice's id, or the household's research pseudonym (the cell's path).");
  cell_schema["properties"]["practiceId"] = uuid_schema("The row's practice (practice matrix).");
  cell_schema["properties"]["householdPseudonym"] =
      string_schema("The row's household, by its research pseudonym (household matrix).");
  cell_schema["properties"]["codeId"] = uuid_schema("The column's code.");
  cell_schema["properties"]["version"] = integer_schema("The cell's version; 0 never written.");
  cell_schema["properties"]["updatedBy"] = uuid_schema("Who wrote it last.");
  cell_schema["properties"]["updatedAt"] = string_schema("When; empty when never written.");
  cell_schema["properties"]["fragments"] = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"required", {"codingId", "noteId", "codeId", "start", "end"}},
        {"properties",
         {{"codingId", uuid_schema("The coding.")},
          {"noteId", uuid_schema("Its note.")},
          {"codeId", uuid_schema("Its code.")},
          {"start", integer_schema("Code point offset, inclusive.")},
          {"end", integer_schema("Code point offset, exclusive.")}}}}}};
  registry.schemas["FrameworkCell"] = cell_schema;
  nlohmann::json matrix_schema = output_schema(
      matrix_input,
      "A framework matrix: cases as rows (practices, or households pseudonymised), codes as "
      "columns (themes), written cells.");
  matrix_schema["required"].push_back("version");
  matrix_schema["required"].push_back("caseKind");
  matrix_schema["properties"]["version"] = integer_schema("The matrix's version; the ETag.");
  matrix_schema["properties"]["cases"] = {
      {"type", "array"},
      {"description",
       "The rows (one matrix only): the project's practices by name; or the households linked "
       "to the project's notes whose research consent is in force today, by pseudonym."},
      {"items",
       {{"type", "object"},
        {"required", {"caseKey"}},
        {"properties",
         {{"caseKey", string_schema("The row's key in a cell's path: practiceId or "
                                    "householdPseudonym.")},
          {"practiceId", uuid_schema("The practice (practice matrix).")},
          {"name", string_schema("The practice's name (practice matrix).")},
          {"householdPseudonym",
           string_schema("The household's research pseudonym, as in the research exports "
                         "(household matrix); never its id.")}}}}}};
  matrix_schema["properties"]["themes"] = {
      {"type", "array"},
      {"description", "The columns in order (one matrix only)."},
      {"items",
       {{"type", "object"},
        {"required", {"codeId", "name"}},
        {"properties",
         {{"codeId", uuid_schema("The code.")}, {"name", string_schema("Its name.")}}}}}};
  matrix_schema["properties"]["cells"] = {{"type", "array"},
                                          {"description", "The written cells (one matrix only)."},
                                          {"items", component_ref("schemas", "FrameworkCell")}};
  registry.schemas["FrameworkMatrix"] = matrix_schema;
}

}  // namespace dichtbij::api
