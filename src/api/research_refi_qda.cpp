#include "api/research_refi_qda.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "access/consent.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"
#include "api/research_scope.hpp"
#include "api/today.hpp"
#include "core/consent.hpp"
#include "research/pseudonyms.hpp"
#include "research/refi_qda.hpp"
#include "store/codebook_repository.hpp"
#include "store/coding_repository.hpp"
#include "store/field_note_repository.hpp"
#include "store/memo_repository.hpp"
#include "store/practice_repository.hpp"
#include "store/research_project_repository.hpp"

namespace dichtbij::api {

namespace {

using access::Operation;
using access::Resource;

// Rows per read of a repository's pages while loading a whole project.
constexpr int kPage = 1000;

// What a project export holds, and what it left out because the research
// consent of a linked household is not in force today.
struct LoadedExport {
  research::QdaProject project;
  long long notes_left_out = 0;
  long long codings_left_out = 0;
  long long notes_linked_to_support_acts = 0;
  long long notes_linked_to_households = 0;
};

template <typename T, typename Read>
Result<std::vector<T>> every_page(Read read) {
  std::vector<T> all;
  for (long long offset = 0;; offset += kPage) {
    Result<Page<T>> page = read(Paging{offset, kPage});
    if (!page.ok()) return std::move(page).error();
    const std::size_t got = page->items.size();
    std::move(page->items.begin(), page->items.end(), std::back_inserter(all));
    if (got < static_cast<std::size_t>(kPage)) return all;
  }
}

// The project as an export may show it, in one snapshot with the consents
// that decide which notes may leave.
Result<LoadedExport> load_export(store::Transaction& transaction,
                                 const ResearchProjectId& project_id) {
  LoadedExport loaded;
  research::QdaProject& project = loaded.project;
  Result<ResearchProject> found = store::ResearchProjectRepository(transaction).get(project_id);
  if (!found.ok()) return std::move(found).error();
  project.id = project_id;
  project.name = found->fields.name;
  project.description = found->fields.description;
  store::PracticeRepository practices(transaction);
  for (const PracticeId& practice : found->fields.practices) {
    Result<Practice> named = practices.get(practice);
    project.practices.push_back({practice, named.ok() ? named->fields.name : practice.str()});
  }

  Result<std::vector<Code>> codes = store::CodebookRepository(transaction, project_id).all();
  if (!codes.ok()) return std::move(codes).error();
  project.codes = std::move(*codes);

  Result<std::vector<HouseholdId>> consented = access::research_households(transaction, today());
  if (!consented.ok()) return std::move(consented).error();
  store::FieldNoteRepository note_repository(transaction, project_id);
  Result<std::vector<FieldNote>> notes =
      every_page<FieldNote>([&](const Paging& paging) { return note_repository.list({}, paging); });
  if (!notes.ok()) return std::move(notes).error();
  std::set<std::string> kept_notes;
  for (FieldNote& note : *notes) {
    if (lacks_research_consent(note.fields.households, *consented)) {
      ++loaded.notes_left_out;
      continue;
    }
    if (!note.fields.support_acts.empty()) ++loaded.notes_linked_to_support_acts;
    if (!note.fields.households.empty()) ++loaded.notes_linked_to_households;
    kept_notes.insert(note.id.str());
    project.notes.push_back(std::move(note));
  }

  store::CodingRepository coding_repository(transaction, project_id);
  Result<std::vector<Coding>> codings =
      every_page<Coding>([&](const Paging& paging) { return coding_repository.list({}, paging); });
  if (!codings.ok()) return std::move(codings).error();
  std::set<std::string> kept_codings;
  for (Coding& coding : *codings) {
    if (!kept_notes.contains(coding.fields.note.str())) {
      ++loaded.codings_left_out;
      continue;
    }
    kept_codings.insert(coding.id.str());
    project.codings.push_back(std::move(coding));
  }

  store::MemoRepository memo_repository(transaction, project_id);
  Result<std::vector<Memo>> memos =
      every_page<Memo>([&](const Paging& paging) { return memo_repository.list({}, paging); });
  if (!memos.ok()) return std::move(memos).error();
  for (Memo& memo : *memos) {
    if (memo.fields.note && !kept_notes.contains(memo.fields.note->str())) continue;
    if (memo.fields.coding && !kept_codings.contains(memo.fields.coding->str())) continue;
    project.memos.push_back(std::move(memo));
  }
  return loaded;
}

research::GuidOf guids(const research::Pseudonyms& pseudonyms, const ResearchProjectId& project) {
  return [&pseudonyms, project = project.str()](std::string_view kind, const std::string& id) {
    return pseudonyms.refi_guid(project, kind, id);
  };
}

void count_in(ResearchCall& call, const LoadedExport& loaded) {
  call.event.reason = call.event.reason.value_or("") +
                      " notes=" + std::to_string(loaded.project.notes.size()) +
                      " codings=" + std::to_string(loaded.project.codings.size()) +
                      " leftOutNotes=" + std::to_string(loaded.notes_left_out);
}

Response download(std::string body, std::string_view content_type, const std::string& filename) {
  Response response;
  response.body = std::move(body);
  response.headers.emplace_back("Content-Type", std::string(content_type));
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return response;
}

// ---- routes

Response export_codebook(store::Database& database, const Request& request) {
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::research_code, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<Code>> codes =
            store::CodebookRepository(transaction, call.project).all();
        if (!codes.ok()) return std::move(codes).error();
        return download(research::codebook_qdc(*codes, guids(*pseudonyms, call.project)),
                        "application/xml; charset=utf-8", "codebook.qdc");
      });
}

