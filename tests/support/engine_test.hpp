// Tests that run once per database engine. Name a suite's instances with
// DICHTBIJ_INSTANTIATE_ENGINES(Suite); the test names then end in /sqlite or
// /postgresql, which the run summary counts per engine.
#pragma once

#include <gtest/gtest.h>

#include "store/database_url.hpp"
#include "support/test_database.hpp"

namespace dichtbij::testing {

class EngineTest : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == store::Engine::postgresql && !postgres_server_url()) {
      GTEST_SKIP() << "TEST_POSTGRES_URL is not set; `make test` starts a server and sets it";
    }
  }
  store::Engine engine() const { return GetParam(); }
};

inline std::string engine_test_name(const ::testing::TestParamInfo<store::Engine>& info) {
  return std::string(store::engine_name(info.param));
}

}  // namespace dichtbij::testing

namespace dichtbij::store {
// Test names and failure messages say "sqlite", not a byte dump.
inline void PrintTo(Engine engine, std::ostream* out) {
  *out << engine_name(engine);
}
}  // namespace dichtbij::store

#define DICHTBIJ_INSTANTIATE_ENGINES(Suite)                                                        \
  INSTANTIATE_TEST_SUITE_P(                                                                        \
      Engines, Suite,                                                                              \
      ::testing::Values(::dichtbij::store::Engine::sqlite, ::dichtbij::store::Engine::postgresql), \
      ::dichtbij::testing::engine_test_name)
