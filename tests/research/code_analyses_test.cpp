// The matrices, co-occurrence, drill-down and agreement over a small
// hand-made corpus; and code points and name replacement in core/.
#include "research/code_analyses.hpp"

#include <gtest/gtest.h>

#include "core/code_points.hpp"
#include "core/research.hpp"

namespace dichtbij::research {
namespace {

// Notes n0 (practice p, professional), n1 (p, volunteer), n2 (q,
// professional, linked to household h). Codes a, b. Coders x, y.
CodingCorpus corpus() {
  CodingCorpus corpus;
  corpus.notes = {{"n0", "p", "professional", {}, false},
                  {"n1", "p", "volunteer", {}, false},
                  {"n2", "q", "professional", {"00000000-0000-0000-0000-00000000000a"}, false}};
  corpus.codes = {"a", "b"};
  corpus.coders = {"x", "y"};
  // note, code, coder, start, end, id
  corpus.codings = {{0, 0, 0, 0, 10, "c0"},  {0, 1, 0, 5, 15, "c1"}, {0, 0, 1, 0, 10, "c2"},
                    {0, 0, 0, 20, 30, "c3"}, {1, 1, 1, 0, 4, "c4"},  {1, 0, 0, 4, 8, "c5"},
                    {2, 0, 0, 0, 5, "c6"}};
  std::sort(corpus.codings.begin(), corpus.codings.end(), [](const auto& l, const auto& r) {
    return std::tie(l.note, l.start) < std::tie(r.note, r.start);
  });
  corpus.codebook_version = 7;
  return corpus;
}

const MatrixCell* cell(const CodeMatrix& matrix, const std::string& code,
                       const std::string& column) {
  for (const MatrixCell& cell : matrix.cells) {
    if (cell.code == code && cell.column == column) return &cell;
  }
  return nullptr;
}

TEST(CodeMatrix, CountsCodingsNotesAndShares) {
  const CodeMatrix matrix = code_matrix(corpus(), MatrixColumns::practice);
  EXPECT_EQ(matrix.codebook_version, 7);
  EXPECT_EQ(matrix.columns, (std::vector<std::string>{"p", "q"}));
  EXPECT_EQ(matrix.column_notes, (std::vector<long long>{2, 1}));
  const MatrixCell* a_p = cell(matrix, "a", "p");
  ASSERT_NE(a_p, nullptr);
  EXPECT_EQ(a_p->codings, 4);  // c0, c2, c3 on n0; c5 on n1
  EXPECT_EQ(a_p->notes, 2);
  EXPECT_DOUBLE_EQ(a_p->share, 1.0);
  const MatrixCell* b_p = cell(matrix, "b", "p");
  ASSERT_NE(b_p, nullptr);
  EXPECT_EQ(b_p->codings, 2);
  EXPECT_EQ(b_p->notes, 2);
  EXPECT_EQ(cell(matrix, "b", "q"), nullptr);
}

TEST(CodeMatrix, ByPerspective) {
  const CodeMatrix matrix = code_matrix(corpus(), MatrixColumns::perspective);
  const MatrixCell* a = cell(matrix, "a", "professional");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->notes, 2);  // n0 and n2
  EXPECT_EQ(a->codings, 4);
  EXPECT_DOUBLE_EQ(a->share, 1.0);
}

TEST(CodeMatrix, WithdrawnConsentLeavesLinkedNotesOut) {
  CodingCorpus withdrawn = corpus();
  exclude_without_consent(withdrawn, {});
  const CodeMatrix matrix = code_matrix(withdrawn, MatrixColumns::practice);
  EXPECT_EQ(matrix.columns, (std::vector<std::string>{"p"}));
  EXPECT_TRUE(fragments(withdrawn, {"a", std::string("q"), std::nullopt, std::nullopt}).empty());
  CodingCorpus consented = corpus();
  exclude_without_consent(consented, {HouseholdId("00000000-0000-0000-0000-00000000000a")});
  EXPECT_EQ(code_matrix(consented, MatrixColumns::practice).columns.size(), 2u);
}

TEST(CodeCooccurrence, OverlappingRangesOfTwoCodes) {
  const Cooccurrence result = code_cooccurrence(corpus());
  ASSERT_EQ(result.cells.size(), 1u);
  EXPECT_EQ(result.cells[0].first, "a");
  EXPECT_EQ(result.cells[0].second, "b");
  // c1 [5,15) overlaps c0 and c2 [0,10); c4 [0,4) and c5 [4,8) only touch.
  EXPECT_EQ(result.cells[0].overlaps, 2);
  EXPECT_EQ(result.cells[0].notes, 1);
}

TEST(Fragments, DrillDownFromEachKindOfCell) {
  const CodingCorpus data = corpus();
  EXPECT_EQ(fragments(data, {"a", std::string("p"), std::nullopt, std::nullopt}).size(), 4u);
  EXPECT_EQ(fragments(data, {"a", std::nullopt, std::string("professional"), std::nullopt}).size(),
            4u);
  const std::vector<std::size_t> overlapping =
      fragments(data, {"b", std::nullopt, std::nullopt, std::string("a")});
  ASSERT_EQ(overlapping.size(), 1u);
  EXPECT_EQ(data.codings[overlapping[0]].id, "c1");
  EXPECT_TRUE(fragments(data, {"nothing", std::nullopt, std::nullopt, std::nullopt}).empty());
}

// Units: n0 (coded by x and y) and n1 (coded by x and y). Code a: x has it
// on both, y on n0 only. Code b: x on n0 only, y on n1 only.
TEST(CoderAgreement, PerCodeOnNotesBothCoded) {
  const Agreement result = coder_agreement(corpus());
  ASSERT_EQ(result.codes.size(), 2u);
  EXPECT_EQ(result.codes[0].units, 2);
  // a: x = (1, 1), y = (1, 0): p_o = 0.5, p_e = 1 * 0.5 = 0.5 -> kappa 0.
  ASSERT_TRUE(result.codes[0].kappa.has_value());
  EXPECT_NEAR(*result.codes[0].kappa, 0.0, 1e-12);
  // b: x = (1, 0), y = (0, 1): p_o = 0, p_e = 0.5 -> kappa -1.
  ASSERT_TRUE(result.codes[1].kappa.has_value());
  EXPECT_NEAR(*result.codes[1].kappa, -1.0, 1e-12);
  EXPECT_TRUE(result.codes[1].alpha.has_value());
}

TEST(CodePoints, CountsCodePointsNotBytesOrUtf16Units) {
  EXPECT_EQ(utf8_code_points("abc"), 3u);
  EXPECT_EQ(utf8_code_points("caf\xC3\xA9"), 4u);        // café
  EXPECT_EQ(utf8_code_points("\xF0\x9F\x98\x80!"), 2u);  // 😀!
  EXPECT_EQ(utf8_code_points("a\r\nb"), 4u);
  EXPECT_FALSE(utf8_code_points("\xC3").has_value());              // cut off
  EXPECT_FALSE(utf8_code_points("\xC0\xAF").has_value());          // overlong
  EXPECT_FALSE(utf8_code_points("\xED\xA0\x80").has_value());      // a surrogate
  EXPECT_FALSE(utf8_code_points("\xF4\x90\x80\x80").has_value());  // past U+10FFFF
  EXPECT_EQ(code_point_slice("caf\xC3\xA9 \xF0\x9F\x98\x80 x", 3, 6), "\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(code_point_slice("abc", 1, 99), "bc");
}

TEST(ReplaceNames, WholeWordsLongestFirst) {
  const std::vector<NameReplacement> names{{"Jan", "Persoon 1"}, {"Jan de Vries", "Persoon 2"}};
  EXPECT_EQ(replace_names("Jan de Vries sprak Jan en Janneke.", names),
            "Persoon 2 sprak Persoon 1 en Janneke.");
  EXPECT_EQ(replace_names("Jan\xC3\xA9 bleef; Jan.", names), "Jan\xC3\xA9 bleef; Persoon 1.");
}

}  // namespace
}  // namespace dichtbij::research
