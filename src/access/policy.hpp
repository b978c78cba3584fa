// Who may do what: the one place that decides.
//
// Two questions, asked in this order:
//
//  1. May this role do this operation on this kind of resource at all?
//     allowed_roles(); the API puts it in front of every route, so a role
//     that may never list ties gets 403 before anything is read.
//  2. May this caller touch this household's records? household_access()
//     for one household, reach() for lists, which the store turns into SQL
//     so a list never returns a row the caller may not see.
//
// The rules (DESIGN.md §1, issue 4):
//  - professional: the households whose current team holds their person;
//  - coordinator: those, and every household of their practice; only a
//    coordinator assigns a household's team or deletes a household;
//  - volunteer: the households where their person helps — a tie to it,
//    an agreement they are responsible for, an act they gave — and there
//    only a minimised view: first names, their own agreements and acts;
//  - client: their own household (their person a current member): read,
//    add people to the network, see who looked at the file;
//  - researcher: no personal records at all; only the pseudonymised
//    research exports and analyses, of households whose research consent
//    is in force (access/consent.hpp);
//  - admin: accounts, organisations, practices; case content only through
//    a team, like a professional;
//  - break-the-glass: a professional or coordinator who gives a reason
//    opens a household outside their reach for an hour; every access in
//    that hour is flagged in the audit log.
#pragma once

#include <string_view>

#include "core/account.hpp"
#include "core/date.hpp"
#include "core/help_request.hpp"
#include "core/household.hpp"
#include "core/ids.hpp"
#include "core/reach.hpp"
#include "core/research.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

// The kinds of resource the API serves.
enum class Resource {
  organisation,
  practice,
  facility,
  referral,
  person,
  household,
  tie,
  agreement,
  support_act,
  assessment,
  network,
  access_log,
  break_glass,
  consent,
  research_export,
  // The measures of one household's network (analysis/); researchers only
  // pseudonymised, and only of households whose research consent is in force.
  household_analysis,
  // Aggregates over practices: mobilisation, collaboration, the cross-practice
  // comparison, the organisation network. A coordinator sees their own
  // practice's households; a researcher those with research consent in force.
  practice_analysis,
  // Help requests of a household (issue 8): decided per household like its
  // other records; a client asks for help for their own household.
  help_request,
  // What a volunteer offers: kept by the coordinators of its practice (and
  // admins), seen and kept up to date by the volunteer themselves; not a
  // household's record, so decided per profile (may_access_volunteer_profile),
  // not per household, and every access is audited.
  volunteer_profile,
  // Matches of volunteers to requests (api/matches.cpp): a coordinator runs
  // and approves them for their practice; a volunteer sees and answers their
  // own once approved.
  match,
  // Accounts (api/accounts.cpp): administrators only. Not a household's
  // record; listing them is audited all the same.
  account,
  // Installation settings such as the roles that need a second factor.
  setting,
  // Research (issue 9, docs/research.md): projects and their members, field
  // notes, the codebook, codings, memos and the analyses over them.
  // Researchers only, and within a project as project_standing() says:
  // no other role, administrators included, sees any of it.
  research_project,
  project_member,
  field_note,
  research_code,
  coding,
  memo,
  research_analysis,
  // Member checking and the framework matrix (docs/research.md): a
  // project's researchers publish and revise findings, and keep framework
  // matrices.
  finding,
  framework_matrix,
  // A stakeholder's side of member checking: the findings published to
  // them and their answers. Open to every role at the door, since a
  // stakeholder may hold any account role; findings_published_to() and
  // may_answer_finding() decide which findings.
  member_check,
};

enum class Operation { list, read, create, update, remove };

// The resource's name in audit events: "household", "supportAct", …
[[nodiscard]] std::string_view resource_name(Resource resource) noexcept;
// Whether it holds personal data, so that every access is decided per
// household and audited.
[[nodiscard]] constexpr bool holds_personal_data(Resource resource) noexcept {
  return resource != Resource::organisation && resource != Resource::practice &&
         resource != Resource::facility && resource != Resource::volunteer_profile &&
         resource != Resource::account && resource != Resource::setting;
}
// Whether every access to resource is an audit event: personal data, and
// volunteer profiles (a volunteer's own personal data, of no household).
[[nodiscard]] constexpr bool is_audited(Resource resource) noexcept {
  return holds_personal_data(resource) || resource == Resource::volunteer_profile;
}
// The roles that may do operation on resource at all.
[[nodiscard]] RoleSet allowed_roles(Resource resource, Operation operation) noexcept;

// How a caller stands to one household.
enum class Standing {
  none,         // may not see it
  member,       // a client in their own household
  helper,       // a volunteer helping there: the minimised view
  team,         // on the team, or the coordinator of its practice
  break_glass,  // opened with a reason, for an hour
};

struct HouseholdAccess {
  Standing standing = Standing::none;
  bool coordinates = false;  // the caller coordinates one of its practices

  [[nodiscard]] bool any() const noexcept { return standing != Standing::none; }
  // Full case content: the team, the practice's coordinator, break-the-glass.
  [[nodiscard]] bool full() const noexcept {
    return standing == Standing::team || standing == Standing::break_glass;
  }
  [[nodiscard]] bool break_glass() const noexcept { return standing == Standing::break_glass; }
};

