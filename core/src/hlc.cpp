#include "debrief/hlc.h"

#include <algorithm>

#include "debrief/time.h"

namespace debrief {

Hlc Hlc::from_parts(std::int64_t physical_ms, std::uint16_t logical) {
  return Hlc{(static_cast<std::uint64_t>(physical_ms) << 16) | logical};
}

std::string Hlc::to_string() const {
  std::int64_t ms = physical_ms();
  std::string t = format_time(ms / 1000);
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(ms % 1000));
  t.insert(t.size() - 1, frac);
  return t + "+" + std::to_string(logical());
}

// When the logical counter would overflow, the clock borrows the next
// millisecond: still strictly increasing, a millisecond ahead of the wall.
Hlc HlcClock::tick(std::int64_t wall_ms) {
  Hlc next = std::max(Hlc::from_parts(wall_ms, 0), Hlc{last_.value + 1});
  last_ = next;
  return next;
}

void HlcClock::observe(Hlc remote, std::int64_t wall_ms) {
  last_ = std::max({last_, remote, Hlc::from_parts(wall_ms, 0)});
}

}  // namespace debrief
