// Store: one device's local copy of Debrief, a directory holding a SQLite
// database (debrief.db, WAL mode) and the media files it refers to.
//
// Every user action is one transaction that also records its changes in the
// change log (change_log.h), and is durable on disk (synchronous=FULL) before
// the call returns. A Store is not thread-safe: use it from one thread at a
// time. Several Store objects (and processes) may open the same directory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "debrief/env.h"
#include "debrief/id.h"
#include "debrief/kind.h"
#include "debrief/status.h"

namespace debrief {

// The schema version this build writes. A store with a higher version is
// refused, untouched; lower versions are migrated on open.
inline constexpr int kSchemaVersion = 10;

struct OpenOptions {
  // Time and randomness; must outlive the Store. Null means system_env().
  Env* env = nullptr;
  // Create the directory and an empty store when missing.
  bool create = true;
  // Open for reading only: every write fails with an error saying so. A
  // store on a read-only disk or in a read-only folder (or file) is opened
  // so whatever this says.
  bool read_only = false;
};

struct KindCount {
  Kind kind;
  std::int64_t live = 0;  // not deleted
};

struct StoreInfo {
  int schema_version = 0;
  Id device_id;
  std::optional<Id> me;
  std::vector<KindCount> counts;
  std::int64_t pending_changes = 0;  // local changes no server has acknowledged
  std::int64_t refused_changes = 0;  // local changes a server refused, not yet discarded (change_log.h)
  std::int64_t total_changes = 0;
};

class Store {
 public:
  // Opens (or creates) the store in `dir`, running migrations. Fails with
  // unsupported_version, untouched, when the store was written by a newer
  // Debrief; with io_error when the directory or database cannot be used.
  static Result<std::unique_ptr<Store>> open(const std::filesystem::path& dir,
                                             OpenOptions options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& dir() const;
  Env& env() const;
  // This device's id, made when the store was created.
  Id device_id() const;

  // The person this device acts for (the author of kudos, reflections and
  // attributed responses), or nothing before it is set. Read when the store
  // opens; set_me on another Store object is not seen by this one.
  std::optional<Id> me();
  // Fails with not_found when `person` is not a live person, and with
  // invalid_argument on a store bound to someone else.
  Status set_me(Id person);
  // Binds the store to `person` for good: an enrolled device acts for its
  // enrolled person only, so set_me to anyone else is refused from then
  // on. Acts for them at once when they are in the store already (else
  // set_me(person) is for the first sync to do).
  Status bind_me(Id person);

  Result<StoreInfo> info();

  // Runs `body` as one transaction: every action inside commits together, or
  // none does when body returns an error. An action inside that is refused
  // (bad input) writes nothing and the rest may go on; one whose write fails
  // part-way makes the whole transaction fail. For bulk work such as the
  // demo generator.
  Status transaction(const std::function<Status()>& body);

  // Runs `body`, which only reads, on one consistent view of the store: a
  // read transaction, so that what other connections commit meanwhile
  // shows in none of its reads (inside a transaction it simply runs). For
  // a server process whose reads must agree with one another.
  Status snapshot(const std::function<Status()>& body);

  // Writes the write-ahead log into the database file and empties it, so
  // the store is one file at rest: for a host going to the background,
  // where the OS may suspend or end it. Saved data is durable without it.
  Status checkpoint();

  // What a store holds is the core's own (core/src/store_impl.h, impl_of),
  // as LevelDB keeps DBImpl behind DB.
  struct Impl;

 private:
  friend Impl& impl_of(Store& store);
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace debrief
