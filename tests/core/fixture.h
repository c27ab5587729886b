// Shared test fixtures: a store in a temporary directory on a seeded clock,
// and a snapshot of what it holds for "nothing changed" checks.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <memory>

#include "debrief/records.h"
#include "debrief/store.h"

namespace test {

using debrief::Json;

// A unique directory under the system's temp dir, removed at the end.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Requires a Result to hold a value and returns it.
template <class T>
T ok(debrief::Result<T> r) {
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r.value());
}
inline void ok(const debrief::Status& s) {
  INFO(s.message());
  REQUIRE(s.is_ok());
}

// A store with one person (acting as "me"), a second person, an event and a
// branching survey: score (rating, required) -> wrong (score <= 2) or keep
// (score >= 4).
struct World {
  TempDir dir;
  debrief::SeededEnv env{42, 1764000000000};
  std::unique_ptr<debrief::Store> store;
  debrief::Id me, other, team, event, survey;

  World();
  Json survey_questions() const;
  debrief::Result<debrief::Id> respond(const Json& answers, bool anonymous = false);
};

// Counts per kind and the number of changes: equal snapshots mean nothing
// was written.
struct Snapshot {
  std::vector<std::int64_t> counts;
  std::int64_t changes = 0;
  explicit Snapshot(debrief::Store& store);
  bool operator==(const Snapshot&) const = default;
};

}  // namespace test
