// A host's Debrief: one store, its sync engine, and the host's lifecycle.
// The C API's dbf_store is a Session; the desktop app and the CLI run sync
// through the same BackgroundSync.
//
// Threads: a Session is used from one host thread at a time. Sync listeners
// run on the sync engine's thread, or, when the listener asks for it,
// wait in a queue until the host calls pump() on a thread of its own
// choosing (a UI thread, Android's main looper, iOS's main queue).
#pragma once

#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>

#include "debrief/platform/background_sync.h"
#include "debrief/platform/log_sink.h"
#include "debrief/store.h"
#include "debrief/sync/credentials.h"
#include "debrief/sync/engine.h"

namespace debrief::platform {

struct SyncListener {
  std::function<void(const sync::EngineEvent&)> on_state = {};  // state and progress
  std::function<void()> on_changed = {};                          // data arrived from the server
  bool queued = false;  // true: delivered by pump(); false: on the engine's thread
};

class Session {
 public:
  // Opens (creating) the store in `dir`. Its device credential lives in the
  // default file (credentials_file(dir)) until the host sets its own store.
  static Result<std::unique_ptr<Session>> open(const std::filesystem::path& dir);
  ~Session();  // stops sync, then closes the store
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  Store& store() { return *store_; }

  // The host's secure storage for the device credential (the Keychain, the
  // Keystore); used from the next enrol, pass or start_sync on.
  void set_credentials(std::shared_ptr<sync::Credentials> credentials) { credentials_ = std::move(credentials); }
  // Where the sync engine logs (from the next start_sync on); none: no log.
  void set_log(LogSink log) { log_ = std::move(log); }

  // Enrols the device (sync::enroll, with this session's credentials).
  Result<sync::ServerLink> enroll(const std::string& host, std::uint16_t port, const sync::EnrolmentCode& code,
                                  const std::string& device_name);
  // One blocking pass (sync::sync_with_saved_link).
  Result<sync::SyncProgress> sync_once(const sync::ProgressFn& progress = {});

  // Starts the background sync engine (not_found when the device is not
  // enrolled); listening again replaces the listener. The engine waits
  // while the server's network is down (linux_reachability of the
  // enrolled host) and syncs as soon as it is back.
  Status start_sync(SyncListener listener);
  void stop_sync();
  bool syncing() const { return engine_ != nullptr; }
  // Local changes are waiting: sync now (invalid_argument when sync is
  // not started).
  Status sync_now();
  // Runs up to `max` queued listener calls on this thread; returns how many ran.
  int pump(int max);

  // The host goes to the background: sync stops (remembered), the store's
  // log is written into its file. Coming back restarts sync if it ran.
  Status background();
  Status foreground();

 private:
  explicit Session(std::unique_ptr<Store> store);
  void deliver(std::function<void()> call);
  void stop_engine();

  std::unique_ptr<Store> store_;
  std::shared_ptr<sync::Credentials> credentials_;
  LogSink log_;
  SyncListener listener_;
  std::unique_ptr<BackgroundSync> engine_;  // while syncing
  bool resume_ = false;  // sync ran when the host went to the background
  std::mutex mu_;
  std::deque<std::function<void()>> queue_;
};

}  // namespace debrief::platform
