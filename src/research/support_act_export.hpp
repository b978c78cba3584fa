// The research export of support acts: CSV (RFC 4180, UTF-8, CRLF line
// ends, a header row), one row per act, for R, SPSS, Stata or a spreadsheet.
//
// What a row holds, and why no more (data minimisation, DESIGN.md §6):
//   month            YYYY-MM. The month, not the day: a day and a household
//                    pseudonym can be matched with what a neighbour saw; the
//                    analyses (mobilisation over time) need no finer grain.
//   household        pseudonym (research/pseudonyms.hpp)
//   practice_ids     the household's practices, ";"-separated, in its order
//                    (practices are public programmes, not people)
//   provider, receiver, mobilised_by_person   pseudonyms (empty: not known)
//   provider_role, receiver_role   formal (a professional that day),
//                    household (a member of the household that day) or
//                    informal (anyone else: the network)
//   support_type, mode, mobilised_by   the API's codes (GET /api/v1/enumerations)
//   duration_minutes empty when not recorded
//   others_formal, others_informal   how many others were involved, by kind
//                    (collaboration)
// Never names, notes, birth years, buurt codes or record ids.
#pragma once

#include <string>
#include <vector>

#include "research/pseudonyms.hpp"
#include "store/research_query.hpp"

namespace dichtbij::research {

// The CSV for acts, pseudonymised with pseudonyms; a header row only when
// acts is empty.
[[nodiscard]] std::string support_acts_csv(const std::vector<store::ResearchSupportAct>& acts,
                                           const Pseudonyms& pseudonyms);

}  // namespace dichtbij::research
