// The heatmap of one event: its groups down (everyone, then each team with
// its subteams, as the review lists them), five measures across. Made from
// the review alone, so every cell has been through privacy.h: a withheld
// group's cells carry its reason, and a team's spirit is disclosed together
// with the others' (EventReview::team_spirit), safe against subtraction.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "debrief/id.h"
#include "debrief/insights.h"

namespace debrief {

enum class HeatMeasure { rating, enps, spirit_change, negative_share, response_rate };
inline constexpr std::size_t kHeatMeasures = 5;

// "rating", "eNPS", "team spirit change", "negative comments", "response rate".
const char* heat_measure_name(HeatMeasure m);

struct HeatCell {
  std::optional<double> value;  // rating 1-5, eNPS -100..100, spirit change in rating points, shares in [0, 1]
  std::string reason;           // why there is no value: withheld (privacy.h), not invited, nothing answered
};

struct HeatRow {
  std::string name;
  std::optional<Id> team;
  int depth = 0;
  std::array<HeatCell, kHeatMeasures> cells;  // by HeatMeasure
};

struct Heatmap {
  Id event;
  std::string title;
  std::vector<HeatRow> rows;
};

// Precondition: `review` is a full review (ReviewDetail::full), so it has
// each group's team spirit.
Heatmap heatmap_of(const EventReview& review);

}  // namespace debrief
