// A line chart a reader can read without hovering: a y axis with labelled
// gridlines, the x axis labelled under each point (thinned to fit), one
// coloured line per series with a dot at each point and a gap where a
// point has no value, and a legend under it. Colour is never the only cue:
// hovering a point names its series, its x label and its value.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace debrief::desktop {

struct Series {
  std::string name;
  std::vector<std::optional<double>> values;  // one per x label; none: a gap
};

struct LineAxes {
  std::vector<std::string> x_labels;
  double y_min = 0, y_max = 1, y_step = 1;  // gridlines every y_step from y_min
  const char* y_format = "%.0f";
};

// Draws the chart `width` by `height` pixels at the cursor, legend included,
// as one item; the colour of series i is series_colour(i).
void line_chart(const LineAxes& axes, const std::vector<Series>& series, float width, float height);

// A colour told apart from its neighbours, for series `i`.
unsigned series_colour(std::size_t i);

}  // namespace debrief::desktop
