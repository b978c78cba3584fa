// The framework matrix as CSV (issue 9): what a researcher takes into a
// report or another analysis program.
#pragma once

#include <string>

#include "core/framework_matrix.hpp"
#include "research/pseudonyms.hpp"

namespace dichtbij::research {

// One row per case, in the table's order, and per theme two columns: the
// summary, and the fragments it rests on as "noteId:start-end" (code
// points, end exclusive, as the API counts them) joined by "; ". The
// header row starts "case,practiceId" in a practice matrix (the case is
// the practice's name) and "case,householdPseudonym" in a household matrix
// (the case is the pseudonym's first 8 digits, the household's id appears
// nowhere), then "<theme>,<theme> fragments" per theme in the matrix's
// order. An unwritten cell is empty. UTF-8, CRLF line ends (RFC 4180).
[[nodiscard]] std::string framework_matrix_csv(const FrameworkTable& table,
                                               const Pseudonyms& pseudonyms);

// How a household row is labelled for people: the first 8 digits of its
// pseudonym, enough to tell the rows of one matrix apart.
[[nodiscard]] std::string short_pseudonym(const std::string& pseudonym);

}  // namespace dichtbij::research
