// What the core's modules share about an open store. Internal to the core.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "debrief/actor.h"
#include "debrief/change_log.h"
#include "debrief/hlc.h"
#include "debrief/store.h"
#include "debrief/survey.h"
#include "scope_tallies.h"
#include "sqlite.h"

namespace debrief {

// The store's database, in its directory (with SQLite's -wal and -shm
// beside it).
inline constexpr const char* kStoreFile = "debrief.db";

struct Store::Impl {
  std::filesystem::path dir;
  std::unique_ptr<sql::Db> db;
  Env* env = nullptr;
  HlcClock clock;
  Id device;
  int tx_depth = 0;
  // SQLite's data_version when this connection last looked: it changes when
  // another connection (another process) commits, whose changes may carry
  // this device's clock too.
  std::int64_t data_version = 0;
  bool tx_poisoned = false;  // an inner action failed mid-write: roll back all
  std::optional<Id> me;  // meta "me", read at open and kept by set_me
  std::optional<Id> bound_me;  // meta "bound_me": set_me refuses anyone else
  // Whom the writes in progress are checked as, when not `me`: the person
  // whose device pushed the batch being applied (replication.cpp).
  std::optional<Actor> acting;
  // Parsed surveys by their questions document, so answering the same
  // survey many times parses it once; the documents' bytes held as keys
  // (cached_survey bounds them).
  std::unordered_map<std::string, std::shared_ptr<const Survey>> surveys;
  std::size_t surveys_bytes = 0;
  // Counts of the transaction in progress, written when it commits.
  ScopeTallies tallies;

  // Seconds since the epoch, from env.
  std::int64_t now_s() const { return env->now_ms() / 1000; }
  // Appends a change stamped with the next HLC tick. `value` is the field's
  // stored value (null for whole-record changes), bound at parameter 6.
  Status log_change(Kind kind, const Id& record, const std::optional<std::string_view>& field,
                    ChangeOp op, const std::function<void(sql::Stmt&, int)>& bind_value);
  // Appends a change made elsewhere, with its own device and clock.
  Status append_change(const Id& from, Hlc hlc, Kind kind, const Id& record,
                       const std::optional<std::string_view>& field, ChangeOp op,
                       const std::function<void(sql::Stmt&, int)>& bind_value);

  Result<std::string> meta_text(std::string_view key);
  Status set_meta(std::string_view key, std::string_view value);
};

// The store's internals, for the core's own files.
inline Store::Impl& impl_of(Store& store) { return *store.impl_; }

// One user action: a transaction, or a part of an outer one, that rolls
// back unless commit() succeeds. The outermost commit writes the gathered
// scope tallies first, so they commit with the rows they count.
class Tx {
 public:
  explicit Tx(Store::Impl& impl);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  // The error from beginning, if any; check before writing.
  Status status() const { return begin_; }
  Status commit();

 private:
  Store::Impl& impl_;
  Status begin_;
  bool done_ = false;
};

}  // namespace debrief
