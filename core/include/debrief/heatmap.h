// The heatmap of one event: its groups down (everyone, then each team with
// its subteams, as the review lists them), five measures across; and the
// organisation's, every team down. Made from figures that have been through
// privacy.h: a withheld group's cells carry its reason, and team spirit is
// disclosed for all the groups together, safe against subtraction.
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
  // The organisation's heatmap only: the event the row's figures other than
  // team spirit come from (the team's latest with results); else empty.
  std::string from_event;
};

struct Heatmap {
  std::optional<Id> event;  // none for the organisation's
  std::string title;
  std::vector<HeatRow> rows;
};

// Precondition: `review` is a full review (ReviewDetail::full), so it has
// each group's team spirit.
Heatmap heatmap_of(const EventReview& review);

// One group's row: its figures, or its reason in each cell when withheld;
// team spirit rests on other answers (pulses), disclosed on their own.
HeatRow heat_row(const GroupResults& group, const SpiritChange& spirit);

// Why an organisation heatmap row has no event figures.
inline constexpr const char* kNoResultsYet = "no results at any event yet";

// The organisation's heatmap: every team whose answers the store holds
// (TeamTree::held: on a manager's device, hers) down, parents before subteams,
// with rating, eNPS, negative comments and response rate from the team's
// latest event with results (team_trends), and team spirit over the last
// kBeforeAfterDays days (to today's start, by the store's clock) against the
// kBeforeAfterDays before them, all teams disclosed together under
// everyone. Not thread-safe (see Store).
Result<Heatmap> organisation_heatmap(Store& store);

}  // namespace debrief
