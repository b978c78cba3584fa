#include "api/research_analyses.hpp"

#include <cmath>
#include <functional>
#include <memory>

#include "access/consent.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/rendered_cache.hpp"
#include "api/research_scope.hpp"
#include "api/today.hpp"
#include "core/code_points.hpp"
#include "research/code_analyses.hpp"
#include "store/research_corpus_query.hpp"

namespace dichtbij::api {

Result<CodingCorpus> consented_corpus(store::Transaction& transaction,
                                      const ResearchProjectId& project, bool with_coding_ids) {
  Result<CodingCorpus> corpus = store::research_corpus(transaction, project, with_coding_ids);
  if (!corpus.ok()) return corpus;
  Result<std::vector<HouseholdId>> consented = access::research_households(transaction, today());
  if (!consented.ok()) return std::move(consented).error();
  research::exclude_without_consent(*corpus, *consented);
  return corpus;
}

namespace {

using access::Operation;
using access::Resource;

// How much of a fragment a drill-down shows, in code points.
constexpr std::size_t kExcerptLength = 300;

nlohmann::json share(double value) {
  return std::round(value * 10000) / 10000;
}

nlohmann::json matrix_json(const research::CodeMatrix& matrix, std::string_view columns) {
  nlohmann::json column_list = nlohmann::json::array();
  for (std::size_t i = 0; i != matrix.columns.size(); ++i) {
    column_list.push_back({{"column", matrix.columns[i]}, {"notes", matrix.column_notes[i]}});
  }
  nlohmann::json cells = nlohmann::json::array();
  for (const research::MatrixCell& cell : matrix.cells) {
    cells.push_back({{"codeId", cell.code},
                     {"column", cell.column},
                     {"codings", cell.codings},
                     {"notes", cell.notes},
                     {"share", share(cell.share)}});
  }
  return {{"codebookVersion", matrix.codebook_version},
          {"columnsAre", columns},
          {"columns", std::move(column_list)},
          {"cells", std::move(cells)}};
}

nlohmann::json cooccurrence_json(const research::Cooccurrence& result) {
  nlohmann::json cells = nlohmann::json::array();
  for (const research::CooccurrenceCell& cell : result.cells) {
    cells.push_back({{"codeId", cell.first},
                     {"otherCodeId", cell.second},
                     {"overlaps", cell.overlaps},
                     {"notes", cell.notes}});
  }
  return {{"codebookVersion", result.codebook_version}, {"cells", std::move(cells)}};
}

nlohmann::json agreement_json(const research::Agreement& result) {
  auto number = [](const std::optional<double>& value) {
    return value ? share(*value) : nlohmann::json();
  };
  nlohmann::json codes = nlohmann::json::array();
  for (const research::CodeAgreement& code : result.codes) {
    codes.push_back({{"codeId", code.code},
                     {"units", code.units},
                     {"kappa", number(code.kappa)},
                     {"alpha", number(code.alpha)}});
  }
  return {{"codebookVersion", result.codebook_version},
          {"coderIds", result.coders},
          {"unit", "note"},
          {"codes", std::move(codes)}};
}

// How many analysis answers are kept (a few per project being looked at).
constexpr std::size_t kCachedAnalyses = 64;

// A whole-project analysis reads every coding (200,000 take about a second
// cold, bench/README.md), while researchers look at the same matrix again
// and again: its body is kept under the data generation read before the
// data (any write anywhere retires it) and the day (consent in force can
// change at midnight without a write). The standing check and the audit
// event still happen on every request.
Response cached_analysis(store::Database& database, RenderedCache& cache, const Request& request,
                         std::string_view name,
                         const std::function<nlohmann::json(const CodingCorpus&)>& compute) {
  QueryReader reader(request);
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  const std::uint64_t generation = database.data_generation();
  const std::string day = format_date(today());
  return research_call(
      database, request, Resource::research_analysis, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        call.event.record_id = call.project.str();
        const std::string key = call.project.str() + "/" + std::string(name) + "/" + day;
        Response response;
        response.headers.emplace_back("Content-Type", "application/json");
        if (std::shared_ptr<const std::string> body = cache.find(key, generation)) {
          response.shared_body = std::move(body);
          return response;
        }
        Result<CodingCorpus> corpus = consented_corpus(transaction, call.project, false);
        if (!corpus.ok()) return std::move(corpus).error();
        response.body = compute(*corpus).dump();
        cache.store(key, generation, response.body);
        return response;
      });
}

Response fragments(store::Database& database, const Request& request) {
  QueryReader reader(request);
  research::FragmentQuery query;
  const std::optional<CodeId> code = reader.id<CodeTag>("codeId", "The cell's code (required).");
  const std::optional<PracticeId> practice =
      reader.id<PracticeTag>("practiceId", "The cell's practice (code × practice).");
  const std::optional<Perspective> perspective = reader.enumeration<Perspective>(
      "perspective", "The cell's perspective (code × perspective).");
  const std::optional<CodeId> other =
      reader.id<CodeTag>("otherCodeId", "The other code of a co-occurrence cell.");
  const PageRequest page = reader.paging();
  Result<void> checked = reader.finish();
  if (checked.ok() && !code) {
    Error error = make_error(ErrorCode::invalid_input, "a drill-down names its cell");
    error.invalid_params.push_back({"codeId", "is required"});
    checked = error;
  }
  if (!checked.ok()) return problem(checked.error(), request.request_id);
  query.code = code->str();
  if (practice) query.practice = practice->str();
  if (perspective) query.perspective = std::string(to_code(*perspective));
  if (other) query.other_code = other->str();
  return research_call(
      database, request, Resource::research_analysis, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<CodingCorpus> corpus = consented_corpus(transaction, call.project, true);
        if (!corpus.ok()) return std::move(corpus).error();
        call.event.record_id = call.project.str();
        const std::vector<std::size_t> found = research::fragments(*corpus, query);
        const std::size_t from = std::min<std::size_t>(page.offset(), found.size());
        const std::size_t to = std::min<std::size_t>(from + page.page_size, found.size());
        std::vector<std::string> notes;
        for (std::size_t i = from; i != to; ++i) {
          notes.push_back(corpus->notes[corpus->codings[found[i]].note].id);
        }
        Result<std::unordered_map<std::string, std::string>> texts =
            store::note_texts(transaction, call.project, notes);
        if (!texts.ok()) return std::move(texts).error();
        nlohmann::json items = nlohmann::json::array();
        for (std::size_t i = from; i != to; ++i) {
          const CodingCorpus::Coding& coding = corpus->codings[found[i]];
          const CodingCorpus::Note& note = corpus->notes[coding.note];
          const std::string& text = (*texts)[note.id];
          const auto start = static_cast<std::size_t>(coding.start);
          const auto end = std::min(static_cast<std::size_t>(coding.end), start + kExcerptLength);
          items.push_back({{"noteId", note.id},
                           {"codingId", coding.id},
                           {"practiceId", note.practice},
                           {"perspective", note.perspective},
                           {"start", coding.start},
                           {"end", coding.end},
                           {"excerpt", std::string(code_point_slice(text, start, end))},
                           {"codebookVersion", corpus->codebook_version}});
        }
        return page_response(request, page, std::move(items), static_cast<long long>(found.size()));
      });
}

