// The aggregates of the analyses over many households, computed by the
// database as GROUP BY queries (SQLite and PostgreSQL): mobilisation,
// collaboration, handovers and the organisation network. Definitions:
// docs/measures.md. Only counts leave; no names, notes or person ids.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Which acts an aggregate counts.
struct AnalysisScope {
  Date from;  // inclusive
  Date to;    // inclusive
  // Only households of this practice; all when unset.
  std::optional<PracticeId> practice;
  // Only households whose research consent is in force on this day (for
  // researchers, access/consent.hpp); all when unset.
  std::optional<Date> research_consent_on;
};

// Acts of one group: practice × target group × support type × month ×
// who mobilised them. An act of a household in two practices counts in each.
struct MobilisationCount {
  PracticeId practice;
  TargetGroup target_group = TargetGroup::other;
  SupportType support_type = SupportType::practical;
  std::string month;  // YYYY-MM
  MobilisedBy mobilised_by = MobilisedBy::self;
  long long acts = 0;
};

// Ordered by practice, target group, support type, month, mobilised_by.
// From the rollup (act_rollup.hpp) unless the scope asks for research consent
// on a day other than today; then from the acts.
[[nodiscard]] Result<std::vector<MobilisationCount>> mobilisation_counts(
    Transaction& transaction, const AnalysisScope& scope);
// The same counted from every act: the rollup's check, slow on a city.
[[nodiscard]] Result<std::vector<MobilisationCount>> mobilisation_counts_from_acts(
    Transaction& transaction, const AnalysisScope& scope);

// Collaboration in one practice and month.
struct CollaborationCount {
  PracticeId practice;
  std::string month;  // YYYY-MM
  long long acts = 0;
  long long joint_acts = 0;   // formal and informal people took part together
  long long activations = 0;  // mobilised by a professional, given by a non-professional
  long long handovers = 0;    // agreements handed from a professional to a non-professional
};

// Ordered by practice, then month; a month appears when it has acts or
// handovers.
[[nodiscard]] Result<std::vector<CollaborationCount>> collaboration_counts(
    Transaction& transaction, const AnalysisScope& scope);
// The same with the acts counted from every act rather than the rollup.
[[nodiscard]] Result<std::vector<CollaborationCount>> collaboration_counts_from_acts(
    Transaction& transaction, const AnalysisScope& scope);

struct OrganisationRow {
  OrganisationId id;
  std::string name;
  OrganisationKind kind = OrganisationKind::other;
  bool formal = true;
  long long households = 0;  // households it worked around
  long long acts = 0;        // acts its people took part in
};

struct OrganisationLinkRow {
  OrganisationId first, second;  // first < second
  long long households = 0;      // households both worked around
  long long joint_acts = 0;      // acts people of both took part in
};

struct OrganisationRows {
  std::vector<OrganisationRow> organisations;  // by id
  std::vector<OrganisationLinkRow> links;      // by first, then second
};

// The organisations whose people (by their memberships on each act's day)
// gave or took part in support acts, and the pairs that shared households
// or acts.
[[nodiscard]] Result<OrganisationRows> organisation_rows(Transaction& transaction,
                                                         const AnalysisScope& scope);

}  // namespace dichtbij::store
