#include "access/policy.hpp"

#include <algorithm>
#include <array>

#include "store/reach.hpp"
#include "store/research_project_repository.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::access {

namespace {

using enum AccountRole;

struct ResourceRules {
  std::string_view name;
  RoleSet list, read, create, update, remove;
};

constexpr RoleSet kEvery = RoleSet::every();
constexpr RoleSet kCase = RoleSet::case_roles();
constexpr RoleSet kAdmin{admin};
constexpr RoleSet kNone{};
// Who keeps case files: professionals, coordinators, and admins who are on
// a team.
constexpr RoleSet kKeepers{admin, coordinator, professional};
constexpr RoleSet kKeepersAndClient{admin, coordinator, professional, client};

// In the order of Resource.
constexpr RoleSet kMatchers{coordinator, volunteer};

constexpr RoleSet kResearcher{researcher};

constexpr std::array<ResourceRules, 32> kRules{{
    {"organisation", kEvery, kEvery, kAdmin, kAdmin, kAdmin},
    {"practice", kEvery, kEvery, kAdmin, kAdmin, kAdmin},
    {"facility", kEvery, kEvery, kKeepers, kKeepers, kKeepers},
    {"referral", kKeepersAndClient, kKeepersAndClient, kKeepers, kKeepers, kKeepers},
    {"person", kCase, kCase, kKeepersAndClient, kKeepers, kKeepers},
    {"household", kCase, kCase, RoleSet{coordinator, professional}, kKeepers, RoleSet{coordinator}},
    {"tie", kKeepersAndClient, kKeepersAndClient, kKeepersAndClient, kKeepers, kKeepers},
    {"agreement", kCase, kCase, kKeepers, kKeepers, kKeepers},
    {"supportAct", kCase, kCase, RoleSet{admin, coordinator, professional, volunteer},
     RoleSet{admin, coordinator, professional, volunteer},
     RoleSet{admin, coordinator, professional, volunteer}},
    {"assessment", kKeepersAndClient, kKeepersAndClient, kKeepers, kKeepers, kKeepers},
    {"network", kNone, kKeepersAndClient, kNone, kNone, kNone},
    {"accessLog", kKeepersAndClient, kNone, kNone, kNone, kNone},
    {"breakGlass", RoleSet{coordinator, professional}, kNone, RoleSet{coordinator, professional},
     kNone, kNone},
    // Withdrawn, never deleted: the record of what a household agreed stays.
    {"consent", kKeepersAndClient, kKeepersAndClient, kKeepers, kKeepers, kNone},
    {"researchExport", kNone, RoleSet{researcher}, kNone, kNone, kNone},
    {"householdAnalysis", kNone, RoleSet{admin, coordinator, professional, client, researcher},
     kNone, kNone, kNone},
    {"practiceAnalysis", kNone, RoleSet{coordinator, researcher}, kNone, kNone, kNone},
    {"helpRequest", kKeepersAndClient, kKeepersAndClient, kKeepersAndClient, kKeepers, kKeepers},
    // Which profiles: may_access_volunteer_profile().
    {"volunteerProfile", RoleSet{admin, coordinator, volunteer},
     RoleSet{admin, coordinator, volunteer}, RoleSet{admin, coordinator},
     RoleSet{admin, coordinator, volunteer}, RoleSet{admin, coordinator}},
    // create: a matching run; update: a step in a match's life cycle.
    {"match", kMatchers, kMatchers, RoleSet{coordinator}, kMatchers, kNone},
    {"account", kAdmin, kAdmin, kAdmin, kAdmin, kNone},
    {"setting", kNone, kAdmin, kNone, kAdmin, kNone},
    // Research: researchers only; within a project, permits_research().
    {"researchProject", kResearcher, kResearcher, kResearcher, kResearcher, kNone},
    {"projectMember", kResearcher, kNone, kResearcher, kNone, kResearcher},
    {"fieldNote", kResearcher, kResearcher, kResearcher, kResearcher, kResearcher},
    {"researchCode", kResearcher, kResearcher, kResearcher, kResearcher, kResearcher},
    {"coding", kResearcher, kResearcher, kResearcher, kNone, kResearcher},
    {"memo", kResearcher, kResearcher, kResearcher, kResearcher, kResearcher},
    {"researchAnalysis", kNone, kResearcher, kNone, kNone, kNone},
    // Findings are revised (update), never deleted: stakeholders answered them.
    {"finding", kResearcher, kResearcher, kResearcher, kResearcher, kNone},
    {"frameworkMatrix", kResearcher, kResearcher, kResearcher, kResearcher, kNone},
    // list: the findings published to the caller; create: an answer.
    {"memberCheck", kEvery, kNone, kEvery, kNone, kNone},
}};

// A resource added to the enum but not to the table would get an empty
// name and no roles: every route of it would silently disappear.
constexpr bool every_resource_has_rules() {
  for (const ResourceRules& rule : kRules) {
    if (rule.name.empty()) return false;
  }
  return true;
}
static_assert(every_resource_has_rules(), "kRules needs a row for every Resource");

const ResourceRules& rules(Resource resource) {
  return kRules[static_cast<std::size_t>(resource)];
}

}  // namespace

