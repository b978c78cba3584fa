#include "demo/generator.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "demo/amsterdam.hpp"
#include "demo/calendar.hpp"
#include "demo/random.hpp"

namespace dichtbij::demo {

namespace {

// Keys of the random streams (DemoRandom::fork): the base, and per
// household several streams so that other households can recompute a part
// (its schedule, a peer worker) without generating it whole.
constexpr std::uint64_t kBaseStream = 0;
std::uint64_t household_stream(int index, int part) {
  return (static_cast<std::uint64_t>(index) + 1) << 4 | static_cast<std::uint64_t>(part);
}
constexpr int kRecordsPart = 0;
constexpr int kSchedulePart = 1;
constexpr int kPeerPart = 2;
constexpr int kPeerChoicePart = 3;

// The id block of household number index (block 0 is the base's).
std::uint64_t block_of(int index) {
  return static_cast<std::uint64_t>(index) + 1;
}

// Practice numbers in the order of demo::practices().
constexpr int kFormerlyHomeless = 4;
// Every kPeerEvery-th resident of the housing practice becomes a peer worker.
constexpr int kPeerEvery = 8;
constexpr int kPeerRank = 3;

std::string display_name(DemoRandom& random, std::string_view family) {
  return std::string(random.pick(given_names())) + " " + std::string(family);
}

std::string_view family_name(DemoRandom& random) {
  return random.pick(family_names());
}

std::string at_time(const Date& day, int hour) {
  char text[32];
  std::snprintf(text, sizeof text, "%sT%02d:%02d:00Z", format_date(day).c_str(), hour,
                hour * 7 % 60);
  return text;
}

const District& district_named(std::string_view name) {
  for (const District& district : districts()) {
    if (district.name == name) return district;
  }
  return districts().front();
}

std::string random_buurt(DemoRandom& random, const District& district) {
  return buurt_code(district, random.between(0, district.wijken - 1),
                    random.between(0, kBuurtenPerWijk - 1));
}

std::string random_buurt_of(DemoRandom& random, const PracticeSpec& practice) {
  std::vector<double> weights;
  for (std::string_view name : practice.districts) weights.push_back(district_named(name).weight);
  return random_buurt(random, district_named(practice.districts[random.weighted(weights)]));
}

std::string random_city_buurt(DemoRandom& random) {
  std::vector<double> weights;
  for (const District& district : districts()) weights.push_back(district.weight);
  return random_buurt(random, districts()[random.weighted(weights)]);
}

std::vector<std::string> languages(DemoRandom& random) {
  std::vector<std::string> spoken{"nl"};
  if (random.chance(0.35)) spoken.emplace_back(random.pick(other_languages()));
  return spoken;
}

// When a household's support ran: the same whichever household asks.
struct Schedule {
  Date start;               // support (membership, team) began
  std::optional<Date> end;  // closed on
  HouseholdStatus status = HouseholdStatus::active;
};

// Who provides support around a household, and from when to when.
enum class HelperKind { kin, friendly, peer, volunteer, professional };

struct Helper {
  PersonId person;
  HelperKind kind = HelperKind::friendly;
  Date from;
  std::optional<Date> until;
  int closeness = 2;
  bool active_on(const Date& day) const { return from <= day && (!until || day <= *until); }
};

struct Mobilisation {
  double self, network, professional;
};

// Support types per kind of helper: emotional, practical, informational,
// companionship.
constexpr std::array<std::array<double, 4>, 5> kTypeWeights{{
    {35, 35, 10, 20},  // kin
    {25, 30, 10, 35},  // friends, neighbours, colleagues
    {40, 10, 30, 20},  // peers and experiential experts
    {25, 20, 10, 45},  // volunteers and mentors
    {20, 35, 40, 5},   // professionals
}};

constexpr std::array<double, 4> kModeWeights{60, 25, 5, 10};  // in person, phone, video, message

// The relation kinds of network persons and how often each occurs (kin about
// 40 %, see docs/demo-data.md).
struct RelationShare {
  RelationKind kind;
  double weight;
};
constexpr std::array<RelationShare, 10> kRelations{{
    {RelationKind::partner, 4},
    {RelationKind::parent, 8},
    {RelationKind::child, 10},
    {RelationKind::sibling, 11},
    {RelationKind::other_family, 7},
    {RelationKind::friend_, 25},
    {RelationKind::neighbour, 17},
    {RelationKind::colleague, 5},
    {RelationKind::peer, 8},
    {RelationKind::other, 5},
}};

std::optional<PersonRole> role_of(RelationKind kind) {
  switch (kind) {
    case RelationKind::partner: return PersonRole::partner;
    case RelationKind::parent:
    case RelationKind::child:
    case RelationKind::sibling:
    case RelationKind::other_family: return PersonRole::family;
    case RelationKind::friend_:
    case RelationKind::colleague: return PersonRole::friend_;
    case RelationKind::neighbour: return PersonRole::neighbour;
    case RelationKind::peer: return PersonRole::peer;
    case RelationKind::volunteer: return PersonRole::volunteer;
    case RelationKind::mentor: return PersonRole::mentor;
    case RelationKind::experiential_expert: return PersonRole::experiential_expert;
    case RelationKind::professional: return PersonRole::professional;
    case RelationKind::other: return std::nullopt;
  }
  return std::nullopt;
}

HelperKind helper_kind(RelationKind kind) {
  if (is_kin(kind)) return HelperKind::kin;
  if (kind == RelationKind::peer || kind == RelationKind::experiential_expert)
    return HelperKind::peer;
  return HelperKind::friendly;
}

std::vector<SupportType> support_types_of(DemoRandom& random, HelperKind kind) {
  const auto& weights = kTypeWeights[static_cast<std::size_t>(kind)];
  std::vector<SupportType> types;
  const int count = random.between(1, 3);
  for (int i = 0; i != count; ++i) {
    const auto type = static_cast<SupportType>(random.weighted(weights));
    if (std::find(types.begin(), types.end(), type) == types.end()) types.push_back(type);
  }
  return types;
}

}  // namespace

// ---------------------------------------------------------------------------
// The base: organisations, practices, staff.

namespace {

Person staff_person(DemoRandom& random, OrderedIds& ids, PersonRole role,
                    const OrganisationId& organisation, const Date& since, int born_from,
                    int born_to) {
  Person person;
  person.id = PersonId(ids.next());
  person.fields.display_name = display_name(random, family_name(random));
  person.fields.birth_year = random.between(born_from, born_to);
  person.fields.buurt_code = random_city_buurt(random);
  person.fields.languages = languages(random);
  if (role != PersonRole::professional) {
    const int count = random.between(1, 3);
    for (int i = 0; i != count; ++i) {
      std::string skill(random.pick(skills()));
      if (std::find(person.fields.skills.begin(), person.fields.skills.end(), skill) ==
          person.fields.skills.end()) {
        person.fields.skills.push_back(std::move(skill));
      }
    }
  }
  person.fields.roles.push_back({role, {since, std::nullopt}});
  person.fields.memberships.push_back({organisation, {since, std::nullopt}});
  return person;
}

PersonRole volunteer_role(TargetGroup group) {
  switch (group) {
    case TargetGroup::severe_loneliness: return PersonRole::mentor;
    case TargetGroup::teenage_mother: return PersonRole::peer;
    case TargetGroup::formerly_homeless: return PersonRole::experiential_expert;
    default: return PersonRole::volunteer;
  }
}

RelationKind volunteer_relation(TargetGroup group) {
  switch (group) {
    case TargetGroup::severe_loneliness: return RelationKind::mentor;
    case TargetGroup::teenage_mother: return RelationKind::peer;
    case TargetGroup::formerly_homeless: return RelationKind::experiential_expert;
    default: return RelationKind::volunteer;
  }
}

}  // namespace

Generator::Generator(const GeneratorOptions& options)
    : options_(options), first_day_(add_days(options.today, -730)) {
  assert(options.households >= 0 && options.today.ok());
  const std::span<const PracticeSpec> specs = practices();
  const int practice_count = static_cast<int>(specs.size());
  for (Date day = first_day_; day <= options.today; day = add_days(day, 1)) {
    days_.push_back({day, activity(day), office_day(day)});
  }

  // Households over practices: the first of each practice first, then in
  // proportion to the practices' shares (largest remainder, so a small
  // demo keeps the proportions too).
  std::vector<int> counts(specs.size(), 0);
  double total_share = 0;
  for (const PracticeSpec& spec : specs) total_share += spec.share;
  for (int i = 0; i != options.households; ++i) {
    int chosen = i;
    if (i >= practice_count) {
      double best = -1e9;
      for (int p = 0; p != practice_count; ++p) {
        const double owed = specs[p].share / total_share * (i + 1) - counts[p];
        if (owed > best) best = owed, chosen = p;
      }
    }
    practice_of_.push_back(chosen);
    number_in_practice_.push_back(counts[chosen]++);
  }

  DemoRandom random = DemoRandom::fork(options.seed, kBaseStream);
  OrderedIds ids(0, random);
  std::map<std::string_view, OrganisationId> organisation_ids;
  for (const PracticeSpec& spec : specs) {
    for (const OrganisationSpec& organisation : spec.organisations) {
      if (organisation_ids.contains(organisation.name)) continue;
      Organisation record;
      record.id = OrganisationId(ids.next());
      record.fields = {std::string(organisation.name), organisation.kind, organisation.formal};
      organisation_ids.emplace(organisation.name, record.id);
      base_.organisations.push_back(std::move(record));
    }
  }

  for (int p = 0; p != practice_count; ++p) {
    const PracticeSpec& spec = specs[p];
    Practice practice;
    practice.id = PracticeId(ids.next());
    practice.fields.name = std::string(spec.name);
    practice.fields.description = std::string(spec.description);
    practice.fields.target_groups = {spec.target_group};
    for (std::string_view name : spec.districts) {
      const District& district = district_named(name);
      for (int wijk = 0; wijk != district.wijken; ++wijk) {
        for (int buurt = 0; buurt != kBuurtenPerWijk; ++buurt) {
          practice.fields.buurt_codes.push_back(buurt_code(district, wijk, buurt));
        }
      }
    }
    std::vector<OrganisationId> formal, informal;
    for (const OrganisationSpec& organisation : spec.organisations) {
      practice.fields.organisations.push_back(organisation_ids.at(organisation.name));
      (organisation.formal ? formal : informal).push_back(organisation_ids.at(organisation.name));
    }
    base_.practices.push_back(std::move(practice));

    // One professional for about every 25 households, one volunteer per
    // volunteers_per_household; at least two of each, so that every
    // practice has helpers from more than one organisation.
    const int households = counts[p];
    const int professionals = std::max(2, (households + 24) / 25);
    const int volunteers =
        std::max(2, static_cast<int>(std::ceil(households * spec.volunteers_per_household)));
    PracticeStaff staff;
    const auto years_before = [&](int low, int high) {
      return add_days(first_day_, -random.between(low * 365, high * 365));
    };
    Person coordinator = staff_person(random, ids, PersonRole::professional, formal.front(),
                                      years_before(2, 15), 1965, 1990);
    staff.coordinator = coordinator.id;
    base_.staff.push_back(std::move(coordinator));
    for (int i = 0; i != professionals; ++i) {
      Person professional = staff_person(random, ids, PersonRole::professional,
                                         formal[static_cast<std::size_t>(i) % formal.size()],
                                         years_before(1, 12), 1962, 1998);
      staff.professionals.push_back(professional.id);
      base_.staff.push_back(std::move(professional));
    }
    for (int i = 0; i != volunteers; ++i) {
      Person volunteer = staff_person(random, ids, volunteer_role(spec.target_group),
                                      informal[static_cast<std::size_t>(i) % informal.size()],
                                      years_before(0, 6), 1950, 2004);
      staff.volunteers.push_back(volunteer.id);
      base_.staff.push_back(std::move(volunteer));
    }
    base_.staff_of.push_back(std::move(staff));
  }
  for (int i = 0; i != options.households; ++i) {
    if (std::optional<std::pair<PersonId, Date>> peer = peer_worker(i)) {
      peers_.push_back({i, std::move(peer->first), peer->second});
    }
  }
}

// ---------------------------------------------------------------------------
// One household.

namespace {

// Builds one household's records from its own random stream.
class HouseholdBuilder {
 public:
  HouseholdBuilder(const Generator& generator, const GeneratorOptions& options, int index,
                   const Schedule& schedule)
      : generator_(generator),
        options_(options),
        practice_(generator.practice_of(index)),
        spec_(practices()[static_cast<std::size_t>(practice_)]),
        staff_(generator.base().staff_of[static_cast<std::size_t>(practice_)]),
        schedule_(schedule),
        random_(DemoRandom::fork(options.seed, household_stream(index, kRecordsPart))),
        ids_(block_of(index), random_) {
    records_.practice = practice_;
    first_ = std::max(schedule_.start, generator_.first_day());
    last_ = schedule_.end.value_or(options_.today);
    kanteling_ = random_.chance(spec_.kanteling_share);
  }

