#include "store/framework_matrix_repository.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <set>

#include "core/consent.hpp"
#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

Error invalid(std::string_view what, std::vector<InvalidParam> problems) {
  Error error = make_error(ErrorCode::invalid_input, std::string(what));
  error.invalid_params = std::move(problems);
  return error;
}

// Where the cells of a kind of matrix are kept (migrations 0020 and 0021):
// the same columns, with the row in `row`.
struct CellTables {
  std::string cells;
  std::string links;
  std::string row;
};

const CellTables& tables_of(FrameworkCaseKind kind) {
  static const CellTables practice{"research_framework_cells", "research_framework_cell_codings",
                                   "practice_id"};
  static const CellTables household{"research_framework_household_cells",
                                    "research_framework_household_cell_codings", "household_id"};
  return kind == FrameworkCaseKind::household ? household : practice;
}

FrameworkCaseId case_id(FrameworkCaseKind kind, const std::string& id) {
  if (kind == FrameworkCaseKind::household) return HouseholdId(id);
  return PracticeId(id);
}

bool is_of_kind(const FrameworkCaseId& row, FrameworkCaseKind kind) {
  return std::holds_alternative<HouseholdId>(row) == (kind == FrameworkCaseKind::household);
}

bool consents(const std::vector<HouseholdId>& consented, const HouseholdId& household) {
  return std::binary_search(consented.begin(), consented.end(), household);
}

}  // namespace

Result<void> FrameworkMatrixRepository::check_themes(const FrameworkMatrixFields& fields) {
  std::vector<InvalidParam> problems;
  for (std::size_t i = 0; i != fields.themes.size(); ++i) {
    int found = 0;
    transaction_.session()
        << "SELECT COUNT(*) FROM research_codes WHERE id = :id AND project_id = :project",
        soci::use(fields.themes[i].str()), soci::use(project_.str()), soci::into(found);
    if (found == 0) {
      problems.push_back(
          {"themeCodeIds[" + std::to_string(i) + "]", "is no code of this project's codebook"});
    }
  }
  if (!problems.empty()) return invalid("the themes are not the project's codes", problems);
  return {};
}

void FrameworkMatrixRepository::write_themes(const FrameworkMatrixId& id,
                                             const FrameworkMatrixFields& fields) {
  soci::session& session = transaction_.session();
  session << "DELETE FROM research_framework_themes WHERE matrix_id = :id", soci::use(id.str());
  for (std::size_t i = 0; i != fields.themes.size(); ++i) {
    const int ordinal = static_cast<int>(i) + 1;
    session << "INSERT INTO research_framework_themes (matrix_id, code_id, ordinal) VALUES (:id, "
               ":code, :ordinal)",
        soci::use(id.str()), soci::use(fields.themes[i].str()), soci::use(ordinal);
  }
}

Result<FrameworkMatrix> FrameworkMatrixRepository::create(const FrameworkMatrixFields& fields,
                                                          FrameworkCaseKind case_kind,
                                                          const AccountId& creator) {
  if (Result<void> checked = check_themes(fields); !checked.ok()) return std::move(checked).error();
  const FrameworkMatrixId id(new_uuid());
  const std::string now = utc_now_text();
  const std::string kind(to_code(case_kind));
  transaction_.session()
      << "INSERT INTO research_framework_matrices (id, version, project_id, name, case_kind, "
         "created_by, created_at, updated_at) VALUES (:id, 1, :project, :name, :kind, :creator, "
         ":now, :now2)",
      soci::use(id.str()), soci::use(project_.str()), soci::use(fields.name), soci::use(kind),
      soci::use(creator.str()), soci::use(now), soci::use(now);
  write_themes(id, fields);
  return FrameworkMatrix{id, 1, project_, case_kind, fields};
}

Result<FrameworkMatrix> FrameworkMatrixRepository::get(const FrameworkMatrixId& id) {
  soci::session& session = transaction_.session();
  FrameworkMatrix matrix{id, 1, project_, FrameworkCaseKind::practice, {}};
  std::string kind;
  session << "SELECT version, name, case_kind FROM research_framework_matrices WHERE id = :id "
             "AND project_id = :project",
      soci::use(id.str()), soci::use(project_.str()), soci::into(matrix.version),
      soci::into(matrix.fields.name), soci::into(kind);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found, "there is no framework matrix " + id.str());
  }
  matrix.case_kind = from_code<FrameworkCaseKind>(kind).value_or(FrameworkCaseKind::practice);
  std::string code;
  soci::statement statement =
      (session.prepare << "SELECT code_id FROM research_framework_themes WHERE matrix_id = :id "
                          "ORDER BY ordinal",
       soci::use(id.str()), soci::into(code));
  statement.execute();
  while (statement.fetch()) matrix.fields.themes.emplace_back(code);
  return matrix;
}

