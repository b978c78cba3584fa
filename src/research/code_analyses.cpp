#include "research/code_analyses.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "research/coder_agreement.hpp"

namespace dichtbij::research {

namespace {

const std::string& column_of(const CodingCorpus::Note& note, MatrixColumns columns) {
  return columns == MatrixColumns::practice ? note.practice : note.perspective;
}

// [begin, end) of each note's codings in corpus.codings.
struct NoteSpan {
  std::size_t begin = 0, end = 0;
};

std::vector<NoteSpan> note_spans(const CodingCorpus& corpus) {
  std::vector<NoteSpan> spans(corpus.notes.size());
  for (std::size_t i = 0; i != corpus.codings.size();) {
    const std::uint32_t note = corpus.codings[i].note;
    std::size_t j = i;
    while (j != corpus.codings.size() && corpus.codings[j].note == note) ++j;
    spans[note] = {i, j};
    i = j;
  }
  return spans;
}

bool overlap(const CodingCorpus::Coding& a, const CodingCorpus::Coding& b) {
  return a.start < b.end && b.start < a.end;
}

}  // namespace

void exclude_without_consent(CodingCorpus& corpus, const std::vector<HouseholdId>& consented) {
  for (CodingCorpus::Note& note : corpus.notes) {
    note.excluded = std::any_of(
        note.households.begin(), note.households.end(), [&](const std::string& household) {
          return !std::binary_search(consented.begin(), consented.end(), HouseholdId(household));
        });
  }
}

CodeMatrix code_matrix(const CodingCorpus& corpus, MatrixColumns columns) {
  CodeMatrix matrix;
  matrix.codebook_version = corpus.codebook_version;
  std::map<std::string, std::size_t> column_index;
  for (const CodingCorpus::Note& note : corpus.notes) {
    if (!note.excluded) column_index.emplace(column_of(note, columns), 0);
  }
  for (auto& [name, index] : column_index) {
    index = matrix.columns.size();
    matrix.columns.push_back(name);
  }
  matrix.column_notes.assign(matrix.columns.size(), 0);
  std::vector<std::size_t> note_column(corpus.notes.size(), 0);
  for (std::size_t i = 0; i != corpus.notes.size(); ++i) {
    const CodingCorpus::Note& note = corpus.notes[i];
    if (note.excluded) continue;
    note_column[i] = column_index[column_of(note, columns)];
    ++matrix.column_notes[note_column[i]];
  }
  const std::size_t width = matrix.columns.size();
  std::vector<long long> codings(corpus.codes.size() * width, 0);
  std::vector<long long> notes(corpus.codes.size() * width, 0);
  // The last note each code was counted on: codings come ordered by note.
  std::vector<std::int64_t> last_note(corpus.codes.size(), -1);
  for (const CodingCorpus::Coding& coding : corpus.codings) {
    if (corpus.notes[coding.note].excluded) continue;
    const std::size_t cell = coding.code * width + note_column[coding.note];
    ++codings[cell];
    if (last_note[coding.code] != coding.note) {
      last_note[coding.code] = coding.note;
      ++notes[cell];
    }
  }
  for (std::size_t code = 0; code != corpus.codes.size(); ++code) {
    for (std::size_t column = 0; column != width; ++column) {
      const std::size_t cell = code * width + column;
      if (codings[cell] == 0) continue;
      matrix.cells.push_back({corpus.codes[code], matrix.columns[column], codings[cell],
                              notes[cell],
                              static_cast<double>(notes[cell]) / matrix.column_notes[column]});
    }
  }
  return matrix;
}

Cooccurrence code_cooccurrence(const CodingCorpus& corpus) {
  const std::size_t codes = corpus.codes.size();
  std::vector<long long> overlaps(codes * codes, 0);
  std::vector<long long> notes(codes * codes, 0);
  std::vector<std::int64_t> last_note(codes * codes, -1);
  for (const NoteSpan& span : note_spans(corpus)) {
    if (span.begin == span.end) continue;
    const std::uint32_t note = corpus.codings[span.begin].note;
    if (corpus.notes[note].excluded) continue;
    // Ordered by start: once b starts at or after a's end, no later one
    // overlaps a either.
    for (std::size_t i = span.begin; i != span.end; ++i) {
      const CodingCorpus::Coding& a = corpus.codings[i];
      for (std::size_t j = i + 1; j != span.end && corpus.codings[j].start < a.end; ++j) {
        const CodingCorpus::Coding& b = corpus.codings[j];
        if (a.code == b.code || !overlap(a, b)) continue;
        std::uint32_t first = a.code, second = b.code;
        if (corpus.codes[second] < corpus.codes[first]) std::swap(first, second);
        const std::size_t cell = first * codes + second;
        ++overlaps[cell];
        if (last_note[cell] != note) last_note[cell] = note, ++notes[cell];
      }
    }
  }
  Cooccurrence result;
  result.codebook_version = corpus.codebook_version;
  for (std::size_t first = 0; first != codes; ++first) {
    for (std::size_t second = 0; second != codes; ++second) {
      const std::size_t cell = first * codes + second;
      if (overlaps[cell] == 0) continue;
      result.cells.push_back(
          {corpus.codes[first], corpus.codes[second], overlaps[cell], notes[cell]});
    }
  }
  std::sort(result.cells.begin(), result.cells.end(),
            [](const CooccurrenceCell& a, const CooccurrenceCell& b) {
              return std::tie(a.first, a.second) < std::tie(b.first, b.second);
            });
  return result;
}

std::vector<std::size_t> fragments(const CodingCorpus& corpus, const FragmentQuery& query) {
  const auto code = std::find(corpus.codes.begin(), corpus.codes.end(), query.code);
  if (code == corpus.codes.end()) return {};
  const auto code_index = static_cast<std::uint32_t>(code - corpus.codes.begin());
  std::optional<std::uint32_t> other_index;
  if (query.other_code) {
    const auto other = std::find(corpus.codes.begin(), corpus.codes.end(), *query.other_code);
    if (other == corpus.codes.end()) return {};
    other_index = static_cast<std::uint32_t>(other - corpus.codes.begin());
  }
  const std::vector<NoteSpan> spans = note_spans(corpus);
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i != corpus.codings.size(); ++i) {
    const CodingCorpus::Coding& coding = corpus.codings[i];
    const CodingCorpus::Note& note = corpus.notes[coding.note];
    if (coding.code != code_index || note.excluded) continue;
    if (query.practice && note.practice != *query.practice) continue;
    if (query.perspective && note.perspective != *query.perspective) continue;
    if (other_index) {
      const NoteSpan& span = spans[coding.note];
      const bool overlapped =
          std::any_of(corpus.codings.begin() + static_cast<std::ptrdiff_t>(span.begin),
                      corpus.codings.begin() + static_cast<std::ptrdiff_t>(span.end),
                      [&](const CodingCorpus::Coding& other) {
                        return other.code == *other_index && overlap(coding, other);
                      });
      if (!overlapped) continue;
    }
    found.push_back(i);
  }
  return found;
}

