// Help requests (hulpvragen), volunteer profiles and the matches between
// them (issue 8). A help request asks for one kind of help for a household;
// a volunteer profile says what one volunteer offers, where and when; a
// match proposes, and then records, one volunteer helping with one request.
// How matches are found is matching/'s business; this file holds the values
// and their invariants.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain_enums.hpp"
#include "core/enumeration.hpp"
#include "core/ids.hpp"
#include "core/reach.hpp"
#include "core/result.hpp"

namespace dichtbij {

using HelpRequestId = Id<struct HelpRequestTag>;
using VolunteerProfileId = Id<struct VolunteerProfileTag>;
using MatchId = Id<struct MatchTag>;

#define DICHTBIJ_HELP_ENUM_TRAITS(Type, api_name, ...)                       \
  template <>                                                                \
  struct EnumTraits<Type> {                                                  \
    static constexpr std::string_view kName = api_name;                      \
    static constexpr auto kValues = std::to_array<EnumValue>({__VA_ARGS__}); \
  }

enum class HelpKind { companionship, practical, transport, administration, language, other };
DICHTBIJ_HELP_ENUM_TRAITS(HelpKind, "helpKind",
                          {"companionship", "Maatje of mentor", "Companionship or mentoring"},
                          {"practical", "Praktische hulp", "Practical help"},
                          {"transport", "Vervoer", "Transport"},
                          {"administration", "Administratie", "Administration"},
                          {"language", "Taal", "Language"}, {"other", "Overig", "Other"});

enum class Urgency { low, normal, high };
DICHTBIJ_HELP_ENUM_TRAITS(Urgency, "urgency", {"low", "Kan wachten", "Can wait"},
                          {"normal", "Normaal", "Normal"}, {"high", "Dringend", "Urgent"});

// open: waiting for a helper; matched: a match is approved, accepted or
// active; closed: helped, or no longer needed; withdrawn: the household or
// the professional took it back.
enum class HelpRequestStatus { open, matched, closed, withdrawn };
DICHTBIJ_HELP_ENUM_TRAITS(HelpRequestStatus, "helpRequestStatus", {"open", "Open", "Open"},
                          {"matched", "Gekoppeld", "Matched"}, {"closed", "Afgesloten", "Closed"},
                          {"withdrawn", "Ingetrokken", "Withdrawn"});

// The life cycle of a match: proposed (by a matching run) → approved (by the
// coordinator) → accepted or declined (by the volunteer) → active (the first
// meeting took place) → ended (with a reason). A coordinator may also turn
// down a proposal (rejected); a new run replaces the proposals nobody
// approved yet.
enum class MatchStatus { proposed, rejected, approved, accepted, declined, active, ended };
DICHTBIJ_HELP_ENUM_TRAITS(MatchStatus, "matchStatus", {"proposed", "Voorgesteld", "Proposed"},
                          {"rejected", "Afgewezen door coördinator", "Rejected by the coordinator"},
                          {"approved", "Goedgekeurd", "Approved"},
                          {"accepted", "Geaccepteerd", "Accepted"},
                          {"declined", "Afgeslagen door vrijwilliger", "Declined by the volunteer"},
                          {"active", "Loopt", "Active"}, {"ended", "Beëindigd", "Ended"});

#undef DICHTBIJ_HELP_ENUM_TRAITS

// Whether a match in this status holds a volunteer's place and its request:
// from approval until it ends. Proposals hold nothing: a run replaces them.
[[nodiscard]] constexpr bool holds_place(MatchStatus status) noexcept {
  return status == MatchStatus::approved || status == MatchStatus::accepted ||
         status == MatchStatus::active;
}

// Whether status may follow from. The machine of the comment above.
[[nodiscard]] bool may_follow(MatchStatus from, MatchStatus to) noexcept;

// The week in 21 parts: seven days, each morning, afternoon and evening.
// Bit (day * 3 + part) is set when that part is in; day 0 is Monday.
class WeeklyTimes {
 public:
  static constexpr int kDays = 7;
  static constexpr int kParts = 3;
  static constexpr int kSlots = kDays * kParts;

