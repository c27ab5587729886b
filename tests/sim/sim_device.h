// One device: the product's core Store on its own SQLite files, on a
// seeded clock of its own (skewed from the world's), running the
// product's sync pass (sync_pass.h) over a SimChannel on an io_context
// that only the world drives. A crash destroys the pass mid-flight (its
// coroutine is never resumed) and the Store; a restart opens the Store
// again from what was committed.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "debrief/env.h"
#include "debrief/store.h"
#include "debrief/sync/client.h"
#include "sim_channel.h"

namespace debrief::sim {

class SimDevice {
 public:
  SimDevice(int index, Id person, std::filesystem::path dir, std::uint64_t seed);
  ~SimDevice();

  Status open();
  void crash();
  bool up() const { return store_ != nullptr; }
  Store& store() { return *store_; }
  SeededEnv& env() { return env_; }
  int index() const { return index_; }
  // Where its files are: its machine's disk (sim_disk.h).
  const std::filesystem::path& dir() const { return dir_; }
  const Id& person() const { return person_; }
  sync::ServerLink link;

  // Starts a sync pass over `wire` (hello, push, pull, bye).
  void start_pass(std::shared_ptr<SimLink> wire);
  bool passing() const { return channel_ != nullptr; }
  // Runs what is ready on the device; returns the pass's outcome once it
  // ended (and forgets the pass), nothing while it runs.
  std::optional<Status> run();
  // What the last pass that ended did.
  const sync::SyncProgress& progress() const { return progress_; }

 private:
  int index_;
  Id person_;
  std::filesystem::path dir_;
  SeededEnv env_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<boost::asio::io_context> io_;
  std::unique_ptr<SimChannel> channel_;
  std::optional<Status> outcome_;
  sync::SyncProgress progress_;
};

}  // namespace debrief::sim
