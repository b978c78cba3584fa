// Member checking (issue 9, docs/research.md): a finding a researcher
// publishes to the stakeholders of one practice, its versions, and the
// stakeholders' answers. Who may publish, see and answer is
// access/policy.hpp's business; this file holds the values and their
// invariants.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/enumeration.hpp"
#include "core/ids.hpp"
#include "core/research.hpp"
#include "core/result.hpp"

namespace dichtbij {

using FindingId = Id<struct FindingTag>;

// A stakeholder's answer to a finding.
enum class MemberCheckAnswer { agree, partly, disagree };
template <>
struct EnumTraits<MemberCheckAnswer> {
  static constexpr std::string_view kName = "memberCheckAnswer";
  static constexpr auto kValues =
      std::to_array<EnumValue>({{"agree", "Eens", "Agree"},
                                {"partly", "Deels eens", "Partly agree"},
                                {"disagree", "Oneens", "Disagree"}});
};

// What a researcher publishes, and publishes again to revise it. The
// practice is fixed by the first version.
struct FindingFields {
  static constexpr std::size_t kMaxTitleLength = 200;
  static constexpr std::size_t kMaxTextLength = 20000;
  static constexpr std::size_t kMaxFragments = 50;

  PracticeId practice;
  std::string title;
  std::string text;
  // The fragments it rests on: codings of notes of the practice, in the
  // order the stakeholders see them.
  std::vector<CodingId> codings;
};

// A fragment as published: the text its coding pointed at then. coding is
// empty once the coding was removed; the text stays.
struct FindingFragment {
  std::optional<CodingId> coding;
  std::string excerpt;
  // The note it was cut from; empty once the note was removed.
  std::optional<FieldNoteId> note;
  // Read after its note's household withdrew research consent (or after
  // the note was removed, when that can no longer be told): the excerpt is
  // empty, and it is shown as withheld.
  bool withheld = false;
};

struct FindingVersion {
  int version = 1;
  std::string title;
  std::string text;
  AccountId author;
  std::string published_at;  // UTC timestamp
  std::vector<FindingFragment> fragments;
};

struct FindingAnswerFields {
  static constexpr std::size_t kMaxCommentLength = 4000;

  int version = 1;  // the version answered: the one the stakeholder saw
  MemberCheckAnswer answer = MemberCheckAnswer::agree;
  std::string comment;  // may be empty
};

// One answer as given. A stakeholder may answer a version again: number
// counts their answers to that version from 1, and the highest counts.
struct FindingAnswer {
  int version = 1;
  AccountId account;
  int number = 1;
  MemberCheckAnswer answer = MemberCheckAnswer::agree;
  std::string comment;
  std::string answered_at;  // UTC timestamp
  std::string username;     // the account's, for the project's researchers
};

// How the stakeholders stand to one version: each one's newest answer,
// and open for the practice's stakeholders who have not answered it.
struct AnswerTally {
  int agree = 0;
  int partly = 0;
  int disagree = 0;
  int open = 0;
};

struct Finding {
  FindingId id;
  ResearchProjectId project;
  PracticeId practice;
  int version = 1;  // the newest version's number
  std::string created_at;
  // Oldest first; the last one is the current version.
  std::vector<FindingVersion> versions;
  // Every answer to every version, oldest first.
  std::vector<FindingAnswer> answers;

  // REQUIRES: versions is not empty.
  [[nodiscard]] const FindingVersion& current() const { return versions.back(); }
};

[[nodiscard]] std::vector<InvalidParam> check(const FindingFields& fields);
[[nodiscard]] std::vector<InvalidParam> check(const FindingAnswerFields& fields);

// The tally of version: the newest answer of each account that answered
// it, and open for each of stakeholders without an answer to it.
[[nodiscard]] AnswerTally tally(const std::vector<FindingAnswer>& answers, int version,
                                const std::vector<AccountId>& stakeholders);

// account's newest answer to version; nullopt when none.
[[nodiscard]] std::optional<FindingAnswer> newest_answer(const std::vector<FindingAnswer>& answers,
                                                         int version, const AccountId& account);

}  // namespace dichtbij
