#include "store/research_project_repository.hpp"

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

Result<void> ResearchProjectRepository::write_practices(const ResearchProjectId& id,
                                                        const ResearchProjectFields& fields) {
  std::vector<InvalidParam> problems;
  for (std::size_t i = 0; i != fields.practices.size(); ++i) {
    if (!row_exists(transaction_, "practices", fields.practices[i].str())) {
      problems.push_back({"practiceIds[" + std::to_string(i) + "]", "names no practice"});
    }
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "it names practices that do not exist");
    error.invalid_params = std::move(problems);
    return error;
  }
  soci::session& session = transaction_.session();
  session << "DELETE FROM research_project_practices WHERE project_id = :id", soci::use(id.str());
  for (const PracticeId& practice : fields.practices) {
    session << "INSERT INTO research_project_practices (project_id, practice_id) VALUES (:id, "
               ":practice)",
        soci::use(id.str()), soci::use(practice.str());
  }
  return {};
}

std::vector<PracticeId> ResearchProjectRepository::practices_of(const ResearchProjectId& id) {
  std::vector<PracticeId> practices;
  std::string practice;
  soci::statement statement =
      (transaction_.session().prepare << "SELECT practice_id FROM research_project_practices WHERE "
                                         "project_id = :id ORDER BY practice_id",
       soci::use(id.str()), soci::into(practice));
  statement.execute();
  while (statement.fetch()) practices.emplace_back(practice);
  return practices;
}

Result<ResearchProject> ResearchProjectRepository::create(const ResearchProjectFields& fields,
                                                          const AccountId& creator) {
  const ResearchProjectId id(new_uuid());
  const std::string now = utc_now_text();
  soci::session& session = transaction_.session();
  session << "INSERT INTO research_projects (id, version, name, description, codebook_version, "
             "created_by, created_at, updated_at) VALUES (:id, 1, :name, :description, 0, "
             ":creator, :created_at, :updated_at)",
      soci::use(id.str()), soci::use(fields.name), soci::use(fields.description),
      soci::use(creator.str()), soci::use(now), soci::use(now);
  if (Result<void> written = write_practices(id, fields); !written.ok()) {
    return std::move(written).error();
  }
  if (Result<void> added = put_member(id, {creator, ProjectRole::researcher, std::nullopt});
      !added.ok()) {
    return std::move(added).error();
  }
  return get(id);
}

Result<ResearchProject> ResearchProjectRepository::get(const ResearchProjectId& id) {
  ResearchProject project;
  project.id = id;
  soci::session& session = transaction_.session();
  session << "SELECT version, name, description, codebook_version FROM research_projects WHERE "
             "id = :id",
      soci::use(id.str()), soci::into(project.version), soci::into(project.fields.name),
      soci::into(project.fields.description), soci::into(project.codebook_version);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found, "there is no research project " + id.str());
  }
  project.fields.practices = practices_of(id);
  return project;
}

Result<Page<ResearchProject>> ResearchProjectRepository::list_for(const AccountId& account,
                                                                  const Paging& paging) {
  soci::session& session = transaction_.session();
  Page<ResearchProject> page;
  session << "SELECT COUNT(*) FROM research_project_members WHERE account_id = :account",
      soci::use(account.str()), soci::into(page.total);
  std::vector<std::string> ids;
  std::string id;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT p.id FROM research_projects p JOIN research_project_members m "
                          "ON m.project_id = p.id WHERE m.account_id = :account ORDER BY p.name, "
                          "p.id LIMIT :limit OFFSET :offset",
       soci::use(account.str()), soci::use(limit), soci::use(offset), soci::into(id));
  statement.execute();
  while (statement.fetch()) ids.push_back(id);
  for (const std::string& project : ids) {
    Result<ResearchProject> found = get(ResearchProjectId(project));
    if (!found.ok()) return std::move(found).error();
    page.items.push_back(std::move(*found));
  }
  return page;
}

Result<ResearchProject> ResearchProjectRepository::update(const ResearchProjectId& id,
                                                          std::optional<int> expected_version,
                                                          const ResearchProjectFields& fields) {
  Result<ResearchProject> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, "research_projects", "research project",
                                              id.str(), current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  transaction_.session() << "UPDATE research_projects SET name = :name, description = "
                            ":description WHERE id = :id",
      soci::use(fields.name), soci::use(fields.description), soci::use(id.str());
  if (Result<void> written = write_practices(id, fields); !written.ok()) {
    return std::move(written).error();
  }
  return get(id);
}

