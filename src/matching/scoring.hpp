// Scorer: the hard constraints and the points of one request–volunteer pair.
//
// Built once per problem: it interns languages, interests and households to
// small integers so that the hundred million pairs of a city-sized run are
// checked with a few integer comparisons each, and groups volunteers by
// where they live so that a request only looks at volunteers whose radius
// can reach it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "matching/matching_problem.hpp"

namespace dichtbij::matching {

// The points of a pair, per criterion (Criterion order; spreading is not a
// pair's but a volunteer's, see Scorer::spreading).
struct PairScore {
  static constexpr std::size_t kCriteria = 6;
  std::array<int, kCriteria> points{};
  int total = 0;
};

// A feasible pair and its points.
struct Candidate {
  int request = 0;
  int volunteer = 0;
  int score = 0;  // PairScore::total
};

class Scorer {
 public:
  // Borrows problem, which must outlive the scorer and not change.
  explicit Scorer(const Problem& problem);

  [[nodiscard]] int requests() const noexcept { return static_cast<int>(requests_.size()); }
  [[nodiscard]] int volunteers() const noexcept { return static_cast<int>(volunteers_.size()); }

  // The first hard constraint the pair breaks, in Constraint order; nullopt
  // when the pair may be matched.
  [[nodiscard]] std::optional<Constraint> violated(int request, int volunteer) const;
  // REQUIRES: !violated(request, volunteer).
  [[nodiscard]] PairScore score(int request, int volunteer) const;
  // How many more matches the volunteer can take: capacity minus load, at least 0.
  [[nodiscard]] int free_places(int volunteer) const noexcept;
  // The spreading points of the volunteer's k-th new match (k from 0).
  // Non-increasing in k, which makes the flow's cost convex.
  // REQUIRES: k < free_places(volunteer).
  [[nodiscard]] int spreading(int volunteer, int k) const noexcept;
  // Every feasible pair, by request then volunteer, in input order. Scans
  // slices of the requests on up to four threads of its own.
  [[nodiscard]] std::vector<Candidate> candidates() const;

  // For explanations.
  [[nodiscard]] double distance(int request, int volunteer) const noexcept;
  [[nodiscard]] std::vector<std::string> shared_interests(int request, int volunteer) const;

 private:
  struct Terms {
    std::vector<int> ids;  // sorted
    std::uint64_t mask = 0;
  };
  struct PreparedRequest {
    unsigned kind_bit = 0;
    Terms languages, interests;
    GeoPoint location;
    std::uint32_t times = 0;
    int urgency = 0;
    int household = 0;
    std::vector<int> declined;  // volunteers, sorted
  };
  struct PreparedVolunteer {
    unsigned kinds = 0, preferred = 0;
    Terms languages, interests;
    GeoPoint home;
    double radius = 0;
    std::uint32_t times = 0;
    int capacity = 0, load = 0;
    std::vector<int> excluded;  // households, sorted
    std::vector<int> helped;    // households, sorted
  };
  // What the scan over candidates reads of a volunteer with free places,
  // packed so that the scan stays in cache.
  struct Reachable {
    double radius = 0;
    std::uint32_t times = 0;
    std::uint64_t languages = 0;  // the mask of Terms
    int volunteer = 0;
  };
  static constexpr std::size_t kKinds = 6;
  // Volunteers living at one spot, per kind of help they offer, widest
  // radius first: a request scans only its kind, and stops at the first
  // volunteer whose radius falls short.
  struct Spot {
    GeoPoint location;
    std::array<std::vector<Reachable>, kKinds> by_kind;
  };

  [[nodiscard]] static int shared(const Terms& a, const Terms& b) noexcept;
  // Appends the feasible pairs of requests [first, last) to found.
  void candidates_of(int first, int last, std::vector<Candidate>& found) const;

  const Problem& problem_;
  std::vector<PreparedRequest> requests_;
  std::vector<PreparedVolunteer> volunteers_;
  std::vector<Spot> spots_;
  // More than 64 languages: masks may collide, so a shared bit needs the
  // exact check.
  bool language_masks_collide_ = false;
};

}  // namespace dichtbij::matching
