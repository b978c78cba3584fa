// Reads what a research project's analyses compute over (core/
// research_corpus.hpp): every note's practice and perspective and linked
// households, and every coding, in one pass each, in bulk.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/research.hpp"
#include "core/research_corpus.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// The project's notes (by id), codes (by id), coders (by id) and codings
// (by note, then start, end), with the codebook version of the same
// snapshot. Coding ids are read only when asked for (drill-downs): the
// aggregates do without, and 200,000 of them cost time.
[[nodiscard]] Result<CodingCorpus> research_corpus(Transaction& transaction,
                                                   const ResearchProjectId& project,
                                                   bool with_coding_ids);

// The texts of these notes of the project, by id: for the excerpts of a
// drill-down.
[[nodiscard]] Result<std::unordered_map<std::string, std::string>> note_texts(
    Transaction& transaction, const ResearchProjectId& project,
    const std::vector<std::string>& notes);

}  // namespace dichtbij::store
