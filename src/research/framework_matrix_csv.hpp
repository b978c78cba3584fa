// The framework matrix as CSV (issue 9): what a researcher takes into a
// report or another analysis program.
#pragma once

#include <string>

#include "core/framework_matrix.hpp"

namespace dichtbij::research {

// One row per case (practice, by name) and per theme two columns: the
// summary, and the fragments it rests on as "noteId:start-end" (code
// points, end exclusive, as the API counts them) joined by "; ". The
// header row is "case,practiceId" then "<theme>,<theme> fragments" per
// theme in the matrix's order. An unwritten cell is empty. UTF-8, CRLF line
// ends (RFC 4180).
[[nodiscard]] std::string framework_matrix_csv(const FrameworkTable& table);

}  // namespace dichtbij::research
