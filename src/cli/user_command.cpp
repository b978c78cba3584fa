// dichtbij user add|passwd|disable|enable|list|require-second-factor|
// reset-second-factor: accounts from the command line. The first
// administrator comes from here (or from the demo data).
//
// Passwords are never arguments (they would sit in the shell history and in
// `ps`): they are read from standard input — typed twice without echo at a
// terminal, or one line from a pipe.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "access/accounts.hpp"
#include "access/second_factors.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"

namespace dichtbij::cli {

namespace {

// One line from stdin, without echo when it is a terminal.
std::optional<std::string> read_secret_line(const std::string& prompt) {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool read = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << '\n';
  }
  if (!read) return std::nullopt;
  return line;
}

std::optional<std::string> read_new_password() {
  std::optional<std::string> password = read_secret_line("New password: ");
  if (!password) {
    std::cerr << "dichtbij user: no password on standard input\n";
    return std::nullopt;
  }
  if (isatty(STDIN_FILENO) != 0) {
    std::optional<std::string> again = read_secret_line("The same again: ");
    if (!again || *again != *password) {
      std::cerr << "dichtbij user: the two passwords differ; nothing changed\n";
      return std::nullopt;
    }
  }
  return password;
}

// Exit code for an error: 2 for what the user can fix in the command, 1 for
// the rest.
int report(const Error& error) {
  std::cerr << "dichtbij user: " << error.message;
  for (const InvalidParam& param : error.invalid_params) {
    std::cerr << "\n  " << param.name << ": " << param.reason;
  }
  std::cerr << '\n';
  const bool usage = error.code == ErrorCode::invalid_input || error.code == ErrorCode::conflict ||
                     error.code == ErrorCode::not_found;
  return usage ? 2 : 1;
}

constexpr std::string_view kRoleChoices =
    "--role must be one of admin, coordinator, professional, volunteer, researcher, client";

std::string second_factor_column(const access::SecondFactorStatus& status) {
  switch (status.state) {
    case access::SecondFactorState::active:
      return "active (" + std::to_string(status.unused_recovery_codes) + " recovery codes left)";
    case access::SecondFactorState::pending:
      return status.required ? "required, being set up" : "being set up";
    case access::SecondFactorState::none: return status.required ? "required, not set up" : "-";
  }
  return "-";
}

int require_second_factor(access::SecondFactors& second_factors, const UserCommand& command) {
  if (!command.role.empty()) {
    std::optional<AccountRole> role = from_code<AccountRole>(command.role);
    if (!role) {
      std::cerr << "dichtbij user: " << kRoleChoices << '\n';
      return 2;
    }
    if (Result<void> set = second_factors.set_required(*role, !command.off); !set.ok()) {
      return report(set.error());
    }
    std::cout << (command.off ? "a second factor is no longer required for role "
                              : "a second factor is now required for role ")
              << command.role << '\n';
  } else if (command.off) {
    std::cerr << "dichtbij user: --off needs --role\n";
    return 2;
  }
  Result<std::vector<AccountRole>> roles = second_factors.required_roles();
  if (!roles.ok()) return report(roles.error());
  std::cout << "roles that must sign in with a second factor:";
  if (roles->empty()) std::cout << " none";
  for (const AccountRole role : *roles) std::cout << ' ' << to_code(role);
  std::cout << '\n';
  return 0;
}

}  // namespace

int run_user(const CommonOptions& options, const UserCommand& command) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);

  AccountFields fields;
  if (command.action == UserAction::add) {
    fields.username = command.username;
    std::optional<AccountRole> role = from_code<AccountRole>(command.role);
    if (!role) {
      std::cerr << "dichtbij user: " << kRoleChoices << '\n';
      return 2;
    }
    fields.role = *role;
    if (!command.person.empty()) {
      if (!is_uuid(command.person)) {
        std::cerr << "dichtbij user: --person must be a person's id (a UUID)\n";
        return 2;
      }
      fields.person = PersonId(command.person);
    }
    if (!command.practice.empty()) {
      if (!is_uuid(command.practice)) {
        std::cerr << "dichtbij user: --practice must be a practice's id (a UUID)\n";
        return 2;
      }
      fields.practice = PracticeId(command.practice);
    }
  }
  std::optional<std::string> password;
  if (command.action == UserAction::add || command.action == UserAction::passwd) {
    password = read_new_password();
    if (!password) return 2;
  }

  std::unique_ptr<store::Database> database = open_and_migrate(*config, 1);
  if (!database) return 1;
  access::Accounts accounts(*database);
  access::SecondFactors second_factors(*database, access::SessionSettings());
  switch (command.action) {
    case UserAction::add: {
      Result<Account> added = accounts.add(fields, *password);
      if (!added.ok()) return report(added.error());
      std::cout << "added " << to_code(added->fields.role) << " " << added->fields.username << " ("
                << added->id.str() << ")\n";
      return 0;
    }
    case UserAction::passwd: {
      Result<void> set = accounts.set_password(command.username, *password);
      if (!set.ok()) return report(set.error());
      std::cout << "new password for " << command.username << "; their sessions have ended\n";
      return 0;
    }
    case UserAction::disable:
    case UserAction::enable: {
      const bool disable = command.action == UserAction::disable;
      Result<void> set = accounts.set_disabled(command.username, disable);
      if (!set.ok()) return report(set.error());
      std::cout << (disable ? "disabled " : "enabled ") << command.username << '\n';
      return 0;
    }
    case UserAction::list: {
      Result<std::vector<Account>> listed = accounts.list();
      if (!listed.ok()) return report(listed.error());
      std::cout << "username\trole\tstatus\tperson\tpractice\tsecond factor\n";
      for (const Account& account : *listed) {
        std::string status = account.disabled ? "disabled" : "active";
        if (account.locked_until) status += ", locked until " + *account.locked_until;
        Result<access::SecondFactorStatus> factor = second_factors.status_of(account);
        if (!factor.ok()) return report(factor.error());
        std::cout << account.fields.username << '\t' << to_code(account.fields.role) << '\t'
                  << status << '\t' << (account.fields.person ? account.fields.person->str() : "-")
                  << '\t' << (account.fields.practice ? account.fields.practice->str() : "-")
                  << '\t' << second_factor_column(*factor) << '\n';
      }
      return 0;
    }
    case UserAction::require_second_factor: return require_second_factor(second_factors, command);
    case UserAction::reset_second_factor: {
      Result<void> reset = second_factors.reset(command.username);
      if (!reset.ok()) return report(reset.error());
      std::cout << "removed the second factor of " << command.username
                << "; their sessions have ended, and they can set up a new one after signing in\n";
      return 0;
    }
  }
  return 2;
}

}  // namespace dichtbij::cli
