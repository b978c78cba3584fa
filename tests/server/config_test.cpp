#include "server/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_database.hpp"

namespace dichtbij::server {
namespace {

TEST(Config, DefaultsWithoutFileOrEnvironment) {
  Result<Config> config = load_config({}, std::nullopt);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->listen_address, "127.0.0.1");
  EXPECT_EQ(config->port, 8080);
  EXPECT_EQ(config->database_url, "sqlite:data/dichtbij.db");
  EXPECT_EQ(config->worker_threads, default_worker_threads());
  EXPECT_EQ(config->worker_threads, 64u);
  EXPECT_FALSE(config->database_pool_size);
  EXPECT_EQ(config->pool_size(), 16u) << "not one connection per worker";
  EXPECT_EQ(config->max_body_bytes, 1024u * 1024u);
  EXPECT_EQ(config->static_dir, "web/dist");
  EXPECT_EQ(config->log_level, LogLevel::info);
  EXPECT_EQ(config->shutdown_grace, std::chrono::seconds(30));
  EXPECT_TRUE(config->group_commit);
  EXPECT_EQ(config->retention_years, 15);
}

TEST(Config, EnvironmentSetsEverySetting) {
  Result<Config> config = load_config({{"DICHTBIJ_LISTEN_ADDRESS", "0.0.0.0"},
                                       {"DICHTBIJ_PORT", "9000"},
                                       {"DICHTBIJ_DATABASE_URL", "postgresql://d@db/d"},
                                       {"DICHTBIJ_WORKER_THREADS", "3"},
                                       {"DICHTBIJ_DATABASE_POOL_SIZE", "5"},
                                       {"DICHTBIJ_MAX_BODY_BYTES", "4096"},
                                       {"DICHTBIJ_STATIC_DIR", "/srv/web"},
                                       {"DICHTBIJ_LOG_LEVEL", "debug"},
                                       {"DICHTBIJ_SHUTDOWN_GRACE_SECONDS", "5"},
                                       {"DICHTBIJ_GROUP_COMMIT", "false"},
                                       {"DICHTBIJ_RETENTION_YEARS", "7"}},
                                      std::nullopt);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->listen_address, "0.0.0.0");
  EXPECT_EQ(config->port, 9000);
  EXPECT_EQ(config->database_url, "postgresql://d@db/d");
  EXPECT_EQ(config->worker_threads, 3u);
  EXPECT_EQ(config->pool_size(), 5u);
  EXPECT_EQ(config->max_body_bytes, 4096u);
  EXPECT_EQ(config->static_dir, "/srv/web");
  EXPECT_EQ(config->log_level, LogLevel::debug);
  EXPECT_EQ(config->shutdown_grace, std::chrono::seconds(5));
  EXPECT_FALSE(config->group_commit);
  EXPECT_EQ(config->retention_years, 7);
}

// One row per way an environment value can be wrong; the message must name
// the variable and say what is expected.
struct BadValue {
  std::string variable;
  std::string value;
  std::string reason_part;
};

class ConfigBadEnvironment : public ::testing::TestWithParam<BadValue> {};

TEST_P(ConfigBadEnvironment, FailsNamingTheVariable) {
  const BadValue& c = GetParam();
  Result<Config> config = load_config({{c.variable, c.value}}, std::nullopt);
  ASSERT_FALSE(config.ok()) << c.variable << "=" << c.value;
  EXPECT_EQ(config.error().code, ErrorCode::invalid_input);
  ASSERT_EQ(config.error().invalid_params.size(), 1u);
  EXPECT_EQ(config.error().invalid_params[0].name, c.variable);
  EXPECT_NE(config.error().invalid_params[0].reason.find(c.reason_part), std::string::npos)
      << config.error().invalid_params[0].reason;
  EXPECT_NE(config.error().message.find(c.variable), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ConfigBadEnvironment,
    ::testing::Values(BadValue{"DICHTBIJ_PORT", "eighty", "whole number"},
                      BadValue{"DICHTBIJ_PORT", "65536", "between 0 and 65535"},
                      BadValue{"DICHTBIJ_PORT", "-1", "between 0 and 65535"},
                      BadValue{"DICHTBIJ_PORT", "80x", "whole number"},
                      BadValue{"DICHTBIJ_PORT", "", "whole number"},
                      BadValue{"DICHTBIJ_WORKER_THREADS", "0", "between 1 and 256"},
                      BadValue{"DICHTBIJ_DATABASE_POOL_SIZE", "0", "between 1 and 256"},
                      BadValue{"DICHTBIJ_DATABASE_POOL_SIZE", "many", "whole number"},
                      BadValue{"DICHTBIJ_MAX_BODY_BYTES", "10", "between 1024"},
                      BadValue{"DICHTBIJ_DATABASE_URL", "mysql://x", "sqlite: or postgresql://"},
                      BadValue{"DICHTBIJ_LOG_LEVEL", "loud", "one of trace"},
                      BadValue{"DICHTBIJ_LISTEN_ADDRESS", "", "must not be empty"},
                      BadValue{"DICHTBIJ_SHUTDOWN_GRACE_SECONDS", "9999", "between 0 and 3600"},
                      BadValue{"DICHTBIJ_GROUP_COMMIT", "yes", "true or false"},
                      BadValue{"DICHTBIJ_RETENTION_YEARS", "0", "between 1 and 100"},
                      BadValue{"DICHTBIJ_RETENTION_YEARS", "15y", "whole number"},
                      BadValue{"DICHTBIJ_PROT", "8080", "is not a setting"}));

TEST(Config, PoolSizeDefaultsToWorkersUpTo16) {
  Result<Config> few = load_config({{"DICHTBIJ_WORKER_THREADS", "4"}}, std::nullopt);
  ASSERT_TRUE(few.ok());
  EXPECT_EQ(few->pool_size(), 4u) << "no more sessions than threads that could lease them";
  Result<Config> many = load_config({{"DICHTBIJ_WORKER_THREADS", "200"}}, std::nullopt);
  ASSERT_TRUE(many.ok());
  EXPECT_EQ(many->pool_size(), 16u);
  Result<Config> set = load_config(
      {{"DICHTBIJ_WORKER_THREADS", "200"}, {"DICHTBIJ_DATABASE_POOL_SIZE", "40"}}, std::nullopt);
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->pool_size(), 40u);
}

