#include "store/field_note_repository.hpp"

#include <soci/soci.h>

#include "store/child_rows.hpp"
#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr ChildTable kSupportActs{"field_note_support_acts", "note_id", "support_act_id",
                                  "support_act_id"};
constexpr ChildTable kHouseholds{"field_note_households", "note_id", "household_id",
                                 "household_id"};

constexpr const char* kColumns =
    "id, version, author_id, practice_id, site, observed_on, perspective, body, body_length";

struct NoteColumns {
  std::string id, author, practice, site, observed_on, perspective, body;
  int version = 0;
  long long length = 0;

  FieldNote to_note(const ResearchProjectId& project) const {
    FieldNote note;
    note.id = FieldNoteId(id);
    note.version = version;
    note.project = project;
    note.author = AccountId(author);
    note.fields.practice = PracticeId(practice);
    note.fields.site = site;
    note.fields.observed_on = read_date(observed_on);
    note.fields.perspective = from_code<Perspective>(perspective).value_or(Perspective::researcher);
    note.fields.text = body;
    note.length = static_cast<std::size_t>(length);
    return note;
  }
};

#define DICHTBIJ_NOTE_INTO(c)                                                            \
  soci::into(c.id), soci::into(c.version), soci::into(c.author), soci::into(c.practice), \
      soci::into(c.site), soci::into(c.observed_on), soci::into(c.perspective),          \
      soci::into(c.body), soci::into(c.length)

struct Optional {
  std::string value;
  soci::indicator indicator = soci::i_null;
  void set(std::string text) { value = std::move(text), indicator = soci::i_ok; }
};

}  // namespace

Result<void> FieldNoteRepository::write(const FieldNoteId& id, const FieldNoteFields& fields,
                                        std::size_t length,
                                        const std::optional<AccountId>& author) {
  soci::session& session = transaction_.session();
  std::vector<InvalidParam> problems;
  int spanned = 0;
  session << "SELECT COUNT(*) FROM research_project_practices WHERE project_id = :project AND "
             "practice_id = :practice",
      soci::use(project_.str()), soci::use(fields.practice.str()), soci::into(spanned);
  if (spanned == 0) problems.push_back({"practiceId", "is not a practice of the project"});
  for (std::size_t i = 0; i != fields.support_acts.size(); ++i) {
    if (!row_exists(transaction_, "support_acts", fields.support_acts[i].str())) {
      problems.push_back({"supportActIds[" + std::to_string(i) + "]", "names no support act"});
    }
  }
  for (std::size_t i = 0; i != fields.households.size(); ++i) {
    if (!row_exists(transaction_, "households", fields.households[i].str())) {
      problems.push_back({"householdIds[" + std::to_string(i) + "]", "names no household"});
    }
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "the note refers to what does not fit");
    error.invalid_params = std::move(problems);
    return error;
  }
  const std::string observed_on = format_date(fields.observed_on);
  const std::string perspective(to_code(fields.perspective));
  const long long body_length = static_cast<long long>(length);
  if (author) {
    const std::string now = utc_now_text();
    session << "INSERT INTO field_notes (id, version, project_id, practice_id, site, author_id, "
               "observed_on, perspective, body, body_length, created_at, updated_at) VALUES (:id, "
               "1, :project, :practice, :site, :author, :observed_on, :perspective, :body, "
               ":length, :created_at, :updated_at)",
        soci::use(id.str()), soci::use(project_.str()), soci::use(fields.practice.str()),
        soci::use(fields.site), soci::use(author->str()), soci::use(observed_on),
        soci::use(perspective), soci::use(fields.text), soci::use(body_length), soci::use(now),
        soci::use(now);
  } else {
    session << "UPDATE field_notes SET practice_id = :practice, site = :site, observed_on = "
               ":observed_on, perspective = :perspective, body = :body, body_length = :length "
               "WHERE id = :id",
        soci::use(fields.practice.str()), soci::use(fields.site), soci::use(observed_on),
        soci::use(perspective), soci::use(fields.text), soci::use(body_length), soci::use(id.str());
    session << "DELETE FROM field_note_support_acts WHERE note_id = :id", soci::use(id.str());
    session << "DELETE FROM field_note_households WHERE note_id = :id", soci::use(id.str());
  }
  for (const SupportActId& act : fields.support_acts) {
    session << "INSERT INTO field_note_support_acts (note_id, support_act_id) VALUES (:note, "
               ":act)",
        soci::use(id.str()), soci::use(act.str());
  }
  for (const HouseholdId& household : fields.households) {
    session << "INSERT INTO field_note_households (note_id, household_id) VALUES (:note, "
               ":household)",
        soci::use(id.str()), soci::use(household.str());
  }
  return {};
}

void FieldNoteRepository::read_links(std::vector<FieldNote>& notes) {
  const std::vector<std::string> ids = ids_of(notes);
  std::string link;
  for_each_child_row(
      transaction_.session(), kSupportActs, ids,
      [&](soci::statement& statement) { statement.exchange(soci::into(link)); },
      [&](std::size_t parent) { notes[parent].fields.support_acts.emplace_back(link); });
  for_each_child_row(
      transaction_.session(), kHouseholds, ids,
      [&](soci::statement& statement) { statement.exchange(soci::into(link)); },
      [&](std::size_t parent) { notes[parent].fields.households.emplace_back(link); });
}

