// Practice-based research (issue 9, docs/research.md): projects that span
// practices, their members, field notes (veldnotities), a hierarchical
// codebook whose every change is kept, codings of text ranges and memos.
// Who may see what is access/policy.hpp's business; the analyses are in
// research/. This file holds the values and their invariants.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/enumeration.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace dichtbij {

using ResearchProjectId = Id<struct ResearchProjectTag>;
using FieldNoteId = Id<struct FieldNoteTag>;
using CodeId = Id<struct CodeTag>;
using CodingId = Id<struct CodingTag>;
using MemoId = Id<struct MemoTag>;

// Whose view a note records: the informant's, or the author's own.
enum class Perspective {
  professional,
  manager,
  civilServant,
  experientialExpert,
  volunteer,
  citizen,
  researcher
};
template <>
struct EnumTraits<Perspective> {
  static constexpr std::string_view kName = "perspective";
  static constexpr auto kValues = std::to_array<EnumValue>(
      {{"professional", "Professional", "Professional"},
       {"manager", "Manager", "Manager"},
       {"civilServant", "Ambtenaar", "Civil servant"},
       {"experientialExpert", "Ervaringsdeskundige", "Experiential expert"},
       {"volunteer", "Vrijwilliger", "Volunteer"},
       {"citizen", "Burger of cliënt", "Citizen or client"},
       {"researcher", "Onderzoeker", "Researcher"}});
};

// researcher: writes and codes notes and sees every note of the project;
// stakeholder: someone of a practice who takes part in member checks and
// sees no notes.
enum class ProjectRole { researcher, stakeholder };
template <>
struct EnumTraits<ProjectRole> {
  static constexpr std::string_view kName = "projectRole";
  static constexpr auto kValues =
      std::to_array<EnumValue>({{"researcher", "Onderzoeker", "Researcher"},
                                {"stakeholder", "Belanghebbende", "Stakeholder"}});
};

struct ResearchProjectFields {
  static constexpr std::size_t kMaxNameLength = 200;
  static constexpr std::size_t kMaxDescriptionLength = 4000;
  static constexpr std::size_t kMaxPractices = 50;

  std::string name;
  std::string description;
  std::vector<PracticeId> practices;
};

struct ResearchProject {
  ResearchProjectId id;
  int version = 1;
  ResearchProjectFields fields;
  int codebook_version = 0;  // the newest change to its codebook; 0 when none
};

struct ProjectMember {
  AccountId account;
  ProjectRole role = ProjectRole::researcher;
  std::optional<PracticeId> practice;  // a stakeholder's practice
};

struct FieldNoteFields {
  static constexpr std::size_t kMaxSiteLength = 200;
  static constexpr std::size_t kMaxTextLength = 200000;  // code points
  static constexpr std::size_t kMaxLinks = 50;

  PracticeId practice;
  std::string site;  // where: a community centre, a street, a meeting
  Date observed_on{};
  Perspective perspective = Perspective::researcher;
  std::string text;  // verbatim: codings point into it by code point
  std::vector<SupportActId> support_acts;
  std::vector<HouseholdId> households;
};

struct FieldNote {
  FieldNoteId id;
  int version = 1;
  ResearchProjectId project;
  AccountId author;
  FieldNoteFields fields;
  std::size_t length = 0;  // of text, in code points
};

struct CodeFields {
  static constexpr std::size_t kMaxNameLength = 100;
  static constexpr std::size_t kMaxDescriptionLength = 2000;

  std::string name;
  std::string description;
  std::string colour = "#888888";  // #rrggbb
  std::optional<CodeId> parent;
};

struct Code {
  CodeId id;
  int version = 1;
  CodeFields fields;
};

// One entry of a codebook's change log.
enum class CodebookChangeKind { created, updated, removed };
template <>
struct EnumTraits<CodebookChangeKind> {
  static constexpr std::string_view kName = "codebookChangeKind";
  static constexpr auto kValues = std::to_array<EnumValue>({{"created", "Aangemaakt", "Created"},
                                                            {"updated", "Gewijzigd", "Updated"},
                                                            {"removed", "Verwijderd", "Removed"}});
};

struct CodebookChange {
  int codebook_version = 0;
  CodeId code;
  CodebookChangeKind kind = CodebookChangeKind::created;
  AccountId account;
  std::string changed_at;  // UTC timestamp
  std::optional<CodeFields> before, after;
};

struct CodingFields {
  FieldNoteId note;
  CodeId code;
  std::size_t start = 0;  // code points, inclusive
  std::size_t end = 0;    // code points, exclusive
};

struct Coding {
  CodingId id;
  CodingFields fields;
  AccountId coder;
  std::string created_at;
};

struct MemoFields {
  static constexpr std::size_t kMaxTextLength = 20000;

  // Exactly one of these.
  std::optional<FieldNoteId> note;
  std::optional<CodeId> code;
  std::optional<CodingId> coding;
  std::string text;
};

struct Memo {
  MemoId id;
  int version = 1;
  AccountId author;
  MemoFields fields;
};

[[nodiscard]] std::vector<InvalidParam> check(const ResearchProjectFields& fields);
[[nodiscard]] std::vector<InvalidParam> check(const FieldNoteFields& fields);
[[nodiscard]] std::vector<InvalidParam> check(const CodeFields& fields);
// start < end; that end is within its note is the repository's check.
[[nodiscard]] std::vector<InvalidParam> check(const CodingFields& fields);
[[nodiscard]] std::vector<InvalidParam> check(const MemoFields& fields);
// A coding's range against its note's length in code points:
// start < end <= length.
[[nodiscard]] std::vector<InvalidParam> check_range(const CodingFields& fields,
                                                    std::size_t note_length);

// One name to replace and what replaces it.
struct NameReplacement {
  std::string name;
  std::string pseudonym;
};

// text with every whole-word occurrence of each name replaced by its
// pseudonym (longer names first, so "Jan de Vries" wins over "Jan"). A
// match is whole-word when the bytes either side are not ASCII letters or
// digits and not part of a multi-byte character. Case-sensitive.
[[nodiscard]] std::string replace_names(std::string_view text,
                                        const std::vector<NameReplacement>& replacements);

}  // namespace dichtbij
