// The report of one practice in a research project (issue 9): the
// quantitative picture (mobilisation, collaboration and carrying capacity of
// the practice's consenting households, month by month and at the start and
// end of the period) beside the qualitative one (its most frequent codes, its
// row of each framework matrix, and where its member checks stand). api/
// assembles it; it is answered as JSON and drawn as a PDF
// (research/practice_report_pdf.hpp). It holds counts, code names and
// researchers' texts only: no household, person or note.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/framework_matrix.hpp"
#include "core/ids.hpp"
#include "core/member_check.hpp"

namespace dichtbij::research {

// Acts of one month (YYYY-MM) of the period, by who set them in motion, and
// how formal and informal helpers worked together in them.
struct ReportMonth {
  std::string month;
  long long acts = 0;
  long long self = 0;          // mobilised by the household itself
  long long network = 0;       // by its network
  long long professional = 0;  // by a professional
  long long joint_acts = 0;    // formal and informal people together
  long long activations = 0;   // mobilised by a professional, given informally
  long long handovers = 0;     // agreements handed to an informal helper
};

// Of the households analysed on a day, how many had informal support of one
// type in the 90 days up to it: at least one informal provider (coverage),
// at least two (redundancy).
struct ReportCapacity {
  SupportType support_type = SupportType::practical;
  long long covered = 0;
  long long redundant = 0;
};

// The households of the practice with research consent in force on `on`,
// analysed on `on` (analysis/carrying_capacity.hpp).
struct ReportCapacityDay {
  Date on;
  long long households = 0;
  std::array<ReportCapacity, EnumTraits<SupportType>::kValues.size()> per_type{};  // in enum order
};

// A code as applied to the practice's notes.
struct ReportCode {
  CodeId code;
  std::string name;
  std::string colour;  // #rrggbb
  long long codings = 0;
  long long notes = 0;  // notes of the practice with the code
  double share = 0;     // notes / the practice's notes
};

// The practice's cell of one theme of one framework matrix; an unwritten
// cell has an empty summary.
struct ReportFrameworkCell {
  CodeId theme;
  std::string theme_name;
  std::string summary;
  std::size_t fragments = 0;
};

struct ReportFrameworkRow {
  FrameworkMatrixId matrix;
  std::string name;
  std::vector<ReportFrameworkCell> cells;  // in the matrix's theme order
};

// A finding published to the practice's stakeholders: its current version
// and how the stakeholders stand to that version.
struct ReportFinding {
  FindingId id;
  std::string title;
  int version = 1;
  std::string published_at;  // UTC timestamp of the current version
  AnswerTally answers;
};

struct PracticeReport {
  ResearchProjectId project;
  std::string project_name;
  PracticeId practice;
  std::string practice_name;
  Date from;  // the period, both days included
  Date to;
  std::string made_at;  // UTC timestamp

  std::vector<ReportMonth> months;   // every month of the period, in order
  ReportCapacityDay capacity_start;  // on from
  ReportCapacityDay capacity_end;    // on to

  int codebook_version = 0;
  long long notes = 0;            // the practice's notes in the analyses (consented)
  std::vector<ReportCode> codes;  // most notes first, then name; at most kTopCodes
  std::vector<ReportFrameworkRow> framework;
  std::vector<ReportFinding> findings;  // newest first

  static constexpr std::size_t kTopCodes = 10;
};

// The sum of months.
[[nodiscard]] ReportMonth report_total(const std::vector<ReportMonth>& months);

// Every month (YYYY-MM) from from's to to's, in order.
[[nodiscard]] std::vector<std::string> months_between(const Date& from, const Date& to);

}  // namespace dichtbij::research
