// The support acts counted per day and group, which the practice-level
// analyses (mobilisation, collaboration) read instead of every act: a city's
// ten million acts are a few hundred thousand rows here (docs/measures.md,
// "Rollup"). A row counts the acts of one day, practice, target group, support
// type and mobiliser, of households with or without research consent in force,
// and how many of them were joint acts and activations.
//
// Every change to what a count depends on (an act and the others involved, a
// household's practices and target group, its consents, a person's roles)
// takes the affected acts out of the rollup before the change and puts them
// back after it, in the same transaction: the repositories that make those
// changes call these functions, so no path around them keeps the counts.
// The bulk loader rolls up what it wrote. The GROUP BY over the acts
// themselves (analysis_query.hpp, *_from_acts) stays as the check.
#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

enum class RollupChange { take_out = -1, put_in = 1 };

// The acts of a household.
void roll_up_household(Transaction& transaction, const std::string& household, RollupChange change);
// One act.
void roll_up_act(Transaction& transaction, const std::string& act, RollupChange change);
// The acts a person gave or took part in (their roles decide "formal").
void roll_up_person(Transaction& transaction, const std::string& person, RollupChange change);

// One group's counts, as a loader that counted them itself adds them.
struct RollupGroup {
  Date act_date;
  std::string practice;
  std::string target_group, support_type, mobilised_by;  // codes
  int research_consent = 0;
  long long acts = 0, joint_acts = 0, activations = 0;
};

// Adds each group's counts to the rollup (for a bulk load that went around
// the repositories and counted its own acts).
void add_to_rollup(Transaction& transaction, const std::vector<RollupGroup>& groups);

// Empties the rollup and counts every act again.
void rebuild_rollup(Transaction& transaction);

// The groups where the rollup and a count from the acts differ, as text (one
// line each: the group and both counts); empty when they agree.
[[nodiscard]] std::vector<std::string> rollup_differences(Transaction& transaction);

}  // namespace dichtbij::store
