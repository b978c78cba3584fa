// Generator: synthetic Amsterdam for the six practices — organisations,
// professionals, volunteers, households with their networks, two years of
// support acts, support plans with handovers, ZRM assessments and consents.
//
// Pure computation over core's types: no I/O, no database. Deterministic:
// the same options give the same records, ids included, on every platform
// (see demo/random.hpp). Each household is drawn from its own random stream
// keyed by its number, so household(i) is the same whether or not the
// households before it were generated, and in any order.
//
// The shapes and their sources are documented in docs/demo-data.md.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/agreement.hpp"
#include "core/assessment.hpp"
#include "core/consent.hpp"
#include "core/date.hpp"
#include "core/household.hpp"
#include "core/organisation.hpp"
#include "core/person.hpp"
#include "core/practice.hpp"
#include "core/result.hpp"
#include "core/support_act.hpp"
#include "core/tie.hpp"

namespace dichtbij::demo {

struct GeneratorOptions {
  int households = 300;
  std::uint64_t seed = 1;
  // The last day of the two years of history; nothing is dated after it.
  Date today;
  // Households are written in cohorts of this many (demo::kChunk), possibly
  // several at once; records refer only to records of their own cohort or
  // to the base, so cohorts can be written in any order.
  int cohort = 1000;
};

// The people of one practice who work across its households.
struct PracticeStaff {
  PersonId coordinator;
  std::vector<PersonId> professionals;  // over the practice's formal organisations
  std::vector<PersonId> volunteers;     // over its informal organisations
};

// What every household draws on: organisations, practices and their staff.
struct Base {
  std::vector<Organisation> organisations;
  std::vector<Practice> practices;      // in the order of demo::practices()
  std::vector<Person> staff;            // coordinators, professionals, volunteers
  std::vector<PracticeStaff> staff_of;  // per practice
};

// An agreement with every version it went through, oldest first.
struct PlannedAgreement {
  Agreement agreement;
  std::vector<AgreementVersion> history;
};

// One household and everything recorded around it.
struct HouseholdRecords {
  Household household;
  std::optional<Date> closed_on;  // set when the household is closed
  int practice = 0;               // index into Base::practices
  std::vector<Person> persons;    // its members and its own network persons
  std::vector<Tie> ties;
  std::vector<PlannedAgreement> agreements;
  std::vector<SupportAct> acts;
  std::vector<Assessment> assessments;
  // Recorded by nobody yet: the caller sets recorded.account (the practice's
  // coordinator's account) and recorded.at.
  std::vector<Consent> consents;
};

class Generator {
 public:
  // REQUIRES: options.households >= 0 and options.today.ok().
  explicit Generator(const GeneratorOptions& options);

  [[nodiscard]] const Base& base() const noexcept { return base_; }
  [[nodiscard]] int households() const noexcept { return options_.households; }
  // The first day of the history (two years before today).
  [[nodiscard]] Date first_day() const noexcept { return first_day_; }

  // Household number index (0-based) with its records. The first household
  // of each practice (numbers 0 to 5) is active from the first day, with the
  // practice's first professional on its team and its first volunteer in
  // its network, so the demo accounts linked to them have something to see.
  // REQUIRES: 0 <= index < households().
  [[nodiscard]] HouseholdRecords household(int index) const;

  // One day of the history: its date, how busy it is, whether
  // professionals work (demo/calendar.hpp), computed once.
  struct Day {
    Date date;
    double activity = 1.0;
    bool office = true;
  };
  // REQUIRES: first_day() <= day <= today; offset = days since first_day().
  [[nodiscard]] const Day& day(int offset) const { return days_[static_cast<std::size_t>(offset)]; }

  // The practice of household number index.
  [[nodiscard]] int practice_of(int index) const { return practice_of_[index]; }

  // Whether household number index is a resident of the housing practice
  // who becomes a peer worker (an experiential expert helping newer
  // residents): their person id and the day the new role starts.
  [[nodiscard]] std::optional<std::pair<PersonId, Date>> peer_worker(int index) const;

 private:
  GeneratorOptions options_;
  Date first_day_;
  Base base_;
  std::vector<int> practice_of_;         // per household
  std::vector<int> number_in_practice_;  // per household: its rank within the practice
  struct PeerWorker {
    int index;  // their household
    PersonId person;
    Date since;
  };
  std::vector<PeerWorker> peers_;  // ascending by index
  std::vector<Day> days_;          // first_day_ … today
};

// Every problem core's checks (the ones the API runs) and the API's length
// limits find in records; empty when all of them would be accepted.
[[nodiscard]] std::vector<InvalidParam> check(const HouseholdRecords& records, const Date& today);
[[nodiscard]] std::vector<InvalidParam> check(const Base& base, const Date& today);

}  // namespace dichtbij::demo
