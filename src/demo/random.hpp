// DemoRandom: the one source of chance in the demo data, deterministic for a
// seed on every platform.
//
// std::mt19937_64's output is fixed by the standard, but the std::
// distributions (uniform_int_distribution, bernoulli_distribution, …) are
// not: libstdc++ and libc++ turn the same engine output into different
// numbers. So only the engine's raw 64-bit words are used, and every
// distribution the generator needs is written here on top of them.
//
// Not thread-safe: one per generating thread (the generator derives one per
// household from the seed, see fork()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <span>
#include <string>

namespace dichtbij::demo {

class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : engine_(seed) {}

  // A new stream for one part of the data (a household, a practice),
  // independent of how many draws the parent made before or will make
  // after: the same seed and key give the same stream.
  [[nodiscard]] static DemoRandom fork(std::uint64_t seed, std::uint64_t key);

  // The engine's next raw word.
  [[nodiscard]] std::uint64_t next() { return engine_(); }

  // Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject).
  // REQUIRES: bound > 0.
  [[nodiscard]] std::uint64_t below(std::uint64_t bound);
  // Uniform in [low, high]. REQUIRES: low <= high.
  [[nodiscard]] int between(int low, int high);
  // Uniform in [0, 1), from the top 53 bits of a word.
  [[nodiscard]] double unit();
  // True with probability p.
  [[nodiscard]] bool chance(double p) { return unit() < p; }
  // An index drawn in proportion to weights. REQUIRES: some weight > 0.
  [[nodiscard]] std::size_t weighted(std::span<const double> weights);
  // A uniformly chosen element of a span, array or vector.
  // REQUIRES: !items.empty().
  template <typename Range>
  [[nodiscard]] const auto& pick(const Range& items) {
    return items[static_cast<std::size_t>(below(std::size(items)))];
  }
  // A Poisson-distributed count with this mean (how many acts in a week).
  // REQUIRES: mean >= 0.
  [[nodiscard]] int poisson(double mean);

 private:
  std::mt19937_64 engine_;
};

// Ids for the records of one block (the base, or one household): UUIDs of
// version 8 (RFC 9562's layout for custom UUIDs) whose first 48 bits are the
// block number and the record's place in it, and whose other 74 bits are
// random from the block's stream. Ids drawn later sort later, so the
// database appends to its primary-key (and most other) indexes instead of
// inserting at random places: at ten million support acts, random ids made
// loading several times slower (bench/README.md). Still opaque: no one can
// guess an id from another. Only generated data gets them; records created
// through the API get random version-4 ids (store/uuid.hpp).
class OrderedIds {
 public:
  static constexpr std::uint64_t kMaxBlock = (1ULL << 28) - 1;
  static constexpr std::uint64_t kMaxPlace = (1ULL << 20) - 1;

  // REQUIRES: block <= kMaxBlock; random outlives this.
  OrderedIds(std::uint64_t block, DemoRandom& random, std::uint64_t first_place = 1)
      : block_(block), random_(random), place_(first_place) {}

  // The next id. REQUIRES: fewer than kMaxPlace ids drawn from this block.
  [[nodiscard]] std::string next() { return make(block_, place_++, random_); }

  // The id at place in block, with random bits from random.
  [[nodiscard]] static std::string make(std::uint64_t block, std::uint64_t place,
                                        DemoRandom& random);

 private:
  std::uint64_t block_;
  DemoRandom& random_;
  std::uint64_t place_;
};

}  // namespace dichtbij::demo
