#include "api/practice_reports.hpp"

#include <algorithm>
#include <map>

#include "access/consent.hpp"
#include "analysis/household_analysis.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/research_analyses.hpp"
#include "api/research_scope.hpp"
#include "api/today.hpp"
#include "research/code_analyses.hpp"
#include "research/practice_report.hpp"
#include "research/practice_report_pdf.hpp"
#include "store/analysis_query.hpp"
#include "store/codebook_repository.hpp"
#include "store/finding_repository.hpp"
#include "store/framework_matrix_repository.hpp"
#include "store/household_acts_query.hpp"
#include "store/practice_repository.hpp"
#include "store/research_project_repository.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::api {

namespace {

using access::Operation;
using access::Resource;
using research::PracticeReport;

// The longest period a report covers: its charts have a bar per month.
constexpr int kMaxPeriodDays = 5 * 366;
// The codes shown per practice when the practices stand side by side.
constexpr std::size_t kSideBySideCodes = 5;

struct ReportQuery {
  PracticeId practice;
  Date from;
  Date to;
};

QueryReader& describe_period(QueryReader& query, std::optional<Date>& from,
                             std::optional<Date>& to) {
  from = query.date("from", "First day of the period (inclusive); default a year before to.");
  to = query.date("to", "Last day of the period (inclusive); default today.");
  return query;
}

// The period of the request's from and to, and the practice of its path
// when with_practice.
Result<ReportQuery> read_query(const Request& request, bool with_practice = true) {
  ReportQuery read;
  if (with_practice) {
    Result<PracticeId> practice = research_path_id<PracticeTag>(request, "practiceId", "practice");
    if (!practice.ok()) return std::move(practice).error();
    read.practice = *practice;
  }
  QueryReader query(request);
  std::optional<Date> from, to;
  describe_period(query, from, to);
  if (Result<void> checked = query.finish(); !checked.ok()) return std::move(checked).error();
  read.to = to.value_or(today());
  read.from = from.value_or(Date{std::chrono::sys_days(read.to) - std::chrono::days(364)});
  const auto days = (std::chrono::sys_days(read.to) - std::chrono::sys_days(read.from)).count();
  if (days < 0 || days > kMaxPeriodDays) {
    Error error = make_error(ErrorCode::invalid_input, "the period is not one a report covers");
    error.invalid_params.push_back(
        {"from", days < 0 ? "must be on or before to" : "must be at most five years before to"});
    return error;
  }
  return read;
}

// Who set the acts in motion and how helpers worked together, per practice
// and month of the period (months without acts included, so the charts
// have no gaps); of scope.practice only when it is set.
Result<std::map<PracticeId, std::vector<research::ReportMonth>>> read_months(
    store::Transaction& transaction, const store::AnalysisScope& scope,
    const std::vector<PracticeId>& practices) {
  Result<std::vector<store::MobilisationCount>> mobilised =
      store::mobilisation_counts(transaction, scope);
  if (!mobilised.ok()) return std::move(mobilised).error();
  Result<std::vector<store::CollaborationCount>> collaborated =
      store::collaboration_counts(transaction, scope);
  if (!collaborated.ok()) return std::move(collaborated).error();
  std::map<PracticeId, std::map<std::string, research::ReportMonth>> months;
  for (const PracticeId& practice : practices) {
    for (const std::string& month : research::months_between(scope.from, scope.to)) {
      months[practice][month].month = month;
    }
  }
  for (const store::MobilisationCount& count : *mobilised) {
    if (!months.contains(count.practice)) continue;
    research::ReportMonth& month = months[count.practice][count.month];
    month.month = count.month;
    month.acts += count.acts;
    switch (count.mobilised_by) {
      case MobilisedBy::self: month.self += count.acts; break;
      case MobilisedBy::network: month.network += count.acts; break;
      case MobilisedBy::professional: month.professional += count.acts; break;
    }
  }
  for (const store::CollaborationCount& count : *collaborated) {
    if (!months.contains(count.practice)) continue;
    research::ReportMonth& month = months[count.practice][count.month];
    month.month = count.month;
    month.joint_acts += count.joint_acts;
    month.activations += count.activations;
    month.handovers += count.handovers;
  }
  std::map<PracticeId, std::vector<research::ReportMonth>> ordered;
  for (auto& [practice, by_month] : months) {
    for (auto& [name, month] : by_month) ordered[practice].push_back(std::move(month));
  }
  return ordered;
}

// The households of practice whose research consent is in force
// (consenting: sorted).
Result<std::vector<HouseholdId>> consenting_households(store::Transaction& transaction,
                                                       const PracticeId& practice,
                                                       const std::vector<HouseholdId>& consenting) {
  Result<std::vector<HouseholdId>> households = store::household_ids(transaction, practice);
  if (!households.ok()) return households;
  std::erase_if(*households, [&](const HouseholdId& id) {
    return !std::binary_search(consenting.begin(), consenting.end(), id);
  });
  return households;
}

// The carrying capacity of each of households on day, added up.
Result<research::ReportCapacityDay> read_capacity(store::Transaction& transaction,
                                                  const std::vector<HouseholdId>& households,
                                                  const Date& day) {
  research::ReportCapacityDay capacity;
  capacity.on = day;
  for (std::size_t t = 0; t != capacity.per_type.size(); ++t) {
    capacity.per_type[t].support_type = static_cast<SupportType>(t);
  }
  for (const HouseholdId& household : households) {
    Result<analysis::HouseholdAnalysis> analysed =
        analysis::analyse_household(transaction, household, day);
    if (!analysed.ok()) return std::move(analysed).error();
    ++capacity.households;
    for (std::size_t t = 0; t != capacity.per_type.size(); ++t) {
      capacity.per_type[t].covered += analysed->capacity.per_type[t].coverage ? 1 : 0;
      capacity.per_type[t].redundant += analysed->capacity.per_type[t].redundancy ? 1 : 0;
    }
  }
  return capacity;
}

// Per practice, its notes in the analyses (consented) and its most
// frequent codes there: on most notes first, then most codings, then name.
struct PracticeCodes {
  long long notes = 0;
  std::vector<research::ReportCode> codes;
};

struct CodesByPractice {
  int codebook_version = 0;
  std::map<std::string, PracticeCodes> practices;  // by practice id
};

Result<CodesByPractice> read_codes(store::Transaction& transaction,
                                   const ResearchProjectId& project, std::size_t top) {
  Result<CodingCorpus> corpus = consented_corpus(transaction, project, false);
  if (!corpus.ok()) return std::move(corpus).error();
  const research::CodeMatrix matrix =
      research::code_matrix(*corpus, research::MatrixColumns::practice);
  CodesByPractice read;
  read.codebook_version = matrix.codebook_version;
  for (std::size_t i = 0; i != matrix.columns.size(); ++i) {
    read.practices[matrix.columns[i]].notes = matrix.column_notes[i];
  }
  Result<std::vector<Code>> codes = store::CodebookRepository(transaction, project).all();
  if (!codes.ok()) return std::move(codes).error();
  std::map<std::string, const Code*> by_id;
  for (const Code& code : *codes) by_id.emplace(code.id.str(), &code);
  for (const research::MatrixCell& cell : matrix.cells) {
    const auto code = by_id.find(cell.code);
    if (code == by_id.end()) continue;
    read.practices[cell.column].codes.push_back({code->second->id, code->second->fields.name,
                                                 code->second->fields.colour, cell.codings,
                                                 cell.notes, cell.share});
  }
  for (auto& [practice, codes_of] : read.practices) {
    std::sort(codes_of.codes.begin(), codes_of.codes.end(),
              [](const research::ReportCode& a, const research::ReportCode& b) {
                return std::tie(b.notes, b.codings, a.name) < std::tie(a.notes, a.codings, b.name);
              });
    if (codes_of.codes.size() > top) codes_of.codes.resize(top);
  }
  return read;
}

// The practice's row of every framework matrix of the project whose rows
// are practices (a household matrix has no row of a practice). Fragments of
// notes outside consent are not counted, as the matrix leaves them out.
Result<void> read_framework(store::Transaction& transaction, PracticeReport& report,
                            const std::vector<HouseholdId>& consented) {
  store::FrameworkMatrixRepository matrices(transaction, report.project);
  Result<std::vector<FrameworkMatrix>> all = matrices.all();
  if (!all.ok()) return std::move(all).error();
  for (const FrameworkMatrix& matrix : *all) {
    if (matrix.case_kind != FrameworkCaseKind::practice) continue;
    Result<FrameworkTable> table = matrices.table(matrix.id, consented);
    if (!table.ok()) return std::move(table).error();
    research::ReportFrameworkRow row{matrix.id, matrix.fields.name, {}};
    for (const FrameworkTheme& theme : table->themes) {
      research::ReportFrameworkCell cell{theme.code, theme.name, "", 0};
      for (const FrameworkCell& written : table->cells) {
        if (written.row == FrameworkCaseId(report.practice) && written.theme == theme.code) {
          cell.summary = written.fields.summary;
          cell.fragments = written.fragments.size();
        }
      }
      row.cells.push_back(std::move(cell));
    }
    report.framework.push_back(std::move(row));
  }
  return {};
}

// Where the findings published to the practice's stakeholders stand.
Result<void> read_findings(store::Transaction& transaction, PracticeReport& report,
                           const std::vector<HouseholdId>& consented) {
  store::FindingRepository findings(transaction);
  Result<std::vector<AccountId>> stakeholders =
      findings.stakeholders(report.project, report.practice);
  if (!stakeholders.ok()) return std::move(stakeholders).error();
  Result<std::vector<Finding>> all = findings.of_project(report.project, consented);
  if (!all.ok()) return std::move(all).error();
  for (const Finding& finding : *all) {
    if (finding.practice != report.practice) continue;
    report.findings.push_back({finding.id, finding.current().title, finding.version,
                               finding.current().published_at,
                               tally(finding.answers, finding.version, *stakeholders)});
  }
  return {};
}

Result<PracticeReport> read_report(store::Transaction& transaction, const ResearchCall& call,
                                   const ReportQuery& query) {
  Result<ResearchProject> project = store::ResearchProjectRepository(transaction).get(call.project);
  if (!project.ok()) return std::move(project).error();
  const std::vector<PracticeId>& practices = project->fields.practices;
  if (std::find(practices.begin(), practices.end(), query.practice) == practices.end()) {
    return make_error(ErrorCode::not_found,
                      "the project does not study practice " + query.practice.str());
  }
  Result<Practice> practice = store::PracticeRepository(transaction).get(query.practice);
  if (!practice.ok()) return std::move(practice).error();

  PracticeReport report;
  report.project = call.project;
  report.project_name = project->fields.name;
  report.practice = query.practice;
  report.practice_name = practice->fields.name;
  report.from = query.from;
  report.to = query.to;
  report.made_at = store::utc_now_text();

  const Date consent_day = today();
  const store::AnalysisScope scope{query.from, query.to, query.practice, consent_day};
  Result<std::map<PracticeId, std::vector<research::ReportMonth>>> months =
      read_months(transaction, scope, {query.practice});
  if (!months.ok()) return std::move(months).error();
  report.months = std::move((*months)[query.practice]);

  Result<std::vector<HouseholdId>> consenting =
      access::research_households(transaction, consent_day);
  if (!consenting.ok()) return std::move(consenting).error();
  Result<std::vector<HouseholdId>> households =
      consenting_households(transaction, query.practice, *consenting);
  if (!households.ok()) return std::move(households).error();
  Result<research::ReportCapacityDay> start = read_capacity(transaction, *households, query.from);
  if (!start.ok()) return std::move(start).error();
  report.capacity_start = std::move(*start);
  Result<research::ReportCapacityDay> end = read_capacity(transaction, *households, query.to);
  if (!end.ok()) return std::move(end).error();
  report.capacity_end = std::move(*end);

  Result<CodesByPractice> codes = read_codes(transaction, call.project, PracticeReport::kTopCodes);
  if (!codes.ok()) return std::move(codes).error();
  report.codebook_version = codes->codebook_version;
  report.notes = codes->practices[query.practice.str()].notes;
  report.codes = std::move(codes->practices[query.practice.str()].codes);
  if (Result<void> read = read_framework(transaction, report, *consenting); !read.ok()) {
    return read.error();
  }
  if (Result<void> read = read_findings(transaction, report, *consenting); !read.ok()) {
    return read.error();
  }
  return report;
}

nlohmann::json share_of(long long part, long long whole) {
  return whole == 0 ? nlohmann::json(nullptr)
                    : nlohmann::json(static_cast<double>(part) / static_cast<double>(whole));
}

nlohmann::json month_json(const research::ReportMonth& month) {
  nlohmann::json json{{"acts", month.acts},
                      {"self", month.self},
                      {"network", month.network},
                      {"professional", month.professional},
                      {"selfShare", share_of(month.self, month.acts)},
                      {"networkShare", share_of(month.network, month.acts)},
                      {"professionalShare", share_of(month.professional, month.acts)},
                      {"jointActs", month.joint_acts},
                      {"jointShare", share_of(month.joint_acts, month.acts)},
                      {"activations", month.activations},
                      {"activationShare", share_of(month.activations, month.acts)},
                      {"handovers", month.handovers}};
  if (!month.month.empty()) json["month"] = month.month;
  return json;
}

nlohmann::json capacity_json(const research::ReportCapacityDay& day) {
  nlohmann::json types = nlohmann::json::array();
  for (const research::ReportCapacity& type : day.per_type) {
    types.push_back({{"supportType", to_code(type.support_type)},
                     {"covered", type.covered},
                     {"coveredShare", share_of(type.covered, day.households)},
                     {"redundant", type.redundant},
                     {"redundantShare", share_of(type.redundant, day.households)}});
  }
  return {{"date", format_date(day.on)},
          {"households", day.households},
          {"bySupportType", std::move(types)}};
}

// The period a report or a comparison covers: always consenting households.
nlohmann::json period_json(const Date& from, const Date& to) {
  return {{"from", format_date(from)}, {"to", format_date(to)}, {"consentingHouseholdsOnly", true}};
}

nlohmann::json codes_json(const std::vector<research::ReportCode>& codes) {
  nlohmann::json json = nlohmann::json::array();
  for (const research::ReportCode& code : codes) {
    json.push_back({{"codeId", code.code.str()},
                    {"name", code.name},
                    {"colour", code.colour},
                    {"codings", code.codings},
                    {"notes", code.notes},
                    {"share", code.share}});
  }
  return json;
}

nlohmann::json report_json(const PracticeReport& report) {
  nlohmann::json months = nlohmann::json::array();
  for (const research::ReportMonth& month : report.months) months.push_back(month_json(month));
  nlohmann::json codes = codes_json(report.codes);
  nlohmann::json framework = nlohmann::json::array();
  for (const research::ReportFrameworkRow& row : report.framework) {
    nlohmann::json cells = nlohmann::json::array();
    for (const research::ReportFrameworkCell& cell : row.cells) {
      cells.push_back({{"codeId", cell.theme.str()},
                       {"theme", cell.theme_name},
                       {"summary", cell.summary},
                       {"fragments", cell.fragments}});
    }
    framework.push_back(
        {{"matrixId", row.matrix.str()}, {"name", row.name}, {"cells", std::move(cells)}});
  }
  nlohmann::json findings = nlohmann::json::array();
  for (const research::ReportFinding& finding : report.findings) {
    findings.push_back({{"findingId", finding.id.str()},
                        {"title", finding.title},
                        {"version", finding.version},
                        {"publishedAt", finding.published_at},
                        {"agree", finding.answers.agree},
                        {"partly", finding.answers.partly},
                        {"disagree", finding.answers.disagree},
                        {"open", finding.answers.open}});
  }
  return {{"projectId", report.project.str()},
          {"projectName", report.project_name},
          {"practiceId", report.practice.str()},
          {"practiceName", report.practice_name},
          {"period", period_json(report.from, report.to)},
          {"madeAt", report.made_at},
          {"months", std::move(months)},
          {"total", month_json(research::report_total(report.months))},
          {"capacity",
           {{"start", capacity_json(report.capacity_start)},
            {"end", capacity_json(report.capacity_end)}}},
          {"codebookVersion", report.codebook_version},
          {"notes", report.notes},
          {"codes", std::move(codes)},
          {"framework", std::move(framework)},
          {"findings", std::move(findings)}};
}

// The report as JSON, or as a PDF when pdf.
Response practice_report(store::Database& database, const Request& request, bool pdf) {
  Result<ReportQuery> query = read_query(request);
  if (!query.ok()) return problem(query.error(), request.request_id);
  return research_call(
      database, request, Resource::research_analysis, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        call.event.record_id = call.project.str();
        call.event.reason = call.event.reason.value_or("") + " practice=" + query->practice.str() +
                            (pdf ? " format=pdf" : "");
        Result<PracticeReport> report = read_report(transaction, call, *query);
        if (!report.ok()) return std::move(report).error();
        if (!pdf) return Response::json(200, report_json(*report));
        Result<std::string> drawn = research::practice_report_pdf(*report);
        if (!drawn.ok()) return std::move(drawn).error();
        Response response;
        response.body = std::move(*drawn);
        response.headers.emplace_back("Content-Type", "application/pdf");
        response.headers.emplace_back(
            "Content-Disposition",
            "attachment; filename=\"praktijkrapport-" + format_date(report->to) + ".pdf\"");
        return response;
      });
}

