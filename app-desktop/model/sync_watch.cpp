#include "sync_watch.h"

#include "debrief/platform/credentials_file.h"
#include "debrief/platform/log_sink.h"

namespace debrief::desktop {

SyncWatch::SyncWatch(std::filesystem::path store_dir)
    : dir_(std::move(store_dir)), credentials_(platform::file_credentials(platform::credentials_file(dir_))) {
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
  sync::EngineOptions options = platform::engine_options(*reachability_);
  options.log = platform::stderr_log();
  engine_ = std::make_unique<sync::SyncEngine>(
      dir_, credentials_, std::move(options),
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
