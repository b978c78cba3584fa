#include "store/bulk_writer.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdio>
#include <initializer_list>
#include <map>
#include <stdexcept>

#include "store/record_helpers.hpp"

namespace dichtbij::store {

namespace {

// One value of a row, borrowed or (numbers, dates) held: building a row
// allocates nothing; Table copies the bytes into its one buffer.
class Cell {
 public:
  Cell() = default;  // NULL
  Cell(std::nullopt_t) {}
  Cell(std::string_view text) : text_(text), null_(false) {}
  Cell(const std::string& text) : text_(text), null_(false) {}
  Cell(const char* text) : text_(text), null_(false) {}
  Cell(const std::optional<std::string>& text) {
    if (text) text_ = *text, null_ = false;
  }

  // The held text of a number or date.
  static Cell held(const char* format, long long value) {
    Cell cell;
    cell.null_ = false;
    cell.held_ = std::snprintf(cell.buffer_, sizeof cell.buffer_, format, value);
    return cell;
  }

  // YYYY-MM-DD, as format_date() writes it.
  static Cell held_date(const Date& day) {
    Cell cell;
    cell.null_ = false;
    cell.held_ = std::snprintf(cell.buffer_, sizeof cell.buffer_, "%04d-%02u-%02u",
                               static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                               static_cast<unsigned>(day.day()));
    return cell;
  }

  bool null() const noexcept { return null_; }
  // Valid while this cell (and what it borrows) lives.
  std::string_view text() const noexcept {
    return held_ != 0 ? std::string_view(buffer_, static_cast<std::size_t>(held_)) : text_;
  }

 private:
  std::string_view text_;
  bool null_ = true;
  int held_ = 0;
  char buffer_[24] = {};
};

Cell text(std::string_view value) {
  return value;
}
Cell number(long long value) {
  return Cell::held("%lld", value);
}
Cell date(const Date& value) {
  return Cell::held_date(value);
}
Cell date(const std::optional<Date>& value) {
  return value ? date(*value) : Cell();
}
template <typename Tag>
Cell optional_id(const std::optional<Id<Tag>>& value) {
  return value ? Cell(value->str()) : Cell();
}
template <typename E>
Cell code(E value) {
  return to_code(value);
}
template <typename E>
Cell code(const std::optional<E>& value) {
  return value ? code(*value) : Cell();
}

// The tables BulkWriter fills, parents before children, with their columns.
struct TableSpec {
  std::string_view name;
  std::vector<std::string_view> columns;
};

const std::vector<TableSpec>& table_specs() {
  static const std::vector<TableSpec> specs{
      {"organisations", {"id", "version", "name", "kind", "formal", "created_at", "updated_at"}},
      {"practices",
       {"id", "version", "name", "description", "target_groups", "buurt_codes", "created_at",
        "updated_at"}},
      {"practice_organisations", {"practice_id", "position", "organisation_id"}},
      {"persons",
       {"id", "version", "display_name", "birth_year", "buurt_code", "languages", "skills",
        "created_at", "updated_at"}},
      {"person_roles", {"person_id", "position", "role", "valid_from", "valid_until"}},
      {"person_memberships",
       {"person_id", "position", "organisation_id", "valid_from", "valid_until"}},
      {"households",
       {"id", "version", "kind", "name", "target_group", "buurt_code", "status", "created_at",
        "updated_at", "closed_on"}},
      {"household_practices", {"household_id", "position", "practice_id"}},
      {"household_people",
       {"household_id", "part", "position", "person_id", "valid_from", "valid_until"}},
      {"ties",
       {"id", "version", "household_id", "person_id", "other_person_id", "relation_kind",
        "support_types", "closeness", "contact_frequency", "direction", "quality", "valid_from",
        "valid_until", "created_at", "updated_at"}},
      {"agreements",
       {"id", "version", "household_id", "goal", "action", "responsible_person_id", "why",
        "due_date", "review_date", "status", "agreed_by_household", "created_at", "updated_at"}},
      {"agreement_versions",
       {"agreement_id", "version", "goal", "action", "responsible_person_id", "why", "due_date",
        "review_date", "status", "agreed_by_household", "changed_at"}},
      {"support_acts",
       {"id", "version", "act_date", "household_id", "provider_id", "receiver_id", "support_type",
        "duration_minutes", "mode", "mobilised_by", "mobilised_by_person_id", "agreement_id",
        "note", "created_at", "updated_at"}},
      {"support_act_others", {"support_act_id", "position", "person_id"}},
      {"assessments",
       {"id", "version", "household_id", "person_id", "assessor_id", "assessed_on", "note",
        "created_at", "updated_at"}},
      {"assessment_scores", {"assessment_id", "domain", "score", "carried_by"}},
      {"consents",
       {"id", "version", "household_id", "purpose", "granted_on", "withdrawn_on", "note",
        "recorded_by", "recorded_at", "withdrawal_recorded_by", "withdrawal_recorded_at",
        "created_at", "updated_at"}},
  };
  return specs;
}

Error database_error(bool constraint, const std::string& table, const std::string& message) {
  return make_error(constraint ? ErrorCode::conflict : ErrorCode::unavailable,
                    "bulk write into " + table + ": " + message);
}

}  // namespace

// One table's buffered rows: the bytes of every cell in one buffer, and
// where each cell's bytes are (a negative size is NULL).
class BulkWriter::Table {
 public:
  explicit Table(const TableSpec& spec) : spec_(spec) {}