Agreement coder_agreement(const CodingCorpus& corpus) {
  Agreement result;
  result.codebook_version = corpus.codebook_version;
  result.coders = corpus.coders;
  const std::size_t coders = corpus.coders.size();
  const std::size_t codes = corpus.codes.size();
  // Per note: which coders coded it, and which codes each applied.
  std::vector<std::vector<bool>> coded(corpus.notes.size(), std::vector<bool>(coders, false));
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<bool>> applied;  // (note, code)
  for (const CodingCorpus::Coding& coding : corpus.codings) {
    if (corpus.notes[coding.note].excluded) continue;
    coded[coding.note][coding.coder] = true;
    std::vector<bool>& by = applied[{coding.note, coding.code}];
    if (by.empty()) by.assign(coders, false);
    by[coding.coder] = true;
  }
  std::vector<std::uint32_t> units;  // notes coded by two coders or more
  for (std::uint32_t note = 0; note != corpus.notes.size(); ++note) {
    if (std::count(coded[note].begin(), coded[note].end(), true) >= 2) units.push_back(note);
  }
  for (std::uint32_t code = 0; code != codes; ++code) {
    CodeAgreement agreement{corpus.codes[code], static_cast<long long>(units.size()), {}, {}};
    std::vector<std::vector<std::optional<int>>> values;
    std::vector<int> first, second;
    for (std::uint32_t note : units) {
      const auto by = applied.find({note, code});
      std::vector<std::optional<int>> unit(coders);
      for (std::size_t coder = 0; coder != coders; ++coder) {
        if (coded[note][coder]) unit[coder] = by != applied.end() && by->second[coder] ? 1 : 0;
      }
      if (coders == 2) first.push_back(*unit[0]), second.push_back(*unit[1]);
      values.push_back(std::move(unit));
    }
    if (coders == 2) agreement.kappa = cohens_kappa(first, second);
    agreement.alpha = krippendorffs_alpha_nominal(values);
    result.codes.push_back(std::move(agreement));
  }
  return result;
}

}  // namespace dichtbij::research
