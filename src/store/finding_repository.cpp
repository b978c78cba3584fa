#include "store/finding_repository.hpp"

#include <soci/soci.h>

#include <map>

#include "core/code_points.hpp"
#include "core/consent.hpp"
#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

Error invalid(std::vector<InvalidParam> problems) {
  Error error = make_error(ErrorCode::invalid_input, "the finding does not fit the project");
  error.invalid_params = std::move(problems);
  return error;
}

}  // namespace

bool FindingRepository::all_consented(const std::string& note,
                                      const std::vector<HouseholdId>& consented) {
  std::string household;
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT household_id FROM field_note_households WHERE note_id = :note",
       soci::use(note), soci::into(household));
  statement.execute();
  std::vector<HouseholdId> linked;
  while (statement.fetch()) linked.emplace_back(household);
  return !lacks_research_consent(linked, consented);
}

Result<std::vector<FindingFragment>> FindingRepository::fragments_for(
    const ResearchProjectId& project, const FindingFields& fields,
    const std::vector<HouseholdId>& consented) {
  soci::session& session = transaction_.session();
  std::vector<InvalidParam> problems;
  int spanned = 0;
  session << "SELECT COUNT(*) FROM research_project_practices WHERE project_id = :project AND "
             "practice_id = :practice",
      soci::use(project.str()), soci::use(fields.practice.str()), soci::into(spanned);
  if (spanned == 0) problems.push_back({"practiceId", "is not a practice of the project"});
  std::vector<FindingFragment> fragments;
  for (std::size_t i = 0; i != fields.codings.size(); ++i) {
    std::string practice, body, note;
    long long start = 0, end = 0;
    session << "SELECT n.practice_id, n.body, c.start_offset, c.end_offset, n.id FROM "
               "research_codings c JOIN field_notes n ON n.id = c.note_id WHERE c.id = :id AND "
               "c.project_id = :project",
        soci::use(fields.codings[i].str()), soci::use(project.str()), soci::into(practice),
        soci::into(body), soci::into(start), soci::into(end), soci::into(note);
    const std::string name = "codingIds[" + std::to_string(i) + "]";
    if (!session.got_data()) {
      problems.push_back({name, "is no coding of this project"});
    } else if (practice != fields.practice.str()) {
      // Stakeholders of one practice never read another practice's notes.
      problems.push_back({name, "is a fragment of a note of another practice"});
    } else if (!all_consented(note, consented)) {
      // As in the analyses: a household that withdrew research consent is
      // not shown to anyone through a finding either.
      problems.push_back(
          {name, "is a fragment of a note linked to a household without research consent"});
    } else {
      fragments.push_back({fields.codings[i],
                           std::string(code_point_slice(body, static_cast<std::size_t>(start),
                                                        static_cast<std::size_t>(end))),
                           FieldNoteId(note), false});
    }
  }
  if (!problems.empty()) return invalid(std::move(problems));
  return fragments;
}

Result<void> FindingRepository::write_version(const FindingId& id, int version,
                                              const FindingFields& fields,
                                              const std::vector<FindingFragment>& fragments,
                                              const AccountId& author) {
  soci::session& session = transaction_.session();
  const std::string now = utc_now_text();
  session << "INSERT INTO research_finding_versions (finding_id, version, title, body, author_id, "
             "published_at) VALUES (:id, :version, :title, :body, :author, :now)",
      soci::use(id.str()), soci::use(version), soci::use(fields.title), soci::use(fields.text),
      soci::use(author.str()), soci::use(now);
  for (std::size_t i = 0; i != fragments.size(); ++i) {
    const int ordinal = static_cast<int>(i) + 1;
    session << "INSERT INTO research_finding_fragments (finding_id, version, ordinal, coding_id, "
               "excerpt, note_id) VALUES (:id, :version, :ordinal, :coding, :excerpt, :note)",
        soci::use(id.str()), soci::use(version), soci::use(ordinal),
        soci::use(fragments[i].coding->str()), soci::use(fragments[i].excerpt),
        soci::use(fragments[i].note->str());
  }
  return {};
}

