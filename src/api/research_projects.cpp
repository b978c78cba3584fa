#include "api/research_projects.hpp"

#include <algorithm>
#include <map>

#include "access/consent.hpp"
#include "api/audited_answer.hpp"
#include "api/idempotency.hpp"
#include "api/preconditions.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/research_scope.hpp"
#include "api/today.hpp"
#include "core/code_points.hpp"
#include "core/consent.hpp"
#include "research/pseudonyms.hpp"
#include "store/field_note_repository.hpp"
#include "store/research_project_repository.hpp"

namespace dichtbij::api {

namespace {

using access::Operation;
using access::Resource;

constexpr OperationNames kProjectNames{kResearchTag, "ResearchProject", "ResearchProjectInput",
                                       "research project"};
constexpr OperationNames kMemberNames{kResearchTag, "ProjectMember", "ProjectMemberInput",
                                      "project member"};
constexpr OperationNames kNoteNames{kResearchTag, "FieldNote", "FieldNoteInput", "field note"};

// ---- projects

void read_project(FieldReader& reader, ResearchProjectFields& fields) {
  reader.text("name", fields.name, ResearchProjectFields::kMaxNameLength, "The project's name.");
  std::optional<std::string> description;
  reader.optional_text("description", description, ResearchProjectFields::kMaxDescriptionLength,
                       "What the project studies.");
  fields.description = description.value_or("");
  reader.id_list("practiceIds", fields.practices, ResearchProjectFields::kMaxPractices,
                 "The practices the project spans: its notes are of these.");
}

nlohmann::json project_json(const ResearchProject& project) {
  std::vector<std::string> practices;
  for (const PracticeId& practice : project.fields.practices) practices.push_back(practice.str());
  return {{"id", project.id.str()},
          {"name", project.fields.name},
          {"description", project.fields.description},
          {"practiceIds", practices},
          {"codebookVersion", project.codebook_version}};
}

Result<ResearchProjectFields> project_input(const Request& request) {
  Result<ResearchProjectFields> fields = read_input(request, &read_project);
  if (!fields.ok()) return fields;
  if (std::vector<InvalidParam> problems = check(*fields); !problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "the research project is not valid");
    error.invalid_params = std::move(problems);
    return error;
  }
  return fields;
}

Response list_projects(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  Result<Page<ResearchProject>> found = database.in_transaction<Page<ResearchProject>>(
      store::TransactionKind::read, [&](store::Transaction& transaction) {
        return store::ResearchProjectRepository(transaction)
            .list_for(request.actor->account, Paging{page.offset(), page.page_size});
      });
  if (!found.ok()) return problem(found.error(), request.request_id);
  nlohmann::json items = nlohmann::json::array();
  for (const ResearchProject& project : found->items) items.push_back(project_json(project));
  return once_audited(database,
                      research_event(request, Resource::research_project, Operation::list),
                      page_response(request, page, std::move(items), found->total));
}

Response create_project(store::Database& database, const Request& request) {
  Result<ResearchProjectFields> fields = project_input(request);
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return create_once(database, request, [&](store::Transaction& transaction) -> Result<Response> {
    Result<ResearchProject> created =
        store::ResearchProjectRepository(transaction).create(*fields, request.actor->account);
    if (!created.ok()) return std::move(created).error();
    access::AuditEvent event =
        research_event(request, Resource::research_project, Operation::create);
    event.record_id = created->id.str();
    if (Result<void> audited = access::record(transaction, event); !audited.ok()) {
      return std::move(audited).error();
    }
    return item_response(201, project_json(*created), created->version,
                         std::string(kResearchProjects) + "/" + created->id.str());
  });
}

Response read_project_route(store::Database& database, const Request& request) {
  return research_call(database, request, Resource::research_project, Operation::read,
                       [](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
                         Result<ResearchProject> project =
                             store::ResearchProjectRepository(transaction).get(call.project);
                         if (!project.ok()) return std::move(project).error();
                         call.event.record_id = call.project.str();
                         return item_response(200, project_json(*project), project->version);
                       });
}

Response update_project(store::Database& database, const Request& request) {
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<ResearchProjectFields> fields = project_input(request);
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return research_call(
      database, request, Resource::research_project, Operation::update,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<ResearchProject> updated =
            store::ResearchProjectRepository(transaction).update(call.project, *expected, *fields);
        if (!updated.ok()) return std::move(updated).error();
        call.event.record_id = call.project.str();
        return item_response(200, project_json(*updated), updated->version);
      });
}

