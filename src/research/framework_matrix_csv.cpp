#include "research/framework_matrix_csv.hpp"

#include "research/csv_field.hpp"

namespace dichtbij::research {

namespace {

const FrameworkCell* find_cell(const FrameworkTable& table, const PracticeId& practice,
                               const CodeId& theme) {
  for (const FrameworkCell& cell : table.cells) {
    if (cell.practice == practice && cell.theme == theme) return &cell;
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

std::string framework_matrix_csv(const FrameworkTable& table) {
  std::string csv = "case,practiceId";
  for (const FrameworkTheme& theme : table.themes) {
    csv += ',';
    append_csv_field(csv, theme.name);
    csv += ',';
    append_csv_field(csv, theme.name + " fragments");
  }
  csv += "\r\n";
  for (const FrameworkCase& row : table.cases) {
    append_csv_field(csv, row.name);
    csv += ',';
    append_csv_field(csv, row.practice.str());
    for (const FrameworkTheme& theme : table.themes) {
      const FrameworkCell* cell = find_cell(table, row.practice, theme.code);
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
