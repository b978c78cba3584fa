#include "store/research_corpus_query.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <functional>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace dichtbij::store {

namespace {

// Rows per round trip: large enough that 200,000 codings take few, small
// enough to keep the buffers modest.
constexpr std::size_t kBatch = 5000;

// Ids to indices, looked up by string_view so that a row read straight from
// SQLite's buffer costs no std::string.
struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view id) const noexcept {
    return std::hash<std::string_view>{}(id);
  }
};
using Interner = std::unordered_map<std::string, std::uint32_t, IdHash, std::equal_to<>>;

// Takes the codings as they are read, in note order, and interns their ids.
struct CodingSink {
  CodingCorpus& corpus;
  const Interner& notes;
  const Interner& codes;
  Interner& coders;
  bool with_coding_ids;
  std::string last_note;
  std::uint32_t last_note_index = 0;

  // A coding whose note or code is not the project's cannot be: the foreign
  // keys hold them to it.
  void add(std::string_view id, std::string_view note, std::string_view code,
           std::string_view coder, std::int64_t start, std::int64_t end) {
    // A note's codings come together: its id is looked up once.
    if (note != last_note) {
      last_note_index = notes.find(note)->second;
      last_note.assign(note);
    }
    auto found = coders.find(coder);
    if (found == coders.end()) {
      found = coders.emplace(std::string(coder), static_cast<std::uint32_t>(coders.size())).first;
    }
    corpus.codings.push_back({last_note_index, codes.find(code)->second, found->second, start, end,
                              with_coding_ids ? std::string(id) : std::string()});
  }

  // The coders by id, as the analyses list them; the codings renumbered.
  void order_coders() {
    std::vector<std::string> sorted;
    for (const auto& [coder, index] : coders) sorted.push_back(coder);
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::uint32_t> renumbered(sorted.size());
    for (std::uint32_t i = 0; i != sorted.size(); ++i) renumbered[coders.at(sorted[i])] = i;
    for (CodingCorpus::Coding& coding : corpus.codings) coding.coder = renumbered[coding.coder];
    corpus.coders = std::move(sorted);
  }
};

std::string_view text_of(sqlite_api::sqlite3_stmt* statement, int column) {
  const auto* text =
      reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(statement, column));
  return text == nullptr
             ? std::string_view()
             : std::string_view(text, static_cast<std::size_t>(
                                          sqlite_api::sqlite3_column_bytes(statement, column)));
}

// SQLite's own API for the one query that reads 200,000 rows (issue 9's
// bar, bench/research_matrices.sh): SOCI copies every text twice and takes
// a heap allocation for each; here each row's ids are read in place.
Result<void> read_codings_sqlite(soci::session& session, const std::string& query,
                                 const std::string& project, CodingSink& sink) {
  auto* connection = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
  sqlite_api::sqlite3_stmt* statement = nullptr;
  // SQLite takes the named parameter as it is; :project is its first.
  if (sqlite_api::sqlite3_prepare_v2(connection, query.c_str(), -1, &statement, nullptr) !=
      SQLITE_OK) {
    return make_error(ErrorCode::unavailable, sqlite_api::sqlite3_errmsg(connection));
  }
  sqlite_api::sqlite3_bind_text(statement, 1, project.c_str(), static_cast<int>(project.size()),
                                SQLITE_STATIC);
  int step = SQLITE_ROW;
  while ((step = sqlite_api::sqlite3_step(statement)) == SQLITE_ROW) {
    sink.add(text_of(statement, 0), text_of(statement, 1), text_of(statement, 2),
             text_of(statement, 3), sqlite_api::sqlite3_column_int64(statement, 4),
             sqlite_api::sqlite3_column_int64(statement, 5));
  }
  Result<void> result;
  if (step != SQLITE_DONE) {
    result = make_error(ErrorCode::unavailable, sqlite_api::sqlite3_errmsg(connection));
  }
  sqlite_api::sqlite3_finalize(statement);
  return result;
}

