// Pulse ratings kept per team and day (schema v10), so team spirit before
// and after an event, and across the organisation, reads a team's few rows
// for the days it wants instead of every pulse answer. Internal to the core;
// part of ScopeTallies, whose contract it shares (scope_tallies.h).
//
// A row counts, per team, day (UTC, in seconds), pulse survey, event and
// activity the response is about, the responses with at least one rating
// answer, and those rating answers' number and sum: rating answers as the
// survey's questions are now. Responses of no team count nowhere, as team
// spirit groups answers by team. The day and what a response is about name
// its voice (voice.h), which the reader finds from them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>

#include "debrief/id.h"
#include "debrief/status.h"
#include "sqlite.h"

namespace debrief {

class Survey;
struct TalliedResponse;

// The counts of one row of pulse_tallies.
struct PulseCounts {
  std::int64_t responses = 0, ratings = 0, rating_sum = 0;
  bool operator==(const PulseCounts&) const = default;
};

class PulseTallies {
 public:
  // Counts `r` (sign +1) or takes it back (-1) when its survey is a pulse;
  // `survey` classes its answers (null: unreadable, nothing counts).
  Status add(sql::Db& db, const TalliedResponse& r, const Survey* survey, int sign);
  // Writes the gathered counts, dropping rows that no longer count anything.
  Status flush(sql::Db& db);
  void discard();
  // How many keys wait for flush().
  std::size_t pending() const { return pending_.size(); }

 private:
  Result<bool> is_pulse(sql::Db& db, const Id& survey);

  // team, day, survey, event, activity (none: no event or activity)
  using Key = std::tuple<Id, std::int64_t, Id, std::optional<Id>, std::optional<Id>>;
  std::map<Key, PulseCounts> pending_;
  // Survey kinds met since the last flush: a kind changes only while a
  // survey is unanswered, and a change recounts it after a flush.
  std::map<Id, bool> pulse_;
};

}  // namespace debrief