Result<Finding> FindingRepository::publish(const ResearchProjectId& project,
                                           const FindingFields& fields, const AccountId& author,
                                           const std::vector<HouseholdId>& consented) {
  Result<std::vector<FindingFragment>> fragments = fragments_for(project, fields, consented);
  if (!fragments.ok()) return std::move(fragments).error();
  const FindingId id(new_uuid());
  const std::string now = utc_now_text();
  transaction_.session()
      << "INSERT INTO research_findings (id, version, project_id, practice_id, created_by, "
         "created_at, updated_at) VALUES (:id, 1, :project, :practice, :author, :now, :now2)",
      soci::use(id.str()), soci::use(project.str()), soci::use(fields.practice.str()),
      soci::use(author.str()), soci::use(now), soci::use(now);
  if (Result<void> written = write_version(id, 1, fields, *fragments, author); !written.ok()) {
    return std::move(written).error();
  }
  return get(id, consented);
}

Result<Finding> FindingRepository::revise(const ResearchProjectId& project, const FindingId& id,
                                          std::optional<int> expected, const FindingFields& fields,
                                          const AccountId& author,
                                          const std::vector<HouseholdId>& consented) {
  Result<Finding> current = get(id, consented);
  if (!current.ok() || current->project != project) {
    return make_error(ErrorCode::not_found, "there is no finding " + id.str());
  }
  if (fields.practice != current->practice) {
    return invalid({{"practiceId",
                     "must stay the practice the finding was published to; publish a new "
                     "finding for another practice"}});
  }
  Result<std::vector<FindingFragment>> fragments = fragments_for(project, fields, consented);
  if (!fragments.ok()) return std::move(fragments).error();
  if (Result<void> advanced = advance_version(transaction_, "research_findings", "finding",
                                              id.str(), current->version, expected);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> written = write_version(id, current->version + 1, fields, *fragments, author);
      !written.ok()) {
    return std::move(written).error();
  }
  return get(id, consented);
}

void FindingRepository::load(Finding& finding, const std::vector<HouseholdId>& consented) {
  soci::session& session = transaction_.session();
  {
    int version = 0;
    std::string title, body, author, published_at;
    soci::statement statement =
        (session.prepare << "SELECT version, title, body, author_id, published_at FROM "
                            "research_finding_versions WHERE finding_id = :id ORDER BY version",
         soci::use(finding.id.str()), soci::into(version), soci::into(title), soci::into(body),
         soci::into(author), soci::into(published_at));
    statement.execute();
    while (statement.fetch()) {
      finding.versions.push_back({version, title, body, AccountId(author), published_at, {}});
    }
  }
  {
    int version = 0;
    std::string coding, excerpt, note;
    soci::indicator coding_indicator = soci::i_null, note_indicator = soci::i_null;
    soci::statement statement =
        (session.prepare << "SELECT version, coding_id, excerpt, note_id FROM "
                            "research_finding_fragments WHERE finding_id = :id ORDER BY version, "
                            "ordinal",
         soci::use(finding.id.str()), soci::into(version), soci::into(coding, coding_indicator),
         soci::into(excerpt), soci::into(note, note_indicator));
    statement.execute();
    while (statement.fetch()) {
      if (version < 1 || static_cast<std::size_t>(version) > finding.versions.size()) continue;
      FindingFragment fragment{std::nullopt, excerpt, std::nullopt, false};
      if (coding_indicator == soci::i_ok) fragment.coding = CodingId(coding);
      if (note_indicator == soci::i_ok) fragment.note = FieldNoteId(note);
      finding.versions[static_cast<std::size_t>(version) - 1].fragments.push_back(
          std::move(fragment));
      coding_indicator = note_indicator = soci::i_null;
    }
  }
  // Consent is asked of each note once per finding, after the statement
  // above is done with the session.
  std::map<std::string, bool> shown;
  for (FindingVersion& version : finding.versions) {
    for (FindingFragment& fragment : version.fragments) {
      if (fragment.note) {
        auto found = shown.find(fragment.note->str());
        if (found == shown.end()) {
          found =
              shown.emplace(fragment.note->str(), all_consented(fragment.note->str(), consented))
                  .first;
        }
        fragment.withheld = !found->second;
      } else {
        fragment.withheld = true;
      }
      if (fragment.withheld) fragment.excerpt.clear();
    }
  }
  {
    FindingAnswer row;
    std::string account, answer;
    soci::statement statement =
        (session.prepare << "SELECT a.version, a.account_id, a.answer_number, a.answer, "
                            "a.comment, a.answered_at, u.username FROM research_finding_answers a "
                            "JOIN accounts u ON u.id = a.account_id WHERE a.finding_id = :id "
                            "ORDER BY a.answered_at, a.version, a.account_id, a.answer_number",
         soci::use(finding.id.str()), soci::into(row.version), soci::into(account),
         soci::into(row.number), soci::into(answer), soci::into(row.comment),
         soci::into(row.answered_at), soci::into(row.username));
    statement.execute();
    while (statement.fetch()) {
      row.account = AccountId(account);
      row.answer = from_code<MemberCheckAnswer>(answer).value_or(MemberCheckAnswer::partly);
      finding.answers.push_back(row);
    }
  }
}