std::string_view resource_name(Resource resource) noexcept {
  return rules(resource).name;
}

RoleSet allowed_roles(Resource resource, Operation operation) noexcept {
  const ResourceRules& rule = rules(resource);
  switch (operation) {
    case Operation::list: return rule.list;
    case Operation::read: return rule.read;
    case Operation::create: return rule.create;
    case Operation::update: return rule.update;
    case Operation::remove: return rule.remove;
  }
  return kNone;
}

Reach reach(const Actor& actor) {
  Reach reach;
  reach.today = store::local_today_text();
  reach.now = store::utc_now_text();
  reach.self = actor.person;
  reach.account = actor.account;
  if (!actor.person && actor.role != AccountRole::coordinator) return reach;
  switch (actor.role) {
    case AccountRole::coordinator:
      reach.practice = actor.practice;
      reach.team = actor.person;
      reach.break_glass = actor.account;
      break;
    case AccountRole::professional:
      reach.team = actor.person;
      reach.break_glass = actor.account;
      break;
    case AccountRole::admin: reach.team = actor.person; break;
    case AccountRole::volunteer: reach.helper = actor.person; break;
    case AccountRole::client: reach.member = actor.person; break;
    case AccountRole::researcher: break;
  }
  return reach;
}

Result<HouseholdAccess> household_access(store::Transaction& transaction, const Actor& actor,
                                         const HouseholdId& household) {
  Result<store::HouseholdStanding> standing =
      store::household_standing(transaction, reach(actor), household.str());
  if (!standing.ok()) return std::move(standing).error();
  if (!standing->exists) {
    return make_error(ErrorCode::not_found, "there is no household " + household.str());
  }
  HouseholdAccess access;
  access.coordinates = standing->practice;
  if (standing->team || standing->practice) {
    access.standing = Standing::team;
  } else if (standing->break_glass) {
    access.standing = Standing::break_glass;
  } else if (standing->member) {
    access.standing = Standing::member;
  } else if (standing->helper) {
    access.standing = Standing::helper;
  }
  return access;
}

bool permits(const HouseholdAccess& access, Resource resource, Operation operation) noexcept {
  const bool reading = operation == Operation::list || operation == Operation::read;
  switch (access.standing) {
    case Standing::none: return false;
    case Standing::team:
    case Standing::break_glass: return true;
    case Standing::member:
      switch (resource) {
        case Resource::household:
        case Resource::person:
        case Resource::agreement:
        case Resource::support_act:
        case Resource::assessment:
        case Resource::network:
        case Resource::household_analysis:
        case Resource::referral:
        case Resource::access_log:
        case Resource::consent: return reading;
        case Resource::tie:
        case Resource::help_request: return reading || operation == Operation::create;
        default: return false;
      }
    case Standing::helper:
      switch (resource) {
        case Resource::household:
        case Resource::person:
        case Resource::agreement: return reading;
        case Resource::support_act: return true;
        default: return false;
      }
  }
  return false;
}