bool is_xml_body(const Request& request) {
  const std::optional<std::string_view> type = request.header("Content-Type");
  if (!type) return true;
  std::string media(type->substr(0, type->find(';')));
  media.erase(std::remove(media.begin(), media.end(), ' '), media.end());
  std::transform(media.begin(), media.end(), media.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return media == "application/xml" || media == "text/xml" || media == "application/octet-stream";
}

// Each imported code lands where a code of that name sits below the same
// parent, or is made there: a re-import of the same file changes nothing,
// and an edited one changes only descriptions and colours. Each create and
// update is a change in the codebook's log, by the importer.
Response import_codebook(store::Database& database, const Request& request) {
  if (!is_xml_body(request)) {
    return problem(make_error(ErrorCode::unsupported_media_type,
                              "the request body must be a REFI-QDA codebook (application/xml)"),
                   request.request_id);
  }
  return research_call(
      database, request, Resource::research_code, Operation::create,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<research::ImportedCode>> imported =
            research::read_codebook_qdc(request.body);
        // 422, not 400: the body is XML as asked, but not a codebook this
        // project can take. An error answer rolls the transaction back.
        if (!imported.ok()) {
          return problem(422, imported.error().message, request.request_id,
                         imported.error().invalid_params);
        }
        store::CodebookRepository codebook(transaction, call.project);
        Result<std::vector<Code>> existing = codebook.all();
        if (!existing.ok()) return std::move(existing).error();
        std::map<std::pair<std::string, std::string>, Code> by_place;
        for (Code& code : *existing) {
          const std::string parent = code.fields.parent ? code.fields.parent->str() : "";
          by_place.emplace(std::make_pair(parent, code.fields.name), std::move(code));
        }
        std::vector<CodeId> placed;
        long long created = 0, updated = 0, unchanged = 0;
        for (const research::ImportedCode& code : *imported) {
          CodeFields fields = code.fields;
          if (code.parent) fields.parent = placed.at(*code.parent);
          const std::string parent = fields.parent ? fields.parent->str() : "";
          const auto match = by_place.find({parent, fields.name});
          if (match == by_place.end()) {
            Result<Code> made = codebook.create(fields, call.actor().account);
            if (!made.ok()) return std::move(made).error();
            by_place.emplace(std::make_pair(parent, fields.name), *made);
            placed.push_back(made->id);
            ++created;
          } else if (match->second.fields.description != fields.description ||
                     match->second.fields.colour != fields.colour) {
            Result<Code> changed =
                codebook.update(match->second.id, std::nullopt, fields, call.actor().account);
            if (!changed.ok()) return std::move(changed).error();
            match->second = *changed;
            placed.push_back(changed->id);
            ++updated;
          } else {
            placed.push_back(match->second.id);
            ++unchanged;
          }
        }
        Result<ResearchProject> project =
            store::ResearchProjectRepository(transaction).get(call.project);
        if (!project.ok()) return std::move(project).error();
        call.event.reason = call.event.reason.value_or("") + " created=" + std::to_string(created) +
                            " updated=" + std::to_string(updated);
        return Response::json(200, {{"created", created},
                                    {"updated", updated},
                                    {"unchanged", unchanged},
                                    {"codebookVersion", project->codebook_version}});
      });
}

