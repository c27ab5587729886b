#include "sync_watch.h"

namespace debrief::desktop {

SyncWatch::SyncWatch(std::filesystem::path store_dir) : dir_(std::move(store_dir)) {
  latest_.reason = "not enrolled with a server";
}

SyncWatch::~SyncWatch() {
  if (engine_) engine_->stop();
}

void SyncWatch::start() {
  if (engine_ || !sync::load_link(dir_).is_ok()) return;
  engine_ = std::make_unique<sync::SyncEngine>(
      dir_, sync::EngineOptions{},
      [this](const sync::EngineEvent& e) {
        std::lock_guard lock(mu_);
        latest_ = e;
        if (e.state == sync::SyncState::idle) ++catch_ups_;
      },
      [this] { ++arrivals_; });
  engine_->start();
}

void SyncWatch::sync_now() {
  if (engine_) engine_->sync_now();
}

sync::EngineEvent SyncWatch::latest() {
  std::lock_guard lock(mu_);
  return latest_;
}

}  // namespace debrief::desktop
