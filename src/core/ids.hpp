// Opaque public ids: UUIDs, never sequential numbers. Each aggregate has its
// own id type so that a HouseholdId is never passed where a PersonId belongs.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace dichtbij {

// True for the canonical lower-case 8-4-4-4-12 hex form.
[[nodiscard]] bool is_uuid(std::string_view text) noexcept;

template <typename Tag>
class Id {
 public:
  Id() = default;
  // REQUIRES: is_uuid(value); callers check input with is_uuid first.
  explicit Id(std::string value) : value_(std::move(value)) {}

  const std::string& str() const noexcept { return value_; }
  bool empty() const noexcept { return value_.empty(); }
  auto operator<=>(const Id&) const = default;

 private:
  std::string value_;
};

using OrganisationId = Id<struct OrganisationTag>;
using PracticeId = Id<struct PracticeTag>;
using PersonId = Id<struct PersonTag>;
using HouseholdId = Id<struct HouseholdTag>;
using TieId = Id<struct TieTag>;
using SupportActId = Id<struct SupportActTag>;
using AgreementId = Id<struct AgreementTag>;
using AssessmentId = Id<struct AssessmentTag>;
using FacilityId = Id<struct FacilityTag>;
using ReferralId = Id<struct ReferralTag>;
using AccountId = Id<struct AccountTag>;
using ConsentId = Id<struct ConsentTag>;

}  // namespace dichtbij
