// A bar chart a reader can read without hovering: each bar with its count
// above it and its label under it, on a baseline, scaled to the largest.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace debrief::desktop {

struct Bar {
  std::string label;
  std::int64_t count = 0;
};

// Draws the chart `width` by `height` pixels at the cursor, as one item.
void bar_chart(const std::vector<Bar>& bars, float width, float height);

}  // namespace debrief::desktop