// ---- members

void read_member(FieldReader& reader, ProjectMember& member) {
  reader.id("accountId", member.account, "The member's account.");
  reader.enumeration("role", member.role,
                     "researcher: writes, codes and sees all notes; stakeholder: of a practice, "
                     "takes part in member checks and sees no notes.");
  reader.optional_id("practiceId", member.practice, "A stakeholder's practice.");
}

nlohmann::json member_json(const ProjectMember& member) {
  nlohmann::json json{{"id", member.account.str()},
                      {"accountId", member.account.str()},
                      {"role", to_code(member.role)}};
  if (member.practice) json["practiceId"] = member.practice->str();
  return json;
}

Response list_members(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  return research_call(
      database, request, Resource::project_member, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<ProjectMember>> members =
            store::ResearchProjectRepository(transaction).members(call.project);
        if (!members.ok()) return std::move(members).error();
        nlohmann::json items = nlohmann::json::array();
        const std::size_t from = std::min<std::size_t>(page.offset(), members->size());
        const std::size_t to = std::min<std::size_t>(from + page.page_size, members->size());
        for (std::size_t i = from; i != to; ++i) items.push_back(member_json((*members)[i]));
        return page_response(request, page, std::move(items),
                             static_cast<long long>(members->size()));
      });
}

Response put_member(store::Database& database, const Request& request) {
  Result<ProjectMember> member = read_input(request, &read_member);
  if (!member.ok()) return problem(member.error(), request.request_id);
  return research_call(
      database, request, Resource::project_member, Operation::create,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<void> put =
            store::ResearchProjectRepository(transaction).put_member(call.project, *member);
        if (!put.ok()) return std::move(put).error();
        call.event.record_id = member->account.str();
        return Response::json(201, member_json(*member))
            .with_header("Location", std::string(kResearchProjects) + "/" + call.project.str() +
                                         "/members/" + member->account.str());
      });
}

Response remove_member(store::Database& database, const Request& request) {
  Result<AccountId> account = research_path_id<AccountTag>(request, "accountId", "member");
  if (!account.ok()) return problem(account.error(), request.request_id);
  return research_call(
      database, request, Resource::project_member, Operation::remove,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<void> removed =
            store::ResearchProjectRepository(transaction).remove_member(call.project, *account);
        if (!removed.ok()) return std::move(removed).error();
        call.event.record_id = account->str();
        return no_content();
      });
}

// ---- field notes

struct NoteInput {
  FieldNoteFields fields;
  std::vector<std::string> household_pseudonyms;
};

void read_note(FieldReader& reader, NoteInput& input) {
  FieldNoteFields& fields = input.fields;
  reader.id("practiceId", fields.practice, "The practice observed: one of the project's.");
  reader.text("site", fields.site, FieldNoteFields::kMaxSiteLength,
              "Where: a community centre, a street, a meeting.");
  reader.date("observedOn", fields.observed_on, "When it was observed.");
  reader.enumeration("perspective", fields.perspective,
                     "Whose view the note records: the informant's, or the author's own.");
  reader.verbatim_text("text", fields.text, FieldNoteFields::kMaxTextLength,
                       "The note, kept exactly as sent (line ends included): codings point "
                       "into it in Unicode code points.");
  reader.id_list("supportActIds", fields.support_acts, FieldNoteFields::kMaxLinks,
                 "Support acts the note is about.");
  reader.text_list("householdPseudonyms", input.household_pseudonyms, FieldNoteFields::kMaxLinks,
                   64,
                   "Households the note is about, by their research pseudonym (as in the "
                   "research exports); only households with research consent in force.");
}

// Whether the note is withheld: a household it is linked to has no research
// consent in force today. The analyses and exports leave such a note out;
// the list and the note page show that it exists (a researcher whose note
// vanished would not know why, and may want to delete it) but not what it
// says or whom it is about.
struct NoteConsent {
  std::vector<HouseholdId> consented;  // access::research_households, id order
  [[nodiscard]] bool withholds(const FieldNote& note) const {
    return lacks_research_consent(note.fields.households, consented);
  }
};

