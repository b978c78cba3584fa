#include "analysis/zrm_profile.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace dichtbij::analysis {

namespace {

constexpr std::size_t kDomains = EnumTraits<ZrmDomain>::kValues.size();

// Per person, per domain (by its position in the matrix) the latest score.
using Latest = std::map<PersonId, std::array<std::optional<ZrmDomainScore>, kDomains>>;

Latest latest_scores(std::span<const Assessment> assessments, const Date& on) {
  std::vector<const Assessment*> ordered;
  for (const Assessment& assessment : assessments) {
    if (assessment.fields.date <= on) ordered.push_back(&assessment);
  }
  // Two assessments of one person on one day: the later id wins, as in the
  // repository's listing order.
  std::ranges::sort(ordered, [](const Assessment* a, const Assessment* b) {
    return std::tie(a->fields.date, a->id) < std::tie(b->fields.date, b->id);
  });
  Latest latest;
  for (const Assessment* assessment : ordered) {
    auto& domains = latest[assessment->fields.person];
    for (const DomainScore& score : assessment->fields.scores) {
      domains[static_cast<std::size_t>(score.domain)] =
          ZrmDomainScore{score.domain, score.score, assessment->fields.date};
    }
  }
  return latest;
}

}  // namespace

std::optional<int> ZrmDomainChange::change() const {
  if (!then || !now) return std::nullopt;
  return now->score - then->score;
}

std::vector<ZrmPersonProfile> zrm_profile(std::span<const Assessment> assessments, const Date& on) {
  std::vector<ZrmPersonProfile> profiles;
  for (const auto& [person, domains] : latest_scores(assessments, on)) {
    ZrmPersonProfile& profile = profiles.emplace_back(ZrmPersonProfile{person, {}});
    for (const std::optional<ZrmDomainScore>& score : domains) {
      if (score) profile.domains.push_back(*score);
    }
  }
  return profiles;
}

std::vector<ZrmPersonChange> zrm_change(std::span<const Assessment> assessments, const Date& then,
                                        const Date& now) {
  const Latest before = latest_scores(assessments, then);
  const Latest after = latest_scores(assessments, now);
  std::map<PersonId, ZrmPersonChange> changes;
  const auto add = [&](const Latest& latest, bool is_then) {
    for (const auto& [person, domains] : latest) {
      ZrmPersonChange& change =
          changes.try_emplace(person, ZrmPersonChange{person, {}}).first->second;
      if (change.domains.empty()) {
        for (std::size_t i = 0; i != kDomains; ++i) {
          change.domains.push_back(
              ZrmDomainChange{static_cast<ZrmDomain>(i), std::nullopt, std::nullopt});
        }
      }
      for (std::size_t i = 0; i != kDomains; ++i) {
        (is_then ? change.domains[i].then : change.domains[i].now) = domains[i];
      }
    }
  };
  add(before, true);
  add(after, false);
  std::vector<ZrmPersonChange> ordered;
  for (auto& [person, change] : changes) {
    std::erase_if(change.domains,
                  [](const ZrmDomainChange& domain) { return !domain.then && !domain.now; });
    ordered.push_back(std::move(change));
  }
  return ordered;
}

}  // namespace dichtbij::analysis
