// What an anonymous response and a participation carry of when they were
// written: the day only, neither the moment nor the order of writes, as
// they travel (to_wire) and as they are announced again (reannounce).
#pragma once

#include "debrief/hlc.h"

namespace debrief {

inline Hlc day_only(Hlc hlc) {
  constexpr std::int64_t kDayMs = 86400 * 1000;
  return Hlc::from_parts(hlc.physical_ms() - hlc.physical_ms() % kDayMs, 0);
}

}  // namespace debrief