Response export_project(store::Database& database, const Request& request) {
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::research_export, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<LoadedExport> loaded = load_export(transaction, call.project);
        if (!loaded.ok()) return std::move(loaded).error();
        count_in(call, *loaded);
        Result<std::string> archive =
            research::project_qdpx(loaded->project, guids(*pseudonyms, call.project));
        if (!archive.ok()) return std::move(archive).error();
        return download(std::move(*archive), "application/zip",
                        "project-" + format_date(today()) + ".qdpx");
      });
}

Response export_codings(store::Database& database, const Request& request) {
  return research_call(
      database, request, Resource::research_export, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<LoadedExport> loaded = load_export(transaction, call.project);
        if (!loaded.ok()) return std::move(loaded).error();
        count_in(call, *loaded);
        return download(research::codings_csv(loaded->project),
                        "text/csv; charset=utf-8; header=present",
                        "codings-" + format_date(today()) + ".csv");
      });
}

nlohmann::json warning(std::string_view code, std::string message) {
  return {{"code", code}, {"message", std::move(message)}};
}

Response export_summary(store::Database& database, const Request& request) {
  return research_call(
      database, request, Resource::research_export, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<LoadedExport> loaded = load_export(transaction, call.project);
        if (!loaded.ok()) return std::move(loaded).error();
        count_in(call, *loaded);
        const research::QdaProject& project = loaded->project;
        Result<Page<CodebookChange>> changes =
            store::CodebookRepository(transaction, call.project).changes(Paging{0, 1});
        if (!changes.ok()) return std::move(changes).error();
        nlohmann::json warnings = nlohmann::json::array();
        if (loaded->notes_left_out > 0) {
          warnings.push_back(
              warning("notesWithoutResearchConsent",
                      std::to_string(loaded->notes_left_out) + " notes (with " +
                          std::to_string(loaded->codings_left_out) +
                          " codings) are left out: they are linked to a household whose research "
                          "consent is not in force today."));
        }
        if (changes->total > 0) {
          warnings.push_back(
              warning("codebookHistory", "REFI-QDA keeps only the codebook as it is now, not the " +
                                             std::to_string(changes->total) +
                                             " changes that led to it (who, when, what)."));
        }
        if (loaded->notes_linked_to_support_acts > 0 || loaded->notes_linked_to_households > 0) {
          warnings.push_back(warning(
              "noteLinks", "REFI-QDA has no place for the links of notes to support acts (" +
                               std::to_string(loaded->notes_linked_to_support_acts) +
                               " notes) or to pseudonymised households (" +
                               std::to_string(loaded->notes_linked_to_households) +
                               " notes); they are not exported."));
        }
        warnings.push_back(warning(
            "memberChecks",
            "Member checks (published findings and the stakeholders' answers) and the project's "
            "members and their roles are not part of REFI-QDA and are not exported."));
        warnings.push_back(
            warning("coders",
                    "Coders and authors appear by account id only, as in Dichtbij's research "
                    "routes; a QDA program shows the id as the user's name."));
        return Response::json(
            200, {{"format", "REFI-QDA 1.0 (QDA-XML)"},
                  {"codebookVersion",
                   [&] {
                     Result<ResearchProject> found =
                         store::ResearchProjectRepository(transaction).get(call.project);
                     return found.ok() ? found->codebook_version : 0;
                   }()},
                  {"cases", project.practices.size()},
                  {"sources", project.notes.size()},
                  {"codes", project.codes.size()},
                  {"codings", project.codings.size()},
                  {"memos", project.memos.size()},
                  {"leftOut",
                   {{"notes", loaded->notes_left_out}, {"codings", loaded->codings_left_out}}},
                  {"warnings", std::move(warnings)}});
      });
}

