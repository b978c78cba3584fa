#include "store/research_corpus_query.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <tuple>

namespace dichtbij::store {

namespace {

// Rows per round trip: large enough that 200,000 codings take few, small
// enough to keep the buffers modest.
constexpr std::size_t kBatch = 5000;

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

  std::unordered_map<std::string, std::uint32_t> note_index, code_index, coder_index;
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
    soci::statement coders =
        (session.prepare << "SELECT DISTINCT coder_id FROM research_codings WHERE project_id = "
                            ":project ORDER BY coder_id",
         soci::use(project.str()), soci::into(id));
    coders.execute();
    while (coders.fetch()) {
      coder_index.emplace(id, static_cast<std::uint32_t>(corpus.coders.size()));
      corpus.coders.push_back(id);
    }
  }
  {
    // Unordered: SQLite would sort 200,000 rows by text; the integers are
    // sorted below instead.
    std::vector<std::string> ids(kBatch), notes(kBatch), codes(kBatch), coders(kBatch);
    std::vector<long long> starts(kBatch), ends(kBatch);
    const std::string id_column = with_coding_ids ? "id" : "''";
    soci::statement statement =
        (session.prepare
             << "SELECT " << id_column
             << ", note_id, code_id, coder_id, start_offset, end_offset FROM "
                "research_codings WHERE project_id = :project ORDER BY project_id, note_id",
         soci::use(project.str()), soci::into(ids), soci::into(notes), soci::into(codes),
         soci::into(coders), soci::into(starts), soci::into(ends));
    // The index hands the rows over in note order: a note's codings come
    // together, so its id is looked up once, not once per coding.
    std::string last_note;
    std::uint32_t last_note_index = 0;
    statement.execute();
    while (statement.fetch()) {
      for (std::size_t i = 0; i != notes.size(); ++i) {
        if (notes[i] != last_note) {
          last_note_index = note_index.at(notes[i]);
          last_note = notes[i];
        }
        corpus.codings.push_back({last_note_index, code_index.at(codes[i]),
                                  coder_index.at(coders[i]), starts[i], ends[i],
                                  with_coding_ids ? std::move(ids[i]) : std::string()});
      }
      for (auto* column : {&ids, &notes, &codes, &coders}) column->resize(kBatch);
      starts.resize(kBatch), ends.resize(kBatch);
    }
    std::sort(corpus.codings.begin(), corpus.codings.end(),
              [](const CodingCorpus::Coding& a, const CodingCorpus::Coding& b) {
                return std::tie(a.note, a.start, a.end, a.id) <
                       std::tie(b.note, b.start, b.end, b.id);
              });
  }
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