// Read in the transaction of the notes it judges, so that a withdrawal
// committed in between cannot let a note through.
Result<NoteConsent> note_consent(store::Transaction& transaction) {
  Result<std::vector<HouseholdId>> consented = access::research_households(transaction, today());
  if (!consented.ok()) return std::move(consented).error();
  return NoteConsent{std::move(*consented)};
}

nlohmann::json note_json(const FieldNote& note, const research::Pseudonyms& pseudonyms,
                         const NoteConsent& consent) {
  const bool withheld = consent.withholds(note);
  std::vector<std::string> acts, households;
  if (!withheld) {
    for (const SupportActId& act : note.fields.support_acts) acts.push_back(act.str());
    for (const HouseholdId& household : note.fields.households) {
      households.push_back(pseudonyms.of(household));
    }
  }
  return {{"id", note.id.str()},
          {"practiceId", note.fields.practice.str()},
          {"site", note.fields.site},
          {"observedOn", format_date(note.fields.observed_on)},
          {"perspective", to_code(note.fields.perspective)},
          {"text", withheld ? "" : note.fields.text},
          {"length", withheld ? 0 : note.length},
          {"supportActIds", acts},
          {"householdPseudonyms", households},
          {"authorId", note.author.str()},
          {"withheld", withheld}};
}

nlohmann::json note_schema() {
  FieldReader describer = FieldReader::describer();
  NoteInput ignored;
  read_note(describer, ignored);
  nlohmann::json schema = output_schema(describer.schema(), "A field note (veldnotitie).");
  schema["properties"]["length"] = {{"type", "integer"},
                                    {"format", "int64"},
                                    {"readOnly", true},
                                    {"description", "The text's length in Unicode code points."}};
  schema["properties"]["authorId"] = {{"type", "string"},
                                      {"format", "uuid"},
                                      {"readOnly", true},
                                      {"description", "The author's account."}};
  schema["properties"]["withheld"] = {
      {"type", "boolean"},
      {"readOnly", true},
      {"description",
       "True when a household the note is linked to has withdrawn its research consent (none "
       "in force today). Like the analyses and exports, which leave the note out, the answer "
       "then withholds what the note says and whom it is about: text is empty, length 0, "
       "supportActIds and householdPseudonyms empty. Such a note can be deleted; changing, "
       "pseudonymising or coding it gets 409 (code researchConsentWithdrawn)."}};
  schema["required"].push_back("withheld");
  return schema;
}

// The households the pseudonyms name, among those whose research consent
// is in force today; invalid_input naming each one that names none.
Result<std::vector<HouseholdId>> households_of(const NoteConsent& consent,
                                               const research::Pseudonyms& pseudonyms,
                                               const std::vector<std::string>& names) {
  if (names.empty()) return std::vector<HouseholdId>();
  std::map<std::string, HouseholdId> by_pseudonym;
  for (const HouseholdId& household : consent.consented) {
    by_pseudonym.emplace(pseudonyms.of(household), household);
  }
  std::vector<HouseholdId> households;
  Error error = make_error(ErrorCode::invalid_input, "the note names unknown households");
  for (std::size_t i = 0; i != names.size(); ++i) {
    if (auto found = by_pseudonym.find(names[i]); found != by_pseudonym.end()) {
      households.push_back(found->second);
    } else {
      error.invalid_params.push_back({"householdPseudonyms[" + std::to_string(i) + "]",
                                      "names no household with research consent in force"});
    }
  }
  if (!error.invalid_params.empty()) return error;
  return households;
}

Result<NoteInput> note_input(const Request& request) {
  Result<NoteInput> input = read_input(request, &read_note);
  if (!input.ok()) return input;
  if (std::vector<InvalidParam> problems = check(input->fields); !problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "the field note is not valid");
    error.invalid_params = std::move(problems);
    return error;
  }
  return input;
}

void describe_note(ResearchCall& call, const FieldNote& note) {
  call.event.record_id = note.id.str();
  // One household per event: the first in `event`, the others beside it.
  const std::vector<HouseholdId>& households = note.fields.households;
  if (households.empty()) return;
  call.event.household_id = households.front().str();
  call.more_households.assign(households.begin() + 1, households.end());
}