// ---- documentation

nlohmann::json file_answer(std::string_view description, std::string_view media_type,
                           nlohmann::json schema) {
  return {{"description", description},
          {"headers",
           {{"API-Version", component_ref("headers", "API-Version")},
            {"Content-Disposition",
             {{"description", "attachment, with a file name"}, {"schema", {{"type", "string"}}}}}}},
          {"content", {{media_type, {{"schema", std::move(schema)}}}}}};
}

std::string operation(std::string_view operation_id, std::string_view summary,
                      std::string_view description, nlohmann::json responses) {
  // 400 as the API Design Rules ask of every operation; the import answers
  // it for a bad Idempotency-Key.
  responses["400"] = component_ref("responses", "BadRequest");
  responses["503"] = component_ref("responses", "ServiceUnavailable");
  return nlohmann::json{{"operationId", operation_id},
                        {"summary", summary},
                        {"description", description},
                        {"tags", {kResearchTag}},
                        {"responses", std::move(responses)}}
      .dump();
}

constexpr std::string_view kConsentNote =
    " Notes linked to a household whose research consent is not in force today are left out, "
    "with their codings and memos. Every export is in the audit log.";

}  // namespace

void add_research_refi_qda_routes(ApiRegistry& registry, store::Database& database) {
  auto bind = [&database](Response (*handler)(store::Database&, const Request&)) {
    return [&database, handler](const Request& request) { return handler(database, request); };
  };
  const nlohmann::json binary{{"type", "string"}, {"format", "binary"}};
  const nlohmann::json text{{"type", "string"}};

  add_research_route(
      registry, Resource::research_code, Operation::list, Method::get, "/codebook.qdc",
      bind(&export_codebook),
      operation("exportCodebook", "The codebook as a REFI-QDA codebook (.qdc)",
                "The codebook as it is now, as QDA-XML valid against the REFI-QDA Codebook.xsd: "
                "codes as a tree, with descriptions and colours. Each code's GUID is derived "
                "from the project and the code, so a re-export keeps it.",
                {{"200", file_answer("The .qdc (UTF-8 XML).", "application/xml", text)}}));

  nlohmann::json import_doc = nlohmann::json::parse(operation(
      "importCodebook", "Import a REFI-QDA codebook (.qdc) into the codebook",
      "Reads a .qdc (checked against the REFI-QDA Codebook.xsd) and merges it into the "
      "codebook: a code whose name is already used below the same parent takes the file's "
      "description and colour, any other is created there. Every created or changed code is a "
      "change in the codebook's log, by the importer. A file that is not well-formed, not valid "
      "or holds a code the codebook cannot keep is refused with 422 naming the line and the "
      "problem, and nothing changes. With an Idempotency-Key, a retry gets the first answer.",
      {{"200",
        {{"description", "What the import did."},
         {"headers", {{"API-Version", component_ref("headers", "API-Version")}}},
         {"content",
          {{"application/json",
            {{"schema",
              {{"type", "object"},
               {"required", {"created", "updated", "unchanged", "codebookVersion"}},
               {"properties",
                {{"created", {{"type", "integer"}, {"format", "int64"}}},
                 {"updated", {{"type", "integer"}, {"format", "int64"}}},
                 {"unchanged", {{"type", "integer"}, {"format", "int64"}}},
                 {"codebookVersion", {{"type", "integer"}, {"format", "int32"}}}}}}}}}}}}}}));
  import_doc["responses"]["415"] = {
      {"description", "The body is not XML."},
      {"content",
       {{"application/problem+json", {{"schema", component_ref("schemas", "Problem")}}}}}};
  import_doc["responses"]["422"] = {
      {"description",
       "The codebook is not a REFI-QDA codebook this project can take; "
       "invalidParams names the line and the problem."},
      {"content",
       {{"application/problem+json", {{"schema", component_ref("schemas", "Problem")}}}}}};
  import_doc["parameters"] = {{{"name", "Idempotency-Key"},
                               {"in", "header"},
                               {"required", false},
                               {"description",
                                "Makes a retry safe: the same key gets the same "
                                "answer without importing again."},
                               {"schema", {{"type", "string"}, {"maxLength", 255}}}}};
  import_doc["requestBody"] = {
      {"required", true},
      {"content", {{"application/xml", {{"schema", text}}}, {"text/xml", {{"schema", text}}}}}};
  add_research_route(registry, Resource::research_code, Operation::create, Method::post,
                     "/codebook.qdc", bind(&import_codebook), import_doc.dump());

  add_research_route(
      registry, Resource::research_export, Operation::read, Method::get, "/export.qdpx",
      bind(&export_project),
      operation("exportProjectQdpx", "The project as a REFI-QDA project (.qdpx)",
                "A zip of project.qde (QDA-XML valid against the REFI-QDA Project.xsd) and "
                "sources/<guid>.txt, one UTF-8 text per field note (pseudonymised as stored). "
                "Practices are cases, the perspective, site and day observed are variables of "
                "each source, codings are plain-text selections with code-point offsets, memos "
                "are notes, coders and authors are users by account id. GUIDs are derived from "
                "the project and each record, so a re-export keeps them. What the format "
                "cannot carry: see export-summary." +
                    std::string(kConsentNote),
                {{"200", file_answer("The .qdpx (a zip).", "application/zip", binary)}}));

  add_research_route(
      registry, Resource::research_export, Operation::read, Method::get, "/codings.csv",
      bind(&export_codings),
      operation("exportCodingsCsv", "The codings as CSV",
                "One row per coding (UTF-8, CRLF, a header row): project, note, practice, "
                "perspective, code_path (code names from the top, \" / \" between), start, end "
                "(code points), coder (account id), fragment (the coded text)." +
                    std::string(kConsentNote),
                {{"200", file_answer("The CSV.", "text/csv", text)}}));

  registry.schemas["RefiQdaExportSummary"] = {
      {"type", "object"},
      {"description", "What a REFI-QDA export of the project holds, leaves out and cannot carry."},
      {"required",
       {"format", "codebookVersion", "cases", "sources", "codes", "codings", "memos", "leftOut",
        "warnings"}},
      {"properties",
       {{"format", {{"type", "string"}}},
        {"codebookVersion", {{"type", "integer"}, {"format", "int32"}}},
        {"cases", {{"type", "integer"}, {"format", "int64"}}},
        {"sources", {{"type", "integer"}, {"format", "int64"}}},
        {"codes", {{"type", "integer"}, {"format", "int64"}}},
        {"codings", {{"type", "integer"}, {"format", "int64"}}},
        {"memos", {{"type", "integer"}, {"format", "int64"}}},
        {"leftOut",
         {{"type", "object"},
          {"description", "Left out for want of research consent."},
          {"required", {"notes", "codings"}},
          {"properties",
           {{"notes", {{"type", "integer"}, {"format", "int64"}}},
            {"codings", {{"type", "integer"}, {"format", "int64"}}}}}}},
        {"warnings",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"required", {"code", "message"}},
            {"properties",
             {{"code",
               {{"type", "string"},
                {"enum",
                 {"notesWithoutResearchConsent", "codebookHistory", "noteLinks", "memberChecks",
                  "coders"}}}},
              {"message", {{"type", "string"}}}}}}}}}}}};
  add_research_route(
      registry, Resource::research_export, Operation::read, Method::get, "/export-summary",
      bind(&export_summary),
      operation("getRefiQdaExportSummary", "What a REFI-QDA export holds and cannot carry",
                "Counts of what export.qdpx and codings.csv hold, what they leave out for want "
                "of research consent, and warnings about what REFI-QDA cannot carry (the "
                "codebook's history, links of notes to support acts and households, member "
                "checks)." +
                    std::string(kConsentNote),
                {{"200", json_answer("The summary.", "RefiQdaExportSummary")}}));
}

}  // namespace dichtbij::api
