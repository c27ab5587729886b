// The event's heatmap as a table of coloured cells: red for the worse end
// of each measure's range, green for the better; a cell with no value has
// the frame colour, a dash, and its reason on hover. Colour is never the
// only cue: every cell shows its figure. Taller than `max_height` pixels,
// it scrolls under its header row.
#pragma once

#include "debrief/heatmap.h"

namespace debrief::desktop {

void heatmap_table(const Heatmap& heatmap, float max_height);

}  // namespace debrief::desktop
