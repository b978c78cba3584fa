// DecisionCache: what it keeps, for how long, and what it never keeps. That a
// change to the data retires a decision at the next request, in this process
// and in another, is tested over HTTP in tests/api/network_test.cpp.
#include "access/decision_cache.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "support/test_database.hpp"

namespace dichtbij::access {
namespace {

class DecisionCacheTest : public ::testing::Test {
 protected:
  DecisionCacheTest() : database_(store::Engine::sqlite), open_(database_.open(1)) {
    actor_.account = AccountId("00000000-0000-4000-8000-000000000001");
    actor_.role = AccountRole::professional;
    actor_.person = PersonId("00000000-0000-4000-8000-000000000002");
  }

  static HouseholdAccess standing(Standing standing) {
    HouseholdAccess access;
    access.standing = standing;
    return access;
  }

  testing::TestDatabase database_;
  std::unique_ptr<store::Database> open_;
  DecisionCache cache_{*open_};
  Actor actor_;
  HouseholdId household_{"00000000-0000-4000-8000-000000000003"};
};

TEST_F(DecisionCacheTest, ServesADecisionForItsDayAndGenerationOnly) {
  cache_.store(actor_, household_, "2026-11-27", 7, standing(Standing::team));
  const std::optional<HouseholdAccess> found = cache_.find(actor_, household_, "2026-11-27", 7);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->standing, Standing::team);
  EXPECT_FALSE(cache_.find(actor_, household_, "2026-11-27", 8)) << "the data changed";
  EXPECT_FALSE(cache_.find(actor_, household_, "2026-11-28", 7)) << "a new day";
  EXPECT_FALSE(
      cache_.find(actor_, HouseholdId("00000000-0000-4000-8000-000000000004"), "2026-11-27", 7));
}

TEST_F(DecisionCacheTest, AnotherActorOfTheSameAccountIsAnotherKey) {
  cache_.store(actor_, household_, "2026-11-27", 7, standing(Standing::team));
  const std::vector<std::function<void(Actor&)>> changes = {
      [](Actor& a) { a.role = AccountRole::volunteer; },
      [](Actor& a) { a.person.reset(); },
      [](Actor& a) { a.practice = PracticeId("00000000-0000-4000-8000-000000000005"); },
      [](Actor& a) { a.account = AccountId("00000000-0000-4000-8000-000000000006"); },
  };
  for (std::size_t i = 0; i != changes.size(); ++i) {
    Actor other = actor_;
    changes[i](other);
    EXPECT_FALSE(cache_.find(other, household_, "2026-11-27", 7)) << "change " << i;
  }
}

// Refusals are kept as well: a later opening or team change is a data change.
TEST_F(DecisionCacheTest, KeepsEveryStandingButBreakTheGlass) {
  for (Standing kept : {Standing::none, Standing::member, Standing::helper, Standing::team}) {
    cache_.store(actor_, household_, "2026-11-27", 7, standing(kept));
    const std::optional<HouseholdAccess> found = cache_.find(actor_, household_, "2026-11-27", 7);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->standing, kept);
  }
  // An opening expires by the clock, which moves no generation.
  cache_.store(actor_, household_, "2026-11-27", 7, standing(Standing::break_glass));
  const std::optional<HouseholdAccess> found = cache_.find(actor_, household_, "2026-11-27", 7);
  EXPECT_TRUE(!found || found->standing != Standing::break_glass);
}

TEST_F(DecisionCacheTest, StaysBounded) {
  for (std::size_t i = 0; i != DecisionCache::kMaxEntries + 10; ++i) {
    Actor actor = actor_;
    actor.account = AccountId("account-" + std::to_string(i));
    cache_.store(actor, household_, "2026-11-27", i < 100 ? 1 : 2, standing(Standing::team));
  }
  EXPECT_LE(cache_.size(), DecisionCache::kMaxEntries);
}

}  // namespace
}  // namespace dichtbij::access