Response list_notes(store::Database& database, const Request& request) {
  QueryReader reader(request);
  store::FieldNoteFilter filter;
  filter.practice = reader.id<PracticeTag>("practiceId", "Only notes of this practice.");
  filter.perspective =
      reader.enumeration<Perspective>("perspective", "Only notes from this perspective.");
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::field_note, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        if (access::notes_of_author_only(call.standing)) filter.author = call.actor().account;
        Result<NoteConsent> consent = note_consent(transaction);
        if (!consent.ok()) return std::move(consent).error();
        Result<Page<FieldNote>> found = store::FieldNoteRepository(transaction, call.project)
                                            .list(filter, Paging{page.offset(), page.page_size});
        if (!found.ok()) return std::move(found).error();
        nlohmann::json items = nlohmann::json::array();
        for (const FieldNote& note : found->items) {
          if (access::may_see_note(call.standing, call.actor(), note)) {
            items.push_back(note_json(note, *pseudonyms, *consent));
          }
        }
        return page_response(request, page, std::move(items), found->total);
      });
}

Response create_note(store::Database& database, const Request& request) {
  Result<NoteInput> input = note_input(request);
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::field_note, Operation::create,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<NoteConsent> consent = note_consent(transaction);
        if (!consent.ok()) return std::move(consent).error();
        Result<std::vector<HouseholdId>> households =
            households_of(*consent, *pseudonyms, input->household_pseudonyms);
        if (!households.ok()) return std::move(households).error();
        input->fields.households = std::move(*households);
        const std::size_t length = *utf8_code_points(input->fields.text);
        Result<FieldNote> created = store::FieldNoteRepository(transaction, call.project)
                                        .create(input->fields, length, call.actor().account);
        if (!created.ok()) return std::move(created).error();
        describe_note(call, *created);
        return item_response(201, note_json(*created, *pseudonyms, *consent), created->version,
                             std::string(kResearchProjects) + "/" + call.project.str() +
                                 "/field-notes/" + created->id.str());
      });
}

// The note of the path, when the caller may see it; refusal set otherwise.
// What it says may still be withheld (NoteConsent).
Result<FieldNote> visible_note(store::Transaction& transaction, ResearchCall& call) {
  Result<FieldNoteId> id = research_path_id<FieldNoteTag>(call.request, "id", "field note");
  if (!id.ok()) return std::move(id).error();
  Result<FieldNote> note = store::FieldNoteRepository(transaction, call.project).get(*id);
  if (!note.ok()) return note;
  call.event.record_id = id->str();
  if (!access::may_see_note(call.standing, call.actor(), *note)) {
    call.refusal = "a note is only its project's researchers' and its author's";
  }
  return note;
}

Response read_note_route(store::Database& database, const Request& request) {
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::field_note, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<FieldNote> note = visible_note(transaction, call);
        if (!note.ok()) return std::move(note).error();
        if (call.refusal) return Response();
        Result<NoteConsent> consent = note_consent(transaction);
        if (!consent.ok()) return std::move(consent).error();
        describe_note(call, *note);
        return item_response(200, note_json(*note, *pseudonyms, *consent), note->version);
      });
}

Response update_note(store::Database& database, const Request& request) {
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<NoteInput> input = note_input(request);
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::field_note, Operation::update,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<FieldNote> note = visible_note(transaction, call);
        if (!note.ok()) return std::move(note).error();
        if (call.refusal) return Response();
        Result<NoteConsent> consent = note_consent(transaction);
        if (!consent.ok()) return std::move(consent).error();
        // Not even to unlink the household: that would make the note, still
        // about it, readable again.
        if (consent->withholds(*note)) return withheld_note_error();
        Result<std::vector<HouseholdId>> households =
            households_of(*consent, *pseudonyms, input->household_pseudonyms);
        if (!households.ok()) return std::move(households).error();
        input->fields.households = std::move(*households);
        const std::size_t length = *utf8_code_points(input->fields.text);
        Result<FieldNote> updated = store::FieldNoteRepository(transaction, call.project)
                                        .update(note->id, *expected, input->fields, length);
        if (!updated.ok()) return std::move(updated).error();
        describe_note(call, *updated);
        return item_response(200, note_json(*updated, *pseudonyms, *consent), updated->version);
      });
}

Response delete_note(store::Database& database, const Request& request) {
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  return research_call(
      database, request, Resource::field_note, Operation::remove,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<FieldNote> note = visible_note(transaction, call);
        if (!note.ok()) return std::move(note).error();
        if (call.refusal) return Response();
        if (*expected && **expected != note->version) {
          return make_error(ErrorCode::precondition_failed,
                            "the field note was changed by someone else since that ETag");
        }
        describe_note(call, *note);
        Result<void> removed =
            store::FieldNoteRepository(transaction, call.project).remove(note->id);
        if (!removed.ok()) return std::move(removed).error();
        return no_content();
      });
}

