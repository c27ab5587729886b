#include "debrief/heatmap.h"

namespace debrief {
namespace {

constexpr const char* kNoRatings = "no ratings";
constexpr const char* kNoEnps = "no eNPS answers";
constexpr const char* kNoComments = "no comments";

HeatCell cell(const std::optional<double>& value, const char* otherwise) {
  return value ? HeatCell{value, {}} : HeatCell{std::nullopt, otherwise};
}

HeatCell spirit_cell(const SpiritChange& s) {
  if (s.change) return {s.change, {}};
  // The side that has no figure says why: withheld, not invited, or empty.
  const SpiritSide& missing = s.before.mean_rating ? s.after : s.before;
  const std::string side = s.before.mean_rating ? "after: " : "before: ";
  return {std::nullopt, missing.disclosure.shown ? side + "no pulse answers" : side + missing.disclosure.reason};
}

std::optional<double> negative_share(const GroupResults& g) {
  const std::int64_t texts = g.positive + g.neutral + g.negative;
  if (texts == 0) return std::nullopt;
  return static_cast<double>(g.negative) / static_cast<double>(texts);
}

}  // namespace

HeatRow heat_row(const GroupResults& g, const SpiritChange& spirit) {
  HeatRow row{g.name, g.team, g.depth, {}, {}};
  for (HeatCell& c : row.cells) c = {std::nullopt, g.disclosure.reason};
  // Team spirit rests on other answers (pulses), disclosed on their own.
  row.cells[static_cast<std::size_t>(HeatMeasure::spirit_change)] = spirit_cell(spirit);
  if (!g.disclosure.shown) return row;
  row.cells[static_cast<std::size_t>(HeatMeasure::rating)] = cell(g.mean_rating, kNoRatings);
  row.cells[static_cast<std::size_t>(HeatMeasure::enps)] = cell(g.enps, kNoEnps);
  row.cells[static_cast<std::size_t>(HeatMeasure::negative_share)] = cell(negative_share(g), kNoComments);
  row.cells[static_cast<std::size_t>(HeatMeasure::response_rate)] = cell(g.response_rate, kNotInvited);
  return row;
}

const char* heat_measure_name(HeatMeasure m) {
  switch (m) {
    case HeatMeasure::rating: return "rating";
    case HeatMeasure::enps: return "eNPS";
    case HeatMeasure::spirit_change: return "team spirit change";
    case HeatMeasure::negative_share: return "negative comments";
    case HeatMeasure::response_rate: return "response rate";
  }
  return "";
}

Heatmap heatmap_of(const EventReview& review) {
  Heatmap map{review.event.id, review.event.title, {}};
  for (std::size_t g = 0; g < review.event.groups.size(); ++g)
    map.rows.push_back(heat_row(review.event.groups[g], review.team_spirit.at(g)));
  return map;
}

}  // namespace debrief
