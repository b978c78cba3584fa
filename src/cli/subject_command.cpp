// dichtbij subject export|erase: a person's rights of access (GDPR art. 15)
// and erasure (art. 17) from the command line, for requests that arrive by
// letter or at the desk. The rules live in access/subject_rights.hpp.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "access/subject_rights.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"

namespace dichtbij::cli {

namespace {

// Exit code for an error: 2 for what the user can fix in the command, 1 for
// the rest.
int report(std::string_view command, const Error& error) {
  std::cerr << "dichtbij subject " << command << ": " << error.message;
  for (const InvalidParam& param : error.invalid_params) {
    std::cerr << "\n  " << (param.name == "reason" ? "--reason" : param.name) << ": "
              << param.reason;
  }
  std::cerr << '\n';
  const bool usage = error.code == ErrorCode::invalid_input || error.code == ErrorCode::not_found;
  return usage ? 2 : 1;
}

std::optional<PersonId> read_person(std::string_view command, const std::string& text) {
  if (is_uuid(text)) return PersonId(text);
  std::cerr << "dichtbij subject " << command
            << ": --person must be a person's id (a lower-case UUID), not '" << text << "'\n";
  return std::nullopt;
}

// Creates path for its owner only and writes text; the document is personal
// data, and an existing file is someone else's to remove.
bool write_new_file(const std::string& path, const std::string& text) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    std::cerr << "dichtbij subject export: cannot create " << path << ": " << std::strerror(errno)
              << (errno == EEXIST ? " (it is never overwritten: choose another name)" : "") << "\n";
    return false;
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  const bool complete = written == text.size() && fsync(fd) == 0;
  const bool closed = close(fd) == 0;
  if (!complete || !closed) {
    std::cerr << "dichtbij subject export: writing " << path << " failed: " << std::strerror(errno)
              << "\n";
    unlink(path.c_str());
    return false;
  }
  return true;
}

}  // namespace

int run_subject_export(const CommonOptions& options, const SubjectExportCommand& command) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  const std::optional<PersonId> person = read_person("export", command.person);
  if (!person) return 2;
  std::unique_ptr<store::Database> database = open_and_migrate(*config, 1);
  if (!database) return 1;
  Result<nlohmann::json> exported =
      access::SubjectRights(*database).subject_access(*person, command_line_requester());
  if (!exported.ok()) return report("export", exported.error());
  const std::string text = exported->dump(2) + "\n";
  if (command.output.empty()) {
    std::cout << text << std::flush;
    return std::cout ? 0 : 1;
  }
  if (!write_new_file(command.output, text)) return 1;
  std::cerr << "wrote everything about person " << person->str() << " to " << command.output
            << "\n";
  return 0;
}

int run_subject_erase(const CommonOptions& options, const SubjectEraseCommand& command) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  const std::optional<PersonId> person = read_person("erase", command.person);
  if (!person) return 2;
  std::unique_ptr<store::Database> database = open_and_migrate(*config, 1);
  if (!database) return 1;
  Result<access::ErasureOutcome> erased =
      access::SubjectRights(*database).erase(*person, command.reason, command_line_requester());
  if (!erased.ok()) return report("erase", erased.error());
  const store::AnonymisedCounts& counts = erased->counts;
  if (erased->already_erased) {
    std::cout << "person " << person->str() << " was already erased on " << erased->erased_at
              << " (erasure " << erased->erasure_id << "); checked again";
  } else {
    std::cout << "erased person " << person->str() << " (erasure " << erased->erasure_id << ")";
  }
  std::cout << ": " << counts.support_act_notes << " support act notes, " << counts.agreements
            << " agreements, " << counts.assessment_notes << " assessment notes, "
            << counts.referral_notes << " referral notes, " << counts.consent_notes
            << " consent notes, " << counts.break_glass_reasons << " break-glass reasons, "
            << counts.households << " households, " << counts.help_requests << " help requests, "
            << counts.matches << " matches and " << counts.volunteer_profiles
            << " volunteer profiles cleared; " << counts.accounts_disabled
            << " accounts disabled\n";
  return 0;
}

}  // namespace dichtbij::cli
