// The main of every test program.
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  // Tests assert on behaviour, not on log lines; keep their output readable.
  spdlog::set_level(spdlog::level::warn);
  const int status = RUN_ALL_TESTS();
  curl_global_cleanup();
  return status;
}