struct PseudonymisationInput {
  static constexpr std::size_t kMaxNames = 100;
  static constexpr std::size_t kMaxNameLength = 100;
  std::vector<std::string> names;
};

void read_pseudonymisation(FieldReader& reader, PseudonymisationInput& input) {
  reader.text_list("names", input.names, PseudonymisationInput::kMaxNames,
                   PseudonymisationInput::kMaxNameLength,
                   "Names of people to replace in the note, each by the pseudonym it has "
                   "throughout the project (\"Persoon 1\", …). Whole words, case-sensitive.");
}

// Pseudonymisation rewrites the text, so it is refused once the note has
// codings (their offsets would move): pseudonymise first, then code.
Response pseudonymise_note(store::Database& database, const Request& request) {
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<PseudonymisationInput> input = read_input(request, &read_pseudonymisation);
  if (!input.ok()) return problem(input.error(), request.request_id);
  if (input->names.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "there is nothing to pseudonymise");
    error.invalid_params.push_back({"names", "must name at least one name"});
    return problem(error, request.request_id);
  }
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return problem(pseudonyms.error(), request.request_id);
  return research_call(
      database, request, Resource::field_note, Operation::update,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<FieldNote> note = visible_note(transaction, call);
        if (!note.ok()) return std::move(note).error();
        if (call.refusal) return Response();
        Result<NoteConsent> consent = note_consent(transaction);
        if (!consent.ok()) return std::move(consent).error();
        if (consent->withholds(*note)) return withheld_note_error();
        store::FieldNoteRepository notes(transaction, call.project);
        Result<long long> codings = notes.coding_count(note->id);
        if (!codings.ok()) return std::move(codings).error();
        if (*codings != 0) {
          Error error = make_error(ErrorCode::conflict,
                                   "the note has codings: pseudonymising now would move the "
                                   "text under them. Pseudonymise a note before coding it.");
          error.problem_code = "noteHasCodings";
          return error;
        }
        std::vector<std::string> digests;
        for (const std::string& name : input->names) {
          digests.push_back(pseudonyms->name_digest(call.project.str(), name));
        }
        Result<std::vector<std::string>> replacements = notes.pseudonyms(digests);
        if (!replacements.ok()) return std::move(replacements).error();
        std::vector<NameReplacement> pairs;
        for (std::size_t i = 0; i != digests.size(); ++i) {
          pairs.push_back({input->names[i], (*replacements)[i]});
        }
        FieldNoteFields fields = note->fields;
        fields.text = replace_names(fields.text, pairs);
        const std::size_t length = *utf8_code_points(fields.text);
        Result<FieldNote> updated = notes.update(note->id, *expected, fields, length);
        if (!updated.ok()) return std::move(updated).error();
        describe_note(call, *updated);
        return item_response(200, note_json(*updated, *pseudonyms, *consent), updated->version);
      });
}

}  // namespace