Result<std::vector<FrameworkMatrix>> FrameworkMatrixRepository::all() {
  std::vector<std::string> ids;
  std::string id;
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT id FROM research_framework_matrices WHERE project_id = :project ORDER BY "
              "name, id",
       soci::use(project_.str()), soci::into(id));
  statement.execute();
  while (statement.fetch()) ids.push_back(id);
  std::vector<FrameworkMatrix> matrices;
  for (const std::string& each : ids) {
    Result<FrameworkMatrix> matrix = get(FrameworkMatrixId(each));
    if (!matrix.ok()) return std::move(matrix).error();
    matrices.push_back(std::move(*matrix));
  }
  return matrices;
}

Result<FrameworkMatrix> FrameworkMatrixRepository::update(
    const FrameworkMatrixId& id, std::optional<int> expected, const FrameworkMatrixFields& fields,
    std::optional<FrameworkCaseKind> case_kind) {
  Result<FrameworkMatrix> current = get(id);
  if (!current.ok()) return current;
  if (case_kind && *case_kind != current->case_kind) {
    return invalid("a matrix keeps the kind of case it was made with",
                   {{"caseKind", "is " + std::string(to_code(current->case_kind)) +
                                     ": chosen when the matrix was created, it cannot change"}});
  }
  if (Result<void> checked = check_themes(fields); !checked.ok()) return std::move(checked).error();
  if (Result<void> advanced =
          advance_version(transaction_, "research_framework_matrices", "framework matrix", id.str(),
                          current->version, expected);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  transaction_.session() << "UPDATE research_framework_matrices SET name = :name WHERE id = :id",
      soci::use(fields.name), soci::use(id.str());
  write_themes(id, fields);
  return get(id);
}

FrameworkMatrixRepository::NoteHouseholds FrameworkMatrixRepository::note_households() {
  NoteHouseholds links;
  std::string note, household;
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT l.note_id, l.household_id FROM field_note_households l JOIN field_notes n "
              "ON n.id = l.note_id WHERE n.project_id = :project ORDER BY l.note_id, "
              "l.household_id",
       soci::use(project_.str()), soci::into(note), soci::into(household));
  statement.execute();
  while (statement.fetch()) links[note].emplace_back(household);
  return links;
}

namespace {

// Whether a note is left out for want of consent: the analyses' rule
// (research::exclude_without_consent), one withdrawn household is enough.
bool outside_consent(const std::map<std::string, std::vector<HouseholdId>>& links,
                     const std::string& note, const std::vector<HouseholdId>& consented) {
  const auto found = links.find(note);
  return found != links.end() && lacks_research_consent(found->second, consented);
}

}  // namespace

