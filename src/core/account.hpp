// Account: who signs in, with which role. An account may be linked to the
// person it belongs to (a professional's, volunteer's or client's own person
// record), which is how the access policy finds the households it may see.
#pragma once

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
