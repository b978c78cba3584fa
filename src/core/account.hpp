// Account: who signs in, with which role. An account may be linked to the
// person it belongs to (a professional's, volunteer's or client's own person
// record), which is how the access policy finds the households it may see.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include "core/enumeration.hpp"
#include "core/ids.hpp"

namespace dichtbij {

// What an account may do in general; which households it may see follows
// from its person's place in them (see access/policy.hpp).
enum class AccountRole { admin, coordinator, professional, volunteer, researcher, client };

template <>
struct EnumTraits<AccountRole> {
  static constexpr std::string_view kName = "accountRole";
  static constexpr auto kValues =
      std::to_array<EnumValue>({{"admin", "Beheerder", "Administrator"},
                                {"coordinator", "Coördinator", "Coordinator"},
                                {"professional", "Professional", "Professional"},
                                {"volunteer", "Vrijwilliger", "Volunteer"},
                                {"researcher", "Onderzoeker", "Researcher"},
                                {"client", "Cliënt", "Client"}});
};

// Some of the roles: who may call a route at all (the household's own rules
// come after, see access/policy.hpp).
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<AccountRole> roles) {
    for (AccountRole role : roles) bits_ |= bit(role);
  }
  [[nodiscard]] static constexpr RoleSet every() {
    return {AccountRole::admin,     AccountRole::coordinator, AccountRole::professional,
            AccountRole::volunteer, AccountRole::researcher,  AccountRole::client};
  }
  // Every role that may see case content: all but the researcher.
  [[nodiscard]] static constexpr RoleSet case_roles() {
    return {AccountRole::admin, AccountRole::coordinator, AccountRole::professional,
            AccountRole::volunteer, AccountRole::client};
  }

  [[nodiscard]] constexpr bool contains(AccountRole role) const noexcept {
    return (bits_ & bit(role)) != 0;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  friend constexpr bool operator==(RoleSet, RoleSet) = default;

 private:
  static constexpr unsigned bit(AccountRole role) { return 1U << static_cast<unsigned>(role); }
  unsigned bits_ = 0;
};

struct AccountFields {
  static constexpr std::size_t kMaxUsernameLength = 64;

  std::string username;  // lower-case letters, digits, '.', '-', '_', '@'
  AccountRole role = AccountRole::professional;
  std::optional<PersonId> person;      // whose account this is
  std::optional<PracticeId> practice;  // a coordinator's practice
};

struct Account {
  AccountId id;
  int version = 1;
  AccountFields fields;
  bool disabled = false;
  int failed_sign_ins = 0;                  // since the last success
  std::optional<std::string> locked_until;  // UTC text; set by repeated failures
  std::string created_at;
};

// The signed-in caller of a request, as the access policy sees it.
struct Actor {
  AccountId account;
  std::string username;
  AccountRole role = AccountRole::professional;
  std::optional<PersonId> person;
  std::optional<PracticeId> practice;
};

// The account as the caller of a request.
[[nodiscard]] Actor actor_of(const Account& account);

// Why a username is not acceptable, or empty when it is.
[[nodiscard]] std::string username_problem(std::string_view username);

}  // namespace dichtbij