  constexpr WeeklyTimes() = default;
  constexpr explicit WeeklyTimes(std::uint32_t bits) : bits_(bits & ((1U << kSlots) - 1)) {}

  // "mon-morning", "sun-evening": the API's and the database's spelling.
  [[nodiscard]] static std::optional<int> parse_slot(std::string_view code);
  [[nodiscard]] static std::string slot_code(int slot);
  // The codes of the set slots, in week order.
  [[nodiscard]] std::vector<std::string> codes() const;

  constexpr void add(int slot) { bits_ |= 1U << slot; }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }
  [[nodiscard]] constexpr bool overlaps(WeeklyTimes other) const noexcept {
    return (bits_ & other.bits_) != 0;
  }
  friend constexpr bool operator==(WeeklyTimes, WeeklyTimes) = default;

 private:
  std::uint32_t bits_ = 0;
};

struct HelpRequestFields {
  static constexpr std::size_t kMaxDescriptionLength = 2000;
  static constexpr std::size_t kMaxListItems = 20;
  static constexpr std::size_t kMaxItemLength = 100;

  HouseholdId household;
  PracticeId practice;  // whose coordinator matches it
  HelpKind kind = HelpKind::other;
  std::string description;
  std::string buurt_code;  // where the help is needed
  std::vector<std::string> languages;
  std::vector<std::string> interests;  // what the household enjoys: for companionship
  WeeklyTimes wished_times;
  Urgency urgency = Urgency::normal;
  HelpRequestStatus status = HelpRequestStatus::open;
  std::optional<PersonId> requested_by;  // a client, a professional or a coordinator
};

struct HelpRequest {
  HelpRequestId id;
  int version = 1;
  HelpRequestFields fields;
};

struct HelpRequestFilter {
  std::optional<PracticeId> practice;
  std::optional<HouseholdId> household;
  std::optional<HelpRequestStatus> status;
  std::optional<HelpKind> kind;
  // Only what lies within this reach (access/policy.hpp); everything when unset.
  std::optional<Reach> reach;
};

struct VolunteerProfileFields {
  static constexpr std::size_t kMaxListItems = 20;
  static constexpr std::size_t kMaxItemLength = 100;
  static constexpr double kMaxDistanceKm = 50.0;
  static constexpr int kMaxCapacity = 10;

  PersonId person;      // the volunteer
  PracticeId practice;  // where they volunteer
  std::vector<HelpKind> kinds;
  std::vector<HelpKind> preferred_kinds;  // a subset of kinds they like best
  std::vector<std::string> languages;
  std::vector<std::string> interests;  // skills and interests
  std::string home_buurt_code;
  double max_distance_km = 3.0;  // how far they will travel from home
  WeeklyTimes availability;
  int capacity = 1;                              // matches at once
  std::vector<HouseholdId> excluded_households;  // e.g. their own neighbours
  bool available = true;                         // paused profiles are not matched
};

struct VolunteerProfile {
  VolunteerProfileId id;
  int version = 1;
  VolunteerProfileFields fields;
};

struct VolunteerProfileFilter {
  std::optional<PracticeId> practice;
  std::optional<PersonId> person;
};

// Why a proposal was made: its criteria's points and the next-best
// alternatives, as matching/ wrote them (JSON text, read by people).
struct Match {
  MatchId id;
  int version = 1;
  PracticeId practice;
  HelpRequestId request;
  HouseholdId household;
  PersonId volunteer;
  MatchStatus status = MatchStatus::proposed;
  int score = 0;
  std::string explanation;            // JSON
  std::optional<std::string> reason;  // why it was declined, rejected or ended
  std::optional<TieId> tie;           // made when the volunteer accepted
  std::string proposed_at;            // UTC timestamp
};

struct MatchFilter {
  std::optional<PracticeId> practice;
  std::optional<HelpRequestId> request;
  std::optional<PersonId> volunteer;
  std::optional<MatchStatus> status;
  // Leave out proposals and rejected proposals: what a volunteer may see.
  bool approved_only = false;
};

[[nodiscard]] std::vector<InvalidParam> check(const HelpRequestFields& fields);
[[nodiscard]] std::vector<InvalidParam> check(const VolunteerProfileFields& fields);

}  // namespace dichtbij
