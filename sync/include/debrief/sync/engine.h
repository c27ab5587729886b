// The background sync engine: keeps a device in sync whenever it is enrolled
// and the server can be reached. It runs a pass, then stays connected and
// pulls as soon as the server announces new changes; a local change makes it
// push at once; on failure it retries with exponential backoff and jitter,
// indefinitely, so a transient error never stalls the queue.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "debrief/sync/client.h"

namespace debrief::sync {

enum class SyncState { offline, connecting, pushing, pulling, idle, error };
const char* state_name(SyncState state);

struct EngineEvent {
  SyncState state = SyncState::offline;
  std::string reason;      // for offline and error: why, in words for the person
  SyncProgress progress;   // items and bytes of the current pass
  int failures = 0;        // consecutive failed attempts
};

struct EngineOptions {
  std::chrono::milliseconds min_backoff{500};
  std::chrono::milliseconds max_backoff{60000};
  std::chrono::seconds keepalive{25};
  // Whether the network that reaches the server is up now (the platform's
  // reachability). When it says no, the engine reports offline ("no
  // network") and waits for sync_now() or offline_recheck instead of
  // failing to connect and backing off. Unset: always try.
  std::function<bool()> reachable = {};
  std::chrono::milliseconds offline_recheck{60000};
};

class SyncEngine {
 public:
  using EventFn = std::function<void(const EngineEvent&)>;
  // Syncs the store in `store_dir` with its own Store object (stores are
  // single-threaded; several may open one directory). `on_event` and
  // `on_changes` (after pulled changes are applied) run on the engine's
  // thread and must not block for long.
  SyncEngine(std::filesystem::path store_dir, EngineOptions options, EventFn on_event,
             std::function<void()> on_changes = {});
  ~SyncEngine();  // stops and joins
  SyncEngine(const SyncEngine&) = delete;
  SyncEngine& operator=(const SyncEngine&) = delete;

  void start();
  void stop();
  // Local changes are waiting: push them now instead of at the next pass.
  void sync_now();

 private:
  void run();
  Status pass_and_listen(Store& store, const ServerLink& link);
  void report(EngineEvent event);
  // Records in the link that the device is in sync now.
  void caught_up();
  // Sleeps for `d` unless stopped or poked first.
  void pause(std::chrono::milliseconds d);
  std::chrono::milliseconds backoff(int failures);

  std::filesystem::path dir_;
  EngineOptions options_;
  EventFn on_event_;
  std::function<void()> on_changes_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false, poked_ = false;
  std::function<void()> interrupt_;  // closes the current connection, if any
  std::thread thread_;
  int failures_ = 0;
};

}  // namespace debrief::sync
