// Exports of the manager's review to CSV and JSON, with the privacy rules
// applied: the tables are made from insights.h only, so a withheld group is
// a row (or object) with its reason and no numbers, exactly as on screen.
// Not thread-safe (see Store).
#pragma once

#include <optional>
#include <ostream>

#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief {

class Store;

enum class ExportTable {
  // One row per group (everyone, each team) of each event and activity.
  events,
  // One row per team and event: each team's trend.
  teams,
  // One row per answer, for scopes whose everyone group is shown; no author,
  // no response id, only the day; its group is the smallest shown group the
  // answer counts towards (its team's, a team above it, or everyone), so no
  // withheld group can be read off the rows: what one label holds beyond
  // its shown subgroups is empty or at the threshold (privacy.h).
  responses,
};
enum class ExportFormat { csv, json };

// Writes `table` for `event`, or for every live event when none, to `out`.
// not_found when `event` names no live event. CSV has a header row and
// quotes fields as RFC 4180 does; JSON is one array of objects with the same
// columns (empty cells as null), one object per line. Rows are written as
// they are made: on an error part-way, what was written stays in `out`.
Status export_table(Store& store, ExportTable table, ExportFormat format,
                    const std::optional<Id>& event, std::ostream& out);

}  // namespace debrief
