// Hybrid logical clock (Kulkarni et al. 2014): timestamps that follow wall
// time, never go backwards on one device, and order causally across devices.
//
// A timestamp packs 48 bits of physical milliseconds and a 16-bit logical
// counter into 64 bits, so plain integer comparison is the clock order. Two
// devices can still produce equal values; sync breaks such ties by device id.
#pragma once

#include <cstdint>
#include <string>

namespace debrief {

struct Hlc {
  std::uint64_t value = 0;

  static Hlc from_parts(std::int64_t physical_ms, std::uint16_t logical);
  std::int64_t physical_ms() const { return static_cast<std::int64_t>(value >> 16); }
  std::uint16_t logical() const { return static_cast<std::uint16_t>(value & 0xffff); }
  // "2026-11-24T20:15:00.123Z+3"
  std::string to_string() const;

  auto operator<=>(const Hlc&) const = default;
};

// Not thread-safe: one clock per store, used under the store's lock.
class HlcClock {
 public:
  explicit HlcClock(Hlc last = {}) : last_(last) {}

  // A timestamp for a local event, strictly greater than every timestamp this
  // clock has issued or observed.
  Hlc tick(std::int64_t wall_ms);
  // Merges a timestamp received from another device, so that later local
  // ticks order after it.
  void observe(Hlc remote, std::int64_t wall_ms);
  Hlc last() const { return last_; }

 private:
  Hlc last_;
};

}  // namespace debrief