nlohmann::json schema_of(std::string_view description, nlohmann::json properties,
                         nlohmann::json required) {
  return {{"type", "object"},
          {"description", description},
          {"required", std::move(required)},
          {"properties", std::move(properties)}};
}

std::string analysis_operation(std::string_view operation_id, std::string_view summary,
                               std::string_view description, std::string_view schema,
                               nlohmann::json parameters = nlohmann::json::array()) {
  return nlohmann::json{{"operationId", operation_id},
                        {"summary", summary},
                        {"description", description},
                        {"tags", {kResearchTag}},
                        {"parameters", std::move(parameters)},
                        {"responses",
                         {{"200", json_answer("The analysis.", schema)},
                          {"400", component_ref("responses", "BadRequest")},
                          {"503", component_ref("responses", "ServiceUnavailable")}}}}
      .dump();
}

}  // namespace

void add_research_analysis_routes(ApiRegistry& registry, store::Database& database) {
  auto bind = [&database](Response (*handler)(store::Database&, const Request&)) {
    return [&database, handler](const Request& request) { return handler(database, request); };
  };
  // Shared by the routes below, which keep it alive.
  auto cache = std::make_shared<RenderedCache>(kCachedAnalyses);
  auto cached = [&database, cache](std::string_view name,
                                   std::function<nlohmann::json(const CodingCorpus&)> compute) {
    return [&database, cache, name, compute = std::move(compute)](const Request& request) {
      return cached_analysis(database, *cache, request, name, compute);
    };
  };
  const std::string_view consent_note =
      " Notes linked to a household whose research consent is not in force today are left out. "
      "The answer names the codebook version it used.";
  add_research_route(
      registry, Resource::research_analysis, Operation::read, Method::get,
      "/analyses/code-practice-matrix",
      cached("practice",
             [](const CodingCorpus& corpus) {
               return matrix_json(research::code_matrix(corpus, research::MatrixColumns::practice),
                                  "practice");
             }),
      analysis_operation("getCodePracticeMatrix", "Codes × practices",
                         "Per code and practice: codings, notes with the code (presence) and "
                         "their share of the practice's notes." +
                             std::string(consent_note),
                         "CodeMatrix"));
  add_research_route(
      registry, Resource::research_analysis, Operation::read, Method::get,
      "/analyses/code-perspective-matrix",
      cached("perspective",
             [](const CodingCorpus& corpus) {
               return matrix_json(
                   research::code_matrix(corpus, research::MatrixColumns::perspective),
                   "perspective");
             }),
      analysis_operation("getCodePerspectiveMatrix", "Codes × perspectives",
                         "Per code and stakeholder perspective: codings, notes with the code "
                         "(presence) and their share of the perspective's notes." +
                             std::string(consent_note),
                         "CodeMatrix"));
  add_research_route(
      registry, Resource::research_analysis, Operation::read, Method::get,
      "/analyses/code-co-occurrence",
      cached("cooccurrence",
             [](const CodingCorpus& corpus) {
               return cooccurrence_json(research::code_cooccurrence(corpus));
             }),
      analysis_operation("getCodeCooccurrence", "Code co-occurrence",
                         "Pairs of codes applied to overlapping (or the same) ranges of a note: "
                         "how many such pairs of codings, on how many notes." +
                             std::string(consent_note),
                         "CodeCooccurrence"));
  QueryReader fragment_query = QueryReader::describer();
  (void)fragment_query.id<CodeTag>("codeId", "The cell's code (required).");
  (void)fragment_query.id<PracticeTag>("practiceId", "The cell's practice (code × practice).");
  (void)fragment_query.enumeration<Perspective>("perspective",
                                                "The cell's perspective (code × perspective).");
  (void)fragment_query.id<CodeTag>("otherCodeId", "The other code of a co-occurrence cell.");
  (void)fragment_query.paging();
  {
    nlohmann::json json = nlohmann::json::parse(analysis_operation(
        "listAnalysisFragments", "The fragments behind a cell",
        "The codings of codeId (in practiceId, or from perspective, or overlapping a coding of "
        "otherCodeId), each with its note, range and an excerpt of at most 300 code points; "
        "in note order, a page at a time." +
            std::string(consent_note),
        "AnalysisFragment", fragment_query.parameters()));
    json["responses"]["200"] = {
        {"description", "One page of fragments."},
        {"headers",
         {{"API-Version", component_ref("headers", "API-Version")},
          {"Link", component_ref("headers", "Link")}}},
        {"content",
         {{"application/json",
           {{"schema", schema_of("A page of fragments.",
                                 {{"items",
                                   {{"type", "array"},
                                    {"items", component_ref("schemas", "AnalysisFragment")}}},
                                  {"page", typed("integer", "The page.")},
                                  {"pageSize", typed("integer", "Its size.")},
                                  {"total", typed("integer", "Fragments in all.")}},
                                 {"items", "page", "pageSize", "total"})}}}}}};
    add_research_route(registry, Resource::research_analysis, Operation::read, Method::get,
                       "/analyses/fragments", bind(&fragments), json.dump());
  }
  add_research_route(
      registry, Resource::research_analysis, Operation::read, Method::get,
      "/analyses/coder-agreement",
      cached("agreement",
             [](const CodingCorpus& corpus) {
               return agreement_json(research::coder_agreement(corpus));
             }),
      analysis_operation(
          "getCoderAgreement", "Agreement between coders per code",
          "Unit: a note coded by at least two coders; value: whether a coder applied the code "
          "to it. Cohen's kappa when the project has exactly two coders, Krippendorff's alpha "
          "(nominal) for any number; null where undefined (docs/research.md)." +
              std::string(consent_note),
          "CoderAgreement"));

  registry.schemas["CodeMatrix"] = schema_of(
      "A code × practice or code × perspective matrix; empty cells are left out.",
      {{"codebookVersion", typed("integer", "The codebook version used.")},
       {"columnsAre",
        {{"type", "string"},
         {"enum", {"practice", "perspective"}},
         {"description", "What the columns are."}}},
       {"columns",
        {{"type", "array"},
         {"items", schema_of("A column.",
                             {{"column", typed("string", "A practice id or a perspective.")},
                              {"notes", typed("integer", "The column's notes.")}},
                             {"column", "notes"})}}},
       {"cells",
        {{"type", "array"},
         {"items", schema_of("A cell.",
                             {{"codeId", typed("string", "The code.")},
                              {"column", typed("string", "The column.")},
                              {"codings", typed("integer", "Codings with the code there.")},
                              {"notes", typed("integer", "Notes with the code there.")},
                              {"share", typed("number", "notes / the column's notes.")}},
                             {"codeId", "column", "codings", "notes", "share"})}}}},
      {"codebookVersion", "columnsAre", "columns", "cells"});
  registry.schemas["CodeCooccurrence"] = schema_of(
      "Pairs of codes on overlapping ranges.",
      {{"codebookVersion", typed("integer", "The codebook version used.")},
       {"cells",
        {{"type", "array"},
         {"items", schema_of("A pair; codeId < otherCodeId.",
                             {{"codeId", typed("string", "One code.")},
                              {"otherCodeId", typed("string", "The other.")},
                              {"overlaps", typed("integer", "Overlapping pairs of codings.")},
                              {"notes", typed("integer", "Notes with such a pair.")}},
                             {"codeId", "otherCodeId", "overlaps", "notes"})}}}},
      {"codebookVersion", "cells"});
  registry.schemas["AnalysisFragment"] =
      schema_of("A coded fragment.",
                {{"noteId", typed("string", "Its note.")},
                 {"codingId", typed("string", "Its coding.")},
                 {"practiceId", typed("string", "The note's practice.")},
                 {"perspective", typed("string", "The note's perspective.")},
                 {"start", typed("integer", "Start, in code points.")},
                 {"end", typed("integer", "End, exclusive, in code points.")},
                 {"excerpt", typed("string", "The text, at most 300 code points of it.")},
                 {"codebookVersion", typed("integer", "The codebook version used.")}},
                {"noteId", "codingId", "practiceId", "perspective", "start", "end", "excerpt",
                 "codebookVersion"});
  registry.schemas["CoderAgreement"] = schema_of(
      "Agreement between the project's coders per code.",
      {{"codebookVersion", typed("integer", "The codebook version used.")},
       {"coderIds",
        {{"type", "array"},
         {"items", {{"type", "string"}}},
         {"description", "The coders, by account id."}}},
       {"unit", typed("string", "The unit of analysis: note.")},
       {"codes",
        {{"type", "array"},
         {"items", schema_of("One code.",
                             {{"codeId", typed("string", "The code.")},
                              {"units", typed("integer", "Notes coded by two coders or more.")},
                              {"kappa",
                               {{"type", {"number", "null"}},
                                {"description", "Cohen's kappa (exactly two coders)."}}},
                              {"alpha",
                               {{"type", {"number", "null"}},
                                {"description", "Krippendorff's alpha, nominal."}}}},
                             {"codeId", "units", "kappa", "alpha"})}}}},
      {"codebookVersion", "coderIds", "unit", "codes"});
}

}  // namespace dichtbij::api