// Every practice of the project side by side: the report's key figures
// (acts and who set them in motion, collaboration, carrying capacity at the
// end of the period) beside the practice's notes and most frequent codes.
Response practices_side_by_side(store::Database& database, const Request& request) {
  Result<ReportQuery> query = read_query(request, false);
  if (!query.ok()) return problem(query.error(), request.request_id);
  return research_call(
      database, request, Resource::research_analysis, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        call.event.record_id = call.project.str();
        Result<ResearchProject> project =
            store::ResearchProjectRepository(transaction).get(call.project);
        if (!project.ok()) return std::move(project).error();
        const Date consent_day = today();
        const store::AnalysisScope scope{query->from, query->to, std::nullopt, consent_day};
        Result<std::map<PracticeId, std::vector<research::ReportMonth>>> months =
            read_months(transaction, scope, project->fields.practices);
        if (!months.ok()) return std::move(months).error();
        Result<std::vector<HouseholdId>> consenting =
            access::research_households(transaction, consent_day);
        if (!consenting.ok()) return std::move(consenting).error();
        Result<CodesByPractice> codes = read_codes(transaction, call.project, kSideBySideCodes);
        if (!codes.ok()) return std::move(codes).error();
        nlohmann::json items = nlohmann::json::array();
        for (const PracticeId& id : project->fields.practices) {
          Result<Practice> practice = store::PracticeRepository(transaction).get(id);
          if (!practice.ok()) return std::move(practice).error();
          Result<std::vector<HouseholdId>> households =
              consenting_households(transaction, id, *consenting);
          if (!households.ok()) return std::move(households).error();
          Result<research::ReportCapacityDay> capacity =
              read_capacity(transaction, *households, query->to);
          if (!capacity.ok()) return std::move(capacity).error();
          const PracticeCodes& coded = codes->practices[id.str()];
          items.push_back({{"practiceId", id.str()},
                           {"name", practice->fields.name},
                           {"total", month_json(research::report_total((*months)[id]))},
                           {"capacity", capacity_json(*capacity)},
                           {"notes", coded.notes},
                           {"codes", codes_json(coded.codes)}});
        }
        std::sort(items.begin(), items.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
          return a["name"].get<std::string>() < b["name"].get<std::string>();
        });
        return Response::json(200, {{"period", period_json(query->from, query->to)},
                                    {"codebookVersion", codes->codebook_version},
                                    {"items", std::move(items)}});
      });
}

