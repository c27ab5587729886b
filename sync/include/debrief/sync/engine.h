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

#include <memory>

#include <nlohmann/json.hpp>

#include "debrief/sync/client.h"
#include "debrief/sync/credentials.h"

namespace debrief::sync {

enum class SyncState { offline, connecting, pushing, pulling, idle, error };
const char* state_name(SyncState state);

struct EngineEvent {
  SyncState state = SyncState::offline;
  std::string reason;      // for offline and error: why, in words for the person (an error
                           // adds when it retries: "...; retrying in 4 s")
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
  // The host's log sink: one JSON line per state change and per retry
  // ({"event": "sync_state", "state", "reason", "failures"} and
  // {"event": "sync_retry", "in_ms", "failures"}), on the engine's thread.
  // Unset: no log.
  std::function<void(const std::string&)> log = {};
};

class SyncEngine {
 public:
  using EventFn = std::function<void(const EngineEvent&)>;
  // Syncs the store in `store_dir` with its own Store object (stores are
  // single-threaded; several may open one directory), reading the device's
  // secret from `credentials` before each pass. `on_event` and `on_changes`
  // (after pulled changes are applied) run on the engine's thread and must
  // not block for long.
  SyncEngine(std::filesystem::path store_dir, std::shared_ptr<Credentials> credentials, EngineOptions options,
             EventFn on_event, std::function<void()> on_changes = {});
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
  void log(nlohmann::json line);
  // Records in the link that the device is in sync now.
  void caught_up();
  // Sleeps for `d` unless stopped or poked first.
  void pause(std::chrono::milliseconds d);
  std::chrono::milliseconds backoff(int failures);

  std::filesystem::path dir_;
  std::shared_ptr<Credentials> credentials_;
  EngineOptions options_;
  EventFn on_event_;
  std::function<void()> on_changes_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false, poked_ = false;
  std::function<void()> interrupt_;  // closes the current connection, if any
  std::thread thread_;
  int failures_ = 0;
  std::string logged_;  // the state and reason last logged
};

}  // namespace debrief::sync
