#include "core/research.hpp"

#include <algorithm>
#include <set>

#include "core/code_points.hpp"

namespace dichtbij {

namespace {

bool is_colour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return false;
  return std::all_of(text.begin() + 1, text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

bool word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::vector<InvalidParam> check(const ResearchProjectFields& fields) {
  std::vector<InvalidParam> problems;
  std::set<PracticeId> seen;
  for (std::size_t i = 0; i != fields.practices.size(); ++i) {
    if (!seen.insert(fields.practices[i]).second) {
      problems.push_back({"practiceIds[" + std::to_string(i) + "]", "is listed twice"});
    }
  }
  return problems;
}

std::vector<InvalidParam> check(const FieldNoteFields& fields) {
  std::vector<InvalidParam> problems;
  if (fields.text.empty()) problems.push_back({"text", "must not be empty"});
  std::set<HouseholdId> households(fields.households.begin(), fields.households.end());
  if (households.size() != fields.households.size()) {
    problems.push_back({"householdIds", "lists a household twice"});
  }
  std::set<SupportActId> acts(fields.support_acts.begin(), fields.support_acts.end());
  if (acts.size() != fields.support_acts.size()) {
    problems.push_back({"supportActIds", "lists a support act twice"});
  }
  return problems;
}

std::vector<InvalidParam> check(const CodeFields& fields) {
  std::vector<InvalidParam> problems;
  if (!is_colour(fields.colour)) {
    problems.push_back({"colour", "must be #rrggbb in hexadecimal digits"});
  }
  return problems;
}

std::vector<InvalidParam> check(const CodingFields& fields) {
  if (fields.start < fields.end) return {};
  return {{"start", "must be less than end"}};
}

std::vector<InvalidParam> check(const MemoFields& fields) {
  const int targets =
      int(fields.note.has_value()) + int(fields.code.has_value()) + int(fields.coding.has_value());
  if (targets == 1) return {};
  return {{"noteId", "a memo is on exactly one of noteId, codeId and codingId"}};
}

std::vector<InvalidParam> check_range(const CodingFields& fields, std::size_t note_length) {
  std::vector<InvalidParam> problems;
  if (fields.start >= fields.end) problems.push_back({"start", "must be less than end"});
  if (fields.end > note_length) {
    problems.push_back({"end", "must be at most the note's length, " + std::to_string(note_length) +
                                   " code points"});
  }
  return problems;
}

std::string replace_names(std::string_view text, const std::vector<NameReplacement>& replacements) {
  std::vector<const NameReplacement*> longest_first;
  for (const NameReplacement& replacement : replacements) {
    if (!replacement.name.empty()) longest_first.push_back(&replacement);
  }
  std::stable_sort(longest_first.begin(), longest_first.end(),
                   [](const NameReplacement* a, const NameReplacement* b) {
                     return a->name.size() > b->name.size();
                   });
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const NameReplacement* found = nullptr;
    if (at == 0 || !word_byte(static_cast<unsigned char>(text[at - 1]))) {
      for (const NameReplacement* replacement : longest_first) {
        const std::string& name = replacement->name;
        if (text.substr(at, name.size()) != name) continue;
        const std::size_t after = at + name.size();
        if (after < text.size() && word_byte(static_cast<unsigned char>(text[after]))) continue;
        found = replacement;
        break;
      }
    }
    if (found != nullptr) {
      out += found->pseudonym;
      at += found->name.size();
    } else {
      out += text[at++];
    }
  }
  return out;
}

}  // namespace dichtbij