void read_codings_soci(soci::session& session, const std::string& query, const std::string& project,
                       CodingSink& sink) {
  std::vector<std::string> ids(kBatch), notes(kBatch), codes(kBatch), coders(kBatch);
  std::vector<long long> starts(kBatch), ends(kBatch);
  soci::statement statement =
      (session.prepare << query, soci::use(project), soci::into(ids), soci::into(notes),
       soci::into(codes), soci::into(coders), soci::into(starts), soci::into(ends));
  statement.execute();
  while (statement.fetch()) {
    for (std::size_t i = 0; i != notes.size(); ++i) {
      sink.add(ids[i], notes[i], codes[i], coders[i], starts[i], ends[i]);
    }
    for (auto* column : {&ids, &notes, &codes, &coders}) column->resize(kBatch);
    starts.resize(kBatch), ends.resize(kBatch);
  }
}

}  // namespace

Result<CodingCorpus> research_corpus(Transaction& transaction, const ResearchProjectId& project,
                                     bool with_coding_ids) {
  soci::session& session = transaction.session();
  CodingCorpus corpus;
  session << "SELECT codebook_version FROM research_projects WHERE id = :id",
      soci::use(project.str()), soci::into(corpus.codebook_version);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found, "there is no research project " + project.str());
  }

  Interner note_index, code_index, coder_index;
  {
    std::vector<std::string> ids(kBatch), practices(kBatch), perspectives(kBatch);
    soci::statement statement =
        (session.prepare << "SELECT id, practice_id, perspective FROM field_notes WHERE "
                            "project_id = :project ORDER BY id",
         soci::use(project.str()), soci::into(ids), soci::into(practices),
         soci::into(perspectives));
    statement.execute();
    while (statement.fetch()) {
      for (std::size_t i = 0; i != ids.size(); ++i) {
        note_index.emplace(ids[i], static_cast<std::uint32_t>(corpus.notes.size()));
        corpus.notes.push_back({ids[i], practices[i], perspectives[i], {}, false});
      }
      ids.resize(kBatch), practices.resize(kBatch), perspectives.resize(kBatch);
    }
  }
  {
    std::string note, household;
    soci::statement statement =
        (session.prepare << "SELECT h.note_id, h.household_id FROM field_note_households h JOIN "
                            "field_notes n ON n.id = h.note_id WHERE n.project_id = :project",
         soci::use(project.str()), soci::into(note), soci::into(household));
    statement.execute();
    while (statement.fetch()) {
      if (auto found = note_index.find(note); found != note_index.end()) {
        corpus.notes[found->second].households.push_back(household);
      }
    }
  }
  {
    std::string id;
    soci::statement codes = (session.prepare << "SELECT id FROM research_codes WHERE project_id "
                                                "= :project ORDER BY id",
                             soci::use(project.str()), soci::into(id));
    codes.execute();
    while (codes.fetch()) {
      code_index.emplace(id, static_cast<std::uint32_t>(corpus.codes.size()));
      corpus.codes.push_back(id);
    }
  }
  CodingSink sink{corpus, note_index, code_index, coder_index, with_coding_ids, {}, 0};
  // Unordered by text: SQLite would sort 200,000 rows by 36-character ids;
  // the covering index hands them over by note, and the integers are sorted
  // below instead.
  const std::string query = std::string("SELECT ") + (with_coding_ids ? "id" : "''") +
                            ", note_id, code_id, coder_id, start_offset, end_offset FROM "
                            "research_codings WHERE project_id = :project ORDER BY project_id, "
                            "note_id";
  if (transaction.engine() == Engine::sqlite) {
    if (Result<void> read = read_codings_sqlite(session, query, project.str(), sink); !read.ok()) {
      return std::move(read).error();
    }
  } else {
    read_codings_soci(session, query, project.str(), sink);
  }
  sink.order_coders();
  std::sort(corpus.codings.begin(), corpus.codings.end(),
            [](const CodingCorpus::Coding& a, const CodingCorpus::Coding& b) {
              return std::tie(a.note, a.start, a.end, a.id) <
                     std::tie(b.note, b.start, b.end, b.id);
            });
  return corpus;
}

Result<std::unordered_map<std::string, std::string>> note_texts(
    Transaction& transaction, const ResearchProjectId& project,
    const std::vector<std::string>& notes) {
  std::unordered_map<std::string, std::string> texts;
  soci::session& session = transaction.session();
  for (const std::string& note : notes) {
    if (texts.contains(note)) continue;
    std::string body;
    session << "SELECT body FROM field_notes WHERE id = :id AND project_id = :project",
        soci::use(note), soci::use(project.str()), soci::into(body);
    if (session.got_data()) texts.emplace(note, std::move(body));
  }
  return texts;
}

}  // namespace dichtbij::store
