// The rollup groups (store/act_rollup.hpp) of the households the demo
// generates, counted from the records in memory. The bulk loader writes
// around the repositories; counting what it wrote again in SQL, cohort by
// cohort, cost a city-scale load about 100 s of its 5-minute budget. The
// same rules as the SQL of store/act_rollup.cpp (docs/measures.md);
// tests/api/demo_data_test.cpp checks that a loaded demo has no group where
// the two differ.
#pragma once

#include <map>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "core/person.hpp"
#include "demo/generator.hpp"
#include "store/act_rollup.hpp"

namespace dichtbij::demo {

class RollupCounter {
 public:
  // staff: whom acts may involve beyond a household's own persons. Research
  // consent counts as in force when it is on `today` (the database's local
  // day, as the SQL counts it).
  RollupCounter(const Base& base, const Date& today);

  // Adds the acts of households. Not thread-safe.
  void count(std::span<const HouseholdRecords> households);

  // Every group counted so far.
  [[nodiscard]] std::vector<store::RollupGroup> groups() const;

 private:
  // act_date, practice, target group, consent, support type, mobilised by.
  using Key = std::tuple<Date, std::size_t, TargetGroup, int, SupportType, MobilisedBy>;
  struct Counts {
    long long acts = 0, joint_acts = 0, activations = 0;
  };

  std::vector<std::string> practices_;
  std::unordered_map<std::string, std::size_t> practice_index_;
  std::unordered_map<std::string, const Person*> staff_;
  Date today_;
  std::map<Key, Counts> counts_;
};

}  // namespace dichtbij::demo