std::vector<FrameworkCell> FrameworkMatrixRepository::cells(
    const FrameworkMatrix& matrix, const NoteHouseholds& links,
    const std::vector<HouseholdId>& consented) {
  const CellTables& tables = tables_of(matrix.case_kind);
  soci::session& session = transaction_.session();
  std::vector<FrameworkCell> cells;
  {
    FrameworkCell cell;
    std::string row, code, updated_by;
    soci::statement statement =
        (session.prepare << "SELECT " << tables.row
                         << ", code_id, version, summary, updated_by, updated_at FROM "
                         << tables.cells << " WHERE matrix_id = :id ORDER BY " << tables.row
                         << ", code_id",
         soci::use(matrix.id.str()), soci::into(row), soci::into(code), soci::into(cell.version),
         soci::into(cell.fields.summary), soci::into(updated_by), soci::into(cell.updated_at));
    statement.execute();
    while (statement.fetch()) {
      cell.row = case_id(matrix.case_kind, row);
      cell.theme = CodeId(code);
      cell.updated_by = AccountId(updated_by);
      cells.push_back(cell);
    }
  }
  std::map<std::pair<std::string, std::string>, FrameworkCell*> by_key;
  for (FrameworkCell& cell : cells) by_key[{case_id_text(cell.row), cell.theme.str()}] = &cell;
  std::string row, code, coding, note, coded_with, coder, created_at;
  long long start = 0, end = 0;
  soci::statement statement =
      (session.prepare << "SELECT l." << tables.row
                       << ", l.code_id, c.id, c.note_id, c.code_id, c.start_offset, "
                          "c.end_offset, c.coder_id, c.created_at FROM "
                       << tables.links
                       << " l JOIN research_codings c ON c.id = l.coding_id WHERE l.matrix_id = "
                          ":id ORDER BY c.note_id, c.start_offset, c.end_offset, c.id",
       soci::use(matrix.id.str()), soci::into(row), soci::into(code), soci::into(coding),
       soci::into(note), soci::into(coded_with), soci::into(start), soci::into(end),
       soci::into(coder), soci::into(created_at));
  statement.execute();
  while (statement.fetch()) {
    auto found = by_key.find({row, code});
    if (found == by_key.end() || outside_consent(links, note, consented)) continue;
    found->second->fields.codings.emplace_back(coding);
    found->second->fragments.push_back(
        Coding{CodingId(coding),
               {FieldNoteId(note), CodeId(coded_with), static_cast<std::size_t>(start),
                static_cast<std::size_t>(end)},
               AccountId(coder),
               created_at});
  }
  return cells;
}

Result<FrameworkTable> FrameworkMatrixRepository::table(const FrameworkMatrixId& id,
                                                        const std::vector<HouseholdId>& consented) {
  return table(id, note_households(), consented);
}

Result<FrameworkTable> FrameworkMatrixRepository::table(const FrameworkMatrixId& id,
                                                        const NoteHouseholds& links,
                                                        const std::vector<HouseholdId>& consented) {
  Result<FrameworkMatrix> matrix = get(id);
  if (!matrix.ok()) return std::move(matrix).error();
  FrameworkTable table{std::move(*matrix), {}, {}, {}};
  soci::session& session = transaction_.session();
  if (table.matrix.case_kind == FrameworkCaseKind::household) {
    std::set<HouseholdId> linked;
    for (const auto& [note, households] : links) {
      for (const HouseholdId& household : households) {
        if (consents(consented, household)) linked.insert(household);
      }
    }
    for (const HouseholdId& household : linked) table.cases.push_back({household, ""});
  } else {
    std::string practice, name;
    soci::statement statement =
        (session.prepare << "SELECT p.id, p.name FROM research_project_practices rp JOIN "
                            "practices p ON p.id = rp.practice_id WHERE rp.project_id = :project "
                            "ORDER BY p.name, p.id",
         soci::use(project_.str()), soci::into(practice), soci::into(name));
    statement.execute();
    while (statement.fetch()) table.cases.push_back({PracticeId(practice), name});
  }
  for (const CodeId& code : table.matrix.fields.themes) {
    std::string name;
    session << "SELECT name FROM research_codes WHERE id = :id", soci::use(code.str()),
        soci::into(name);
    table.themes.push_back({code, name});
  }
  std::vector<FrameworkCell> written = cells(table.matrix, links, consented);
  for (FrameworkCell& cell : written) {
    const bool shown =
        std::any_of(table.cases.begin(), table.cases.end(),
                    [&](const FrameworkCase& row) { return row.id == cell.row; }) &&
        std::any_of(table.themes.begin(), table.themes.end(),
                    [&](const FrameworkTheme& column) { return column.code == cell.theme; });
    if (shown) table.cells.push_back(std::move(cell));
  }
  return table;
}

