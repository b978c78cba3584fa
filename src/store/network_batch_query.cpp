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

struct PersonRoleBook::Table {
  IdMap<Roles> roles;

  const Roles* of(const std::string& id) const {
    const auto found = roles.find(key_of(id));
    return found == roles.end() ? nullptr : &found->second;
  }
};

namespace {

// What both reads share. With slice, only its households' rows (each query
// limited to the slice's range of ids); without, every household's, with
// queries that scan whole tables.
Result<NetworkBatch> read_batch(Transaction& transaction, const Date& on, const Date& acts_from,
                                const PersonRoleBook::Table& roles,
                                std::vector<HouseholdId> households, bool sliced) {
  soci::session& session = transaction.session();
  NetworkBatch batch;
  batch.households = std::move(households);
  IdMap<std::size_t> index;
  index.reserve(batch.households.size());
  for (std::size_t i = 0; i != batch.households.size(); ++i) {
    index.emplace(key_of(batch.households[i].str()), i);
  }
  batch.inputs.resize(batch.households.size());
  batch.acts.resize(batch.households.size());
  if (batch.households.empty()) return batch;
  const std::string first_household = batch.households.front().str();
  const std::string last_household = batch.households.back().str();
  std::string household, part, person, from, until;
  soci::indicator until_indicator = soci::i_null;
  {
    soci::statement statement(session);
    statement.exchange(soci::into(household));
    statement.exchange(soci::into(part));
    statement.exchange(soci::into(person));
    statement.exchange(soci::into(from));
    statement.exchange(soci::into(until, until_indicator));
    if (sliced) {
      statement.exchange(soci::use(first_household));
      statement.exchange(soci::use(last_household));
    }
    statement.alloc();
    statement.prepare(
        std::string("SELECT household_id, part, person_id, valid_from, valid_until FROM "
                    "household_people") +
        (sliced ? " WHERE household_id BETWEEN :first AND :last" : ""));
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) {
      const auto found = index.find(key_of(household));
      if (found == index.end()) continue;
      EcomapInput& input = batch.inputs[found->second];
      (part == "member" ? input.members : input.team)
          .emplace_back(PersonId(person), read_period(from, until, until_indicator));
    }
  }
  Result<std::vector<Tie>> ties =
      sliced ? ties_holding_on(transaction, on, batch.households.front(), batch.households.back())
             : ties_holding_on(transaction, on);
  if (!ties.ok()) return std::move(ties).error();
  for (Tie& tie : *ties) {
    const auto found = index.find(key_of(tie.household.str()));
    if (found != index.end()) batch.inputs[found->second].ties.push_back(std::move(tie));
  }
  for (EcomapInput& input : batch.inputs) {
    auto involve = [&](const PersonId& id) {
      PersonSnapshot& snapshot = input.persons[id];
      if (snapshot.roles.empty()) {
        if (const Roles* held = roles.of(id.str())) snapshot.roles = *held;
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
    soci::statement statement(session);
    statement.exchange(soci::into(household));
    statement.exchange(soci::into(provider));
    statement.exchange(soci::into(receiver));
    statement.exchange(soci::into(type));
    statement.exchange(soci::into(date));
    if (sliced) {
      statement.exchange(soci::use(first_household));
      statement.exchange(soci::use(last_household));
    }
    statement.exchange(soci::use(first));
    statement.exchange(soci::use(last));
    statement.alloc();
    // Sliced, the households drive the join: each one's acts of the window
    // are one seek in support_acts_household_date.
    statement.prepare(
        sliced ? "SELECT a.household_id, a.provider_id, a.receiver_id, a.support_type, a.act_date "
                 "FROM households h JOIN support_acts a ON a.household_id = h.id WHERE h.id "
                 "BETWEEN :hfirst AND :hlast AND a.act_date >= :first AND a.act_date <= :last"
               : "SELECT household_id, provider_id, receiver_id, support_type, act_date FROM "
                 "support_acts WHERE act_date >= :first AND act_date <= :last");
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) {
      const auto found = index.find(key_of(household));
      if (found == index.end()) continue;
      const EcomapInput& input = batch.inputs[found->second];
      const Date day = read_date(date);
      batch.acts[found->second].push_back(
          {PersonId(provider), from_code<SupportType>(type).value_or(SupportType::practical),
           professional_on(roles.of(provider), day), member_on(input, provider, day),
           member_on(input, receiver, day)});
    }
  }
  return batch;
}

}  // namespace

Result<std::vector<HouseholdId>> household_ids(Transaction& transaction) {
  std::vector<HouseholdId> ids;
  std::string household;
  soci::statement statement =
      (transaction.session().prepare << "SELECT id FROM households ORDER BY id",
       soci::into(household));
  statement.execute();
  while (statement.fetch()) ids.emplace_back(household);
  return ids;
}

Result<PersonRoleBook> read_person_roles(Transaction& transaction) {
  auto table = std::make_shared<PersonRoleBook::Table>();
  std::string person, role, from, until;
  soci::indicator until_indicator = soci::i_null;
  // Rows come in the order the database finds cheapest: sorting the whole
  // tables took a third of the read, and no measure depends on the order.
  soci::statement statement =
      (transaction.session().prepare
           << "SELECT person_id, role, valid_from, valid_until FROM person_roles",
       soci::into(person), soci::into(role), soci::into(from), soci::into(until, until_indicator));
  statement.execute();
  while (statement.fetch()) {
    if (auto parsed = from_code<PersonRole>(role)) {
      table->roles[key_of(person)].emplace_back(*parsed, read_period(from, until, until_indicator));
    }
  }
  return PersonRoleBook(std::move(table));
}

Result<NetworkBatch> read_network_batch(Transaction& transaction, const Date& on,
                                        const Date& acts_from) {
  Result<std::vector<HouseholdId>> households = household_ids(transaction);
  if (!households.ok()) return std::move(households).error();
  Result<PersonRoleBook> roles = read_person_roles(transaction);
  if (!roles.ok()) return std::move(roles).error();
  return read_batch(transaction, on, acts_from, roles->table(), std::move(*households), false);
}

Result<NetworkBatch> read_network_batch(Transaction& transaction, const Date& on,
                                        const Date& acts_from, const PersonRoleBook& roles,
                                        std::span<const HouseholdId> slice) {
  return read_batch(transaction, on, acts_from, roles.table(),
                    std::vector<HouseholdId>(slice.begin(), slice.end()), true);
}

}  // namespace dichtbij::store
