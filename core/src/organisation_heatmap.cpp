// The organisation's heatmap: every team at its latest event with results,
// and team spirit over the last month against the month before.
#include <map>

#include "debrief/heatmap.h"
#include "debrief/insights.h"
#include "store_impl.h"
#include "team_spirit.h"

namespace debrief {
namespace {

constexpr std::int64_t kDay = 86400;

}  // namespace

Result<Heatmap> organisation_heatmap(Store& store) {
  Result<std::vector<TeamTrend>> trends = team_trends(store);
  DEBRIEF_TRY(trends.status());
  Result<TeamTree> tree = load_team_tree(store);
  DEBRIEF_TRY(tree.status());
  Result<int> threshold = anonymity_threshold(store);
  DEBRIEF_TRY(threshold.status());
  // Spirit: everyone (the teams this store holds), then each team's held
  // subtree under its parent's group.
  std::vector<SpiritGroup> groups{SpiritGroup{tree->held, -1}};
  for (std::size_t i = 0; i < tree->ids.size(); ++i) {
    std::vector<bool> teams = subtrees_of(*tree, {tree->ids[i]});
    for (std::size_t t = 0; t < teams.size(); ++t) teams[t] = teams[t] && tree->held[t];
    groups.push_back(SpiritGroup{std::move(teams), tree->parent[i] < 0 ? 0 : tree->parent[i] + 1});
  }
  const std::int64_t now = impl_of(store).now_s(), today = now - now % kDay, window = kBeforeAfterDays * kDay;
  Result<std::vector<SpiritSide>> before = spirit_between(store, *tree, groups, today - 2 * window, today - window, *threshold);
  DEBRIEF_TRY(before.status());
  Result<std::vector<SpiritSide>> after = spirit_between(store, *tree, groups, today - window, today, *threshold);
  DEBRIEF_TRY(after.status());
  std::map<Id, const TrendPoint*> latest;
  for (const TeamTrend& t : *trends) latest[t.team] = &t.points.back();  // points come oldest first
  Heatmap map{std::nullopt, "the organisation", {}};
  for (std::size_t i = 0; i < tree->ids.size(); ++i) {
    if (!tree->held[i]) continue;  // not this store's to show: no row, rather than one saying "no results"
    const SpiritChange spirit = spirit_change((*before)[i + 1], (*after)[i + 1]);
    int depth = 1;
    for (int p = tree->parent[i]; p >= 0; p = tree->parent[static_cast<std::size_t>(p)]) ++depth;
    auto point = latest.find(tree->ids[i]);
    GroupResults results;
    if (point != latest.end()) results = point->second->results;
    else results.disclosure = {false, kNoResultsYet};
    results.name = tree->names[i];
    results.team = tree->ids[i];
    results.depth = depth;
    HeatRow row = heat_row(results, spirit);
    if (point != latest.end()) row.from_event = point->second->title;
    map.rows.push_back(std::move(row));
  }
  return map;
}

}  // namespace debrief