Response report_as_json(store::Database& database, const Request& request) {
  return practice_report(database, request, false);
}

Response report_as_pdf(store::Database& database, const Request& request) {
  return practice_report(database, request, true);
}

nlohmann::json nullable_share(std::string_view description) {
  return {{"type", {"number", "null"}}, {"format", "double"}, {"description", description}};
}

nlohmann::json object(nlohmann::json properties, std::string_view description = {}) {
  nlohmann::json required = nlohmann::json::array();
  for (const auto& [name, schema] : properties.items()) required.push_back(name);
  nlohmann::json json{
      {"type", "object"}, {"required", std::move(required)}, {"properties", std::move(properties)}};
  if (!description.empty()) json["description"] = description;
  return json;
}

nlohmann::json array_of(nlohmann::json items, std::string_view description) {
  return {{"type", "array"}, {"description", description}, {"items", std::move(items)}};
}

void add_schemas(ApiRegistry& registry) {
  registry.schemas["PracticeReportMonth"] = [] {
    nlohmann::json month =
        object({{"acts", typed("integer", "Support acts.")},
                {"self", typed("integer", "Mobilised by the household itself.")},
                {"network", typed("integer", "Mobilised by its network.")},
                {"professional", typed("integer", "Mobilised by a professional.")},
                {"selfShare", nullable_share("self / acts; null without acts.")},
                {"networkShare", nullable_share("network / acts.")},
                {"professionalShare", nullable_share("professional / acts.")},
                {"jointActs", typed("integer", "Acts of formal and informal people together.")},
                {"jointShare", nullable_share("jointActs / acts.")},
                {"activations", typed("integer", "Mobilised by a professional, given informally.")},
                {"activationShare", nullable_share("activations / acts.")},
                {"handovers", typed("integer", "Agreements handed to an informal helper.")}},
               "Acts of a month (or of the period) by who set them in motion, and collaboration.");
    month["properties"]["month"] = typed("string", "YYYY-MM; absent in the total.");
    return month;
  }();
  registry.schemas["PracticeReportCode"] =
      object({{"codeId", typed("string", "The code.")},
              {"name", typed("string", "Its name.")},
              {"colour", typed("string", "#rrggbb.")},
              {"codings", typed("integer", "Codings in the practice's notes.")},
              {"notes", typed("integer", "The practice's notes with the code.")},
              {"share", typed("number", "notes / the practice's notes.")}},
             "A code as applied to a practice's notes.");
  const nlohmann::json capacity_day = object(
      {{"date", typed("string", "The day analysed (YYYY-MM-DD).")},
       {"households", typed("integer", "Consenting households of the practice analysed.")},
       {"bySupportType",
        array_of(object({{"supportType", typed("string", "The support type.")},
                         {"covered", typed("integer", "Households with an informal provider.")},
                         {"coveredShare", nullable_share("covered / households.")},
                         {"redundant", typed("integer", "Households with two or more.")},
                         {"redundantShare", nullable_share("redundant / households.")}}),
                 "Per support type, in the enumeration's order.")}},
      "Carrying capacity over the 90 days up to a day.");
  const nlohmann::json period =
      object({{"from", typed("string", "First day.")},
              {"to", typed("string", "Last day.")},
              {"consentingHouseholdsOnly", typed("boolean", "Always true.")}});
  registry.schemas["PracticeReport"] = object(
      {{"projectId", typed("string", "The research project.")},
       {"projectName", typed("string", "Its name.")},
       {"practiceId", typed("string", "The practice.")},
       {"practiceName", typed("string", "Its name.")},
       {"period", period},
       {"madeAt", typed("string", "When the report was made (UTC).")},
       {"months", array_of(component_ref("schemas", "PracticeReportMonth"),
                           "Every month of the period, in order.")},
       {"total", component_ref("schemas", "PracticeReportMonth")},
       {"capacity", object({{"start", capacity_day}, {"end", capacity_day}})},
       {"codebookVersion", typed("integer", "The codebook version the codes are from.")},
       {"notes", typed("integer", "The practice's notes in the analyses.")},
       {"codes", array_of(component_ref("schemas", "PracticeReportCode"),
                          "The ten codes on most of the practice's notes.")},
       {"framework",
        array_of(object({{"matrixId", typed("string", "The framework matrix.")},
                         {"name", typed("string", "Its name.")},
                         {"cells", array_of(object({{"codeId", typed("string", "The theme.")},
                                                    {"theme", typed("string", "Its name.")},
                                                    {"summary", typed("string", "May be empty.")},
                                                    {"fragments",
                                                     typed("integer", "Fragments it rests on.")}}),
                                            "One per theme, in the matrix's order.")}}),
                 "The practice's row of each framework matrix.")},
       {"findings",
        array_of(object({{"findingId", typed("string", "The finding.")},
                         {"title", typed("string", "Its current title.")},
                         {"version", typed("integer", "Its current version.")},
                         {"publishedAt", typed("string", "When that version was published.")},
                         {"agree", typed("integer", "Stakeholders who agree.")},
                         {"partly", typed("integer", "Who partly agree.")},
                         {"disagree", typed("integer", "Who disagree.")},
                         {"open", typed("integer", "Who have not answered.")}}),
                 "Findings published to the practice's stakeholders, newest first.")}},
      "The report of one practice of a research project.");
  registry.schemas["PracticeMeasuresBesideCodes"] = object(
      {{"period", period},
       {"codebookVersion", typed("integer", "The codebook version the codes are from.")},
       {"items",
        array_of(object({{"practiceId", typed("string", "The practice.")},
                         {"name", typed("string", "Its name.")},
                         {"total", component_ref("schemas", "PracticeReportMonth")},
                         {"capacity", capacity_day},
                         {"notes", typed("integer", "The practice's notes in the analyses.")},
                         {"codes", array_of(component_ref("schemas", "PracticeReportCode"),
                                            "The five codes on most of its notes.")}}),
                 "One per practice of the project, by name.")}},
      "The practices of a research project: their numbers beside their codes.");
}

