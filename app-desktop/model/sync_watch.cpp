#include "sync_watch.h"

namespace debrief::desktop {

SyncWatch::SyncWatch(std::filesystem::path store_dir) : dir_(std::move(store_dir)) {
  latest_.reason = "not enrolled with a server";
}

SyncWatch::~SyncWatch() {
  if (engine_) engine_->stop();  // joins: reachability_ is not asked again
  reachability_.reset();         // joins its watcher, which pokes the engine
}

void SyncWatch::start() {
  if (engine_) return;
  Result<sync::ServerLink> link = sync::load_link(dir_);
  if (!link.is_ok()) return;
  reachability_ = platform::linux_reachability(link->host);
  engine_ = std::make_unique<sync::SyncEngine>(
      dir_, platform::engine_options(*reachability_),
      [this](const sync::EngineEvent& e) {
        std::lock_guard lock(mu_);
        latest_ = e;
        if (e.state == sync::SyncState::idle) ++catch_ups_;
      },
      [this] { ++arrivals_; });
  engine_->start();
  platform::wake_when_back(*reachability_, *engine_);
}

void SyncWatch::sync_now() {
  if (engine_) engine_->sync_now();
}

sync::EngineEvent SyncWatch::latest() {
  std::lock_guard lock(mu_);
  return latest_;
}

}  // namespace debrief::desktop
