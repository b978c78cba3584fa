#include "store/memo_repository.hpp"

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

struct Optional {
  std::string value;
  soci::indicator indicator = soci::i_null;
  Optional() = default;
  template <typename Tag>
  explicit Optional(const std::optional<Id<Tag>>& id)
      : value(id ? id->str() : ""), indicator(id ? soci::i_ok : soci::i_null) {}
};

struct MemoColumns {
  std::string id, author, body;
  int version = 0;
  Optional note, code, coding;
  Memo to_memo() const {
    Memo memo;
    memo.id = MemoId(id);
    memo.version = version;
    memo.author = AccountId(author);
    memo.fields.text = body;
    if (note.indicator == soci::i_ok) memo.fields.note = FieldNoteId(note.value);
    if (code.indicator == soci::i_ok) memo.fields.code = CodeId(code.value);
    if (coding.indicator == soci::i_ok) memo.fields.coding = CodingId(coding.value);
    return memo;
  }
};

#define DICHTBIJ_MEMO_INTO(c)                                                                 \
  soci::into(c.id), soci::into(c.version), soci::into(c.author), soci::into(c.body),          \
      soci::into(c.note.value, c.note.indicator), soci::into(c.code.value, c.code.indicator), \
      soci::into(c.coding.value, c.coding.indicator)

constexpr const char* kColumns = "id, version, author_id, body, note_id, code_id, coding_id";

bool in_project(Transaction& transaction, const char* table, const std::string& id,
                const std::string& project) {
  int count = 0;
  transaction.session() << "SELECT COUNT(*) FROM " << table
                        << " WHERE id = :id AND project_id = :project",
      soci::use(id), soci::use(project), soci::into(count);
  return count != 0;
}

}  // namespace

Result<Memo> MemoRepository::create(const MemoFields& fields, const AccountId& author) {
  std::vector<InvalidParam> problems;
  if (fields.note && !in_project(transaction_, "field_notes", fields.note->str(), project_.str())) {
    problems.push_back({"noteId", "is no field note of this project"});
  }
  if (fields.code &&
      !in_project(transaction_, "research_codes", fields.code->str(), project_.str())) {
    problems.push_back({"codeId", "is no code of this project"});
  }
  if (fields.coding &&
      !in_project(transaction_, "research_codings", fields.coding->str(), project_.str())) {
    problems.push_back({"codingId", "is no coding of this project"});
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "the memo is on what does not fit");
    error.invalid_params = std::move(problems);
    return error;
  }
  const MemoId id(new_uuid());
  const std::string now = utc_now_text();
  Optional note(fields.note), code(fields.code), coding(fields.coding);
  transaction_.session() << "INSERT INTO research_memos (id, version, project_id, note_id, "
                            "code_id, coding_id, author_id, body, created_at, updated_at) VALUES "
                            "(:id, 1, :project, :note, :code, :coding, :author, :body, "
                            ":created_at, :updated_at)",
      soci::use(id.str()), soci::use(project_.str()), soci::use(note.value, note.indicator),
      soci::use(code.value, code.indicator), soci::use(coding.value, coding.indicator),
      soci::use(author.str()), soci::use(fields.text), soci::use(now), soci::use(now);
  return Memo{id, 1, author, fields};
}

Result<Memo> MemoRepository::get(const MemoId& id) {
  MemoColumns columns;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns
          << " FROM research_memos WHERE id = :id AND project_id = :project",
      soci::use(id.str()), soci::use(project_.str()), DICHTBIJ_MEMO_INTO(columns);
  if (!session.got_data()) return make_error(ErrorCode::not_found, "there is no memo " + id.str());
  return columns.to_memo();
}

Result<Page<Memo>> MemoRepository::list(const MemoFields& filter, const Paging& paging) {
  constexpr const char* kWhere =
      " WHERE project_id = :project"
      " AND (CAST(:note1 AS TEXT) IS NULL OR note_id = :note2)"
      " AND (CAST(:code1 AS TEXT) IS NULL OR code_id = :code2)"
      " AND (CAST(:coding1 AS TEXT) IS NULL OR coding_id = :coding2)";
  Optional note(filter.note), code(filter.code), coding(filter.coding);
#define DICHTBIJ_FILTER_USE                                                             \
  soci::use(project_.str()), soci::use(note.value, note.indicator),                     \
      soci::use(note.value, note.indicator), soci::use(code.value, code.indicator),     \
      soci::use(code.value, code.indicator), soci::use(coding.value, coding.indicator), \
      soci::use(coding.value, coding.indicator)
  soci::session& session = transaction_.session();
  Page<Memo> page;
  session << "SELECT COUNT(*) FROM research_memos" << kWhere, DICHTBIJ_FILTER_USE,
      soci::into(page.total);
  MemoColumns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT " << kColumns << " FROM research_memos" << kWhere
                       << " ORDER BY created_at, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_FILTER_USE, soci::use(limit), soci::use(offset), DICHTBIJ_MEMO_INTO(columns));
#undef DICHTBIJ_FILTER_USE
  statement.execute();
  while (statement.fetch()) {
    page.items.push_back(columns.to_memo());
    columns.note.indicator = columns.code.indicator = columns.coding.indicator = soci::i_null;
  }
  return page;
}

Result<Memo> MemoRepository::update(const MemoId& id, std::optional<int> expected_version,
                                    const std::string& text) {
  Result<Memo> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, "research_memos", "memo", id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  transaction_.session() << "UPDATE research_memos SET body = :body WHERE id = :id",
      soci::use(text), soci::use(id.str());
  Memo memo = *current;
  memo.version += 1;
  memo.fields.text = text;
  return memo;
}

Result<void> MemoRepository::remove(const MemoId& id) {
  if (Result<Memo> current = get(id); !current.ok()) return std::move(current).error();
  return delete_row(transaction_, "research_memos", "memo", id.str());
}

}  // namespace dichtbij::store
