// TOTP and HOTP against the RFCs' own test vectors, base32 against RFC 4648's,
// and the ±1 step window.
#include "access/totp.hpp"

#include <gtest/gtest.h>

namespace dichtbij::access {
namespace {

// RFC 4226 appendix D and RFC 6238 appendix B use this key for SHA1.
constexpr std::string_view kRfcKey = "12345678901234567890";

TEST(Hotp, MatchesRfc4226AppendixD) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter != 10; ++counter) {
    EXPECT_EQ(hotp(kRfcKey, counter), expected[counter]) << counter;
  }
}

struct TotpVector {
  std::int64_t unix_time;
  const char* code;  // 8 digits, as the RFC lists them
};

TEST(Totp, MatchesRfc6238AppendixBForSha1) {
  const TotpVector vectors[] = {{59, "94287082"},         {1111111109, "07081804"},
                                {1111111111, "14050471"}, {1234567890, "89005924"},
                                {2000000000, "69279037"}, {20000000000, "65353130"}};
  for (const TotpVector& vector : vectors) {
    const std::int64_t step =
        totp_step(std::chrono::sys_seconds(std::chrono::seconds(vector.unix_time)));
    EXPECT_EQ(totp_code(kRfcKey, step, 8), vector.code) << vector.unix_time;
    // Six digits are the last six of eight (the same truncated number mod 10^6).
    EXPECT_EQ(totp_code(kRfcKey, step), std::string(vector.code).substr(2)) << vector.unix_time;
  }
}

TEST(Totp, AcceptsTheStepBeforeAndAfterAndNothingElse) {
  const std::int64_t now = 57'000'000;
  for (const std::int64_t offset : {-1, 0, 1}) {
    EXPECT_EQ(matching_totp_step(kRfcKey, totp_code(kRfcKey, now + offset), now), now + offset)
        << offset;
  }
  for (const std::int64_t offset : {-3, -2, 2, 3}) {
    const std::string code = totp_code(kRfcKey, now + offset);
    bool also_near = false;  // a chance collision with a step in the window
    for (const std::int64_t near : {-1, 0, 1}) {
      also_near = also_near || code == totp_code(kRfcKey, now + near);
    }
    if (!also_near) {
      EXPECT_FALSE(matching_totp_step(kRfcKey, code, now)) << offset;
    }
  }
  EXPECT_FALSE(matching_totp_step(kRfcKey, "", now));
  EXPECT_FALSE(matching_totp_step(kRfcKey, "12345", now));
  EXPECT_FALSE(matching_totp_step(kRfcKey, totp_code(kRfcKey, now) + "0", now));
}

TEST(Base32, MatchesRfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "MY"},
                                                         {"fo", "MZXQ"},
                                                         {"foo", "MZXW6"},
                                                         {"foob", "MZXW6YQ"},
                                                         {"fooba", "MZXW6YTB"},
                                                         {"foobar", "MZXW6YTBOI"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base32_encode(plain), encoded);
    EXPECT_EQ(base32_decode(encoded), plain);
  }
  EXPECT_EQ(base32_decode("mzxw6ytboi======"), "foobar") << "lower case and padding";
  EXPECT_FALSE(base32_decode("MZXW1"));
  EXPECT_FALSE(base32_decode("MZ-W6"));
}

TEST(Totp, SecretsAre160RandomBitsAndUriCarriesThem) {
  const std::string secret = new_totp_secret();
  EXPECT_EQ(secret.size(), 20u);
  EXPECT_NE(secret, new_totp_secret());
  EXPECT_EQ(base32_encode(secret).size(), 32u);
  EXPECT_EQ(otpauth_uri("Dichtbij", "ans.devries@buurt", "foobar"),
            "otpauth://totp/Dichtbij:ans.devries%40buurt?secret=MZXW6YTBOI&issuer=Dichtbij"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace dichtbij::access
