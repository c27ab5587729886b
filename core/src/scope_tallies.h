// Tallies of responses kept up to date per insight scope (schema v5), so the
// manager's review reads a scope's few rows in key order instead of every
// answer. Internal to the core.
//
// A response counts towards one scope: its activity when it has one, else
// its event (responses about neither count nowhere). Per scope, survey, team
// and question, `scope_tallies` holds how many answers there were, how many
// took each value 0-10, and how many of their texts scored positive, neutral
// and negative; question "" counts the responses themselves. What a value
// means (rating, eNPS, a text worth a sentiment) is left to the reader, who
// knows the survey's questions as they are now. `scope_comments` keeps the
// scope's more / less / stop texts for its themes.
//
// Contract: once the outermost transaction commits, both tables hold exactly
// what rebuild_scope_tallies() would build from the live responses. Writers
// count a response when its answers are written and take it back before it
// is tombstoned; counts gather in memory and reach the table on flush(),
// which Tx::commit runs before COMMIT (and a rollback discards).
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
#include "sqlite.h"

namespace debrief {

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
};

// The counts of one row of scope_tallies.
struct TallyCounts {
  std::int64_t n = 0;  // answers, or responses for question ""
  std::array<std::int64_t, 11> values{};  // answers of 0 .. 10
  std::int64_t positive = 0, neutral = 0, negative = 0;
  bool operator==(const TallyCounts&) const = default;
};

// scope_tallies' count columns, in TallyCounts order, and reading them
// from a row that selects them from column `first` on.
inline constexpr const char* kTallyCountColumns =
    "n, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, positive, neutral, negative";
TallyCounts read_tally_counts(const sql::Stmt& row, int first);

class ScopeTallies {
 public:
  // Counts `r` (sign +1) or takes it back (sign -1). Its triad texts are
  // written to (or deleted from) scope_comments at once; the counts wait
  // for flush(), which runs early when many have gathered.
  Status add(sql::Db& db, const TalliedResponse& r, int sign);
  // Writes the gathered counts, dropping rows that no longer count anything.
  Status flush(sql::Db& db);
  // Forgets the gathered counts (their transaction rolled back).
  void discard() { pending_.clear(); }

 private:
  // scope kind ("event" or "activity"), scope, survey, team (empty: none), question
  using Key = std::tuple<std::string_view, Id, Id, std::optional<Id>, std::string>;
  std::map<Key, TallyCounts> pending_;
};

// The stored response `id` with its answers; not_found when there is none.
Result<TalliedResponse> load_tallied_response(sql::Db& db, const Id& id);

// Empties both tables and counts every live response again, inside the
// caller's transaction.
Status rebuild_scope_tallies(sql::Db& db);

// Rebuilds, in one transaction, when the tallies were made by other code or
// from another analyzer's labels (a store just migrated to v5 has none).
Status rebuild_scope_tallies_if_stale(sql::Db& db);

}  // namespace debrief
