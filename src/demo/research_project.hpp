// The demo's research project (issue 9): so that the researcher who signs
// in to a fresh demo finds practice-based research under way, beside the
// support data. Three practices, field notes from each stakeholder
// perspective, a hierarchical codebook, codings by the researcher, a memo,
// a framework matrix with its first cells, and a finding published to the
// first practice's coordinator as a stakeholder. The texts are written for
// the demo and name no generated person; the notes link to no household,
// so consent never hides them.
#pragma once

#include <span>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/practice.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::demo {

struct ResearchSeed {
  std::span<const Practice> practices;  // the first three (or fewer) are studied
  AccountId researcher;                 // creates, writes and codes everything
  AccountId stakeholder;                // of the first practice; gets the finding
  Date today;                           // notes are observed in the months before it
};

// Writes the project in one transaction through the repositories, so every
// rule and log (the codebook's changes) holds as for a researcher's own.
// Errors as the repositories'; nothing is written then.
[[nodiscard]] Result<void> seed_research_project(store::Database& database,
                                                 const ResearchSeed& seed);

}  // namespace dichtbij::demo
