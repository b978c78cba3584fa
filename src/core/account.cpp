#include "core/account.hpp"

namespace dichtbij {

Actor actor_of(const Account& account) {
  return Actor{account.id, account.fields.username, account.fields.role, account.fields.person,
               account.fields.practice};
}

std::string username_problem(std::string_view username) {
  if (username.empty()) return "must not be empty";
  if (username.size() > AccountFields::kMaxUsernameLength) {
    return "must be at most " + std::to_string(AccountFields::kMaxUsernameLength) + " characters";
  }
  for (const char c : username) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                         c == '_' || c == '@';
    if (!allowed) return "may hold only lower-case letters, digits, '.', '-', '_' and '@'";
  }
  return {};
}

}  // namespace dichtbij
