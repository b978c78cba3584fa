#include "demo/random.hpp"

#include <cassert>
#include <cmath>

namespace dichtbij::demo {

namespace {

// SplitMix64's finaliser: spreads (seed, key) pairs that differ in one bit
// over the whole word, so forked streams do not start correlated.
std::uint64_t mix(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

}  // namespace

DemoRandom DemoRandom::fork(std::uint64_t seed, std::uint64_t key) {
  return DemoRandom(mix(mix(seed) ^ mix(key + 0x632be59bd9b4e019ULL)));
}

std::uint64_t DemoRandom::below(std::uint64_t bound) {
  assert(bound > 0);
  unsigned __int128 product = static_cast<unsigned __int128>(next()) * bound;
  auto low = static_cast<std::uint64_t>(product);
  if (low < bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    while (low < threshold) {
      product = static_cast<unsigned __int128>(next()) * bound;
      low = static_cast<std::uint64_t>(product);
    }
  }
  return static_cast<std::uint64_t>(product >> 64);
}

int DemoRandom::between(int low, int high) {
  assert(low <= high);
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - low) + 1;
  return low + static_cast<int>(below(span));
}

double DemoRandom::unit() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::size_t DemoRandom::weighted(std::span<const double> weights) {
  double total = 0;
  for (double weight : weights) total += weight;
  assert(total > 0);
  double point = unit() * total;
  for (std::size_t i = 0; i != weights.size(); ++i) {
    if (point < weights[i]) return i;
    point -= weights[i];
  }
  // Rounding can leave point a hair above the last weight.
  for (std::size_t i = weights.size(); i-- != 0;) {
    if (weights[i] > 0) return i;
  }
  return 0;
}

int DemoRandom::poisson(double mean) {
  // Knuth's method: exact and portable (only unit() and multiplication),
  // fast enough for the small means the generator asks for; large means
  // are split so exp(-mean) does not underflow.
  int count = 0;
  while (mean > 30) {
    count += poisson(30);
    mean -= 30;
  }
  const double limit = std::exp(-mean);
  double product = unit();
  while (product > limit) {
    ++count;
    product *= unit();
  }
  return count;
}

std::string OrderedIds::make(std::uint64_t block, std::uint64_t place, DemoRandom& random) {
  assert(block <= kMaxBlock && place <= kMaxPlace);
  static constexpr char kHex[] = "0123456789abcdef";
  const std::uint64_t high = (block << 36) | (place << 16) | 0x8000 | (random.next() & 0x0fff);
  const std::uint64_t low = (random.next() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  std::string text(36, '-');
  int nibble = 0;
  for (std::size_t i = 0; i != text.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) continue;
    const std::uint64_t word = nibble < 16 ? high : low;
    text[i] = kHex[(word >> (60 - 4 * (nibble % 16))) & 0xf];
    ++nibble;
  }
  return text;
}

}  // namespace dichtbij::demo
