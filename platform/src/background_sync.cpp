#include "debrief/platform/background_sync.h"

#include "debrief/sync/client.h"

namespace debrief::platform {

Result<std::unique_ptr<BackgroundSync>> BackgroundSync::start(const std::filesystem::path& dir,
                                                              std::shared_ptr<sync::Credentials> credentials,
                                                              LogSink log, sync::SyncEngine::EventFn on_event,
                                                              std::function<void()> on_changed) {
  Result<sync::ServerLink> link = sync::load_link(dir);
  DEBRIEF_TRY(link.status());
  std::unique_ptr<BackgroundSync> s(new BackgroundSync());
  s->reachability_ = linux_reachability(link->host);
  sync::EngineOptions options;
  options.reachable = [r = s->reachability_.get()] { return r->reachable(); };
  options.log = std::move(log);
  s->engine_ = std::make_unique<sync::SyncEngine>(dir, std::move(credentials), std::move(options), std::move(on_event),
                                                  std::move(on_changed));
  s->engine_->start();
  s->reachability_->watch([engine = s->engine_.get()](bool up) {
    if (up) engine->sync_now();
  });
  return s;
}

BackgroundSync::~BackgroundSync() {
  engine_->stop();         // joins: no callback starts after this, and the reachability is not asked again
  reachability_.reset();   // joins its watcher, which pokes the engine
}

}  // namespace debrief::platform
