// An event's agenda as a timeline, for organisers: one row per day, each
// activity a block coloured by its kind with its title inside when it fits
// (its kind and times on hover), hours marked under the row, and a legend
// of the kinds; then the programme's balance (agenda_check.h): each kind's
// share, the longest stretch with no break, and the warnings, in words.
#pragma once

#include <vector>

#include "events.h"

namespace debrief::desktop {

void agenda_timeline(const std::vector<AgendaItem>& agenda, const AgendaCheck& balance, float width);

}  // namespace debrief::desktop
