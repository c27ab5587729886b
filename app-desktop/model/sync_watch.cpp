#include "sync_watch.h"

#include "debrief/platform/credentials_file.h"
#include "debrief/platform/log_sink.h"

namespace debrief::desktop {

SyncWatch::SyncWatch(std::filesystem::path store_dir)
    : dir_(std::move(store_dir)), credentials_(platform::file_credentials(platform::credentials_file(dir_))) {
  latest_.reason = "not enrolled with a server";
}

void SyncWatch::start() {
  if (engine_) return;
  Result<std::unique_ptr<platform::BackgroundSync>> engine = platform::BackgroundSync::start(
      dir_, credentials_, platform::stderr_log(),
      [this](const sync::EngineEvent& e) {
        std::lock_guard lock(mu_);
        latest_ = e;
        if (e.state == sync::SyncState::idle) ++catch_ups_;
      },
      [this] { ++arrivals_; });
  if (engine.is_ok()) engine_ = std::move(*engine);  // not enrolled: nothing runs
}

void SyncWatch::sync_now() {
  if (engine_) engine_->sync_now();
}

sync::EngineEvent SyncWatch::latest() {
  std::lock_guard lock(mu_);
  return latest_;
}

}  // namespace debrief::desktop
