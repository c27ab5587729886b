// Team spirit: the pulse ratings of teams' members in a window of days,
// read from the pulse tallies (pulse_tallies.h), for groups of teams
// disclosed together (privacy.h: a team shown beside its parent must not
// give away the rest by subtraction). People are counted by voice: a
// weekly pulse answered every week counts each person once. Internal to
// the core (insights, the organisation's heatmap).
#pragma once

#include <cstdint>
#include <vector>

#include "debrief/insights.h"
#include "group_tally.h"
#include "pulse_window.h"

namespace debrief {

// One group of pulse answers: the teams (by tree index) whose members'
// answers it counts, and the index of the group it is part of, earlier in
// the list (-1: none).
struct SpiritGroup {
  std::vector<bool> teams;
  int parent = -1;
};

// Each group's side in [from, to), whole days, in the groups' order.
Result<std::vector<SpiritSide>> spirit_between(Store& store, const TeamTree& tree,
                                               const std::vector<SpiritGroup>& groups, std::int64_t from,
                                               std::int64_t to, int threshold);

// Before and after, and the change when both are shown.
SpiritChange spirit_change(const SpiritSide& before, const SpiritSide& after);

// Team spirit in the kBeforeAfterDays before the event `e` starts and
// after it ends, for each of `scope`'s groups in their order (a group with
// no invited team says so); `invited` flags the invited teams.
Result<std::vector<SpiritChange>> spirit_by_group(Store& store, const TeamTree& tree, const EventSpan& e,
                                                  const ScopeReview& scope, const std::vector<bool>& invited,
                                                  int threshold);

}  // namespace debrief
