#include "store/database_url.hpp"

#include <gtest/gtest.h>

namespace dichtbij::store {
namespace {

struct UrlCase {
  std::string url;
  bool ok;
  Engine engine;
  std::string target_or_error;  // the target when ok, a part of the message otherwise
};

class DatabaseUrlTest : public ::testing::TestWithParam<UrlCase> {};

TEST_P(DatabaseUrlTest, Parses) {
  const UrlCase& c = GetParam();
  Result<DatabaseUrl> parsed = DatabaseUrl::parse(c.url);
  ASSERT_EQ(parsed.ok(), c.ok) << c.url;
  if (c.ok) {
    EXPECT_EQ(parsed->engine, c.engine);
    EXPECT_EQ(parsed->target, c.target_or_error);
  } else {
    EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
    EXPECT_NE(parsed.error().message.find(c.target_or_error), std::string::npos)
        << parsed.error().message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DatabaseUrlTest,
    ::testing::Values(UrlCase{"sqlite:data/dichtbij.db", true, Engine::sqlite, "data/dichtbij.db"},
                      UrlCase{"sqlite:/var/lib/d.db", true, Engine::sqlite, "/var/lib/d.db"},
                      UrlCase{"postgresql://u@localhost:5432/d", true, Engine::postgresql,
                              "postgresql://u@localhost:5432/d"},
                      UrlCase{"postgres://u@h/d?sslmode=require", true, Engine::postgresql,
                              "postgres://u@h/d?sslmode=require"},
                      UrlCase{"sqlite:", false, Engine::sqlite, "needs a file path"},
                      UrlCase{"sqlite://data/x.db", false, Engine::sqlite, "not sqlite://"},
                      UrlCase{"mysql://h/d", false, Engine::sqlite,
                              "must start with sqlite: or postgresql://"},
                      UrlCase{"", false, Engine::sqlite, "must start with"}));

TEST(DatabaseUrlRedaction, HidesPasswords) {
  EXPECT_EQ(DatabaseUrl::parse("postgresql://ann:s3cret@db:5432/d")->redacted(),
            "postgresql://ann:***@db:5432/d");
  EXPECT_EQ(DatabaseUrl::parse("postgresql://db/d?user=ann&password=s3cret&x=1")->redacted(),
            "postgresql://db/d?user=ann&password=***&x=1");
  EXPECT_EQ(DatabaseUrl::parse("postgresql://ann@db/d")->redacted(), "postgresql://ann@db/d");
  EXPECT_EQ(DatabaseUrl::parse("sqlite:data/x.db")->redacted(), "sqlite:data/x.db");
}

}  // namespace
}  // namespace dichtbij::store
