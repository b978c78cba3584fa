// SQL fragments shared by the queries that ask where the people in a support
// act stood on its day (research exports, analyses). Internal to store/.
// Each expands to a string literal, so queries can be built at compile time;
// `acts` is the name the support_acts table has in the query.
#pragma once

// 1 when the person in column held the professional role on the act's day.
#define DICHTBIJ_ACT_FORMAL(acts, column)                                      \
  "CASE WHEN EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = " column \
  " AND r.role = 'professional' AND r.valid_from <= " acts                     \
  ".act_date AND (r.valid_until "                                              \
  "IS NULL OR r.valid_until >= " acts ".act_date)) THEN 1 ELSE 0 END"

// 1 when the person in column was a member of the act's household that day.
#define DICHTBIJ_ACT_MEMBER(acts, column)                                                      \
  "CASE WHEN EXISTS (SELECT 1 FROM household_people m WHERE m.household_id = " acts            \
  ".household_id AND m.part = 'member' AND m.person_id = " column " AND m.valid_from <= " acts \
  ".act_date AND (m.valid_until IS NULL OR m.valid_until >= " acts ".act_date)) THEN 1 ELSE 0 END"