  const TableSpec& spec() const noexcept { return spec_; }
  std::size_t width() const noexcept { return spec_.columns.size(); }
  std::size_t rows() const noexcept { return cells_.size() / width(); }
  bool null(std::size_t row, std::size_t column) const noexcept {
    return cells_[row * width() + column].size < 0;
  }
  // Valid until the next row() or clear().
  std::string_view text(std::size_t row, std::size_t column) const noexcept {
    const Place& place = cells_[row * width() + column];
    return place.size < 0 ? std::string_view()
                          : std::string_view(bytes_.data() + place.offset,
                                             static_cast<std::size_t>(place.size));
  }

  // REQUIRES: one value per column, in the spec's order.
  void row(std::initializer_list<Cell> values) {
    for (const Cell& value : values) {
      if (value.null()) {
        cells_.push_back({0, -1});
        continue;
      }
      const std::string_view text = value.text();
      cells_.push_back({bytes_.size(), static_cast<std::ptrdiff_t>(text.size())});
      bytes_.append(text);
    }
  }
  void clear() {
    cells_.clear();
    bytes_.clear();
  }

 private:
  struct Place {
    std::size_t offset;
    std::ptrdiff_t size;
  };
  const TableSpec& spec_;
  std::vector<Place> cells_;
  std::string bytes_;
};

// How rows reach one engine.
class BulkWriter::Backend {
 public:
  virtual ~Backend() = default;
  [[nodiscard]] virtual Result<void> write(const Table& table) = 0;
};

namespace {

// SQLite: one prepared single-row INSERT per table, reset and re-bound for
// every row. SQLite runs in-process, so a statement per row costs
// microseconds once it is prepared; multi-row VALUES would save little.
class SqliteEngine final : public BulkWriter::Backend {
 public:
  // Raises the connection's page cache (never lowers it), for the rest of
  // the connection's life: a load touches the same index pages again and
  // again, and with SQLite's default 2 MB cache each touch re-read the page
  // from the WAL or the file (most of the time, measured with perf).
  explicit SqliteEngine(sqlite_api::sqlite3* connection) : connection_(connection) {
    sqlite_api::sqlite3_stmt* statement = nullptr;
    long long cache = 0;
    if (sqlite_api::sqlite3_prepare_v2(connection_, "PRAGMA cache_size", -1, &statement, nullptr) ==
            SQLITE_OK &&
        sqlite_api::sqlite3_step(statement) == SQLITE_ROW) {
      cache = sqlite_api::sqlite3_column_int64(statement, 0);
    }
    sqlite_api::sqlite3_finalize(statement);
    // Negative values are KiB, positive ones pages.
    if (cache >= 0 || -cache < BulkWriter::kSqliteCacheKiB) {
      const std::string pragma =
          "PRAGMA cache_size = -" + std::to_string(BulkWriter::kSqliteCacheKiB);
      sqlite_api::sqlite3_exec(connection_, pragma.c_str(), nullptr, nullptr, nullptr);
    }
  }
  ~SqliteEngine() override {
    for (auto& [name, statement] : statements_) sqlite_api::sqlite3_finalize(statement);
  }

