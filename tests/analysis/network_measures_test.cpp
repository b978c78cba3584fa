// The network measures against hand-computed values, and against networkx:
// random networks and the edge cases are written to GraphML, networkx
// recomputes every measure from the files (networkx_measures.py), and each
// value must agree to 1e-9.
#include "analysis/network_measures.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "analysis/carrying_capacity.hpp"
#include "analysis/graphml.hpp"
#include "analysis/household_analysis.hpp"
#include "analysis/measure_table.hpp"
#include "support/networkx_check.hpp"
#include "support/test_database.hpp"

namespace dichtbij::analysis {
namespace {

Alter alter(std::string id, bool adjacent = true, std::optional<PersonRole> role = {},
            bool formal = false) {
  Alter a;
  a.id = std::move(id);
  a.adjacent = adjacent;
  a.role = role;
  a.formal = formal;
  return a;
}

NetworkMeasures measured(const HouseholdNetwork& network) {
  Result<NetworkMeasures> measures = measure_network(network);
  EXPECT_TRUE(measures.ok());
  return measures.ok() ? *measures : NetworkMeasures{};
}

TEST(NetworkMeasures, MatchHandComputedValues) {
  // The household knows A, B and C; A and B know each other; D is known
  // only through C.
  HouseholdNetwork network;
  network.alters = {alter("A", true, PersonRole::family), alter("B", true, PersonRole::family),
                    alter("C", true, PersonRole::professional, true),
                    alter("D", false, PersonRole::neighbour)};
  network.alter_ties = {{0, 1}, {2, 3}};
  const NetworkMeasures m = measured(network);
  EXPECT_EQ(m.size, 4);
  EXPECT_EQ(m.informal, 3);
  EXPECT_EQ(m.professional, 1);
  EXPECT_DOUBLE_EQ(*m.informal_share, 0.75);
  // Roles: family 2, professional 1, neighbour 1.
  EXPECT_DOUBLE_EQ(*m.blau, 1 - (0.25 + 0.0625 + 0.0625));
  EXPECT_DOUBLE_EQ(*m.iqv, *m.blau / (1 - 1.0 / kRoleCategories));
  EXPECT_EQ(m.alter_ties, 2);
  EXPECT_DOUBLE_EQ(*m.density, 2.0 / 6);
  EXPECT_EQ(m.components, 2);
  EXPECT_EQ(m.isolates, 0);
  EXPECT_EQ(m.ego_degree, 3);
  EXPECT_EQ(m.ego_alter_ties, 1);
  EXPECT_DOUBLE_EQ(*m.effective_size, 3 - 2.0 / 3);
  EXPECT_DOUBLE_EQ(*m.efficiency, (3 - 2.0 / 3) / 3);
  // Burt: c = Σ_j (p_ij + Σ_q p_iq p_qj)²; p = 1/3 to each neighbour, 1/2
  // between A and B: (1/3 + 1/6)² twice, plus (1/3)² for C.
  EXPECT_NEAR(*m.constraint, 0.25 + 0.25 + 1.0 / 9, 1e-12);
}

TEST(NetworkMeasures, AnEmptyNetworkHasNoShares) {
  const NetworkMeasures m = measured(HouseholdNetwork{});
  EXPECT_EQ(m.size, 0);
  EXPECT_FALSE(m.informal_share);
  EXPECT_FALSE(m.blau);
  EXPECT_FALSE(m.density);
  EXPECT_FALSE(m.effective_size);
  EXPECT_FALSE(m.constraint);
  EXPECT_FALSE(m.multiplexity);
  EXPECT_EQ(m.components, 0);
  EXPECT_EQ(m.isolates, 0);
}

TEST(NetworkMeasures, OneAlterIsFullyConstrainedAndHasNoDensity) {
  HouseholdNetwork network;
  network.alters = {alter("A")};
  const NetworkMeasures m = measured(network);
  EXPECT_FALSE(m.density);
  EXPECT_DOUBLE_EQ(*m.blau, 0);
  EXPECT_DOUBLE_EQ(*m.effective_size, 1);
  EXPECT_DOUBLE_EQ(*m.constraint, 1);
  EXPECT_EQ(m.components, 1);
  EXPECT_EQ(m.isolates, 1);
}

TEST(HouseholdNetwork, ReadsDirectionFromTheTiesPerson) {
  Ecomap map;
  map.on = Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};
  map.nodes = {{"m", EcomapNodeKind::member, "", {}, {}, false, 0, 0},
               {"a", EcomapNodeKind::person, "", PersonRole::family, {}, false, 1, 0},
               {"b", EcomapNodeKind::person, "", PersonRole::friend_, {}, false, 2, 0},
               {"p", EcomapNodeKind::person, "", PersonRole::professional, {}, true, 3, 0}};
  map.edges = {
      {"t1",
       EcomapEdgeKind::tie,
       "a",
       "m",
       RelationKind::sibling,
       {SupportType::emotional, SupportType::practical},
       HelpDirection::gives,
       {},
       1},
      {"t2",
       EcomapEdgeKind::tie,
       "m",
       "b",
       RelationKind::friend_,
       {SupportType::emotional},
       HelpDirection::gives,
       {},
       2},
      {"t3",
       EcomapEdgeKind::tie,
       "b",
       "m",
       RelationKind::friend_,
       {SupportType::emotional},
       HelpDirection::gives,
       {},
       2},
      {"t4", EcomapEdgeKind::tie, "a", "b", RelationKind::friend_, {}, HelpDirection::both, {}, 3},
      {"p:m", EcomapEdgeKind::team, "p", "m", {}, {}, {}, {}, {}},
  };
  const HouseholdNetwork network = household_network(map);
  ASSERT_EQ(network.alters.size(), 3u);
  const Alter& a = network.alters[0];
  EXPECT_TRUE(a.kin && a.gives && !a.receives && a.support_tie);
  const Alter& b = network.alters[1];
  EXPECT_TRUE(!b.kin && b.gives && b.receives);  // one tie each way
  const Alter& p = network.alters[2];
  EXPECT_TRUE(p.adjacent && !p.support_tie && p.formal);
  EXPECT_EQ(network.alter_ties, (std::vector<std::pair<int, int>>{{0, 1}}));
  const NetworkMeasures m = measured(network);
  EXPECT_EQ(m.multiplex, 1);
  EXPECT_EQ(m.reciprocal, 1);
  EXPECT_DOUBLE_EQ(*m.multiplexity, 0.5);
}

TEST(CarryingCapacity, CountsInformalProvidersAndConcentration) {
  const PersonId anna("a"), bert("b"), worker("w"), member("m");
  const std::vector<store::StandingAct> acts = {
      {anna, SupportType::practical, false, false, true},
      {anna, SupportType::practical, false, false, true},
      {anna, SupportType::practical, false, false, true},
      {bert, SupportType::practical, false, false, true},
      {worker, SupportType::practical, true, false, true},
      {member, SupportType::practical, false, true, false},
      {bert, SupportType::emotional, false, false, true},
  };
  const Date day{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{31}};
  const CarryingCapacity capacity = carrying_capacity(acts, capacity_window_start(day), day);
  EXPECT_EQ(format_date(capacity.from), "2026-01-01");
  const SupportTypeCapacity& practical = capacity.per_type[1];
  EXPECT_EQ(practical.informal_providers, 2);
  EXPECT_TRUE(practical.coverage && practical.redundancy);
  EXPECT_EQ(practical.informal_acts, 4);
  EXPECT_EQ(practical.formal_acts, 1);
  EXPECT_DOUBLE_EQ(*practical.concentration, 0.75 * 0.75 + 0.25 * 0.25);
  EXPECT_DOUBLE_EQ(*practical.largest_share, 0.75);
  EXPECT_EQ(practical.given, 1);
  EXPECT_EQ(practical.received, 5);
  EXPECT_DOUBLE_EQ(*practical.balance, 1.0 / 6);
  const SupportTypeCapacity& emotional = capacity.per_type[0];
  EXPECT_TRUE(emotional.coverage && !emotional.redundancy);
  EXPECT_DOUBLE_EQ(*emotional.concentration, 1);
  EXPECT_FALSE(capacity.per_type[2].coverage);
  EXPECT_FALSE(capacity.per_type[2].concentration);
}

// A random network: sizes 0–14, every attribute and tie by chance.
HouseholdNetwork random_network(std::mt19937& random) {
  std::uniform_int_distribution<int> size_of(0, 14);
  std::bernoulli_distribution coin(0.5), rare(0.2);
  std::uniform_int_distribution<int> role_of(-1, kRoleCategories - 2);
  HouseholdNetwork network;
  const int size = size_of(random);
  std::bernoulli_distribution tied(std::uniform_real_distribution<double>(0, 0.6)(random));
  for (int i = 0; i != size; ++i) {
    Alter a = alter("p" + std::to_string(i), !rare(random));
    const int role = role_of(random);
    if (role >= 0) a.role = static_cast<PersonRole>(role);
    a.formal = rare(random);
    a.kin = coin(random);
    a.support_tie = a.adjacent && coin(random);
    if (a.support_tie) {
      for (bool& carried : a.support_types) carried = coin(random);
      a.gives = coin(random);
      a.receives = !a.gives || coin(random);
    }
    network.alters.push_back(std::move(a));
  }
  for (int i = 0; i < size; ++i) {
    for (int j = i + 1; j < size; ++j) {
      if (tied(random)) network.alter_ties.emplace_back(i, j);
    }
  }
  return network;
}

// The edge cases the issue names, then random networks.
std::vector<HouseholdNetwork> networks_to_check() {
  std::vector<HouseholdNetwork> networks;
  networks.emplace_back();  // no network persons
  HouseholdNetwork one;
  one.alters = {alter("solo", true, PersonRole::neighbour)};
  networks.push_back(one);
  HouseholdNetwork untied;
  untied.alters = {alter("a"), alter("b", true, PersonRole::friend_), alter("c")};
  networks.push_back(untied);
  HouseholdNetwork components;
  components.alters = {alter("a"), alter("b"), alter("c"), alter("d", false), alter("e")};
  components.alter_ties = {{0, 1}, {2, 3}};
  networks.push_back(components);
  HouseholdNetwork professional;
  for (const char* name : {"w1", "w2", "w3"}) {
    professional.alters.push_back(alter(name, true, PersonRole::professional, true));
  }
  professional.alter_ties = {{0, 1}};
  networks.push_back(professional);
  std::mt19937 random(20261127);
  for (int i = 0; i != 300; ++i) networks.push_back(random_network(random));
  return networks;
}

TEST(NetworkMeasures, AgreeWithNetworkxToOneInABillion) {
  testing::TempDir folder;
  const Date day{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};
  const std::filesystem::path csv = folder.path() / "measures.csv";
  std::ofstream table(csv, std::ios::binary);
  std::vector<std::filesystem::path> graphs;
  const std::vector<HouseholdNetwork> networks = networks_to_check();
  for (std::size_t i = 0; i != networks.size(); ++i) {
    HouseholdAnalysis analysis;
    analysis.on = day;
    analysis.network = networks[i];
    Result<NetworkMeasures> measures = measure_network(networks[i]);
    ASSERT_TRUE(measures.ok()) << measures.error().message;
    analysis.measures = *measures;
    analysis.capacity = carrying_capacity({}, capacity_window_start(day), day);
    const std::string name = "network-" + std::to_string(i);
    const MeasureRow row = measure_row(analysis, name);
    if (i == 0) write_csv_header(table, row);
    write_csv_row(table, row);
    graphs.push_back(folder.path() / (name + ".graphml"));
    std::ofstream graph(graphs.back(), std::ios::binary);
    write_graphml_start(graph);
    write_graphml_graph(graph, name, networks[i], day);
    write_graphml_end(graph);
  }
  table.close();
  const testing::NetworkxCheck check = testing::run_networkx_check(csv, graphs);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  // Every graph was read and compared, not skipped.
  EXPECT_NE(check.output.find(std::to_string(graphs.size()) + " graphs"), std::string::npos)
      << check.output;
  EXPECT_NE(check.output.find(" 0 differences"), std::string::npos) << check.output;
}

TEST(NetworkMeasures, TheNetworkxCheckCatchesAWrongValue) {
  // The comparison must be able to fail: one value off by 1e-6.
  testing::TempDir folder;
  const Date day{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};
  HouseholdNetwork network;
  network.alters = {alter("a"), alter("b"), alter("c")};
  network.alter_ties = {{0, 1}};
  HouseholdAnalysis analysis;
  analysis.on = day;
  analysis.network = network;
  analysis.measures = measured(network);
  *analysis.measures.constraint += 1e-6;
  analysis.capacity = carrying_capacity({}, capacity_window_start(day), day);
  const MeasureRow row = measure_row(analysis, "off");
  const auto csv = folder.path() / "measures.csv";
  {
    std::ofstream table(csv, std::ios::binary);
    write_csv_header(table, row);
    write_csv_row(table, row);
    std::ofstream graph(folder.path() / "off.graphml", std::ios::binary);
    write_graphml_start(graph);
    write_graphml_graph(graph, "off", network, day);
    write_graphml_end(graph);
  }
  const testing::NetworkxCheck check =
      testing::run_networkx_check(csv, {folder.path() / "off.graphml"});
  EXPECT_EQ(check.exit_code, 1) << check.output;
  EXPECT_NE(check.output.find("off constraint"), std::string::npos) << check.output;
}

}  // namespace
}  // namespace dichtbij::analysis