Result<FrameworkCell> FrameworkMatrixRepository::put_cell(
    const FrameworkMatrixId& id, const FrameworkCaseId& row, const CodeId& theme,
    std::optional<int> expected, const FrameworkCellFields& fields, const AccountId& author,
    const std::vector<HouseholdId>& consented) {
  const NoteHouseholds links = note_households();
  Result<FrameworkTable> current = table(id, links, consented);
  if (!current.ok()) return std::move(current).error();
  const FrameworkCaseKind kind = current->matrix.case_kind;
  const bool is_row = is_of_kind(row, kind) &&
                      std::any_of(current->cases.begin(), current->cases.end(),
                                  [&](const FrameworkCase& each) { return each.id == row; });
  const bool is_column =
      std::any_of(current->themes.begin(), current->themes.end(),
                  [&](const FrameworkTheme& column) { return column.code == theme; });
  if (!is_row || !is_column) {
    // A household is not named: its id is not for the client.
    return make_error(ErrorCode::not_found, "the matrix has no cell for that " +
                                                std::string(to_code(kind)) + " and theme " +
                                                theme.str());
  }
  soci::session& session = transaction_.session();
  std::vector<InvalidParam> problems;
  for (std::size_t i = 0; i != fields.codings.size(); ++i) {
    std::string note, note_practice;
    session << "SELECT n.id, n.practice_id FROM research_codings c JOIN field_notes n ON n.id = "
               "c.note_id WHERE c.id = :id AND c.project_id = :project",
        soci::use(fields.codings[i].str()), soci::use(project_.str()), soci::into(note),
        soci::into(note_practice);
    const std::string name = "codingIds[" + std::to_string(i) + "]";
    if (!session.got_data()) {
      problems.push_back({name, "is no coding of this project"});
    } else if (outside_consent(links, note, consented)) {
      problems.push_back({name,
                          "is a fragment of a note linked to a household whose research consent "
                          "is not in force"});
    } else if (const auto* practice = std::get_if<PracticeId>(&row);
               practice && note_practice != practice->str()) {
      problems.push_back({name, "is a fragment of a note of another practice than the row's"});
    } else if (const auto* household = std::get_if<HouseholdId>(&row); household) {
      const auto linked = links.find(note);
      if (linked == links.end() || std::find(linked->second.begin(), linked->second.end(),
                                             *household) == linked->second.end()) {
        problems.push_back({name, "is a fragment of a note not linked to the row's household"});
      }
    }
  }
  if (!problems.empty()) return invalid("the cell's fragments do not fit its row", problems);

  int version = 0;
  for (const FrameworkCell& cell : current->cells) {
    if (cell.row == row && cell.theme == theme) version = cell.version;
  }
  if (expected && *expected != version) {
    return make_error(
        ErrorCode::precondition_failed,
        "the cell was changed by someone else (now version " + std::to_string(version) + ")");
  }
  const CellTables& tables = tables_of(kind);
  const std::string& row_id = case_id_text(row);
  const std::string now = utc_now_text();
  if (version == 0) {
    session << "INSERT INTO " << tables.cells << " (matrix_id, " << tables.row
            << ", code_id, version, summary, updated_by, updated_at) VALUES (:id, :row, :code, "
               "1, :summary, :author, :now)",
        soci::use(id.str()), soci::use(row_id), soci::use(theme.str()), soci::use(fields.summary),
        soci::use(author.str()), soci::use(now);
  } else {
    soci::statement statement =
        (session.prepare << "UPDATE " << tables.cells
                         << " SET version = version + 1, summary = :summary, updated_by = "
                            ":author, updated_at = :now WHERE matrix_id = :id AND "
                         << tables.row << " = :row AND code_id = :code AND version = :version",
         soci::use(fields.summary), soci::use(author.str()), soci::use(now), soci::use(id.str()),
         soci::use(row_id), soci::use(theme.str()), soci::use(version));
    statement.execute(true);
    if (statement.get_affected_rows() != 1) {
      return make_error(ErrorCode::precondition_failed, "the cell was changed by someone else");
    }
    session << "DELETE FROM " << tables.links << " WHERE matrix_id = :id AND " << tables.row
            << " = :row AND code_id = :code",
        soci::use(id.str()), soci::use(row_id), soci::use(theme.str());
  }
  for (const CodingId& coding : fields.codings) {
    session << "INSERT INTO " << tables.links << " (matrix_id, " << tables.row
            << ", code_id, coding_id) VALUES (:id, :row, :code, :coding)",
        soci::use(id.str()), soci::use(row_id), soci::use(theme.str()), soci::use(coding.str());
  }
  for (FrameworkCell& cell : cells(current->matrix, links, consented)) {
    if (cell.row == row && cell.theme == theme) return std::move(cell);
  }
  return make_error(ErrorCode::not_found, "the cell is gone");
}

}  // namespace dichtbij::store