  Result<void> write(const BulkWriter::Table& table) override;

 private:
  sqlite_api::sqlite3* connection_;
  std::map<std::string_view, sqlite_api::sqlite3_stmt*> statements_;
};

Result<void> SqliteEngine::write(const BulkWriter::Table& table) {
  using namespace sqlite_api;
  const std::string name(table.spec().name);
  sqlite3_stmt*& statement = statements_[table.spec().name];
  if (statement == nullptr) {
    std::string sql = "INSERT INTO " + name + " (";
    std::string values;
    for (std::size_t i = 0; i != table.width(); ++i) {
      sql += (i == 0 ? "" : ", ") + std::string(table.spec().columns[i]);
      values += i == 0 ? "?" : ", ?";
    }
    sql += ") VALUES (" + values + ")";
    if (sqlite3_prepare_v3(connection_, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
      statement = nullptr;
      return database_error(false, name, sqlite3_errmsg(connection_));
    }
  }
  const std::size_t width = table.width();
  for (std::size_t row = 0; row != table.rows(); ++row) {
    for (std::size_t column = 0; column != width; ++column) {
      const int index = static_cast<int>(column) + 1;
      // Text into INTEGER columns is stored as an integer (column affinity).
      if (table.null(row, column)) {
        sqlite3_bind_null(statement, index);
      } else {
        const std::string_view text = table.text(row, column);
        sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_STATIC);
      }
    }
    const int status = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (status != SQLITE_DONE) {
      return database_error((status & 0xff) == SQLITE_CONSTRAINT, name,
                            sqlite3_errmsg(connection_));
    }
  }
  sqlite3_clear_bindings(statement);
  return {};
}

// PostgreSQL: COPY … FROM STDIN in text format, the bulk path PostgreSQL
// offers; a round trip per row (prepared INSERTs) would cost ten times as
// long.
class PostgresEngine final : public BulkWriter::Backend {
 public:
  explicit PostgresEngine(PGconn* connection) : connection_(connection) {}
  Result<void> write(const BulkWriter::Table& table) override;

 private:
  // Sends what is in buffer_ and empties it.
  bool send();

