#include "research/framework_matrix_csv.hpp"

#include "research/csv_field.hpp"

namespace dichtbij::research {

namespace {

const FrameworkCell* find_cell(const FrameworkTable& table, const FrameworkCaseId& row,
                               const CodeId& theme) {
  for (const FrameworkCell& cell : table.cells) {
    if (cell.row == row && cell.theme == theme) return &cell;
  }
  return nullptr;
}

std::string fragment_references(const FrameworkCell& cell) {
  std::string references;
  for (const Coding& coding : cell.fragments) {
    if (!references.empty()) references += "; ";
    references += coding.fields.note.str() + ":" + std::to_string(coding.fields.start) + "-" +
                  std::to_string(coding.fields.end);
  }
  return references;
}

}  // namespace

std::string short_pseudonym(const std::string& pseudonym) {
  return pseudonym.substr(0, 8);
}

std::string framework_matrix_csv(const FrameworkTable& table, const Pseudonyms& pseudonyms) {
  const bool households = table.matrix.case_kind == FrameworkCaseKind::household;
  std::string csv = households ? "case,householdPseudonym" : "case,practiceId";
  for (const FrameworkTheme& theme : table.themes) {
    csv += ',';
    append_csv_field(csv, theme.name);
    csv += ',';
    append_csv_field(csv, theme.name + " fragments");
  }
  csv += "\r\n";
  for (const FrameworkCase& row : table.cases) {
    if (const auto* household = std::get_if<HouseholdId>(&row.id)) {
      const std::string pseudonym = pseudonyms.of(*household);
      append_csv_field(csv, short_pseudonym(pseudonym));
      csv += ',';
      append_csv_field(csv, pseudonym);
    } else {
      append_csv_field(csv, row.name);
      csv += ',';
      append_csv_field(csv, case_id_text(row.id));
    }
    for (const FrameworkTheme& theme : table.themes) {
      const FrameworkCell* cell = find_cell(table, row.id, theme.code);
      csv += ',';
      if (cell) append_csv_field(csv, cell->fields.summary);
      csv += ',';
      if (cell) append_csv_field(csv, fragment_references(*cell));
    }
    csv += "\r\n";
  }
  return csv;
}

}  // namespace dichtbij::research
