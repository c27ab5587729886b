// The simulator's only source of randomness: SplitMix64, seeded once per
// world, so that a seed replays its world exactly.
#pragma once

#include <cstdint>

namespace debrief::sim {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); 0 when n is 0.
  std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
  // Uniform in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // True with probability `percent` / 100.
  bool percent(std::uint64_t percent) { return below(100) < percent; }
  // An independent stream for one purpose, so that drawing more from one
  // part of a world does not reshuffle another.
  Rng child(std::uint64_t purpose) const { return Rng(Rng(state_ ^ (purpose * 0xd1b54a32d192ed03ULL)).next()); }

 private:
  std::uint64_t state_;
};

}  // namespace debrief::sim
