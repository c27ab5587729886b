// The agenda balance check for organisers: how an event's programme shares
// its time between talks, games, meals, workshops, outdoor time, reflection
// breaks and free time between activities; the longest stretch with no
// break; and warnings when there is no reflection time, no break for too
// long, or one kind of activity takes most of the programme (a good
// programme balances talks, entertainment and energising activities, with
// ample breaks and time for meaningful discussion).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief {

class Store;

struct AgendaRules {
  std::int64_t max_stretch = 2 * 3600;  // seconds with no break before a warning
  std::int64_t min_break = 10 * 60;     // a gap between activities this long is a break
  double most = 0.5;                    // a kind above this share of the activity time dominates
  std::int64_t overnight = 6 * 3600;    // a gap this long ends a day: neither free time nor a stretch
};

struct AgendaWarning {
  std::string code;     // no_activities, no_reflection_time, long_stretch, one_kind_dominates, overlap
  std::string message;  // for people, naming the activities concerned
};

struct AgendaCheck {
  Id event;
  // Seconds by kind of activity ("talk", ..., "reflection_break"), and
  // "free" for the gaps between activities on the same day.
  std::map<std::string, std::int64_t> seconds;
  std::map<std::string, double> shares;  // of the programme's time: the seconds above, summing to 1
  std::int64_t longest_stretch = 0;      // seconds of activities with no break between them
  std::vector<AgendaWarning> warnings;
};

// Checks the live activities of `event` (not_found when there is no such
// live event); activities that overlap count each their own time, and say so.
Result<AgendaCheck> check_agenda(Store& store, const Id& event, const AgendaRules& rules = {});

// {"event", "minutes": {kind: n}, "shares": {kind: share}, "longest_stretch_minutes",
// "warnings": [{"code", "message"}]}, kinds as above ("free" included).
nlohmann::json to_json(const AgendaCheck& check);

}  // namespace debrief