  PGconn* connection_;
  std::string buffer_;
};

// COPY's text format: backslash escapes for the characters it uses as
// delimiters, \N for NULL.
void append_copy_text(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

bool PostgresEngine::send() {
  const bool sent =
      PQputCopyData(connection_, buffer_.data(), static_cast<int>(buffer_.size())) == 1;
  buffer_.clear();
  return sent;
}

Result<void> PostgresEngine::write(const BulkWriter::Table& table) {
  constexpr std::size_t kSendBytes = 1 << 20;
  const std::string name(table.spec().name);
  std::string sql = "COPY " + name + " (";
  for (std::size_t i = 0; i != table.width(); ++i) {
    sql += (i == 0 ? "" : ", ") + std::string(table.spec().columns[i]);
  }
  sql += ") FROM STDIN";
  PGresult* started = PQexec(connection_, sql.c_str());
  const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
  PQclear(started);
  if (!copying) return database_error(false, name, PQerrorMessage(connection_));

  bool sent = true;
  const std::size_t width = table.width();
  for (std::size_t row = 0; row != table.rows() && sent; ++row) {
    for (std::size_t column = 0; column != width; ++column) {
      if (column != 0) buffer_ += '\t';
      if (table.null(row, column)) {
        buffer_ += "\\N";
      } else {
        append_copy_text(buffer_, table.text(row, column));
      }
    }
    buffer_ += '\n';
    if (buffer_.size() >= kSendBytes) sent = send();
  }
  if (sent && !buffer_.empty()) sent = send();
  buffer_.clear();
  PQputCopyEnd(connection_, sent ? nullptr : "the bulk writer could not send a row");

  std::optional<Error> failure;
  while (PGresult* result = PQgetResult(connection_)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && !failure) {
      const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
      // SQLSTATE class 23: integrity constraint violation.
      const bool constraint = state != nullptr && std::string_view(state).substr(0, 2) == "23";
      failure = database_error(constraint, name, PQresultErrorMessage(result));
    }
    PQclear(result);
  }
  if (failure) return std::move(*failure);
  return {};
}

}  // namespace

BulkWriter::BulkWriter(Transaction& transaction, std::string now)
    : transaction_(transaction), now_(std::move(now)) {
  for (const TableSpec& spec : table_specs()) tables_.push_back(std::make_unique<Table>(spec));
  soci::details::session_backend* backend = transaction_.session().get_backend();
  if (transaction_.engine() == store::Engine::sqlite) {
    backend_ =
        std::make_unique<SqliteEngine>(static_cast<soci::sqlite3_session_backend*>(backend)->conn_);
  } else {
    PGconn* connection = static_cast<soci::postgresql_session_backend*>(backend)->conn_;
    const char* superuser = PQparameterStatus(connection, "is_superuser");
    if (superuser != nullptr && std::string_view(superuser) == "on") {
      PGresult* set = PQexec(connection, "SET LOCAL session_replication_role = replica");
      skips_checks_ = PQresultStatus(set) == PGRES_COMMAND_OK;
      PQclear(set);
    }
    backend_ = std::make_unique<PostgresEngine>(connection);
  }
}

BulkWriter::~BulkWriter() {
  // Back to per-row checks for whatever else this transaction runs (a
  // group-commit batch shares it with other writes).
  if (skips_checks_) {
    PGconn* connection =
        static_cast<soci::postgresql_session_backend*>(transaction_.session().get_backend())->conn_;
    PQclear(PQexec(connection, "SET LOCAL session_replication_role = origin"));
  }
}

BulkWriter::Table& BulkWriter::table(std::string_view name) {
  for (const std::unique_ptr<Table>& table : tables_) {
    if (table->spec().name == name) return *table;
  }
  throw std::logic_error("BulkWriter has no table " + std::string(name));
}

void BulkWriter::add(const Organisation& organisation) {
  const OrganisationFields& f = organisation.fields;
  table("organisations")
      .row({organisation.id.str(), number(organisation.version), f.name, code(f.kind),
            number(f.formal ? 1 : 0), now_, now_});
  ++buffered_;
}

void BulkWriter::add(const Practice& practice) {
  const PracticeFields& f = practice.fields;
  std::vector<std::string> groups;
  for (TargetGroup group : f.target_groups) groups.emplace_back(to_code(group));
  table("practices")
      .row({practice.id.str(), number(practice.version), f.name, f.description,
            to_json_array(groups), to_json_array(f.buurt_codes), now_, now_});
  Table& organisations = table("practice_organisations");
  for (std::size_t i = 0; i != f.organisations.size(); ++i) {
    organisations.row(
        {practice.id.str(), number(static_cast<long long>(i)), f.organisations[i].str()});
  }
  buffered_ += 1 + f.organisations.size();
}

void BulkWriter::add(const Person& person) {
  const PersonFields& f = person.fields;
  table("persons").row({person.id.str(), number(person.version), f.display_name,
                        f.birth_year ? number(*f.birth_year) : std::nullopt, f.buurt_code,
                        to_json_array(f.languages), to_json_array(f.skills), now_, now_});
  Table& roles = table("person_roles");
  for (std::size_t i = 0; i != f.roles.size(); ++i) {
    roles.row({person.id.str(), number(static_cast<long long>(i)), code(f.roles[i].role),
               date(f.roles[i].period.from), date(f.roles[i].period.until)});
  }
  Table& memberships = table("person_memberships");
  for (std::size_t i = 0; i != f.memberships.size(); ++i) {
    const Membership& membership = f.memberships[i];
    memberships.row({person.id.str(), number(static_cast<long long>(i)),
                     membership.organisation.str(), date(membership.period.from),
                     date(membership.period.until)});
  }
  buffered_ += 1 + f.roles.size() + f.memberships.size();
}

void BulkWriter::add(const Household& household, const std::optional<Date>& closed_on) {
  const HouseholdFields& f = household.fields;
  const std::string& id = household.id.str();
  table("households")
      .row({id, number(household.version), code(f.kind), f.name, code(f.target_group), f.buurt_code,
            code(f.status), now_, now_, date(closed_on)});
  Table& practices = table("household_practices");
  for (std::size_t i = 0; i != f.practices.size(); ++i) {
    practices.row({id, number(static_cast<long long>(i)), f.practices[i].str()});
  }
  Table& people = table("household_people");
  auto add_people = [&](const std::vector<PersonPeriod>& spells, std::string_view part) {
    for (std::size_t i = 0; i != spells.size(); ++i) {
      people.row({id, text(part), number(static_cast<long long>(i)), spells[i].person.str(),
                  date(spells[i].period.from), date(spells[i].period.until)});
    }
  };
  add_people(f.members, "member");
  add_people(f.team, "team");
  buffered_ += 1 + f.practices.size() + f.members.size() + f.team.size();
}

void BulkWriter::add(const Tie& tie) {
  const TieFields& f = tie.fields;
  std::vector<std::string> types;
  for (SupportType type : f.support_types) types.emplace_back(to_code(type));
  table("ties").row({tie.id.str(), number(tie.version), tie.household.str(), f.person.str(),
                     f.other.str(), code(f.relation_kind), to_json_array(types),
                     number(f.closeness), code(f.contact_frequency), code(f.direction),
                     code(f.quality), date(f.period.from), date(f.period.until), now_, now_});
  ++buffered_;
}

void BulkWriter::add(const Agreement& agreement, const std::vector<AgreementVersion>& history) {
  const AgreementFields& f = agreement.fields;
  const std::string& id = agreement.id.str();
  const std::string& created = history.front().changed_at;
  table("agreements")
      .row({id, number(agreement.version), agreement.household.str(), f.goal, f.action,
            f.responsible.str(), f.why, date(f.due), date(f.review), code(f.status),
            number(f.agreed_by_household ? 1 : 0), created, history.back().changed_at});
  Table& versions = table("agreement_versions");
  for (const AgreementVersion& version : history) {
    const AgreementFields& v = version.fields;
    versions.row({id, number(version.version), v.goal, v.action, v.responsible.str(), v.why,
                  date(v.due), date(v.review), code(v.status),
                  number(v.agreed_by_household ? 1 : 0), version.changed_at});
  }
  buffered_ += 1 + history.size();
}

void BulkWriter::add(const SupportAct& act) {
  const SupportActFields& f = act.fields;
  const std::string& id = act.id.str();
  table("support_acts")
      .row({id, number(act.version), date(f.date), f.household.str(), f.provider.str(),
            f.receiver.str(), code(f.support_type),
            f.duration_minutes ? number(*f.duration_minutes) : std::nullopt, code(f.mode),
            code(f.mobilised_by), optional_id(f.mobilised_by_person), optional_id(f.agreement),
            f.note, now_, now_});
  Table& others = table("support_act_others");
  for (std::size_t i = 0; i != f.others_involved.size(); ++i) {
    others.row({id, number(static_cast<long long>(i)), f.others_involved[i].str()});
  }
  buffered_ += 1 + f.others_involved.size();
}

void BulkWriter::add(const Assessment& assessment) {
  const AssessmentFields& f = assessment.fields;
  const std::string& id = assessment.id.str();
  table("assessments")
      .row({id, number(assessment.version), assessment.household.str(), f.person.str(),
            optional_id(f.assessor), date(f.date), f.note, now_, now_});
  Table& scores = table("assessment_scores");
  for (const DomainScore& score : f.scores) {
    scores.row({id, code(score.domain), number(score.score), code(score.carried_by)});
  }
  buffered_ += 1 + f.scores.size();
}

void BulkWriter::add(const Consent& consent) {
  const ConsentFields& f = consent.fields;
  const std::optional<ConsentRecording>& withdrawal = consent.withdrawal_recorded;
  table("consents")
      .row({consent.id.str(), number(consent.version), consent.household.str(), code(f.purpose),
            date(f.granted_on), date(f.withdrawn_on), f.note, consent.recorded.account.str(),
            consent.recorded.at, withdrawal ? Cell(withdrawal->account.str()) : std::nullopt,
            withdrawal ? Cell(withdrawal->at) : std::nullopt, now_, now_});
  ++buffered_;
}

Result<void> BulkWriter::flush() {
  try {
    for (const std::unique_ptr<Table>& table : tables_) {
      if (table->rows() == 0) continue;
      Result<void> written = backend_->write(*table);
      table->clear();
      if (!written.ok()) return written;
    }
  } catch (const std::exception& error) {
    return make_error(ErrorCode::internal, std::string("bulk write: ") + error.what());
  }
  buffered_ = 0;
  return {};
}

}  // namespace dichtbij::store
