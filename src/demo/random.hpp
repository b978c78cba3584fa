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

  // A version-4-shaped UUID from two words: random to the eye, the same for
  // the same stream.
  [[nodiscard]] std::string uuid();

 private:
  std::mt19937_64 engine_;
};

}  // namespace dichtbij::demo
