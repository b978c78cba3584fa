// Agreement between coders against hand-computed examples.
#include "research/coder_agreement.hpp"

#include <gtest/gtest.h>

namespace dichtbij::research {
namespace {

using Units = std::vector<std::vector<std::optional<int>>>;
constexpr std::nullopt_t _ = std::nullopt;

// The textbook example (e.g. Wikipedia, "Cohen's kappa"): 50 proposals,
// both yes 20, A yes B no 5, A no B yes 10, both no 15. p_o = 0.7,
// p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.4.
TEST(CohensKappa, TextbookExample) {
  std::vector<int> a, b;
  auto add = [&](int count, int first, int second) {
    for (int i = 0; i != count; ++i) a.push_back(first), b.push_back(second);
  };
  add(20, 1, 1);
  add(5, 1, 0);
  add(10, 0, 1);
  add(15, 0, 0);
  ASSERT_TRUE(cohens_kappa(a, b).has_value());
  EXPECT_NEAR(*cohens_kappa(a, b), 0.4, 1e-12);
}

TEST(CohensKappa, UndefinedWhenBothAlwaysGiveOneValue) {
  EXPECT_FALSE(cohens_kappa({1, 1, 1}, {1, 1, 1}).has_value());
  EXPECT_FALSE(cohens_kappa({}, {}).has_value());
}

TEST(CohensKappa, PerfectAgreementIsOne) {
  EXPECT_NEAR(*cohens_kappa({0, 1, 1, 0}, {0, 1, 1, 0}), 1.0, 1e-12);
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", A:
// binary data, two observers, no missing data: alpha = 0.095. (Cohen's
// kappa of the same data: p_o = 0.6, p_e = 0.56, kappa = 0.0909.)
TEST(KrippendorffsAlpha, BinaryTwoObservers) {
  const std::vector<int> a{0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
  const std::vector<int> b{1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
  Units units;
  for (std::size_t i = 0; i != a.size(); ++i) units.push_back({a[i], b[i]});
  ASSERT_TRUE(krippendorffs_alpha_nominal(units).has_value());
  EXPECT_NEAR(*krippendorffs_alpha_nominal(units), 0.095, 0.0005);
  EXPECT_NEAR(*cohens_kappa(a, b), 0.04 / 0.44, 1e-12);
}

// Krippendorff (2011), C: nominal data, four observers, missing data,
// twelve units: alpha = 0.743.
TEST(KrippendorffsAlpha, NominalFourObserversWithMissingData) {
  const Units units{{1, 1, _, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3},
                    {2, 2, 2, 2}, {1, 2, 3, 4}, {4, 4, 4, 4}, {1, 1, 2, 1},
                    {2, 2, 2, 2}, {_, 5, 5, 5}, {_, _, 1, 1}, {_, 3, _, _}};
  ASSERT_TRUE(krippendorffs_alpha_nominal(units).has_value());
  EXPECT_NEAR(*krippendorffs_alpha_nominal(units), 0.743, 0.0005);
}

TEST(KrippendorffsAlpha, UndefinedWithOneValueOrNoPairs) {
  EXPECT_FALSE(krippendorffs_alpha_nominal({{1, 1}, {1, 1}}).has_value());
  EXPECT_FALSE(krippendorffs_alpha_nominal({{1, _}, {_, 0}}).has_value());
}

}  // namespace
}  // namespace dichtbij::research
