#include "store/coding_repository.hpp"

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

struct CodingColumns {
  std::string id, note, code, coder, created_at;
  long long start = 0, end = 0;
  Coding to_coding() const {
    return Coding{CodingId(id),
                  {FieldNoteId(note), CodeId(code), static_cast<std::size_t>(start),
                   static_cast<std::size_t>(end)},
                  AccountId(coder),
                  created_at};
  }
};

#define DICHTBIJ_CODING_INTO(c)                                                  \
  soci::into(c.id), soci::into(c.note), soci::into(c.code), soci::into(c.start), \
      soci::into(c.end), soci::into(c.coder), soci::into(c.created_at)

constexpr const char* kColumns =
    "id, note_id, code_id, start_offset, end_offset, coder_id, created_at";

struct Optional {
  std::string value;
  soci::indicator indicator = soci::i_null;
  void set(std::string text) { value = std::move(text), indicator = soci::i_ok; }
};

}  // namespace

Result<Coding> CodingRepository::create(const CodingFields& fields, const AccountId& coder) {
  soci::session& session = transaction_.session();
  std::vector<InvalidParam> problems;
  long long length = 0;
  session << "SELECT body_length FROM field_notes WHERE id = :id AND project_id = :project",
      soci::use(fields.note.str()), soci::use(project_.str()), soci::into(length);
  const bool note_found = session.got_data();
  if (!note_found) problems.push_back({"noteId", "is no field note of this project"});
  int code_found = 0;
  session << "SELECT COUNT(*) FROM research_codes WHERE id = :id AND project_id = :project",
      soci::use(fields.code.str()), soci::use(project_.str()), soci::into(code_found);
  if (code_found == 0) problems.push_back({"codeId", "is no code of this project"});
  if (note_found) {
    for (InvalidParam& problem : check_range(fields, static_cast<std::size_t>(length))) {
      problems.push_back(std::move(problem));
    }
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "the coding does not fit");
    error.invalid_params = std::move(problems);
    return error;
  }
  const CodingId id(new_uuid());
  const std::string now = utc_now_text();
  const long long start = static_cast<long long>(fields.start);
  const long long end = static_cast<long long>(fields.end);
  session << "INSERT INTO research_codings (id, project_id, note_id, code_id, start_offset, "
             "end_offset, coder_id, created_at) VALUES (:id, :project, :note, :code, :start, "
             ":end, :coder, :created_at)",
      soci::use(id.str()), soci::use(project_.str()), soci::use(fields.note.str()),
      soci::use(fields.code.str()), soci::use(start), soci::use(end), soci::use(coder.str()),
      soci::use(now);
  return Coding{id, fields, coder, now};
}

Result<Coding> CodingRepository::get(const CodingId& id) {
  CodingColumns columns;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns
          << " FROM research_codings WHERE id = :id AND project_id = :project",
      soci::use(id.str()), soci::use(project_.str()), DICHTBIJ_CODING_INTO(columns);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no coding " + id.str());
  return columns.to_coding();
}

Result<Page<Coding>> CodingRepository::list(const CodingFilter& filter, const Paging& paging) {
  constexpr const char* kWhere =
      " WHERE project_id = :project"
      " AND (CAST(:note1 AS TEXT) IS NULL OR note_id = :note2)"
      " AND (CAST(:code1 AS TEXT) IS NULL OR code_id = :code2)"
      " AND (CAST(:coder1 AS TEXT) IS NULL OR coder_id = :coder2)";
  Optional note, code, coder;
  if (filter.note) note.set(filter.note->str());
  if (filter.code) code.set(filter.code->str());
  if (filter.coder) coder.set(filter.coder->str());
#define DICHTBIJ_FILTER_USE                                                           \
  soci::use(project_.str()), soci::use(note.value, note.indicator),                   \
      soci::use(note.value, note.indicator), soci::use(code.value, code.indicator),   \
      soci::use(code.value, code.indicator), soci::use(coder.value, coder.indicator), \
      soci::use(coder.value, coder.indicator)
  soci::session& session = transaction_.session();
  Page<Coding> page;
  session << "SELECT COUNT(*) FROM research_codings" << kWhere, DICHTBIJ_FILTER_USE,
      soci::into(page.total);
  CodingColumns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT " << kColumns << " FROM research_codings" << kWhere
                       << " ORDER BY note_id, start_offset, end_offset, id LIMIT :limit OFFSET "
                          ":offset",
       DICHTBIJ_FILTER_USE, soci::use(limit), soci::use(offset), DICHTBIJ_CODING_INTO(columns));
#undef DICHTBIJ_FILTER_USE
  statement.execute();
  while (statement.fetch()) page.items.push_back(columns.to_coding());
  return page;
}

Result<void> CodingRepository::remove(const CodingId& id) {
  if (Result<Coding> current = get(id); !current.ok()) return std::move(current).error();
  transaction_.session() << "DELETE FROM research_memos WHERE coding_id = :id", soci::use(id.str());
  return delete_row(transaction_, "research_codings", "coding", id.str());
}

}  // namespace dichtbij::store