std::string report_operation(bool pdf) {
  QueryReader query = QueryReader::describer();
  std::optional<Date> from, to;
  describe_period(query, from, to);
  nlohmann::json parameters = query.parameters();
  parameters.insert(parameters.begin(),
                    uuid_path_parameter("practiceId", "A practice the project studies."));
  const std::string what =
      "Mobilisation and collaboration per month, carrying capacity at the start and end of "
      "the period, the ten most frequent codes, the practice's row of each framework matrix "
      "and where its member checks stand. Counts only households whose research consent is "
      "in force today, and leaves out notes linked to a household without it. 404 when the "
      "project does not study the practice.";
  nlohmann::json answer =
      pdf ? nlohmann::json{{"description", "The report as a PDF (A4, Dutch)."},
                           {"headers",
                            {{"API-Version", component_ref("headers", "API-Version")},
                             {"Content-Disposition",
                              {{"description", "attachment, with a file name"},
                               {"schema", {{"type", "string"}}}}}}},
                           {"content",
                            {{"application/pdf",
                              {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}
          : json_answer("The report.", "PracticeReport");
  return nlohmann::json{
      {"operationId", pdf ? "getPracticeReportPdf" : "getPracticeReport"},
      {"summary", pdf ? "The report of a practice as a PDF" : "The report of a practice"},
      {"description", what},
      {"tags", {kResearchTag}},
      {"parameters", std::move(parameters)},
      {"responses",
       {{"200", std::move(answer)},
        {"400", component_ref("responses", "BadRequest")},
        {"503", component_ref("responses", "ServiceUnavailable")}}}}
      .dump();
}

}  // namespace

void add_practice_report_routes(ApiRegistry& registry, store::Database& database) {
  add_research_route(
      registry, Resource::research_analysis, Operation::read, Method::get,
      "/practices/:practiceId/report",
      [&database](const Request& request) { return report_as_json(database, request); },
      report_operation(false));
  add_research_route(
      registry, Resource::research_analysis, Operation::read, Method::get,
      "/practices/:practiceId/report.pdf",
      [&database](const Request& request) { return report_as_pdf(database, request); },
      report_operation(true));
  add_research_route(
      registry, Resource::research_analysis, Operation::read, Method::get,
      "/analyses/practice-measures",
      [&database](const Request& request) { return practices_side_by_side(database, request); },
      [] {
        QueryReader query = QueryReader::describer();
        std::optional<Date> from, to;
        describe_period(query, from, to);
        return nlohmann::json{
            {"operationId", "getPracticeMeasuresBesideCodes"},
            {"summary", "The practices' numbers beside their codes"},
            {"description",
             "Mixed methods: per practice of the project (by name), the support acts of the "
             "period and who set them in motion, collaboration, carrying capacity on its last "
             "day, beside the practice's notes and its five most frequent codes. Counts only "
             "households whose research consent is in force today, and leaves out notes "
             "linked to a household without it."},
            {"tags", {kResearchTag}},
            {"parameters", query.parameters()},
            {"responses",
             {{"200", json_answer("The practices.", "PracticeMeasuresBesideCodes")},
              {"400", component_ref("responses", "BadRequest")},
              {"503", component_ref("responses", "ServiceUnavailable")}}}}
            .dump();
      }());
  add_schemas(registry);
}

}  // namespace dichtbij::api
