// The sync engine of an enrolled store, as every app runs it: the engine
// (on its own thread, with its own Store), the reachability of the server
// it is enrolled with, and the order they stop in. The engine waits,
// offline, while the server's network is down and syncs as soon as it is
// back. Made running; destroyed stopped.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "debrief/platform/log_sink.h"
#include "debrief/platform/reachability.h"
#include "debrief/sync/credentials.h"
#include "debrief/sync/engine.h"

namespace debrief::platform {

class BackgroundSync {
 public:
  // Starts syncing the store in `dir` with the server it is enrolled with
  // (not_found when it is not). `on_event` and `on_changed` run on the
  // engine's thread (sync::SyncEngine); `log` gets its log lines (none: no log).
  static Result<std::unique_ptr<BackgroundSync>> start(const std::filesystem::path& dir,
                                                       std::shared_ptr<sync::Credentials> credentials, LogSink log,
                                                       sync::SyncEngine::EventFn on_event,
                                                       std::function<void()> on_changed = {});
  // Stops the engine (which asks the reachability), then the reachability's
  // watch (which pokes the engine), then frees the engine: no callback runs
  // after this returns.
  ~BackgroundSync();
  BackgroundSync(const BackgroundSync&) = delete;
  BackgroundSync& operator=(const BackgroundSync&) = delete;

  // Local changes are waiting: push them now, or retry at once after an error.
  void sync_now() { engine_->sync_now(); }

 private:
  BackgroundSync() = default;

  std::unique_ptr<Reachability> reachability_;
  std::unique_ptr<sync::SyncEngine> engine_;
};

}  // namespace debrief::platform