  HouseholdRecords build(int rank, const std::optional<PersonId>& main_member_id,
                         const std::vector<std::pair<PersonId, Date>>& peer_workers,
                         const std::optional<Date>& peer_switch);

 private:
  Person& add_person(std::string name, std::optional<int> birth_year,
                     std::optional<std::string> buurt) {
    Person person;
    person.id = PersonId(ids_.next());
    person.fields.display_name = std::move(name);
    person.fields.birth_year = birth_year;
    person.fields.buurt_code = std::move(buurt);
    person.fields.languages = languages(random_);
    records_.persons.push_back(std::move(person));
    return records_.persons.back();
  }
  Date random_day(const Date& from, const Date& to) {
    const int span = days_between(from, to);
    return span <= 0 ? from : add_days(from, random_.between(0, span));
  }
  void add_tie(const PersonId& person, const PersonId& other, RelationKind kind, HelperKind helper,
               int closeness, const Date& from, const std::optional<Date>& until);
  void members(int rank, const std::optional<PersonId>& main_member_id,
               const std::optional<Date>& peer_switch);
  void team(int rank);
  void network(int rank, const std::vector<std::pair<PersonId, Date>>& peer_workers);
  void agreements();
  void acts();
  void assessments();
  void consents();
  const Helper* pick_informal(const Date& day);
  const Helper* pick_professional(const Date& day);