void add_research_project_routes(ApiRegistry& registry, store::Database& database) {
  auto bind = [&database](Response (*handler)(store::Database&, const Request&)) {
    return [&database, handler](const Request& request) { return handler(database, request); };
  };
  QueryReader paging = QueryReader::describer();
  (void)paging.paging();

  const std::string projects(kResearchProjects);
  registry.routes.push_back(
      {Method::get, projects, bind(&list_projects),
       list_operation(kProjectNames, "listResearchProjects", paging.parameters()), true,
       access::allowed_roles(Resource::research_project, Operation::list)});
  registry.routes.push_back(
      {Method::post, projects, bind(&create_project),
       [] {
         nlohmann::json json =
             nlohmann::json::parse(create_operation(kProjectNames, "createResearchProject"));
         json["responses"]["403"] = component_ref("responses", "Forbidden");
         return json.dump();
       }(),
       true, access::allowed_roles(Resource::research_project, Operation::create)});
  add_research_route(registry, Resource::research_project, Operation::read, Method::get, "",
                     bind(&read_project_route),
                     read_operation(kProjectNames, "getResearchProject"));
  add_research_route(registry, Resource::research_project, Operation::update, Method::put, "",
                     bind(&update_project),
                     update_operation(kProjectNames, "updateResearchProject", false));
  const nlohmann::json project_input_schema = input_schema(&read_project);
  registry.schemas["ResearchProjectInput"] = project_input_schema;
  nlohmann::json project_schema =
      output_schema(project_input_schema, "A research project spanning practices.");
  project_schema["properties"]["codebookVersion"] = {
      {"type", "integer"},
      {"format", "int32"},
      {"readOnly", true},
      {"description", "The number of changes made to its codebook so far."}};
  registry.schemas["ResearchProject"] = project_schema;

  add_research_route(registry, Resource::project_member, Operation::list, Method::get, "/members",
                     bind(&list_members),
                     list_operation(kMemberNames, "listProjectMembers", paging.parameters()));
  add_research_route(registry, Resource::project_member, Operation::create, Method::post,
                     "/members", bind(&put_member),
                     create_operation(kMemberNames, "putProjectMember"));
  {
    nlohmann::json json =
        nlohmann::json::parse(delete_operation(kMemberNames, "deleteProjectMember"));
    json["parameters"] =
        nlohmann::json::array({uuid_path_parameter("accountId", "The member's account id.")});
    add_research_route(registry, Resource::project_member, Operation::remove, Method::delete_,
                       "/members/:accountId", bind(&remove_member), json.dump());
  }
  const nlohmann::json member_input = input_schema(&read_member);
  registry.schemas["ProjectMemberInput"] = member_input;
  registry.schemas["ProjectMember"] =
      output_schema(member_input, "A member of a research project; id is the account's.");

  QueryReader note_query = QueryReader::describer();
  (void)note_query.id<PracticeTag>("practiceId", "Only notes of this practice.");
  (void)note_query.enumeration<Perspective>("perspective", "Only notes from this perspective.");
  (void)note_query.paging();
  add_research_route(registry, Resource::field_note, Operation::list, Method::get, "/field-notes",
                     bind(&list_notes),
                     list_operation(kNoteNames, "listFieldNotes", note_query.parameters()));
  add_research_route(registry, Resource::field_note, Operation::create, Method::post,
                     "/field-notes", bind(&create_note),
                     create_operation(kNoteNames, "createFieldNote"));
  add_research_route(registry, Resource::field_note, Operation::read, Method::get,
                     "/field-notes/:id", bind(&read_note_route),
                     read_operation(kNoteNames, "getFieldNote"));
  add_research_route(registry, Resource::field_note, Operation::update, Method::put,
                     "/field-notes/:id", bind(&update_note),
                     update_operation(kNoteNames, "updateFieldNote", false));
  add_research_route(registry, Resource::field_note, Operation::remove, Method::delete_,
                     "/field-notes/:id", bind(&delete_note),
                     delete_operation(kNoteNames, "deleteFieldNote"));
  {
    nlohmann::json json =
        nlohmann::json::parse(update_operation(kNoteNames, "pseudonymiseFieldNote", false));
    json["summary"] = "Replace names of people in a field note by pseudonyms";
    json["description"] =
        "Each name is replaced wherever it stands as a whole word by the pseudonym it has "
        "throughout the project (the same name, the same pseudonym, in every note). Only the "
        "name's keyed digest is stored, never the name. Refused with 409 (code "
        "noteHasCodings) once the note has codings, whose offsets would otherwise move.";
    json["requestBody"] = json_request_body("PseudonymisationInput");
    json["responses"]["409"] = component_ref("responses", "Conflict");
    add_research_route(registry, Resource::field_note, Operation::update, Method::post,
                       "/field-notes/:id/pseudonymisations", bind(&pseudonymise_note), json.dump());
  }
  registry.schemas["PseudonymisationInput"] = input_schema(&read_pseudonymisation);
  FieldReader note_describer = FieldReader::describer();
  NoteInput ignored;
  read_note(note_describer, ignored);
  registry.schemas["FieldNoteInput"] = note_describer.schema();
  registry.schemas["FieldNote"] = note_schema();
  registry.tags.push_back(
      {{"name", kResearchTag},
       {"description",
        "Practice-based research (issue 9): projects, field notes, the codebook, codings, "
        "memos and the analyses over them. Researchers of the project only; a note also its "
        "author."}});
}

}  // namespace dichtbij::api