bool own_records_only(const HouseholdAccess& access, Resource resource) noexcept {
  return access.standing == Standing::helper &&
         (resource == Resource::agreement || resource == Resource::support_act);
}

bool permits_history(const HouseholdAccess& access, Resource resource) noexcept {
  return permits(access, resource, Operation::read) && !own_records_only(access, resource);
}

bool minimised_view(const Actor& actor) noexcept {
  return actor.role == AccountRole::volunteer;
}

namespace {

bool same_people(const std::vector<PersonPeriod>& a, const std::vector<PersonPeriod>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i != a.size(); ++i) {
    if (a[i].person != b[i].person || a[i].period.from != b[i].period.from ||
        a[i].period.until != b[i].period.until) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<void> may_create_household(const Actor& actor, const HouseholdFields& fields,
                                  const Date& today) {
  if (actor.role == AccountRole::coordinator) {
    for (const PracticeId& practice : fields.practices) {
      if (actor.practice && practice == *actor.practice) return {};
    }
    return make_error(ErrorCode::forbidden,
                      "a coordinator registers households of their own practice only");
  }
  for (const PersonPeriod& spell : fields.team) {
    if (actor.person && spell.person == *actor.person && spell.period.contains(today)) return {};
  }
  return make_error(ErrorCode::forbidden,
                    "a household you register must have you on its team from today");
}

Result<void> may_update_household(const HouseholdAccess& access, const HouseholdFields& before,
                                  const HouseholdFields& after) {
  if (access.coordinates) return {};
  if (!same_people(before.team, after.team)) {
    return make_error(ErrorCode::forbidden, "only a coordinator of its practice assigns the team");
  }
  if (before.practices != after.practices) {
    return make_error(ErrorCode::forbidden,
                      "only a coordinator of its practice changes a household's practices");
  }
  return {};
}

namespace {

bool coordinates(const Actor& actor, const PracticeId& practice) {
  return actor.role == AccountRole::coordinator && actor.practice && *actor.practice == practice;
}

bool is_volunteer_of(const Actor& actor, const Match& match) {
  return actor.role == AccountRole::volunteer && actor.person && *actor.person == match.volunteer;
}

}  // namespace

Result<void> may_run_matching(const Actor& actor, const PracticeId& practice) {
  if (coordinates(actor, practice)) return {};
  return make_error(ErrorCode::forbidden, "only a coordinator of the practice runs its matching");
}

bool may_see_match(const Actor& actor, const Match& match) noexcept {
  if (coordinates(actor, match.practice)) return true;
  return is_volunteer_of(actor, match) && match.status != MatchStatus::proposed &&
         match.status != MatchStatus::rejected;
}

Result<void> may_change_match(const Actor& actor, const Match& match, MatchStatus to) {
  switch (to) {
    case MatchStatus::approved:
    case MatchStatus::rejected:
      if (coordinates(actor, match.practice)) return {};
      return make_error(ErrorCode::forbidden,
                        "only a coordinator of the practice approves or rejects a proposal");
    case MatchStatus::accepted:
    case MatchStatus::declined:
      if (is_volunteer_of(actor, match)) return {};
      return make_error(ErrorCode::forbidden, "only the volunteer accepts or declines a match");
    case MatchStatus::active:
    case MatchStatus::ended:
      if (coordinates(actor, match.practice) || is_volunteer_of(actor, match)) return {};
      return make_error(ErrorCode::forbidden,
                        "only the volunteer or a coordinator of the practice changes this match");
    case MatchStatus::proposed: break;
  }
  return make_error(ErrorCode::forbidden, "a match is proposed only by a matching run");
}

Result<void> may_access_volunteer_profile(const Actor& actor, Operation operation,
                                          const VolunteerProfileFields& profile) {
  switch (actor.role) {
    case AccountRole::admin: return {};
    case AccountRole::coordinator:
      if (coordinates(actor, profile.practice)) return {};
      return make_error(ErrorCode::forbidden,
                        "a coordinator keeps the volunteer profiles of their own practice only");
    case AccountRole::volunteer:
      if (operation == Operation::create || operation == Operation::remove) break;
      if (actor.person && *actor.person == profile.person) return {};
      return make_error(ErrorCode::forbidden,
                        "a volunteer sees and changes their own profile only");
    default: break;
  }
  return make_error(ErrorCode::forbidden, "you may not do this to volunteer profiles");
}

Result<void> may_change_volunteer_profile(const Actor& actor, const VolunteerProfileFields& before,
                                          const VolunteerProfileFields& after) {
  if (Result<void> allowed = may_access_volunteer_profile(actor, Operation::update, before);
      !allowed.ok()) {
    return allowed;
  }
  if (actor.role == AccountRole::volunteer &&
      (before.person != after.person || before.practice != after.practice)) {
    return make_error(ErrorCode::forbidden,
                      "a volunteer keeps their profile's person and practice; a coordinator "
                      "moves a profile");
  }
  return may_access_volunteer_profile(actor, Operation::update, after);
}

std::optional<VolunteerProfileFilter> volunteer_profiles_visible(const Actor& actor,
                                                                 VolunteerProfileFilter requested) {
  switch (actor.role) {
    case AccountRole::admin: return requested;
    case AccountRole::coordinator:
      if (!actor.practice || (requested.practice && *requested.practice != *actor.practice)) {
        return std::nullopt;
      }
      requested.practice = actor.practice;
      return requested;
    case AccountRole::volunteer:
      if (!actor.person || (requested.person && *requested.person != *actor.person)) {
        return std::nullopt;
      }
      requested.person = actor.person;
      return requested;
    default: return std::nullopt;
  }
}

Result<ProjectStanding> project_standing(store::Transaction& transaction, const Actor& actor,
                                         const ResearchProjectId& project) {
  store::ResearchProjectRepository projects(transaction);
  if (Result<ResearchProject> found = projects.get(project); !found.ok()) {
    return std::move(found).error();
  }
  if (actor.role != AccountRole::researcher) return ProjectStanding::none;
  Result<std::optional<ProjectRole>> role = projects.role_of(project, actor.account);
  if (!role.ok()) return std::move(role).error();
  if (!*role) return ProjectStanding::none;
  return **role == ProjectRole::researcher ? ProjectStanding::researcher
                                           : ProjectStanding::stakeholder;
}

bool permits_research(ProjectStanding standing, Resource resource, Operation operation) noexcept {
  switch (resource) {
    case Resource::research_project:
      if (operation == Operation::read) return standing != ProjectStanding::none;
      return standing == ProjectStanding::researcher;
    case Resource::field_note:
      // Authors who are no researcher of the project (any more) still reach
      // their own notes; may_see_note() decides each one.
      return operation == Operation::list || operation == Operation::read ||
             operation == Operation::update || operation == Operation::remove ||
             standing == ProjectStanding::researcher;
    case Resource::project_member:
    case Resource::research_code:
    case Resource::coding:
    case Resource::memo:
    case Resource::research_analysis:
    // A project's REFI-QDA exports and codings CSV (api/research_refi_qda.hpp).
    case Resource::research_export: return standing == ProjectStanding::researcher;
    case Resource::finding:
    case Resource::framework_matrix: return standing == ProjectStanding::researcher;
    default: return false;
  }
}

bool may_see_note(ProjectStanding standing, const Actor& actor, const FieldNote& note) noexcept {
  return actor.role == AccountRole::researcher &&
         (standing == ProjectStanding::researcher || note.author == actor.account);
}

Result<bool> may_answer_finding(store::Transaction& transaction, const Actor& actor,
                                const ResearchProjectId& project, const PracticeId& practice) {
  store::ResearchProjectRepository projects(transaction);
  Result<std::vector<ProjectMember>> members = projects.members(project);
  if (!members.ok()) return std::move(members).error();
  return std::any_of(members->begin(), members->end(), [&](const ProjectMember& member) {
    return member.account == actor.account && member.role == ProjectRole::stakeholder &&
           member.practice == practice;
  });
}

bool notes_of_author_only(ProjectStanding standing) noexcept {
  return standing != ProjectStanding::researcher;
}

}  // namespace dichtbij::access
