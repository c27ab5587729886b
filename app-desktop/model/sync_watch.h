// The sync engine as the window sees it: the engine runs on its own thread
// (with its own Store) and this keeps its latest state for the UI to read
// each frame. Nothing runs when the device is not enrolled; while the
// server's network is down the engine waits offline ("no network").
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>

#include "debrief/platform/background_sync.h"
#include "debrief/sync/credentials.h"
#include "debrief/sync/engine.h"

namespace debrief::desktop {

class SyncWatch {
 public:
  explicit SyncWatch(std::filesystem::path store_dir);

  // Starts the engine if the device is enrolled (again after enrolling).
  void start();
  // Sync now: push pending changes, or retry at once after an error.
  void sync_now();
  bool running() const { return engine_ != nullptr; }
  // Where the device credential lives (the desktop's file, beside the
  // store): what enrolling writes and the engine reads. Thread-safe.
  std::shared_ptr<sync::Credentials> credentials() const { return credentials_; }
  sync::EngineEvent latest();
  // How many times changes arrived from the server: screens reload when it moves.
  std::uint64_t arrivals() const { return arrivals_; }
  // How many times the device caught up with the server (a pass, or a live
  // pull, completed): what shows pending changes and the last sync reloads.
  std::uint64_t catch_ups() const { return catch_ups_; }

 private:
  std::filesystem::path dir_;
  std::shared_ptr<sync::Credentials> credentials_;
  std::mutex mu_;
  sync::EngineEvent latest_;
  std::atomic<std::uint64_t> arrivals_{0}, catch_ups_{0};
  std::unique_ptr<platform::BackgroundSync> engine_;  // destroyed first: no callback runs after it
};

}  // namespace debrief::desktop