// How actor stands to household now; not_found when it does not exist.
[[nodiscard]] Result<HouseholdAccess> household_access(store::Transaction& transaction,
                                                       const Actor& actor,
                                                       const HouseholdId& household);

// The households actor may see, for lists; the store filters by it.
[[nodiscard]] Reach reach(const Actor& actor);

// Whether a caller at this standing may do operation on resource in the
// household (allowed_roles() already let the role through).
[[nodiscard]] bool permits(const HouseholdAccess& access, Resource resource,
                           Operation operation) noexcept;
// Whether, at this standing, the caller sees and changes only their own
// records of resource: a volunteer's own agreements and acts.
[[nodiscard]] bool own_records_only(const HouseholdAccess& access, Resource resource) noexcept;
// Whether a caller at this standing may read every version of resource's
// records in the household: earlier versions name whoever held a record
// before, so not where the caller sees only their own records.
[[nodiscard]] bool permits_history(const HouseholdAccess& access, Resource resource) noexcept;
// Whether the caller gets the minimised view (first names only): volunteers.
[[nodiscard]] bool minimised_view(const Actor& actor) noexcept;

// Creating a household: a coordinator for their own practice, a
// professional who is on its team from today. forbidden, saying why,
// otherwise.
[[nodiscard]] Result<void> may_create_household(const Actor& actor, const HouseholdFields& fields,
                                                const Date& today);
// Changing one: only a coordinator of one of its practices changes its team
// or its practices.
[[nodiscard]] Result<void> may_update_household(const HouseholdAccess& access,
                                                const HouseholdFields& before,
                                                const HouseholdFields& after);

// Matching (issue 8). A coordinator runs matching for their own practice
// only; forbidden, saying why, otherwise.
[[nodiscard]] Result<void> may_run_matching(const Actor& actor, const PracticeId& practice);
// Whether actor may see match: the coordinator of its practice, or its
// volunteer once the coordinator approved it (never a bare proposal).
[[nodiscard]] bool may_see_match(const Actor& actor, const Match& match) noexcept;
// Who takes which step of a match's life cycle: the coordinator of its
// practice approves or rejects a proposal; its volunteer accepts or
// declines; either marks it active or ends it. forbidden, saying why,
// otherwise (whether the step may follow the status is matching/'s check).
[[nodiscard]] Result<void> may_change_match(const Actor& actor, const Match& match, MatchStatus to);

// Volunteer profiles (issue 8). A profile is "of a practice" through its
// practiceId: a person volunteers for a practice with one profile there
// (several practices, several profiles), and a coordinator's account names
// the one practice they coordinate (Actor::practice). So:
//  - admin: every profile;
//  - coordinator: the profiles whose practiceId is their own practice, and
//    only to keep them there (no moving a profile to another practice);
//    they also see those volunteers' person records (store/reach.hpp);
//  - volunteer: their own profiles (personId is their person): read and
//    update, never create or delete, nor hand them to another person or
//    practice;
//  - nobody else.
// Whether actor may do operation on profile as it is (read, delete) or as it
// would be (create); forbidden, saying why, otherwise.
[[nodiscard]] Result<void> may_access_volunteer_profile(const Actor& actor, Operation operation,
                                                        const VolunteerProfileFields& profile);
// Whether actor may change before into after: allowed on both, and a
// volunteer keeps their profile's person and practice.
[[nodiscard]] Result<void> may_change_volunteer_profile(const Actor& actor,
                                                        const VolunteerProfileFields& before,
                                                        const VolunteerProfileFields& after);
// The profiles a list holds for actor: requested, narrowed to their
// practice's (coordinator) or their own (volunteer). nullopt when actor may
// see none (a coordinator without a practice, a volunteer without a person).
[[nodiscard]] std::optional<VolunteerProfileFilter> volunteer_profiles_visible(
    const Actor& actor, VolunteerProfileFilter requested);
// Research (issue 9). How a caller stands to one research project: its
// role in the project, and none for every account that is not a member or
// has another role than researcher.
enum class ProjectStanding { none, stakeholder, researcher };

// not_found when the project does not exist.
[[nodiscard]] Result<ProjectStanding> project_standing(store::Transaction& transaction,
                                                       const Actor& actor,
                                                       const ResearchProjectId& project);
// Whether a caller at this standing may do operation on resource within the
// project. Notes are decided per note by may_see_note() as well; lists of
// notes hold only those (see notes_of_author_only()).
[[nodiscard]] bool permits_research(ProjectStanding standing, Resource resource,
                                    Operation operation) noexcept;
// A note is the project's researchers' and its author's, nobody else's:
// to read, change, pseudonymise or remove.
[[nodiscard]] bool may_see_note(ProjectStanding standing, const Actor& actor,
                                const FieldNote& note) noexcept;
// Whether actor may see and answer a finding of project published to
// practice: only a stakeholder member of the project for that practice,
// whatever their account role. A project's researchers publish findings,
// they do not answer them.
[[nodiscard]] Result<bool> may_answer_finding(store::Transaction& transaction, const Actor& actor,
                                              const ResearchProjectId& project,
                                              const PracticeId& practice);
// Whether a list of notes must hold only the caller's own: everyone but the
// project's researchers.
[[nodiscard]] bool notes_of_author_only(ProjectStanding standing) noexcept;

}  // namespace dichtbij::access