Result<std::optional<ProjectRole>> ResearchProjectRepository::role_of(
    const ResearchProjectId& project, const AccountId& account) {
  std::string role;
  soci::session& session = transaction_.session();
  session << "SELECT role FROM research_project_members WHERE project_id = :project AND "
             "account_id = :account",
      soci::use(project.str()), soci::use(account.str()), soci::into(role);
  if (!session.got_data()) return std::optional<ProjectRole>();
  return from_code<ProjectRole>(role);
}

Result<std::vector<ProjectMember>> ResearchProjectRepository::members(
    const ResearchProjectId& project) {
  std::vector<ProjectMember> members;
  std::string account, role, practice;
  soci::indicator practice_indicator = soci::i_null;
  soci::statement statement =
      (transaction_.session().prepare << "SELECT account_id, role, practice_id FROM "
                                         "research_project_members WHERE project_id = :project "
                                         "ORDER BY account_id",
       soci::use(project.str()), soci::into(account), soci::into(role),
       soci::into(practice, practice_indicator));
  statement.execute();
  while (statement.fetch()) {
    ProjectMember member{AccountId(account),
                         from_code<ProjectRole>(role).value_or(ProjectRole::stakeholder),
                         std::nullopt};
    if (practice_indicator == soci::i_ok) member.practice = PracticeId(practice);
    members.push_back(std::move(member));
    practice_indicator = soci::i_null;
  }
  return members;
}

Result<void> ResearchProjectRepository::put_member(const ResearchProjectId& project,
                                                   const ProjectMember& member) {
  std::vector<InvalidParam> problems;
  if (!row_exists(transaction_, "accounts", member.account.str())) {
    problems.push_back({"accountId", "names no account"});
  }
  soci::session& session = transaction_.session();
  if (member.practice) {
    int spanned = 0;
    session << "SELECT COUNT(*) FROM research_project_practices WHERE project_id = :project AND "
               "practice_id = :practice",
        soci::use(project.str()), soci::use(member.practice->str()), soci::into(spanned);
    if (spanned == 0) problems.push_back({"practiceId", "is not a practice of the project"});
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "the member does not fit the project");
    error.invalid_params = std::move(problems);
    return error;
  }
  Result<std::optional<ProjectRole>> current = role_of(project, member.account);
  if (!current.ok()) return std::move(current).error();
  if (*current == ProjectRole::researcher && member.role != ProjectRole::researcher) {
    if (Result<void> kept = remove_member(project, member.account); !kept.ok()) return kept;
  } else if (*current) {
    session << "DELETE FROM research_project_members WHERE project_id = :project AND account_id "
               "= :account",
        soci::use(project.str()), soci::use(member.account.str());
  }
  const std::string role(to_code(member.role));
  const std::string practice = member.practice ? member.practice->str() : "";
  soci::indicator practice_indicator = member.practice ? soci::i_ok : soci::i_null;
  const std::string now = utc_now_text();
  session << "INSERT INTO research_project_members (project_id, account_id, role, practice_id, "
             "added_at) VALUES (:project, :account, :role, :practice, :added_at)",
      soci::use(project.str()), soci::use(member.account.str()), soci::use(role),
      soci::use(practice, practice_indicator), soci::use(now);
  return {};
}

Result<void> ResearchProjectRepository::remove_member(const ResearchProjectId& project,
                                                      const AccountId& account) {
  Result<std::optional<ProjectRole>> role = role_of(project, account);
  if (!role.ok()) return std::move(role).error();
  if (!*role) {
    return make_error(ErrorCode::not_found,
                      "account " + account.str() + " is no member of the project");
  }
  soci::session& session = transaction_.session();
  if (**role == ProjectRole::researcher) {
    int researchers = 0;
    session << "SELECT COUNT(*) FROM research_project_members WHERE project_id = :project AND "
               "role = 'researcher'",
        soci::use(project.str()), soci::into(researchers);
    if (researchers <= 1) {
      return make_error(ErrorCode::conflict,
                        "a project keeps at least one researcher: add another one first");
    }
  }
  session << "DELETE FROM research_project_members WHERE project_id = :project AND account_id = "
             ":account",
      soci::use(project.str()), soci::use(account.str());
  return {};
}

Result<int> ResearchProjectRepository::next_codebook_version(const ResearchProjectId& project) {
  soci::session& session = transaction_.session();
  session << "UPDATE research_projects SET codebook_version = codebook_version + 1 WHERE id = "
             ":id",
      soci::use(project.str());
  int version = 0;
  session << "SELECT codebook_version FROM research_projects WHERE id = :id",
      soci::use(project.str()), soci::into(version);
  return version;
}

}  // namespace dichtbij::store
