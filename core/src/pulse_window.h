// The window a survey's answer falls in, for one voice per person: a pulse
// survey is answered once per window (DECISIONS: before and after an event
// are different windows), any other survey once per event or activity.
// Internal to the core.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>

#include "debrief/store.h"

namespace debrief {

// [from, to) in seconds, with an id that names it among the survey's windows
// for that event (0 for the one window of a survey that is not a pulse).
struct Window {
  std::int64_t id = 0;
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t to = std::numeric_limits<std::int64_t>::max();
};

// The window of an answer to `survey` about `event` made at `created_at`
// (seconds; only its day counts). A pulse about an
// event has three, by the response's day, as the manager's review reads
// them (insights.h): 1 before the event's first day, 2 its own days, 3 from
// the day after it ends. A pulse about no event has one window per week
// (Monday to Sunday, UTC), numbered from the week of the epoch: the cadence
// of a team pulse.
Result<Window> pulse_window(Store& store, const Id& survey, const std::optional<Id>& event, std::int64_t created_at);

// The days an event runs, [starts_at, ends_at] in seconds.
struct EventSpan {
  std::int64_t starts_at = 0, ends_at = 0;
};

// The window of a pulse answer made at `created_at`, about an event that
// runs `event` (none: about no event), as above.
Window pulse_window_of(const std::optional<EventSpan>& event, std::int64_t created_at);

}  // namespace debrief
