#include "debrief/platform/session.h"

#include "debrief/platform/credentials_file.h"
#include "debrief/sync/client.h"

namespace debrief::platform {

Result<std::unique_ptr<Session>> Session::open(const std::filesystem::path& dir) {
  Result<std::unique_ptr<Store>> store = Store::open(dir);
  DEBRIEF_TRY(store.status());
  return std::unique_ptr<Session>(new Session(std::move(*store)));
}

Session::Session(std::unique_ptr<Store> store)
    : store_(std::move(store)), credentials_(file_credentials(credentials_file(store_->dir()))) {}

Session::~Session() { stop_sync(); }

Result<sync::ServerLink> Session::enroll(const std::string& host, std::uint16_t port, const sync::EnrolmentCode& code,
                                         const std::string& device_name) {
  return sync::enroll(*store_, host, port, code, device_name, *credentials_);
}

Result<sync::SyncProgress> Session::sync_once(const sync::ProgressFn& progress) {
  return sync::sync_with_saved_link(*store_, *credentials_, progress);
}

void Session::deliver(std::function<void()> call) {
  if (!listener_.queued) return call();
  std::lock_guard lock(mu_);
  queue_.push_back(std::move(call));
}

Status Session::start_sync(SyncListener listener) {
  if (Status enrolled = sync::load_link(store_->dir()).status(); !enrolled.is_ok()) return enrolled;
  stop_sync();
  listener_ = std::move(listener);
  Result<std::unique_ptr<BackgroundSync>> engine = BackgroundSync::start(
      store_->dir(), credentials_, log_,
      [this](const sync::EngineEvent& e) {
        if (listener_.on_state) deliver([this, e] { listener_.on_state(e); });
      },
      [this] {
        if (listener_.on_changed) deliver([this] { listener_.on_changed(); });
      });
  DEBRIEF_TRY(engine.status());
  engine_ = std::move(*engine);
  return Status::ok();
}

void Session::stop_engine() { engine_.reset(); }  // no listener call starts after this

void Session::stop_sync() {
  stop_engine();
  std::lock_guard lock(mu_);
  queue_.clear();
}

Status Session::sync_now() {
  if (!engine_) return Status(Code::invalid_argument, "sync is not started: start it first");
  engine_->sync_now();
  return Status::ok();
}

int Session::pump(int max) {
  int ran = 0;
  while (ran < max) {
    std::function<void()> call;
    {
      std::lock_guard lock(mu_);
      if (queue_.empty()) break;
      call = std::move(queue_.front());
      queue_.pop_front();
    }
    call();
    ++ran;
  }
  return ran;
}

Status Session::background() {
  resume_ = resume_ || engine_ != nullptr;
  stop_engine();
  return store_->checkpoint();
}

Status Session::foreground() {
  if (!resume_ || engine_) return Status::ok();
  resume_ = false;
  return start_sync(listener_);
}

}  // namespace debrief::platform