TEST(Config, ReportsEveryBadValueAtOnce) {
  Result<Config> config =
      load_config({{"DICHTBIJ_PORT", "x"}, {"DICHTBIJ_LOG_LEVEL", "loud"}}, std::nullopt);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().invalid_params.size(), 2u);
}

class ConfigFile : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& text) {
    const auto path = folder_.path() / "dichtbij.toml";
    std::ofstream(path) << text;
    return path;
  }
  testing::TempDir folder_;
};

TEST_F(ConfigFile, FileSetsValuesAndEnvironmentOverridesThem) {
  const auto path = write(
      "port = 9100\nlog_level = \"warn\"\ndatabase_url = \"sqlite:/tmp/x.db\"\ngroup_commit = "
      "false\n");
  Result<Config> config = load_config({{"DICHTBIJ_PORT", "9200"}}, path);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->port, 9200);
  EXPECT_EQ(config->log_level, LogLevel::warn);
  EXPECT_EQ(config->database_url, "sqlite:/tmp/x.db");
  EXPECT_FALSE(config->group_commit);
}

TEST_F(ConfigFile, DichtbijConfigVariableNamesTheFile) {
  const auto path = write("port = 9300\n");
  Result<Config> config = load_config({{"DICHTBIJ_CONFIG", path.string()}}, std::nullopt);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->port, 9300);
}

struct BadFile {
  std::string label;
  std::string text;
  std::string name_part;
  std::string reason_part;
};

class ConfigBadFile : public ConfigFile, public ::testing::WithParamInterface<BadFile> {};

TEST_P(ConfigBadFile, FailsNamingTheKeyAndFile) {
  const BadFile& c = GetParam();
  const auto path = write(c.text);
  Result<Config> config = load_config({}, path);
  ASSERT_FALSE(config.ok());
  ASSERT_EQ(config.error().invalid_params.size(), 1u);
  EXPECT_NE(config.error().invalid_params[0].name.find(c.name_part), std::string::npos)
      << config.error().invalid_params[0].name;
  EXPECT_NE(config.error().invalid_params[0].name.find(path.string()), std::string::npos);
  EXPECT_NE(config.error().invalid_params[0].reason.find(c.reason_part), std::string::npos)
      << config.error().invalid_params[0].reason;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ConfigBadFile,
    ::testing::Values(BadFile{"unknown_key", "prot = 1\n", "prot", "is not a setting"},
                      BadFile{"wrong_type", "port = [1]\n", "port",
                              "string, an integer or a boolean"},
                      BadFile{"out_of_range", "port = 70000\n", "port", "between 0 and 65535"},
                      BadFile{"not_toml", "port = = 3\n", "dichtbij.toml", "line 1"},
                      BadFile{"bad_url", "database_url = \"x\"\n", "database_url", "must start"}),
    [](const auto& info) { return info.param.label; });

TEST(Config, MissingFileIsAnError) {
  Result<Config> config = load_config({}, std::filesystem::path("/nonexistent/dichtbij.toml"));
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().invalid_params[0].reason, "no such configuration file");
}

}  // namespace
}  // namespace dichtbij::server
