// The qualitative analyses of a research project (issue 9, docs/research.md):
// code × practice and code × perspective matrices, code co-occurrence, the
// fragments behind any cell, and agreement between coders per code. Pure
// computations over a CodingCorpus (core/research_corpus.hpp) that
// store/research_corpus_query.hpp reads;
// no SQL, no HTTP.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/research_corpus.hpp"

namespace dichtbij::research {

// Marks each note linked to a household outside consented (sorted ids) as
// excluded: the analyses and drill-downs leave it out.
void exclude_without_consent(CodingCorpus& corpus, const std::vector<HouseholdId>& consented);

enum class MatrixColumns { practice, perspective };

// One code in one column: how many codings, on how many notes (presence),
// and which share of the column's notes that is.
struct MatrixCell {
  std::string code;
  std::string column;
  long long codings = 0;
  long long notes = 0;
  double share = 0;
};

struct CodeMatrix {
  std::vector<std::string> columns;     // in order
  std::vector<long long> column_notes;  // notes per column
  std::vector<MatrixCell> cells;        // non-empty cells, by code then column
  int codebook_version = 0;
};

[[nodiscard]] CodeMatrix code_matrix(const CodingCorpus& corpus, MatrixColumns columns);

// Two codes on overlapping (or the same) ranges of a note: how many such
// pairs of codings, on how many notes. first < second (by id).
struct CooccurrenceCell {
  std::string first, second;
  long long overlaps = 0;
  long long notes = 0;
};

struct Cooccurrence {
  std::vector<CooccurrenceCell> cells;  // by first, then second
  int codebook_version = 0;
};

[[nodiscard]] Cooccurrence code_cooccurrence(const CodingCorpus& corpus);

// Which codings a cell rests on.
struct FragmentQuery {
  std::string code;
  std::optional<std::string> practice;
  std::optional<std::string> perspective;
  std::optional<std::string> other_code;  // co-occurrence: overlapping this code
};

// Indices into corpus.codings, in corpus order; excluded notes left out.
[[nodiscard]] std::vector<std::size_t> fragments(const CodingCorpus& corpus,
                                                 const FragmentQuery& query);

// Agreement on one code between the project's coders (unit: a note that
// at least two coders coded; value: whether the coder applied the code to
// it). kappa only when there are exactly two coders.
struct CodeAgreement {
  std::string code;
  long long units = 0;
  std::optional<double> kappa;
  std::optional<double> alpha;
};

struct Agreement {
  std::vector<std::string> coders;
  std::vector<CodeAgreement> codes;  // in corpus.codes order
  int codebook_version = 0;
};

[[nodiscard]] Agreement coder_agreement(const CodingCorpus& corpus);

}  // namespace dichtbij::research