Result<FieldNote> FieldNoteRepository::create(const FieldNoteFields& fields, std::size_t length,
                                              const AccountId& author) {
  const FieldNoteId id(new_uuid());
  if (Result<void> written = write(id, fields, length, author); !written.ok()) {
    return std::move(written).error();
  }
  return get(id);
}

Result<FieldNote> FieldNoteRepository::get(const FieldNoteId& id) {
  NoteColumns columns;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM field_notes WHERE id = :id AND project_id = :project",
      soci::use(id.str()), soci::use(project_.str()), DICHTBIJ_NOTE_INTO(columns);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found, "there is no field note " + id.str());
  }
  std::vector<FieldNote> notes{columns.to_note(project_)};
  read_links(notes);
  return std::move(notes[0]);
}

Result<Page<FieldNote>> FieldNoteRepository::list(const FieldNoteFilter& filter,
                                                  const Paging& paging) {
  constexpr const char* kWhere =
      " WHERE project_id = :project"
      " AND (CAST(:practice1 AS TEXT) IS NULL OR practice_id = :practice2)"
      " AND (CAST(:perspective1 AS TEXT) IS NULL OR perspective = :perspective2)"
      " AND (CAST(:author1 AS TEXT) IS NULL OR author_id = :author2)";
  Optional practice, perspective, author;
  if (filter.practice) practice.set(filter.practice->str());
  if (filter.perspective) perspective.set(std::string(to_code(*filter.perspective)));
  if (filter.author) author.set(filter.author->str());
#define DICHTBIJ_FILTER_USE                                                 \
  soci::use(project_.str()), soci::use(practice.value, practice.indicator), \
      soci::use(practice.value, practice.indicator),                        \
      soci::use(perspective.value, perspective.indicator),                  \
      soci::use(perspective.value, perspective.indicator),                  \
      soci::use(author.value, author.indicator), soci::use(author.value, author.indicator)
  soci::session& session = transaction_.session();
  Page<FieldNote> page;
  session << "SELECT COUNT(*) FROM field_notes" << kWhere, DICHTBIJ_FILTER_USE,
      soci::into(page.total);
  NoteColumns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT " << kColumns << " FROM field_notes" << kWhere
                       << " ORDER BY observed_on, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_FILTER_USE, soci::use(limit), soci::use(offset), DICHTBIJ_NOTE_INTO(columns));
#undef DICHTBIJ_FILTER_USE
  statement.execute();
  while (statement.fetch()) page.items.push_back(columns.to_note(project_));
  read_links(page.items);
  return page;
}

Result<long long> FieldNoteRepository::coding_count(const FieldNoteId& id) {
  long long count = 0;
  transaction_.session() << "SELECT COUNT(*) FROM research_codings WHERE note_id = :id",
      soci::use(id.str()), soci::into(count);
  return count;
}

Result<FieldNote> FieldNoteRepository::update(const FieldNoteId& id,
                                              std::optional<int> expected_version,
                                              const FieldNoteFields& fields, std::size_t length) {
  Result<FieldNote> current = get(id);
  if (!current.ok()) return current;
  if (current->fields.text != fields.text) {
    Result<long long> codings = coding_count(id);
    if (!codings.ok()) return std::move(codings).error();
    if (*codings != 0) {
      return make_error(ErrorCode::conflict,
                        "the note has " + std::to_string(*codings) +
                            " codings: its text can no longer change, or their offsets would "
                            "point at other words");
    }
  }
  if (Result<void> advanced = advance_version(transaction_, "field_notes", "field note", id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> written = write(id, fields, length, std::nullopt); !written.ok()) {
    return std::move(written).error();
  }
  return get(id);
}

Result<void> FieldNoteRepository::remove(const FieldNoteId& id) {
  if (Result<FieldNote> current = get(id); !current.ok()) return std::move(current).error();
  soci::session& session = transaction_.session();
  // Memos on the note's codings first: the engines differ in how far
  // cascades reach through two levels.
  session << "DELETE FROM research_memos WHERE note_id = :id OR coding_id IN (SELECT id FROM "
             "research_codings WHERE note_id = :id2)",
      soci::use(id.str()), soci::use(id.str());
  session << "DELETE FROM research_codings WHERE note_id = :id", soci::use(id.str());
  return delete_row(transaction_, "field_notes", "field note", id.str());
}

Result<std::vector<std::string>> FieldNoteRepository::pseudonyms(
    const std::vector<std::string>& digests) {
  soci::session& session = transaction_.session();
  std::vector<std::string> found;
  for (const std::string& digest : digests) {
    std::string pseudonym;
    session << "SELECT pseudonym FROM research_name_pseudonyms WHERE project_id = :project AND "
               "name_digest = :digest",
        soci::use(project_.str()), soci::use(digest), soci::into(pseudonym);
    if (!session.got_data()) {
      long long used = 0;
      session << "SELECT COUNT(*) FROM research_name_pseudonyms WHERE project_id = :project",
          soci::use(project_.str()), soci::into(used);
      pseudonym = "Persoon " + std::to_string(used + 1);
      session << "INSERT INTO research_name_pseudonyms (project_id, name_digest, pseudonym) "
                 "VALUES (:project, :digest, :pseudonym)",
          soci::use(project_.str()), soci::use(digest), soci::use(pseudonym);
    }
    found.push_back(std::move(pseudonym));
  }
  return found;
}

}  // namespace dichtbij::store
