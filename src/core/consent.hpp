// Consent of a household for one purpose — sharing its data between
// organisations, or research use — granted on a day and perhaps withdrawn
// on a later one, with who recorded each and when.
//
// A consent is in force from granted_on up to, not including, withdrawn_on:
// from the day consent is withdrawn, the household is out. A household has
// at most one consent in force per purpose on any day. A withdrawn consent
// is final: a household that consents again gets a new consent, so the
// record of the earlier withdrawal stays true.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace dichtbij {

struct ConsentFields {
  static constexpr std::size_t kMaxNoteLength = 500;

  ConsentPurpose purpose = ConsentPurpose::research;
  Date granted_on;
  std::optional<Date> withdrawn_on;
  std::optional<std::string> note;  // e.g. where the signed form is kept
};

// Who recorded a step of a consent, and when (UTC, "2026-11-27T08:15:00Z").
struct ConsentRecording {
  AccountId account;
  std::string username;  // the account's name now
  std::string at;
};

struct Consent {
  ConsentId id;
  HouseholdId household;
  int version = 1;
  ConsentFields fields;
  ConsentRecording recorded;                            // the grant
  std::optional<ConsentRecording> withdrawal_recorded;  // set once withdrawn
};

struct ConsentFilter {
  std::optional<ConsentPurpose> purpose;
};

// Whether consent holds on day.
[[nodiscard]] constexpr bool in_force(const ConsentFields& consent, const Date& day) noexcept {
  return consent.granted_on <= day && (!consent.withdrawn_on || day < *consent.withdrawn_on);
}

// Whether a record linked to these households (a field note) is left out of
// research: one of them is not in consented, the households whose research
// consent is in force (access::research_households), in id order. A record
// linked to no household is never left out.
[[nodiscard]] bool lacks_research_consent(const std::vector<HouseholdId>& linked,
                                          const std::vector<HouseholdId>& consented);

// Neither date in the future, and withdrawn_on not before granted_on.
[[nodiscard]] std::vector<InvalidParam> check(const ConsentFields& fields, const Date& today);

// What may change in an existing consent: nothing once it is withdrawn, and
// never its purpose. Empty when after may replace before.
[[nodiscard]] std::vector<InvalidParam> check_change(const ConsentFields& before,
                                                     const ConsentFields& after);

}  // namespace dichtbij
