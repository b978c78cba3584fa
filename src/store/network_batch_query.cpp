#include "store/network_batch_query.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "store/record_helpers.hpp"
#include "store/tie_repository.hpp"

namespace dichtbij::store {

namespace {

using Roles = std::vector<std::pair<PersonRole, Period>>;

// A UUID as two integers: hashing and comparing these instead of 36-byte
// strings on the heap, in the lookups that dominate reading a city.
struct IdKey {
  std::uint64_t high = 0, low = 0;
  bool operator==(const IdKey&) const = default;
};

struct IdKeyHash {
  std::size_t operator()(const IdKey& key) const noexcept {
    return static_cast<std::size_t>(key.high * 0x9E3779B97F4A7C15ULL ^ key.low);
  }
};

// The key of a canonical UUID (core is_uuid). REQUIRES: id is one, as every
// id the store writes is; the dashes are skipped.
IdKey key_of(std::string_view id) {
  IdKey key;
  int digits = 0;
  for (char c : id) {
    int value;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      value = c - 'a' + 10;
    } else {
      continue;
    }
    std::uint64_t& half = digits < 16 ? key.high : key.low;
    half = (half << 4) | static_cast<std::uint64_t>(value);
    ++digits;
  }
  return key;
}

template <typename T>
using IdMap = std::unordered_map<IdKey, T, IdKeyHash>;

Period read_period(const std::string& from, const std::string& until, soci::indicator indicator) {
  Period period{read_date(from), {}};
  if (indicator == soci::i_ok) period.until = read_date(until);
  return period;
}

bool professional_on(const Roles* roles, const Date& day) {
  if (roles == nullptr) return false;
  for (const auto& [role, period] : *roles) {
    if (role == PersonRole::professional && period.contains(day)) return true;
  }
  return false;
}

bool member_on(const EcomapInput& input, const std::string& person, const Date& day) {
  for (const auto& [member, period] : input.members) {
    if (member.str() == person && period.contains(day)) return true;
  }
  return false;
}

}  // namespace

Result<NetworkBatch> read_network_batch(Transaction& transaction, const Date& on,
                                        const Date& acts_from) {
  soci::session& session = transaction.session();
  NetworkBatch batch;
  IdMap<std::size_t> index;
  std::string household, part, person, from, until, role;
  soci::indicator until_indicator = soci::i_null;
  {
    soci::statement statement =
        (session.prepare << "SELECT id FROM households ORDER BY id", soci::into(household));
    statement.execute();
    while (statement.fetch()) {
      index.emplace(key_of(household), batch.households.size());
      batch.households.emplace_back(household);
    }
  }
  batch.inputs.resize(batch.households.size());
  batch.acts.resize(batch.households.size());
  {
    soci::statement statement =
        (session.prepare << "SELECT household_id, part, person_id, valid_from, valid_until FROM "
                            "household_people",
         soci::into(household), soci::into(part), soci::into(person), soci::into(from),
         soci::into(until, until_indicator));
    statement.execute();
    while (statement.fetch()) {
      const auto found = index.find(key_of(household));
      if (found == index.end()) continue;
      EcomapInput& input = batch.inputs[found->second];
      (part == "member" ? input.members : input.team)
          .emplace_back(PersonId(person), read_period(from, until, until_indicator));
    }
  }
  Result<std::vector<Tie>> ties = ties_holding_on(transaction, on);
  if (!ties.ok()) return std::move(ties).error();
  for (Tie& tie : *ties) {
    const auto found = index.find(key_of(tie.household.str()));
    if (found != index.end()) batch.inputs[found->second].ties.push_back(std::move(tie));
  }

  // Rows come in the order the database finds cheapest: sorting the whole
  // tables took a third of the read, and no measure depends on the order.
  IdMap<Roles> roles;
  roles.reserve(batch.households.size() * 8);
  {
    soci::statement statement =
        (session.prepare << "SELECT person_id, role, valid_from, valid_until FROM person_roles",
         soci::into(person), soci::into(role), soci::into(from),
         soci::into(until, until_indicator));
    statement.execute();
    while (statement.fetch()) {
      if (auto parsed = from_code<PersonRole>(role)) {
        roles[key_of(person)].emplace_back(*parsed, read_period(from, until, until_indicator));
      }
    }
  }
  auto roles_of = [&](const std::string& id) -> const Roles* {
    const auto found = roles.find(key_of(id));
    return found == roles.end() ? nullptr : &found->second;
  };
  for (EcomapInput& input : batch.inputs) {
    auto involve = [&](const PersonId& id) {
      PersonSnapshot& snapshot = input.persons[id];
      if (snapshot.roles.empty()) {
        if (const Roles* held = roles_of(id.str())) snapshot.roles = *held;
      }
    };
    for (const auto& [id, period] : input.members) involve(id);
    for (const auto& [id, period] : input.team) involve(id);
    for (const Tie& tie : input.ties) {
      involve(tie.fields.person);
      involve(tie.fields.other);
    }
  }

  {
    const std::string first = format_date(acts_from), last = format_date(on);
    std::string provider, receiver, type, date;
    soci::statement statement =
        (session.prepare << "SELECT household_id, provider_id, receiver_id, support_type, "
                            "act_date FROM support_acts WHERE act_date >= :first AND act_date <= "
                            ":last",
         soci::use(first), soci::use(last), soci::into(household), soci::into(provider),
         soci::into(receiver), soci::into(type), soci::into(date));
    statement.execute();
    while (statement.fetch()) {
      const auto found = index.find(key_of(household));
      if (found == index.end()) continue;
      const EcomapInput& input = batch.inputs[found->second];
      const Date day = read_date(date);
      batch.acts[found->second].push_back(
          {PersonId(provider), from_code<SupportType>(type).value_or(SupportType::practical),
           professional_on(roles_of(provider), day), member_on(input, provider, day),
           member_on(input, receiver, day)});
    }
  }
  return batch;
}

}  // namespace dichtbij::store