Result<std::vector<Finding>> FindingRepository::findings_where(
    const std::string& where, const std::string& value, const std::vector<HouseholdId>& consented) {
  std::vector<Finding> findings;
  std::string id, project, practice, created_at;
  int version = 0;
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT f.id, f.project_id, f.practice_id, f.version, f.created_at FROM "
              "research_findings f WHERE "
           << where << " ORDER BY f.created_at DESC, f.id",
       soci::use(value), soci::into(id), soci::into(project), soci::into(practice),
       soci::into(version), soci::into(created_at));
  statement.execute();
  while (statement.fetch()) {
    Finding finding;
    finding.id = FindingId(id);
    finding.project = ResearchProjectId(project);
    finding.practice = PracticeId(practice);
    finding.version = version;
    finding.created_at = created_at;
    findings.push_back(std::move(finding));
  }
  for (Finding& finding : findings) load(finding, consented);
  return findings;
}

Result<Finding> FindingRepository::get(const FindingId& id,
                                       const std::vector<HouseholdId>& consented) {
  Result<std::vector<Finding>> found = findings_where("f.id = :id", id.str(), consented);
  if (!found.ok()) return std::move(found).error();
  if (found->empty() || found->front().versions.empty()) {
    return make_error(ErrorCode::not_found, "there is no finding " + id.str());
  }
  return std::move(found->front());
}

Result<std::vector<Finding>> FindingRepository::of_project(
    const ResearchProjectId& project, const std::vector<HouseholdId>& consented) {
  return findings_where("f.project_id = :project", project.str(), consented);
}

Result<std::vector<Finding>> FindingRepository::published_to(
    const AccountId& account, const std::vector<HouseholdId>& consented) {
  return findings_where(
      "EXISTS (SELECT 1 FROM research_project_members m WHERE m.project_id = f.project_id AND "
      "m.practice_id = f.practice_id AND m.role = 'stakeholder' AND m.account_id = :account)",
      account.str(), consented);
}

Result<std::vector<AccountId>> FindingRepository::stakeholders(const ResearchProjectId& project,
                                                               const PracticeId& practice) {
  std::vector<AccountId> accounts;
  std::string account;
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT account_id FROM research_project_members WHERE project_id = :project AND "
              "practice_id = :practice AND role = 'stakeholder' ORDER BY account_id",
       soci::use(project.str()), soci::use(practice.str()), soci::into(account));
  statement.execute();
  while (statement.fetch()) accounts.emplace_back(account);
  return accounts;
}

Result<FindingAnswer> FindingRepository::answer(const Finding& finding, const AccountId& account,
                                                const FindingAnswerFields& fields) {
  if (fields.version != finding.version) {
    return make_error(ErrorCode::conflict, "the finding was revised: version " +
                                               std::to_string(finding.version) +
                                               " is current; read it and answer that one");
  }
  soci::session& session = transaction_.session();
  int number = 0;
  session << "SELECT COALESCE(MAX(answer_number), 0) FROM research_finding_answers WHERE "
             "finding_id = :id AND version = :version AND account_id = :account",
      soci::use(finding.id.str()), soci::use(fields.version), soci::use(account.str()),
      soci::into(number);
  FindingAnswer answer{fields.version, account,        number + 1, fields.answer,
                       fields.comment, utc_now_text(), ""};
  const std::string code(to_code(fields.answer));
  session << "INSERT INTO research_finding_answers (finding_id, version, account_id, "
             "answer_number, answer, comment, answered_at) VALUES (:id, :version, :account, "
             ":number, :answer, :comment, :now)",
      soci::use(finding.id.str()), soci::use(answer.version), soci::use(account.str()),
      soci::use(answer.number), soci::use(code), soci::use(answer.comment),
      soci::use(answer.answered_at);
  return answer;
}

}  // namespace dichtbij::store
