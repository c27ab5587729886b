// Shared test support: temporary directories, stores on a seeded clock,
// snapshots for "nothing changed" checks, and raw SQLite access for checks
// that must look beneath the core.
#pragma once

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "debrief/records.h"
#include "debrief/status.h"
#include "debrief/store.h"
#include "../support/require_ok.h"
#include "../support/temp_dir.h"

namespace Catch {
template <>
struct StringMaker<debrief::Code> {
  static std::string convert(debrief::Code code) { return debrief::code_name(code); }
};
template <>
struct StringMaker<debrief::Id> {
  static std::string convert(const debrief::Id& id) { return id.hex(); }
};
}  // namespace Catch

namespace test {

using debrief::Json;

// The seeded clock starts here: 2025-11-24T16:00:00Z, not midnight.
inline constexpr std::int64_t kStartMs = 1764000000000;

using testsupport::ok;
using testsupport::TempDir;

inline debrief::Status status_of(const debrief::Status& s) { return s; }
template <class T>
debrief::Status status_of(const debrief::Result<T>& r) {
  return r.status();
}

// List options that include deleted records (tombstones) or not.
inline debrief::ListOptions including_deleted(bool include = true) {
  debrief::ListOptions options;
  options.include_deleted = include;
  return options;
}

// Opens (creating) the store in `dir` on `env`, requiring success.
std::unique_ptr<debrief::Store> open_store(const std::filesystem::path& dir, debrief::Env& env);

// A store in a temporary directory on a seeded clock, acting for one person
// ("me", Ana).
struct SeededStore {
  explicit SeededStore(std::uint64_t seed = 42);
  TempDir dir;
  debrief::SeededEnv env;
  std::unique_ptr<debrief::Store> store;
  debrief::Id me;

  std::filesystem::path store_dir() const { return dir.path() / "store"; }
  // Closes the store and opens it again on the same clock.
  void reopen();
  // Makes `person` the one this device acts for.
  void act_as(debrief::Id person);
};

// A seeded store with a team, a second person ("other", Ben), an event and a
// branching survey: score (rating, required) -> wrong (score <= 2) or keep
// (score >= 4), then parts (multi) and triad.
struct World : SeededStore {
  explicit World(std::uint64_t seed = 42);
  debrief::Id team, other, event, survey;

  static Json survey_questions();
  // Answers the survey about the event (again: replaces a named answer).
  debrief::Result<debrief::Id> respond(const Json& answers, bool anonymous = false);
  // A new colleague in the team answers it (one voice each); acts as Ana
  // again afterwards.
  debrief::Result<debrief::Id> colleague_responds(const Json& answers, bool anonymous = false);
  // A specific kudos given by Ben to Ana; acts as Ana again afterwards.
  debrief::Id kudos_from_other();
  // A specific kudos from Ben to the team: one Ana may +1 (not to her).
  debrief::Id kudos_to_team();
};

// A valid record of one creatable kind, and a valid edit of it.
struct KindCase {
  debrief::Kind kind;
  Json fields;  // a new record, every value in the form get() returns it
  Json edit;    // two fields (one for append-only kinds) and new values; null when nothing may change
};
// One case for every creatable kind, its references made in `w`.
std::vector<KindCase> creatable_cases(World& w);

// The fields of a kudos to the people in `to` that names a specific action
// and outcome.
Json specific_kudos(const std::vector<debrief::Id>& to);

// The number of live records of `kind`, as info() counts them.
std::int64_t live_count(debrief::Store& store, debrief::Kind kind);

// `s` in upper case (ASCII).
std::string upper(std::string s);

// Everything the store holds that an action could change: live counts, the
// change log's size and every record of every kind (deleted ones too).
Json snapshot(debrief::Store& store);

// Applies every change `from` holds to `to`, as a sync would; with
// `left_out`, all but those of that kind (a manager's device below the
// threshold holds participations and no responses).
void copy_changes(debrief::Store& from, debrief::Store& to, std::optional<debrief::Kind> left_out = std::nullopt);

// Runs `action` and checks that it fails with `code`, with a message
// containing `part`, and that the store is exactly as it was.
template <class Action>
void check_refused(debrief::Store& store, debrief::Code code, std::string_view part, Action&& action) {
  const Json before = snapshot(store);
  debrief::Status s = status_of(action());
  INFO("message: " << s.message());
  CHECK(s.code() == code);
  CHECK(s.message().find(part) != std::string::npos);
  CHECK(snapshot(store) == before);
}

// The whole content of a file.
std::string file_bytes(const std::filesystem::path& file);
// Writes `bytes` to dir/name and returns the path.
std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                 const std::string& bytes);

// A direct SQLite connection to a store's database, for checks beneath the core.
class RawDb {
 public:
  explicit RawDb(const std::filesystem::path& db_file);
  ~RawDb();
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  void exec(const std::string& sql);
  // Column `index` (the first by default) of every row, as text.
  std::vector<std::string> column(const std::string& sql, int index = 0);
  // The first column of the first row, as text ("" when none).
  std::string scalar(const std::string& sql);

 private:
  sqlite3* db_ = nullptr;
};

// The database file of the store in `dir`.
inline std::filesystem::path db_file(const std::filesystem::path& dir) { return dir / "debrief.db"; }

}  // namespace test
