// The fixed material the demo data is drawn from: Amsterdam's districts and
// their (synthetic) buurt codes, Dutch-looking names, the six practices of
// the source texts with their organisations, support plan goals and notes.
// Every figure and its source is in docs/demo-data.md; change both together.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain_enums.hpp"

namespace dichtbij::demo {

// A stadsdeel (or Weesp), with how many of the demo households live there.
struct District {
  std::string_view name;
  int wijk_first;  // the district's wijken are wijk_first … wijk_first + wijken - 1
  int wijken;
  double weight;  // share of the households supported, relative
};

// Amsterdam's seven stadsdelen and Weesp.
[[nodiscard]] std::span<const District> districts();

// A buurt code of the district: BU0363, the two-digit wijk, the two-digit
// buurt. REQUIRES: wijk_offset < district.wijken, buurt < kBuurtenPerWijk.
inline constexpr int kBuurtenPerWijk = 6;
[[nodiscard]] std::string buurt_code(const District& district, int wijk_offset, int buurt);

struct OrganisationSpec {
  std::string_view name;
  OrganisationKind kind;
  bool formal;
};

// One of the six practices.
struct PracticeSpec {
  std::string_view name;
  std::string_view description;
  TargetGroup target_group;
  HouseholdKind household_kind;
  std::vector<OrganisationSpec> organisations;  // formal ones first
  std::vector<std::string_view> districts;      // where it works
  double share;                                 // of all households, relative
  double volunteers_per_household;              // volunteers / mentors / peers
  double kanteling_share;                       // households whose support moves to the network
  std::vector<ZrmDomain> zrm_domains;           // the domains relevant to its requests
  std::vector<std::string_view> goals;          // support plan goals
  std::string_view slug;                        // for demo usernames
};

[[nodiscard]] std::span<const PracticeSpec> practices();

// Name material: given names and family names as seen in Amsterdam
// (Dutch, Surinamese, Moroccan, Turkish, Ghanaian and other origins), and
// Dutch surname prefixes. Combined at random, never a real person's name.
[[nodiscard]] std::span<const std::string_view> given_names();
[[nodiscard]] std::span<const std::string_view> family_names();

// What informal helpers and professionals do in a plan agreement.
[[nodiscard]] std::span<const std::string_view> informal_actions();
[[nodiscard]] std::span<const std::string_view> professional_actions();
// Short notes of support acts.
[[nodiscard]] std::span<const std::string_view> act_notes(SupportType type);
// Skills and interests of volunteers; languages spoken.
[[nodiscard]] std::span<const std::string_view> skills();
[[nodiscard]] std::span<const std::string_view> other_languages();
// Places a youth group meets, for group names.
[[nodiscard]] std::span<const std::string_view> meeting_places();

}  // namespace dichtbij::demo
