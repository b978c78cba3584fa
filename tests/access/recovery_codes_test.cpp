// Recovery codes: ten distinct 80-bit codes, read back however people type
// them, hashed per account.
#include "access/recovery_codes.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace dichtbij::access {
namespace {

TEST(RecoveryCodes, TenDistinctCodesInGroupsOfFour) {
  const std::vector<std::string> codes = new_recovery_codes();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 10u);
  const std::regex shape("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");
  for (const std::string& code : codes) EXPECT_TRUE(std::regex_match(code, shape)) << code;
}

TEST(RecoveryCodes, ReadAsTypedAndRefuseWhatCannotBeOne) {
  EXPECT_EQ(normalise_recovery_code("k7qf-2mxa pl3d-wz4c"), "K7QF2MXAPL3DWZ4C");
  EXPECT_EQ(normalise_recovery_code("K7QF2MXAPL3DWZ4C"), "K7QF2MXAPL3DWZ4C");
  EXPECT_FALSE(normalise_recovery_code("K7QF-2MXA-PL3D"));
  EXPECT_FALSE(normalise_recovery_code("K7QF-2MXA-PL3D-WZ41"));
  EXPECT_FALSE(normalise_recovery_code(""));
}

TEST(RecoveryCodes, TheSameCodeHashesDifferentlyPerAccount) {
  const AccountId first("11111111-1111-4111-8111-111111111111");
  const AccountId second("22222222-2222-4222-8222-222222222222");
  EXPECT_EQ(recovery_code_hash(first, "K7QF2MXAPL3DWZ4C"),
            recovery_code_hash(first, "K7QF2MXAPL3DWZ4C"));
  EXPECT_NE(recovery_code_hash(first, "K7QF2MXAPL3DWZ4C"),
            recovery_code_hash(second, "K7QF2MXAPL3DWZ4C"));
  EXPECT_EQ(recovery_code_hash(first, "K7QF2MXAPL3DWZ4C").size(), 64u);
}

}  // namespace
}  // namespace dichtbij::access