  const Generator& generator_;
  const GeneratorOptions& options_;
  int practice_;
  const PracticeSpec& spec_;
  const PracticeStaff& staff_;
  Schedule schedule_;
  DemoRandom random_;
  OrderedIds ids_;  // place 0 is the household's peer worker's (Generator::peer_worker)
  HouseholdRecords records_;
  Date first_;  // the first day of support within the history
  Date last_;   // the last
  bool kanteling_ = false;
  std::string family_;
  std::vector<PersonId> member_ids_;
  std::vector<Helper> informal_;       // network persons, volunteers, peer workers
  std::vector<Helper> professionals_;  // the team
  // Who is responsible for an agreement from which day: its versions.
  struct Responsibility {
    AgreementId agreement;
    PersonId person;
    Date from;
    Date until;
  };
  std::vector<Responsibility> responsibilities_;
};

void HouseholdBuilder::add_tie(const PersonId& person, const PersonId& other, RelationKind kind,
                               HelperKind helper, int closeness, const Date& from,
                               const std::optional<Date>& until) {
  Tie tie;
  tie.id = TieId(ids_.next());
  tie.household = records_.household.id;
  TieFields& fields = tie.fields;
  fields.person = person;
  fields.other = other;
  fields.relation_kind = kind;
  fields.support_types = support_types_of(random_, helper);
  fields.closeness = closeness;
  static constexpr std::array<double, 5> kFrequency{15, 40, 25, 12, 8};
  fields.contact_frequency = static_cast<ContactFrequency>(random_.weighted(kFrequency));
  if (helper == HelperKind::professional) {
    fields.direction = HelpDirection::gives;
    fields.quality = TieQuality::ordinary;
  } else {
    static constexpr std::array<double, 3> kDirection{45, 10, 45};
    static constexpr std::array<double, 4> kQuality{25, 55, 12, 8};
    fields.direction = static_cast<HelpDirection>(random_.weighted(kDirection));
    fields.quality = static_cast<TieQuality>(random_.weighted(kQuality));
  }
  fields.period = {from, until};
  records_.ties.push_back(std::move(tie));
}

void HouseholdBuilder::members(int rank, const std::optional<PersonId>& main_member_id,
                               const std::optional<Date>& peer_switch) {
  HouseholdFields& fields = records_.household.fields;
  const int year = static_cast<int>(options_.today.year());
  family_ = std::string(family_name(random_));
  const std::string buurt = *fields.buurt_code;
  const Period membership{schedule_.start, schedule_.end};
  auto member = [&](std::string name, int born) -> Person& {
    Person& person = add_person(std::move(name), born, buurt);
    person.fields.roles.push_back({PersonRole::client, membership});
    fields.members.push_back({person.id, membership});
    member_ids_.push_back(person.id);
    return person;
  };
  switch (spec_.target_group) {
    case TargetGroup::severe_loneliness: {
      member(display_name(random_, family_), random_.between(1932, 1975));
      fields.name = records_.persons.back().fields.display_name;
      break;
    }
    case TargetGroup::youth_group: {
      const int size = random_.between(4, 10);
      for (int i = 0; i != size; ++i) {
        member(display_name(random_, family_name(random_)), random_.between(year - 21, year - 14));
      }
      fields.name =
          "Groep " + std::string(random_.pick(meeting_places())) + " " + std::to_string(rank + 1);
      break;
    }
    case TargetGroup::teenage_mother: {
      member(display_name(random_, family_), random_.between(year - 21, year - 16));
      const int children = random_.chance(0.2) ? 2 : 1;
      for (int i = 0; i != children; ++i) {
        member(display_name(random_, family_),
               random_.between(static_cast<int>(schedule_.start.year()) - 1, year));
      }
      fields.name = "Huishouden " + family_;
      break;
    }
    case TargetGroup::formerly_homeless: {
      Person& resident = member(display_name(random_, family_), random_.between(1960, 2002));
      if (main_member_id) {
        // A peer worker: the id is known to the households they help later.
        resident.id = *main_member_id;
        fields.members.back().person = *main_member_id;
        member_ids_.back() = *main_member_id;
      }
      if (peer_switch) {
        resident.fields.roles.front().period.until = add_days(*peer_switch, -1);
        resident.fields.roles.push_back(
            {PersonRole::experiential_expert, {*peer_switch, std::nullopt}});
      }
      fields.name = resident.fields.display_name;
      break;
    }
    default: {
      const int size =
          random_.between(1, spec_.target_group == TargetGroup::socially_isolated ? 5 : 4);
      member(display_name(random_, family_), random_.between(1950, 2000));
      for (int i = 1; i != size; ++i) {
        const bool child = random_.chance(0.7);
        member(display_name(random_, family_),
               child ? random_.between(year - 17, year - 1) : random_.between(1950, 2000));
      }
      fields.name = "Huishouden " + family_;
      break;
    }
  }
}

void HouseholdBuilder::team(int rank) {
  HouseholdFields& fields = records_.household.fields;
  const std::size_t count = staff_.professionals.size();
  const PersonId& primary = staff_.professionals[static_cast<std::size_t>(rank) % count];
  fields.team.push_back({primary, {schedule_.start, schedule_.end}});
  professionals_.push_back({primary, HelperKind::professional, schedule_.start, schedule_.end, 3});
  // Chain collaboration: a second professional, of the next organisation,
  // joins some households later.
  if (count > 1 && random_.chance(0.4)) {
    const PersonId& second = staff_.professionals[(static_cast<std::size_t>(rank) + 1) % count];
    const Date joined = random_day(add_days(first_, 30), add_days(first_, 240));
    if (joined <= last_) {
      fields.team.push_back({second, {joined, schedule_.end}});
      professionals_.push_back({second, HelperKind::professional, joined, schedule_.end, 3});
    }
  }
  for (const Helper& professional : professionals_) {
    add_tie(professional.person, member_ids_.front(), RelationKind::professional,
            HelperKind::professional, 3, professional.from, professional.until);
  }
}

void HouseholdBuilder::network(int rank,
                               const std::vector<std::pair<PersonId, Date>>& peer_workers) {
  const PersonId& main = member_ids_.front();
  const std::string& buurt = *records_.household.fields.buurt_code;
  const int year = static_cast<int>(options_.today.year());
  // Isolated households have one to three network persons; the others five
  // to twenty, a few more (docs/demo-data.md, "Networks").
  double isolated_share = 0.1;
  if (spec_.target_group == TargetGroup::severe_loneliness ||
      spec_.target_group == TargetGroup::socially_isolated) {
    isolated_share = 0.35;
  } else if (spec_.target_group == TargetGroup::formerly_homeless) {
    isolated_share = 0.25;
  }
  const bool isolated = random_.chance(isolated_share);
  const int size =
      isolated ? random_.between(1, 3)
               : random_.between(5, 20) + (random_.chance(0.5) ? random_.between(0, 10) : 0);
  std::vector<double> weights;
  for (const RelationShare& share : kRelations) weights.push_back(share.weight);
  struct Member {
    std::size_t helper;
    RelationKind kind;
  };
  std::vector<Member> network;
  for (int i = 0; i != size; ++i) {
    const RelationKind kind = kRelations[random_.weighted(weights)].kind;
    const bool kin = is_kin(kind);
    const std::string family = kin && kind != RelationKind::partner && random_.chance(0.7)
                                   ? family_
                                   : std::string(family_name(random_));
    std::optional<int> born;
    if (random_.chance(0.8)) born = random_.between(1935, year - 12);
    std::optional<std::string> home;
    if (kind == RelationKind::neighbour) {
      home = buurt;
    } else if (random_.chance(0.6)) {
      home = random_city_buurt(random_);
    }
    Person& person = add_person(display_name(random_, family), born, home);
    // Kin and old friends were there before support began; in a household
    // where support shifts to the network, a third of the others join
    // during it, found by the household, its network or its professional.
    Date from = add_days(schedule_.start, -random_.between(30, kin ? 365 * 15 : 365 * 5));
    if (!kin && kanteling_ && random_.chance(0.35)) {
      from = std::min(random_day(add_days(first_, 30), last_), last_);
    }
    std::optional<Date> until;
    if (!kin && random_.chance(0.08)) {
      const Date ended = random_day(add_days(from, 90), add_days(last_, -1));
      if (ended > from && ended < last_) until = ended;
    }
    if (std::optional<PersonRole> role = role_of(kind)) {
      person.fields.roles.push_back({*role, {from, std::nullopt}});
    }
    int closeness = kin ? random_.between(1, 2) : random_.between(1, 3);
    if (kind == RelationKind::neighbour) closeness = random_.between(2, 3);
    const HelperKind helper = helper_kind(kind);
    add_tie(person.id, main, kind, helper, closeness, from, until);
    informal_.push_back({person.id, helper, from, until, closeness});
    network.push_back({informal_.size() - 1, kind});
  }
  // Ties among the network persons themselves: kin know each other, friends
  // sometimes, the rest rarely (for density and brokerage).
  for (std::size_t a = 0; a != network.size(); ++a) {
    for (std::size_t b = a + 1; b != network.size(); ++b) {
      const bool kin_a = is_kin(network[a].kind), kin_b = is_kin(network[b].kind);
      double p = 0.04;
      if (kin_a && kin_b) p = 0.5;
      if (network[a].kind == network[b].kind && !kin_a) p = 0.25;
      if (!random_.chance(p)) continue;
      const Helper& x = informal_[network[a].helper];
      const Helper& y = informal_[network[b].helper];
      const Date from = std::max(x.from, y.from);
      std::optional<Date> until;
      if (x.until || y.until) until = std::min(x.until.value_or(last_), y.until.value_or(last_));
      if (until && *until < from) continue;
      const RelationKind kind = kin_a && kin_b                       ? RelationKind::other_family
                                : network[a].kind == network[b].kind ? network[a].kind
                                                                     : RelationKind::other;
      add_tie(x.person, y.person, kind, kin_a && kin_b ? HelperKind::kin : HelperKind::friendly,
              random_.between(1, 3), from, until);
    }
  }
  // Volunteers of the practice: mentors for nearly every lonely person,
  // elsewhere for some households.
  const std::size_t volunteers = staff_.volunteers.size();
  const double volunteer_chance = spec_.target_group == TargetGroup::severe_loneliness ? 0.9 : 0.4;
  int count = random_.chance(volunteer_chance) ? (random_.chance(0.25) ? 2 : 1) : 0;
  if (rank == 0) count = std::max(count, 1);
  for (int i = 0; i != count; ++i) {
    const std::size_t which =
        rank == 0 && i == 0 ? 0 : static_cast<std::size_t>(random_.below(volunteers));
    const PersonId& volunteer = staff_.volunteers[which];
    if (std::any_of(informal_.begin(), informal_.end(),
                    [&](const Helper& helper) { return helper.person == volunteer; })) {
      continue;
    }
    const Date from = rank == 0 ? first_ : random_day(add_days(first_, 14), add_days(first_, 150));
    if (from > last_) continue;
    add_tie(volunteer, main, volunteer_relation(spec_.target_group), HelperKind::volunteer, 2, from,
            schedule_.end);
    informal_.push_back({volunteer, HelperKind::volunteer, from, schedule_.end, 2});
  }
  // Peer workers: residents of the housing practice who became experiential
  // experts help newer residents.
  for (const auto& [peer, since] : peer_workers) {
    if (!random_.chance(0.3)) continue;
    const Date from = std::max(since, first_);
    if (from > last_) continue;
    add_tie(peer, main, RelationKind::experiential_expert, HelperKind::peer, 2, from,
            schedule_.end);
    informal_.push_back({peer, HelperKind::peer, from, schedule_.end, 2});
  }
}

const Helper* HouseholdBuilder::pick_informal(const Date& day) {
  double total = 0;
  std::array<double, 64> weights{};
  const std::size_t count = std::min<std::size_t>(informal_.size(), weights.size());
  for (std::size_t i = 0; i != count; ++i) {
    if (!informal_[i].active_on(day)) continue;
    // Closer people help more; volunteers and peers come for a purpose.
    double weight = 4.0 - informal_[i].closeness;
    if (informal_[i].kind == HelperKind::volunteer || informal_[i].kind == HelperKind::peer)
      weight = 4.0;
    weights[i] = weight;
    total += weight;
  }
  if (total == 0) return nullptr;
  return &informal_[random_.weighted(std::span<const double>(weights.data(), count))];
}

const Helper* HouseholdBuilder::pick_professional(const Date& day) {
  std::array<const Helper*, 4> active{};
  std::size_t count = 0;
  for (const Helper& helper : professionals_) {
    if (helper.active_on(day) && count != active.size()) active[count++] = &helper;
  }
  if (count == 0) return &professionals_.front();
  return active[random_.below(count)];
}

void HouseholdBuilder::agreements() {
  const int count =
      spec_.household_kind == HouseholdKind::group ? random_.between(2, 4) : random_.between(3, 6);
  const PersonId& main = member_ids_.front();
  for (int i = 0; i != count; ++i) {
    const Date made = random_day(add_days(first_, 7), add_days(first_, 120));
    if (made > last_) break;
    PlannedAgreement planned;
    planned.agreement.id = AgreementId(ids_.next());
    planned.agreement.household = records_.household.id;
    AgreementFields fields;
    fields.goal = std::string(random_.pick(spec_.goals));
    const double who = random_.unit();
    const Helper* informal = pick_informal(made);
    if (who < 0.2 && informal != nullptr) {
      fields.responsible = informal->person;
      fields.action = std::string(random_.pick(informal_actions()));
    } else if (who < 0.4) {
      fields.responsible = main;
      fields.action = "Zet zelf de eerste stap";
    } else {
      fields.responsible = pick_professional(made)->person;
      fields.action = std::string(random_.pick(professional_actions()));
    }
    fields.why = "Afgesproken in het ondersteuningsplan";
    fields.due = add_days(made, random_.between(90, 240));
    fields.review = add_days(made, random_.between(60, 120));
    fields.status = AgreementStatus::planned;
    fields.agreed_by_household = random_.chance(0.85);
    int version = 1;
    auto record = [&](const Date& day) {
      planned.history.push_back({version++, at_time(day, random_.between(9, 16)), fields});
    };
    record(made);
    Date since = made;
    auto hand = [&](const Date& until) {
      responsibilities_.push_back({planned.agreement.id, fields.responsible, since, until});
    };
    const Date started = add_days(made, random_.between(7, 30));
    if (started <= last_) {
      fields.status = AgreementStatus::in_progress;
      record(started);
    }
    // The handover: a task moves from the professional to someone from the
    // network or a volunteer.
    const bool professional_task =
        std::any_of(professionals_.begin(), professionals_.end(),
                    [&](const Helper& helper) { return helper.person == fields.responsible; });
    const Date handover = add_days(started, random_.between(45, 300));
    if (kanteling_ && professional_task && handover < last_ && random_.chance(0.6)) {
      if (const Helper* taker = pick_informal(handover)) {
        hand(add_days(handover, -1));
        since = handover;
        fields.responsible = taker->person;
        fields.action = std::string(random_.pick(informal_actions()));
        fields.why = "Overgedragen aan het netwerk; de professional blijft op afstand betrokken";
        record(handover);
      }
    }
    Date end_of_task = last_;
    if (*fields.due < last_ || schedule_.end) {
      const Date finished = std::min(std::max(*fields.due, add_days(since, 1)), last_);
      if (finished > since && (schedule_.end || random_.chance(0.7))) {
        fields.status = random_.chance(0.85) ? AgreementStatus::done : AgreementStatus::cancelled;
        record(finished);
        end_of_task = finished;
      }
    }
    hand(end_of_task);
    planned.agreement.fields = fields;
    planned.agreement.version = static_cast<int>(planned.history.size());
    records_.agreements.push_back(std::move(planned));
  }
}

void HouseholdBuilder::acts() {
  // Acts per week: the practice's intensity times this household's own.
  static constexpr std::array<double, 6> kPerWeek{2.9, 3.8, 3.4, 3.1, 3.1, 2.5};
  const double per_day =
      kPerWeek[static_cast<std::size_t>(practice_)] * (0.5 + random_.unit()) / 7.0;
  // How support was mobilised at the start and at the end of the history:
  // households with a kanteling move from professionals to the network.
  const double professional_start = 0.45 + 0.15 * random_.unit();
  const double professional_end = kanteling_ ? professional_start * (0.25 + 0.15 * random_.unit())
                                             : professional_start * (0.85 + 0.15 * random_.unit());
  const double self_share = 0.15 + 0.15 * random_.unit();
  const int span = std::max(1, days_between(first_, last_));
  const PersonId& main = member_ids_.front();
  const int first_offset = days_between(generator_.first_day(), first_);
  const int last_offset = days_between(generator_.first_day(), last_);
  for (int offset = first_offset; offset <= last_offset; ++offset) {
    const Generator::Day& today = generator_.day(offset);
    const int count = random_.poisson(per_day * today.activity);
    if (count == 0) continue;
    const Date& day = today.date;
    const double progress = static_cast<double>(offset - first_offset) / span;
    double professional = professional_start + (professional_end - professional_start) * progress;
    if (!today.office) professional *= 0.15;
    const std::array<double, 3> shares{self_share, std::max(0.0, 1 - professional - self_share),
                                       professional};
    for (int i = 0; i != count; ++i) {
      SupportAct act;
      act.id = SupportActId(ids_.next());
      SupportActFields& fields = act.fields;
      fields.date = day;
      fields.household = records_.household.id;
      fields.mobilised_by = static_cast<MobilisedBy>(random_.weighted(shares));
      const Helper* informal = pick_informal(day);
      const Helper* provider = nullptr;
      switch (fields.mobilised_by) {
        case MobilisedBy::professional: {
          const Helper* mobiliser = pick_professional(day);
          fields.mobilised_by_person = mobiliser->person;
          // A professional who activates an informal helper, or helps.
          provider = informal != nullptr && random_.chance(0.45) ? informal : mobiliser;
          if (provider != mobiliser && random_.chance(0.2)) {
            fields.others_involved.push_back(mobiliser->person);
          }
          break;
        }
        case MobilisedBy::network: {
          if (informal == nullptr) {
            fields.mobilised_by = MobilisedBy::professional;
            provider = pick_professional(day);
            fields.mobilised_by_person = provider->person;
            break;
          }
          provider = informal;
          const Helper* asker = random_.chance(0.5) ? pick_informal(day) : informal;
          fields.mobilised_by_person = asker->person;
          break;
        }
        case MobilisedBy::self: {
          provider = informal != nullptr && random_.chance(0.7) ? informal : pick_professional(day);
          break;
        }
      }
      fields.provider = provider->person;
      fields.receiver = member_ids_.size() > 1 && random_.chance(0.2)
                            ? member_ids_[1 + random_.below(member_ids_.size() - 1)]
                            : main;
      if (fields.mobilised_by == MobilisedBy::self) fields.mobilised_by_person = fields.receiver;
      if (fields.others_involved.empty() && random_.chance(0.04)) {
        if (const Helper* other = pick_informal(day);
            other != nullptr && other->person != fields.provider) {
          fields.others_involved.push_back(other->person);
        }
      }
      fields.support_type = static_cast<SupportType>(
          random_.weighted(kTypeWeights[static_cast<std::size_t>(provider->kind)]));
      if (random_.chance(0.9)) {
        fields.duration_minutes = provider->kind == HelperKind::professional
                                      ? 5 * random_.between(6, 18)
                                      : 5 * random_.between(3, 36);
      }
      fields.mode = static_cast<SupportMode>(random_.weighted(kModeWeights));
      for (const Responsibility& responsibility : responsibilities_) {
        if (responsibility.person == fields.provider && responsibility.from <= day &&
            day <= responsibility.until && random_.chance(0.5)) {
          fields.agreement = responsibility.agreement;
          break;
        }
      }
      if (random_.chance(0.06)) {
        fields.note = std::string(random_.pick(act_notes(fields.support_type)));
      }
      records_.acts.push_back(std::move(act));
    }
  }
}

void HouseholdBuilder::assessments() {
  // The ZRM about every six months for the main member (docs/demo-data.md,
  // "ZRM"): the social network domain follows how many informal helpers
  // were active in the half year before, the others drift, upwards where
  // support shifted to the network.
  const PersonId& main = member_ids_.front();
  std::vector<ZrmDomain> domains(spec_.zrm_domains.begin(), spec_.zrm_domains.end());
  std::vector<int> level;
  for (std::size_t i = 0; i != domains.size(); ++i) level.push_back(random_.between(1, 3));
  const int scored = random_.between(3, static_cast<int>(domains.size()));
  std::vector<PersonId> helpers;
  for (Date day = add_days(first_, random_.between(7, 30)); day <= last_;
       day = add_days(day, random_.between(152, 212))) {
    const Date window = add_days(day, -182);
    helpers.clear();
    int by_professional = 0, by_network = 0, total = 0;
    for (const SupportAct& support : records_.acts) {
      const Date& date = support.fields.date;
      if (date < window || date > day) continue;
      ++total;
      if (support.fields.mobilised_by == MobilisedBy::professional) ++by_professional;
      if (support.fields.mobilised_by == MobilisedBy::network) ++by_network;
      const bool formal = std::any_of(
          professionals_.begin(), professionals_.end(),
          [&](const Helper& helper) { return helper.person == support.fields.provider; });
      if (!formal &&
          std::find(helpers.begin(), helpers.end(), support.fields.provider) == helpers.end()) {
        helpers.push_back(support.fields.provider);
      }
    }
    Assessment assessment;
    assessment.id = AssessmentId(ids_.next());
    assessment.household = records_.household.id;
    AssessmentFields& fields = assessment.fields;
    fields.date = day;
    fields.person = main;
    fields.assessor = pick_professional(day)->person;
    std::optional<Carrier> carrier;
    if (total > 0) {
      if (by_professional * 2 > total) {
        carrier = Carrier::professionals;
      } else if (by_network * 100 >= total * 35) {
        carrier = Carrier::network;
      } else {
        carrier = Carrier::self;
      }
    }
    for (int i = 0; i != scored; ++i) {
      const ZrmDomain domain = domains[static_cast<std::size_t>(i)];
      int& score = level[static_cast<std::size_t>(i)];
      if (domain == ZrmDomain::social_network) {
        const std::size_t n = helpers.size();
        score = n == 0 ? 1 : n == 1 ? 2 : n <= 3 ? 3 : n <= 6 ? 4 : 5;
        if (random_.chance(0.2)) score = std::clamp(score + (random_.chance(0.5) ? 1 : -1), 1, 5);
      } else {
        const double up = kanteling_ ? 0.45 : 0.25;
        const double u = random_.unit();
        if (u < up)
          score = std::min(5, score + 1);
        else if (u > 0.85)
          score = std::max(1, score - 1);
      }
      fields.scores.push_back({domain, score, random_.chance(0.8) ? carrier : std::nullopt});
    }
    if (random_.chance(0.3)) fields.note = "Halfjaarlijkse ZRM met het huishouden besproken";
    records_.assessments.push_back(std::move(assessment));
  }
}

void HouseholdBuilder::consents() {
  auto consent = [&](ConsentPurpose purpose, double granted_share, double withdrawn_share) {
    if (!random_.chance(granted_share)) return;
    Consent record;
    record.id = ConsentId(ids_.next());
    record.household = records_.household.id;
    record.fields.purpose = purpose;
    record.fields.granted_on = std::min(add_days(schedule_.start, random_.between(0, 14)), last_);
    record.recorded.at = at_time(record.fields.granted_on, 10);
    const Date withdrawn = add_days(record.fields.granted_on, random_.between(30, 600));
    if (random_.chance(withdrawn_share) && withdrawn <= options_.today) {
      record.fields.withdrawn_on = withdrawn;
      record.withdrawal_recorded = ConsentRecording{{}, {}, at_time(withdrawn, 11)};
    }
    records_.consents.push_back(std::move(record));
  };
  consent(ConsentPurpose::sharing, 0.95, 0.02);
  consent(ConsentPurpose::research, 0.85, 0.08);
}

HouseholdRecords HouseholdBuilder::build(int rank, const std::optional<PersonId>& main_member_id,
                                         const std::vector<std::pair<PersonId, Date>>& peer_workers,
                                         const std::optional<Date>& peer_switch) {
  Household& household = records_.household;
  household.id = HouseholdId(ids_.next());
  HouseholdFields& fields = household.fields;
  fields.kind = spec_.household_kind;
  if (spec_.target_group == TargetGroup::severe_loneliness ||
      spec_.target_group == TargetGroup::formerly_homeless) {
    fields.kind = HouseholdKind::person;
  }
  fields.target_group = spec_.target_group;
  fields.buurt_code = random_buurt_of(random_, spec_);
  fields.status = schedule_.status;
  fields.practices = {generator_.base().practices[static_cast<std::size_t>(practice_)].id};
  records_.closed_on = schedule_.end;
  members(rank, main_member_id, peer_switch);
  team(rank);
  network(rank, peer_workers);
  agreements();
  acts();
  assessments();
  consents();
  return std::move(records_);
}

Schedule schedule_of(std::uint64_t seed, int index, int rank, const Date& first_day,
                     const Date& today, bool peer) {
  DemoRandom random = DemoRandom::fork(seed, household_stream(index, kSchedulePart));
  Schedule schedule;
  // Most households were already supported when the history starts; the
  // rest arrive evenly over the two years.
  const bool established = rank == 0 || peer || random.chance(0.6);
  schedule.start = established ? add_days(first_day, -random.between(0, 365))
                               : add_days(first_day, random.between(0, 700));
  if (rank == 0) schedule.start = first_day;
  const int days_left = days_between(schedule.start, today);
  if (days_left < 60) {
    schedule.status = HouseholdStatus::intake;
    return schedule;
  }
  if (rank == 0 || peer) return schedule;
  const double roll = random.unit();
  const Date earliest_end = std::max(add_days(schedule.start, 120), add_days(first_day, 30));
  if (roll < 0.12 && earliest_end < today) {
    schedule.status = HouseholdStatus::closed;
    schedule.end = add_days(earliest_end, random.between(0, days_between(earliest_end, today)));
  } else if (roll < 0.24) {
    schedule.status = HouseholdStatus::aftercare;
  }
  return schedule;
}

}  // namespace

std::optional<std::pair<PersonId, Date>> Generator::peer_worker(int index) const {
  if (practice_of_[index] != kFormerlyHomeless ||
      number_in_practice_[index] % kPeerEvery != kPeerRank) {
    return std::nullopt;
  }
  DemoRandom random = DemoRandom::fork(options_.seed, household_stream(index, kPeerPart));
  PersonId person(OrderedIds::make(block_of(index), 0, random));
  const Date since = add_days(first_day_, random.between(200, 500));
  if (since > add_days(options_.today, -30)) return std::nullopt;
  return std::pair{std::move(person), since};
}

HouseholdRecords Generator::household(int index) const {
  assert(index >= 0 && index < options_.households);
  const int rank = number_in_practice_[index];
  const std::optional<std::pair<PersonId, Date>> peer = peer_worker(index);
  const Schedule schedule =
      schedule_of(options_.seed, index, rank, first_day_, options_.today, peer.has_value());
  // Peer workers of the same practice who started before this household:
  // each newer resident of the same cohort knows a few of them, not all.
  std::vector<std::pair<PersonId, Date>> peer_workers;
  if (practice_of_[index] == kFormerlyHomeless) {
    const auto before = [](const PeerWorker& peer, int number) { return peer.index < number; };
    const int cohort_start = index - index % std::max(1, options_.cohort);
    const auto first = std::lower_bound(peers_.begin(), peers_.end(), cohort_start, before);
    const auto known = std::lower_bound(first, peers_.end(), index, before);
    const auto offset = static_cast<std::size_t>(first - peers_.begin());
    const auto count = static_cast<std::size_t>(known - first);
    DemoRandom random = DemoRandom::fork(options_.seed, household_stream(index, kPeerChoicePart));
    std::vector<std::size_t> chosen;
    while (chosen.size() < std::min<std::size_t>(count, 3)) {
      const auto which = static_cast<std::size_t>(count <= 3 ? chosen.size() : random.below(count));
      if (std::find(chosen.begin(), chosen.end(), which) == chosen.end()) chosen.push_back(which);
    }
    for (std::size_t which : chosen) {
      peer_workers.emplace_back(peers_[offset + which].person, peers_[offset + which].since);
    }
  }
  HouseholdBuilder builder(*this, options_, index, schedule);
  return builder.build(rank, peer ? std::optional<PersonId>(peer->first) : std::nullopt,
                       peer_workers, peer ? std::optional<Date>(peer->second) : std::nullopt);
}

// ---------------------------------------------------------------------------
// Validation: core's checks, as the API runs them, and the API's limits.

namespace {

void add_problems(std::vector<InvalidParam>& into, const std::string& where,
                  std::vector<InvalidParam> found) {
  for (InvalidParam& problem : found) into.push_back({where + "." + problem.name, problem.reason});
}

void check_person(const Person& person, const Date& today, std::vector<InvalidParam>& problems) {
  const PersonFields& fields = person.fields;
  std::vector<InvalidParam> found = check(fields, static_cast<int>(today.year()));
  if (fields.display_name.empty() || fields.display_name.size() > PersonFields::kMaxNameLength)
    found.push_back({"displayName", "empty or too long"});
  if (fields.birth_year && *fields.birth_year < PersonFields::kEarliestBirthYear)
    found.push_back({"birthYear", "too early"});
  if (fields.languages.size() > PersonFields::kMaxListItems ||
      fields.skills.size() > PersonFields::kMaxListItems)
    found.push_back({"languages", "too many languages or skills"});
  if (!is_uuid(person.id.str())) found.push_back({"id", "not a UUID"});
  if (!found.empty()) add_problems(problems, "person " + person.id.str(), std::move(found));
}

}  // namespace

std::vector<InvalidParam> check(const Base& base, const Date& today) {
  std::vector<InvalidParam> problems;
  for (const Organisation& organisation : base.organisations) {
    if (organisation.fields.name.size() > OrganisationFields::kMaxNameLength)
      problems.push_back({"organisation " + organisation.id.str() + ".name", "too long"});
  }
  for (const Practice& practice : base.practices) {
    const std::string where = "practice " + practice.id.str();
    add_problems(problems, where, check(practice.fields));
    if (practice.fields.target_groups.empty())
      problems.push_back({where + ".targetGroups", "must name one"});
    if (practice.fields.buurt_codes.size() > PracticeFields::kMaxBuurtCodes)
      problems.push_back({where + ".buurtCodes", "too many"});
  }
  for (const Person& person : base.staff) check_person(person, today, problems);
  return problems;
}

std::vector<InvalidParam> check(const HouseholdRecords& records, const Date& today) {
  std::vector<InvalidParam> problems;
  const Household& household = records.household;
  const std::string where = "household " + household.id.str();
  add_problems(problems, where, check(household.fields));
  if (household.fields.practices.empty()) problems.push_back({where + ".practiceIds", "empty"});
  if (household.fields.members.size() > HouseholdFields::kMaxMembers ||
      household.fields.team.size() > HouseholdFields::kMaxTeam)
    problems.push_back({where, "too many members or team"});
  if (household.fields.name.empty() ||
      household.fields.name.size() > HouseholdFields::kMaxNameLength)
    problems.push_back({where + ".name", "empty or too long"});
  for (const Person& person : records.persons) check_person(person, today, problems);
  // Names are built only for a record with a problem: this runs for every
  // one of millions of records.
  const auto report = [&](std::string_view kind, const std::string& id,
                          std::vector<InvalidParam> found) {
    if (!found.empty()) add_problems(problems, std::string(kind) + " " + id, std::move(found));
  };
  for (const Tie& tie : records.ties) {
    std::vector<InvalidParam> found = check(tie.fields);
    if (tie.fields.closeness < TieFields::kClosest || tie.fields.closeness > TieFields::kFarthest)
      found.push_back({"closeness", "out of range"});
    if (tie.fields.period.from > today) found.push_back({"from", "in the future"});
    report("tie", tie.id.str(), std::move(found));
  }
  const std::string last_day = format_date(today);
  for (const PlannedAgreement& planned : records.agreements) {
    std::vector<InvalidParam> found;
    for (const AgreementVersion& version : planned.history) {
      const AgreementFields& fields = version.fields;
      if (fields.goal.empty() || fields.goal.size() > AgreementFields::kMaxGoalLength ||
          fields.action.empty() || fields.action.size() > AgreementFields::kMaxTextLength ||
          (fields.why && fields.why->size() > AgreementFields::kMaxTextLength))
        found.push_back({"goal", "a text is empty or too long"});
      if (version.changed_at.compare(0, 10, last_day) > 0)
        found.push_back({"changedAt", "in the future"});
    }
    report("agreement", planned.agreement.id.str(), std::move(found));
  }
  for (const SupportAct& act : records.acts) {
    std::vector<InvalidParam> found = check(act.fields, today);
    const SupportActFields& fields = act.fields;
    if (fields.duration_minutes &&
        (*fields.duration_minutes < 1 ||
         *fields.duration_minutes > SupportActFields::kMaxDurationMinutes))
      found.push_back({"durationMinutes", "out of range"});
    if (fields.note && fields.note->size() > SupportActFields::kMaxNoteLength)
      found.push_back({"note", "too long"});
    if (fields.others_involved.size() > SupportActFields::kMaxOthersInvolved)
      found.push_back({"othersInvolvedIds", "too many"});
    report("supportAct", act.id.str(), std::move(found));
  }
  for (const Assessment& assessment : records.assessments) {
    std::vector<InvalidParam> found = check(assessment.fields, today);
    for (const DomainScore& score : assessment.fields.scores) {
      if (score.score < DomainScore::kLowest || score.score > DomainScore::kHighest)
        found.push_back({"scores", "out of range"});
    }
    report("assessment", assessment.id.str(), std::move(found));
  }
  for (const Consent& consent : records.consents) {
    report("consent", consent.id.str(), check(consent.fields, today));
  }
  return problems;
}

}  // namespace dichtbij::demo
