#include "core/help_request.hpp"

#include <array>

#include "core/buurt_code.hpp"

namespace dichtbij {

namespace {

constexpr std::array<std::string_view, WeeklyTimes::kDays> kDayCodes{"mon", "tue", "wed", "thu",
                                                                     "fri", "sat", "sun"};
constexpr std::array<std::string_view, WeeklyTimes::kParts> kPartCodes{"morning", "afternoon",
                                                                       "evening"};

void check_buurt(const std::string& code, const std::string& name,
                 std::vector<InvalidParam>& problems) {
  if (!is_buurt_code(code)) {
    problems.push_back({name, "must be a CBS buurt code: BU and eight digits, e.g. BU03630000"});
  }
}

void check_distinct(const std::vector<std::string>& items, const std::string& name,
                    std::vector<InvalidParam>& problems) {
  for (std::size_t i = 0; i != items.size(); ++i) {
    if (items[i].empty()) {
      problems.push_back({name + "[" + std::to_string(i) + "]", "must not be empty"});
    }
    for (std::size_t j = 0; j != i; ++j) {
      if (items[i] == items[j]) {
        problems.push_back({name + "[" + std::to_string(i) + "]", "is listed twice"});
      }
    }
  }
}

}  // namespace

bool may_follow(MatchStatus from, MatchStatus to) noexcept {
  using enum MatchStatus;
  switch (from) {
    case proposed: return to == approved || to == rejected;
    case approved: return to == accepted || to == declined || to == ended;
    case accepted: return to == active || to == ended;
    case active: return to == ended;
    case rejected:
    case declined:
    case ended: return false;
  }
  return false;
}

std::optional<int> WeeklyTimes::parse_slot(std::string_view code) {
  const std::size_t dash = code.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  for (int day = 0; day != kDays; ++day) {
    if (kDayCodes[day] != code.substr(0, dash)) continue;
    for (int part = 0; part != kParts; ++part) {
      if (kPartCodes[part] == code.substr(dash + 1)) return day * kParts + part;
    }
  }
  return std::nullopt;
}

std::string WeeklyTimes::slot_code(int slot) {
  return std::string(kDayCodes[slot / kParts]) + "-" + std::string(kPartCodes[slot % kParts]);
}

std::vector<std::string> WeeklyTimes::codes() const {
  std::vector<std::string> codes;
  for (int slot = 0; slot != kSlots; ++slot) {
    if ((bits_ >> slot) & 1U) codes.push_back(slot_code(slot));
  }
  return codes;
}

std::vector<InvalidParam> check(const HelpRequestFields& fields) {
  std::vector<InvalidParam> problems;
  check_buurt(fields.buurt_code, "buurtCode", problems);
  if (fields.languages.empty()) {
    problems.push_back({"languages", "must name at least one language the household speaks"});
  }
  check_distinct(fields.languages, "languages", problems);
  check_distinct(fields.interests, "interests", problems);
  if (fields.wished_times.empty()) {
    problems.push_back({"wishedTimes", "must hold at least one part of the week"});
  }
  return problems;
}

std::vector<InvalidParam> check(const VolunteerProfileFields& fields) {
  std::vector<InvalidParam> problems;
  check_buurt(fields.home_buurt_code, "homeBuurtCode", problems);
  if (fields.kinds.empty()) problems.push_back({"kinds", "must offer at least one kind of help"});
  for (std::size_t i = 0; i != fields.kinds.size(); ++i) {
    for (std::size_t j = 0; j != i; ++j) {
      if (fields.kinds[i] == fields.kinds[j]) {
        problems.push_back({"kinds[" + std::to_string(i) + "]", "is listed twice"});
      }
    }
  }
  for (std::size_t i = 0; i != fields.preferred_kinds.size(); ++i) {
    bool offered = false;
    for (HelpKind kind : fields.kinds) offered = offered || kind == fields.preferred_kinds[i];
    if (!offered) {
      problems.push_back({"preferredKinds[" + std::to_string(i) + "]", "must be one of kinds"});
    }
  }
  if (fields.languages.empty()) {
    problems.push_back({"languages", "must name at least one language the volunteer speaks"});
  }
  check_distinct(fields.languages, "languages", problems);
  check_distinct(fields.interests, "interests", problems);
  if (!(fields.max_distance_km >= 0.0 &&
        fields.max_distance_km <= VolunteerProfileFields::kMaxDistanceKm)) {
    problems.push_back({"maxDistanceKm", "must be between 0 and 50 kilometres"});
  }
  if (fields.availability.empty()) {
    problems.push_back({"availability", "must hold at least one part of the week"});
  }
  if (fields.capacity < 1 || fields.capacity > VolunteerProfileFields::kMaxCapacity) {
    problems.push_back({"capacity", "must be between 1 and 10 matches at once"});
  }
  return problems;
}

}  // namespace dichtbij
