#include "support/networkx_check.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace dichtbij::testing {

namespace {

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

NetworkxCheck run_networkx_check(const std::filesystem::path& csv,
                                 const std::vector<std::filesystem::path>& graphs) {
  // Debian's interpreter, which has python3-networkx, not whichever python3
  // comes first on PATH.
  std::string command =
      "/usr/bin/python3 " +
      quoted(std::string(DICHTBIJ_SOURCE_DIR) + "/tests/analysis/networkx_measures.py") + " " +
      quoted(csv.string());
  for (const auto& graph : graphs) command += " " + quoted(graph.string());
  command += " 2>&1";
  NetworkxCheck check;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return check;
  std::array<char, 4096> buffer;
  while (std::size_t read = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    check.output.append(buffer.data(), read);
  }
  const int status = pclose(pipe);
  check.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return check;
}

}  // namespace dichtbij::testing
