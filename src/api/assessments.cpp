#include "api/assessments.hpp"

#include "api/crud_routes.hpp"
#include "api/today.hpp"
#include "core/assessment.hpp"
#include "store/assessment_repository.hpp"
#include "store/household_repository.hpp"

namespace dichtbij::api {

namespace {

void read_score(FieldReader& reader, DomainScore& score) {
  reader.enumeration("domain", score.domain, "The ZRM domain.");
  reader.integer("score", score.score, DomainScore::kLowest, DomainScore::kHighest,
                 "1 acute problematiek … 5 volledig zelfredzaam (labels: enumeration zrmScore).");
  reader.optional_enumeration("carriedBy", score.carried_by,
                              "Who carries the domain: the person, the network or professionals.");
}

struct AssessmentSpec {
  using Fields = AssessmentFields;
  using Record = Assessment;
  using Repository = store::AssessmentRepository;
  using Query = AssessmentFilter;
  using Scope = HouseholdId;
  static constexpr std::string_view kScopeParameter = "householdId";
  static constexpr std::string_view kScopeName = "household";
  static constexpr std::string_view kCollection = "/api/v1/households/:householdId/assessments";
  static constexpr access::Resource kResource = access::Resource::assessment;
  static constexpr OperationNames kNames{"Assessments", "Assessment", "AssessmentInput",
                                         "assessment"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription =
      "A Zelfredzaamheid-Matrix (ZRM 2017) profile of one person on one day.";

  static bool scope_exists(store::Transaction& transaction, const Scope& household) {
    return store::HouseholdRepository(transaction).exists(household);
  }
  static Repository repository(store::Transaction& transaction, const Scope& household) {
    return Repository(transaction, household);
  }

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.date("date", fields.date, "The day of the assessment.");
    reader.id("personId", fields.person, "Who was assessed.");
    reader.optional_id("assessorId", fields.assessor, "Who assessed.");
    reader.object_list("scores", fields.scores, 13,
                       "Only the domains relevant to the request; each at most once.", &read_score);
    reader.optional_text("note", fields.note, Fields::kMaxNoteLength, "A note.");
  }

  static std::vector<InvalidParam> check(const Fields& fields) {
    return dichtbij::check(fields, today());
  }

  static nlohmann::json to_json(const Record& assessment) {
    const Fields& fields = assessment.fields;
    nlohmann::json json{{"id", assessment.id.str()},
                        {"date", format_date(fields.date)},
                        {"personId", fields.person.str()},
                        {"scores", nlohmann::json::array()}};
    if (fields.assessor) json["assessorId"] = fields.assessor->str();
    if (fields.note) json["note"] = *fields.note;
    for (const DomainScore& score : fields.scores) {
      nlohmann::json item{{"domain", to_code(score.domain)}, {"score", score.score}};
      if (score.carried_by) item["carriedBy"] = to_code(*score.carried_by);
      json["scores"].push_back(std::move(item));
    }
    return json;
  }

  static Query read_query(QueryReader& query) {
    Query filter;
    filter.person = query.id<PersonTag>("personId", "Only assessments of this person.");
    filter.from = query.date("fromDate", "Only assessments on or after this day.");
    filter.to = query.date("toDate", "Only assessments on or before this day.");
    return filter;
  }

  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

}  // namespace

void add_assessment_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<AssessmentSpec>::add(registry, database);
  registry.tags.push_back(
      {{"name", AssessmentSpec::kNames.tag}, {"description", "ZRM self-reliance assessments."}});
}

}  // namespace dichtbij::api
