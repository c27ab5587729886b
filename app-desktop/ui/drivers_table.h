// What moves the event's overall rating and eNPS: for each group with
// drivers, each rated question's r with its 95% interval, as figures and as
// a bar with its interval drawn across it.
#pragma once

#include <vector>

#include "debrief/drivers.h"

namespace debrief::desktop {

void drivers_table(const std::vector<GroupDrivers>& groups);

}  // namespace debrief::desktop
