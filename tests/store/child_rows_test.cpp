// for_each_child_row, and that a page of records costs one query per child
// table whatever its size, on SQLite and PostgreSQL.
#include "store/child_rows.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "store/migrations.hpp"
#include "store/person_repository.hpp"
#include "support/engine_test.hpp"

namespace dichtbij::store {
namespace {

using testing::TestDatabase;

// Counts the statements a session prepares while it is installed.
class QueryCounter {
 public:
  explicit QueryCounter(soci::session& session)
      : session_(session), previous_(session.get_logger()) {
    session.set_logger(soci::logger(new Counting(count_)));
  }
  ~QueryCounter() { session_.set_logger(previous_); }
  QueryCounter(const QueryCounter&) = delete;
  QueryCounter& operator=(const QueryCounter&) = delete;

  [[nodiscard]] int count() const { return *count_; }

 private:
  // The session clones its logger, so the count lives outside it.
  class Counting : public soci::logger_impl {
   public:
    explicit Counting(std::shared_ptr<int> count) : count_(std::move(count)) {}
    void start_query(const std::string&) override { ++*count_; }

   private:
    logger_impl* do_clone() const override { return new Counting(count_); }
    std::shared_ptr<int> count_;
  };

  soci::session& session_;
  soci::logger previous_;
  // Shared with the Counting logger that the session holds.
  std::shared_ptr<int> count_ = std::make_shared<int>(0);
};

constexpr ChildTable kParts{"parts", "parent_id", "label", "position"};

struct Child {
  std::size_t parent;
  std::string label;
  bool operator==(const Child&) const = default;
};

class ChildRowsTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    test_database_.emplace(engine());
    database_ = test_database_->open(2);
  }

  // Runs work in a write transaction; fails the test when it fails.
  void in_transaction(const std::function<void(Transaction&)>& work) {
    Result<void> done = database_->in_transaction(TransactionKind::write, [&](Transaction& t) {
      work(t);
      return Result<void>();
    });
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  void create_parts(soci::session& session) {
    session << "CREATE TABLE parts (parent_id TEXT NOT NULL, position INTEGER NOT NULL, "
               "label TEXT NOT NULL, PRIMARY KEY (parent_id, position))";
  }

  void insert_part(soci::session& session, const std::string& parent, int position,
                   const std::string& label) {
    session << "INSERT INTO parts (parent_id, position, label) VALUES (:parent, :position, "
               ":label)",
        soci::use(parent), soci::use(position), soci::use(label);
  }

  // The rows for_each_child_row hands over, in the order it hands them.
  std::vector<Child> read_parts(soci::session& session, const std::vector<std::string>& ids) {
    std::vector<Child> children;
    std::string label;
    for_each_child_row(
        session, kParts, ids,
        [&](soci::statement& statement) { statement.exchange(soci::into(label)); },
        [&](std::size_t parent) {
          children.push_back({parent, label});
        });
    return children;
  }

  std::optional<TestDatabase> test_database_;
  std::unique_ptr<Database> database_;
};

TEST_P(ChildRowsTest, AnEmptyPageRunsNoQuery) {
  in_transaction([&](Transaction& transaction) {
    soci::session& session = transaction.session();
    QueryCounter queries(session);
    EXPECT_TRUE(read_parts(session, {}).empty());
    EXPECT_EQ(queries.count(), 0);
  });
}

TEST_P(ChildRowsTest, GivesEachParentItsOwnRowsInPositionOrderInOneQuery) {
  in_transaction([&](Transaction& transaction) {
    soci::session& session = transaction.session();
    create_parts(session);
    // Inserted out of order, and a row of a parent not asked for.
    insert_part(session, "b", 1, "b1");
    insert_part(session, "a", 2, "a2");
    insert_part(session, "b", 0, "b0");
    insert_part(session, "a", 0, "a0");
    insert_part(session, "a", 1, "a1");
    insert_part(session, "z", 0, "z0");
    QueryCounter queries(session);
    const std::vector<Child> children = read_parts(session, {"b", "none", "a"});
    EXPECT_EQ(queries.count(), 1);
    std::vector<std::vector<std::string>> by_parent(3);
    for (const Child& child : children) by_parent.at(child.parent).push_back(child.label);
    EXPECT_EQ(by_parent[0], (std::vector<std::string>{"b0", "b1"}));
    EXPECT_TRUE(by_parent[1].empty());
    EXPECT_EQ(by_parent[2], (std::vector<std::string>{"a0", "a1", "a2"}));
  });
}

TEST_P(ChildRowsTest, ManyParentsAreReadInQueriesOfAtMostTheBound) {
  const std::size_t parents = 2 * kMaxParentsPerQuery + 50;
  in_transaction([&](Transaction& transaction) {
    soci::session& session = transaction.session();
    create_parts(session);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i != parents; ++i) {
      ids.push_back("p" + std::to_string(i));
      insert_part(session, ids.back(), 0, "label of " + ids.back());
    }
    QueryCounter queries(session);
    std::vector<Child> children = read_parts(session, ids);
    EXPECT_EQ(queries.count(), 3);
    ASSERT_EQ(children.size(), parents);
    std::sort(children.begin(), children.end(),
              [](const Child& a, const Child& b) { return a.parent < b.parent; });
    for (std::size_t i = 0; i != parents; ++i) {
      EXPECT_EQ(children[i], (Child{i, "label of p" + std::to_string(i)}));
    }
  });
}

TEST_P(ChildRowsTest, APageOfPersonsCostsTheSameQueriesWhateverItsSize) {
  Result<std::vector<Migration>> migrations = collect_migrations(embedded_migration_files());
  ASSERT_TRUE(migrations.ok());
  ASSERT_TRUE(migrate(*database_, *migrations).ok());
  in_transaction([&](Transaction& transaction) {
    PersonRepository persons(transaction);
    const Date today{std::chrono::year(2026), std::chrono::March, std::chrono::day(1)};
    auto queries_to_list = [&] {
      QueryCounter queries(transaction.session());
      Result<Page<Person>> page = persons.list({}, today, Paging{});
      EXPECT_TRUE(page.ok());
      return queries.count();
    };
    auto add_person = [&](const std::string& name) {
      PersonFields fields;
      fields.display_name = name;
      fields.roles.push_back({PersonRole::volunteer, {today, {}}});
      ASSERT_TRUE(persons.create(fields).ok());
    };
    // COUNT(*) and the page; no children to read.
    EXPECT_EQ(queries_to_list(), 2);
    add_person("Anna");
    // Then roles and memberships, one query each.
    EXPECT_EQ(queries_to_list(), 4);
    add_person("Bram");
    add_person("Cor");
    EXPECT_EQ(queries_to_list(), 4);
  });
}

DICHTBIJ_INSTANTIATE_ENGINES(ChildRowsTest);

}  // namespace
}  // namespace dichtbij::store
