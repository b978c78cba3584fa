#include "api/help_requests.hpp"

#include <cmath>

#include "api/crud_routes.hpp"
#include "core/help_request.hpp"
#include "store/help_request_repository.hpp"
#include "store/volunteer_profile_repository.hpp"

namespace dichtbij::api {

namespace {

constexpr std::string_view kTimesDescription =
    "Parts of the week as day-part codes: mon … sun, then morning, afternoon or evening, e.g. "
    "\"tue-evening\".";

// Weekly times arrive as a list of slot codes; each unknown code is an error
// naming its place in the list.
void read_times(FieldReader& reader, std::string_view name, WeeklyTimes& out,
                std::string_view description) {
  std::vector<std::string> codes;
  reader.text_list(name, codes, WeeklyTimes::kSlots, 16, description);
  out = WeeklyTimes();
  for (std::size_t i = 0; i != codes.size(); ++i) {
    if (std::optional<int> slot = WeeklyTimes::parse_slot(codes[i])) {
      out.add(*slot);
    } else {
      reader.add_error(std::string(name) + "[" + std::to_string(i) + "]",
                       "must be a day and a part, e.g. mon-morning or sat-evening");
    }
  }
}

std::vector<std::string> kind_codes(const std::vector<HelpKind>& kinds) {
  std::vector<std::string> codes;
  for (HelpKind kind : kinds) codes.emplace_back(to_code(kind));
  return codes;
}

struct HelpRequestSpec {
  using Fields = HelpRequestFields;
  using Record = HelpRequest;
  using Repository = store::HelpRequestRepository;
  using Query = HelpRequestFilter;
  static constexpr std::string_view kCollection = "/api/v1/help-requests";
  static constexpr access::Resource kResource = access::Resource::help_request;
  static constexpr OperationNames kNames{"Matching", "HelpRequest", "HelpRequestInput",
                                         "help request"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription =
      "A household's request for help (hulpvraag), which matching pairs with a volunteer.";
  static std::optional<HouseholdId> household_of(const Record& record) {
    return record.fields.household;
  }
  static HouseholdId household_of(const Fields& fields) { return fields.household; }

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.id("householdId", fields.household, "The household that asks.");
    reader.id("practiceId", fields.practice,
              "The practice whose coordinator matches it; the household must be of it.");
    reader.enumeration("kind", fields.kind, "What kind of help.");
    reader.text("description", fields.description, Fields::kMaxDescriptionLength,
                "What the help is, in a few sentences a volunteer can read.");
    reader.text("buurtCode", fields.buurt_code, 10, "CBS buurt code where the help is needed.");
    reader.text_list("languages", fields.languages, Fields::kMaxListItems, Fields::kMaxItemLength,
                     "Languages the household speaks; a helper must share one.");
    reader.text_list("interests", fields.interests, Fields::kMaxListItems, Fields::kMaxItemLength,
                     "What the household enjoys: shared interests count in matching.");
    read_times(reader, "wishedTimes", fields.wished_times,
               "When the help is wished. " + std::string(kTimesDescription));
    reader.enumeration("urgency", fields.urgency, "How soon help is needed.");
    reader.enumeration("status", fields.status, "Where the request stands.");
    reader.optional_id("requestedById", fields.requested_by,
                       "Who asked: a member, a professional or a coordinator.");
  }
  static std::vector<InvalidParam> check(const Fields& fields) { return dichtbij::check(fields); }
  static nlohmann::json to_json(const Record& request) {
    const Fields& fields = request.fields;
    nlohmann::json json{{"id", request.id.str()},
                        {"householdId", fields.household.str()},
                        {"practiceId", fields.practice.str()},
                        {"kind", to_code(fields.kind)},
                        {"description", fields.description},
                        {"buurtCode", fields.buurt_code},
                        {"languages", fields.languages},
                        {"interests", fields.interests},
                        {"wishedTimes", fields.wished_times.codes()},
                        {"urgency", to_code(fields.urgency)},
                        {"status", to_code(fields.status)}};
    if (fields.requested_by) json["requestedById"] = fields.requested_by->str();
    return json;
  }
  static Query read_query(QueryReader& query) {
    Query filter;
    filter.practice = query.id<PracticeTag>("practiceId", "Only requests of this practice.");
    filter.household = query.id<HouseholdTag>("householdId", "Only requests of this household.");
    filter.status =
        query.enumeration<HelpRequestStatus>("status", "Only requests with this status.");
    filter.kind = query.enumeration<HelpKind>("kind", "Only requests of this kind of help.");
    return filter;
  }
  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

struct VolunteerProfileSpec {
  using Fields = VolunteerProfileFields;
  using Record = VolunteerProfile;
  using Repository = store::VolunteerProfileRepository;
  using Query = VolunteerProfileFilter;
  static constexpr std::string_view kCollection = "/api/v1/volunteer-profiles";
  static constexpr access::Resource kResource = access::Resource::volunteer_profile;
  static constexpr OperationNames kNames{"Matching", "VolunteerProfile", "VolunteerProfileInput",
                                         "volunteer profile"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription =
      "What a volunteer offers a practice: kinds of help, languages, where and when, how many "
      "matches at once. A coordinator keeps the profiles of their own practice; a volunteer "
      "reads and updates their own (a list without filters gives them theirs) but keeps its "
      "person and practice. Every access is in the audit log.";

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.id("personId", fields.person, "The volunteer.");
    reader.id("practiceId", fields.practice, "The practice they volunteer for.");
    reader.enumeration_list("kinds", fields.kinds, 1, "The kinds of help they offer.");
    reader.enumeration_list("preferredKinds", fields.preferred_kinds, 0,
                            "Of those, the kinds they like best.");
    reader.text_list("languages", fields.languages, Fields::kMaxListItems, Fields::kMaxItemLength,
                     "Languages they speak.");
    reader.text_list("interests", fields.interests, Fields::kMaxListItems, Fields::kMaxItemLength,
                     "Skills and interests.");
    reader.text("homeBuurtCode", fields.home_buurt_code, 10, "CBS buurt code where they live.");
    int metres = static_cast<int>(std::lround(fields.max_distance_km * 1000));
    reader.integer("maxDistanceMetres", metres, 0, 50000,
                   "How far from home they will go, in metres (straight line).");
    fields.max_distance_km = metres / 1000.0;
    read_times(reader, "availability", fields.availability,
               "When they are free, each week. " + std::string(kTimesDescription));
    reader.integer("capacity", fields.capacity, 1, Fields::kMaxCapacity,
                   "How many matches they take on at once.");
    reader.id_list("excludedHouseholdIds", fields.excluded_households, 50,
                   "Households never to match them with (e.g. their own neighbours).");
    reader.boolean("available", fields.available, "False pauses the profile: not matched.");
  }
  static std::vector<InvalidParam> check(const Fields& fields) { return dichtbij::check(fields); }
  static nlohmann::json to_json(const Record& profile) {
    const Fields& fields = profile.fields;
    std::vector<std::string> excluded;
    for (const HouseholdId& household : fields.excluded_households) {
      excluded.push_back(household.str());
    }
    return {{"id", profile.id.str()},
            {"personId", fields.person.str()},
            {"practiceId", fields.practice.str()},
            {"kinds", kind_codes(fields.kinds)},
            {"preferredKinds", kind_codes(fields.preferred_kinds)},
            {"languages", fields.languages},
            {"interests", fields.interests},
            {"homeBuurtCode", fields.home_buurt_code},
            {"maxDistanceMetres", std::lround(fields.max_distance_km * 1000)},
            {"availability", fields.availability.codes()},
            {"capacity", fields.capacity},
            {"excludedHouseholdIds", excluded},
            {"available", fields.available}};
  }
  static Query read_query(QueryReader& query) {
    Query filter;
    filter.practice = query.id<PracticeTag>("practiceId", "Only profiles for this practice.");
    filter.person = query.id<PersonTag>("personId", "Only this volunteer's profiles.");
    return filter;
  }
  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
  // Whose profiles: the coordinators of its practice, and the volunteer
  // themselves (access/policy.hpp).
  static Result<void> may(const Actor& actor, access::Operation operation, const Fields& fields) {
    return access::may_access_volunteer_profile(actor, operation, fields);
  }
  static Result<void> may_change(const Actor& actor, const Fields& before, const Fields& after) {
    return access::may_change_volunteer_profile(actor, before, after);
  }
  static std::optional<Query> visible(const Actor& actor, Query query) {
    return access::volunteer_profiles_visible(actor, std::move(query));
  }
};

}  // namespace

void add_help_request_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<HelpRequestSpec>::add(registry, database);
  CrudRoutes<VolunteerProfileSpec>::add(registry, database);
}

}  // namespace dichtbij::api
