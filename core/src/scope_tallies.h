// Tallies of responses kept up to date per insight scope (schema v5), so the
// manager's review reads a scope's few rows in key order instead of every
// answer. Internal to the core.
//
// A response counts towards one scope: its activity when it has one, else
// its event (responses about neither count nowhere). Per scope, survey and
// team, `scope_tallies` holds the number of responses, how many rating
// answers took each value 1-5 and eNPS answers each value 0-10, and how many
// text and triad answers scored positive, neutral and negative — answers
// classed by their question's type in the survey as it is now.
// `scope_comments` keeps the scope's free texts (more / less / stop parts and
// text answers) for its themes.
//
// Contract: once the outermost transaction commits, both tables hold exactly
// what rebuild_scope_tallies() would build from the live responses. Writers
// count a response when its answers are written, take it back before it is
// tombstoned, and count a survey's responses again when its questions
// change; counts gather in memory and reach the table on flush(), which
// Tx::commit runs before COMMIT (and a rollback discards).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "debrief/id.h"
#include "debrief/status.h"
#include "pulse_tallies.h"
#include "sqlite.h"

namespace debrief {

class Store;
class Survey;

// One answer row of a response, as stored in answers.
struct TalliedAnswer {
  std::string question, part;
  std::optional<std::int64_t> num;
  std::optional<std::string> text;
  std::optional<double> sentiment;  // of `text`
};

struct TalliedResponse {
  Id id, survey;
  std::optional<Id> event, activity, team;
  std::vector<TalliedAnswer> answers;
  std::int64_t created_at = 0;  // seconds
};

// The counts of one row of scope_tallies.
struct TallyCounts {
  std::int64_t responses = 0;
  std::array<std::int64_t, 5> ratings{};  // answers of 1 .. 5
  std::array<std::int64_t, 11> enps{};    // answers of 0 .. 10
  std::int64_t positive = 0, neutral = 0, negative = 0;
  bool operator==(const TallyCounts&) const = default;
};

// scope_tallies' count columns, in TallyCounts order, and reading them
// from a row that selects them from column `first` on.
inline constexpr const char* kTallyCountColumns =
    "responses, r1, r2, r3, r4, r5, e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, positive, neutral, negative";
TallyCounts read_tally_counts(const sql::Stmt& row, int first);

class ScopeTallies {
 public:
  // Counts `r` (sign +1) or takes it back (-1), its answers classed by
  // `survey` (null when the survey cannot be read: the response counts, its
  // answers do not), in its scope's tallies and, for a pulse, its team's
  // (pulse_tallies.h). Its triad texts are written to (or deleted from)
  // scope_comments at once; the counts wait for flush(), which runs early
  // when many have gathered.
  Status add(sql::Db& db, const TalliedResponse& r, const Survey* survey, int sign);
  // Writes the gathered counts, dropping rows that no longer count anything.
  Status flush(sql::Db& db);
  // Forgets the gathered counts (their transaction rolled back).
  void discard() {
    pending_.clear();
    pulses_.discard();
  }

 private:
  friend Status recount_survey(Store& store, const Id& survey);
  // The counts part of add().
  Status count(sql::Db& db, const TalliedResponse& r, const Survey* survey, int sign);

  // scope kind ("event" or "activity"), scope, survey, team (none: no team)
  using Key = std::tuple<std::string_view, Id, Id, std::optional<Id>>;
  std::map<Key, TallyCounts> pending_;
  PulseTallies pulses_;
};

// The stored response `id` with its answers; not_found when there is none.
Result<TalliedResponse> load_tallied_response(Store& store, const Id& id);

// Counts the live responses of `survey` again, after its questions changed,
// inside the caller's transaction.
Status recount_survey(Store& store, const Id& survey);

// Empties the tables and counts every live response again, inside the
// caller's transaction.
Status rebuild_scope_tallies(Store& store);

// Rebuilds, in one transaction, when the tallies were made by other code or
// from another analyzer's labels (a store just migrated to v5 has none).
Status rebuild_scope_tallies_if_stale(Store& store);

}  // namespace debrief
