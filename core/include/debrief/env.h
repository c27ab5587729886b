// Env: the core's seam to time and randomness.
//
// Everything the core stamps (record ids, clocks, creation times) comes from
// an Env, so tests and the demo generator can run on a simulated clock and a
// seeded random source and get the same store from the same seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

namespace debrief {

class Env {
 public:
  virtual ~Env() = default;
  // Milliseconds since the Unix epoch.
  virtual std::int64_t now_ms() = 0;
  // Fills out[0..n) with random bytes.
  virtual void random_bytes(std::uint8_t* out, std::size_t n) = 0;
};

// The real clock and the operating system's random source. Thread-safe; lives
// for the whole program.
Env& system_env();

// A simulated clock that moves only when told, and a deterministic random
// source seeded once. Not thread-safe.
class SeededEnv final : public Env {
 public:
  SeededEnv(std::uint64_t seed, std::int64_t start_ms) : rng_(seed), now_(start_ms) {}
  std::int64_t now_ms() override { return now_; }
  void random_bytes(std::uint8_t* out, std::size_t n) override;
  void set_now_ms(std::int64_t ms) { now_ = ms; }
  void advance_ms(std::int64_t ms) { now_ += ms; }
  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
  std::int64_t now_;
};

}  // namespace debrief
