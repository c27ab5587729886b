#include "debrief/sync/engine.h"

#include <memory>
#include <random>

#include "sync_pass.h"
#include "tls_connection.h"
#include "debrief/env.h"
#include "co_try.h"

namespace debrief::sync {

using namespace detail;

namespace {

// Pulls one batch: sends the request; the reply arrives through the live loop.
asio::awaitable<Status> request_pull(Channel& c, Store& store) {
  Result<std::int64_t> cursor = stored_cursor(store, kCursorKey);
  DEBRIEF_CO_TRY(cursor.status());
  pb::Frame f;
  f.mutable_pull()->set_cursor(static_cast<std::uint64_t>(*cursor));
  co_return co_await c.send(f);
}

Status apply_batch(Store& store, const pb::PullBatch& batch, std::int64_t& applied) {
  std::vector<WireChange> changes;
  for (const pb::Change& p : batch.changes()) {
    Result<WireChange> w = from_proto(p);
    DEBRIEF_TRY(w.status());
    changes.push_back(std::move(*w));
  }
  applied = static_cast<std::int64_t>(changes.size());
  return apply_remote(store, changes, kCursorKey, static_cast<std::int64_t>(batch.cursor()));
}

// After a pass: subscribe, then pull whenever the server announces changes,
// and every `keepalive` anyway. Returns when the connection ends (with its
// error), or ok once caught up after media records arrived: their files
// move in a pass, not here.
asio::awaitable<Status> listen(Connection& c, Store& store, std::chrono::seconds keepalive,
                               const std::function<void()>& on_changes, const std::function<void()>& on_caught_up) {
  pb::Frame sub;
  sub.mutable_subscribe();
  Status subscribed = co_await c.send(sub);
  DEBRIEF_CO_TRY(subscribed);
  struct Shared {
    bool pulling = false;
    asio::steady_timer timer;
  };
  // One pull at once: a change accepted between the pass's last pull and
  // the subscription was announced to nobody, and would wait for the
  // keepalive.
  auto shared = std::make_shared<Shared>(Shared{true, asio::steady_timer(c.io())});
  Status first = co_await request_pull(c, store);
  DEBRIEF_CO_TRY(first);
  asio::co_spawn(c.io(), [shared, &c, &store, keepalive]() -> asio::awaitable<void> {
    for (;;) {
      shared->timer.expires_after(keepalive);
      boost::system::error_code ec;
      co_await shared->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
      if (shared->pulling) continue;
      shared->pulling = true;
      if (!(co_await request_pull(c, store)).is_ok()) co_return;
    }
  }, asio::detached);
  Status ended;
  bool media_arrived = false;
  // The pass has just said it is caught up: the first pull says so again
  // only when it brought something.
  bool first_pull = true;
  std::int64_t brought = 0;
  for (;;) {
    Result<pb::Frame> f = co_await c.receive();
    if (!f.is_ok()) {
      ended = f.status();
      break;
    }
    if (f->has_notify() && !shared->pulling) {
      shared->pulling = true;
      ended = co_await request_pull(c, store);
    } else if (f->has_pull_batch()) {
      for (const pb::Change& p : f->pull_batch().changes()) media_arrived |= p.kind() == static_cast<std::uint32_t>(Kind::media);
      std::int64_t applied = 0;
      ended = apply_batch(store, f->pull_batch(), applied);
      brought += applied;
      if (ended.is_ok() && applied > 0 && on_changes) on_changes();
      if (ended.is_ok() && f->pull_batch().more()) {
        ended = co_await request_pull(c, store);
      } else if (ended.is_ok()) {
        shared->pulling = false;
        if (!first_pull || brought > 0) on_caught_up();
        first_pull = false;
        brought = 0;
        if (media_arrived) break;
      }
    }
    if (!ended.is_ok()) break;
  }
  shared->timer.cancel();
  co_return ended;
}

}  // namespace

const char* state_name(SyncState s) {
  switch (s) {
    case SyncState::offline: return "offline";
    case SyncState::connecting: return "connecting";
    case SyncState::pushing: return "pushing";
    case SyncState::pulling: return "pulling";
    case SyncState::idle: return "idle";
    case SyncState::error: return "error";
  }
  return "offline";
}

SyncEngine::SyncEngine(std::filesystem::path store_dir, std::shared_ptr<Credentials> credentials, EngineOptions options,
                       EventFn on_event, std::function<void()> on_changes)
    : dir_(std::move(store_dir)), credentials_(std::move(credentials)), options_(std::move(options)),
      on_event_(std::move(on_event)), on_changes_(std::move(on_changes)) {}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void SyncEngine::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    if (interrupt_) interrupt_();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncEngine::sync_now() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
    if (interrupt_) interrupt_();
  }
  wake_.notify_all();
}

void SyncEngine::report(EngineEvent event) {
  event.failures = failures_;
  std::string now = std::string(state_name(event.state)) + "\n" + event.reason;
  if (now != logged_) {
    logged_ = now;
    log({{"event", "sync_state"}, {"state", state_name(event.state)}, {"reason", event.reason}, {"failures", failures_}});
  }
  if (on_event_) on_event_(event);
}

void SyncEngine::log(nlohmann::json line) {
  if (!options_.log) return;
  line["at_ms"] = system_env().now_ms();
  options_.log(line.dump());
}

void SyncEngine::caught_up() {
  // Best effort: a link that cannot be saved now shows an older last sync.
  (void)record_sync(dir_, system_env().now_ms());
}

void SyncEngine::pause(std::chrono::milliseconds d) {
  std::unique_lock lock(mu_);
  wake_.wait_for(lock, d, [this] { return stopping_ || poked_; });
}

std::chrono::milliseconds SyncEngine::backoff(int failures) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  auto base = options_.min_backoff * (1LL << std::min(failures - 1, 16));
  auto capped = std::min<std::chrono::milliseconds>(base, options_.max_backoff);
  // Jitter: somewhere in the upper half, so many devices do not retry together.
  double f = std::uniform_real_distribution<double>(0.5, 1.0)(rng);
  return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(capped.count()) * f));
}

Status SyncEngine::pass_and_listen(Store& store, const ServerLink& link) {
  Connection c(link.fingerprint, [this](const SyncProgress& p) {
    SyncState s = p.phase == "pushing" || p.phase == "sending media"    ? SyncState::pushing
                  : p.phase == "pulling" || p.phase == "receiving media" ? SyncState::pulling
                                                                         : SyncState::connecting;
    report({s, {}, p, 0});
  });
  {
    std::lock_guard lock(mu_);
    if (stopping_ || poked_) return Status::ok();
    interrupt_ = [&c] { c.interrupt(); };
  }
  Result<bool> r = c.run<bool>(link.host, link.port, std::chrono::hours(24 * 365),
                               [&](Connection& conn) -> asio::awaitable<Result<bool>> {
    SyncOptions options;
    Status s = co_await sync_pass(conn, store, link, options);
    DEBRIEF_CO_TRY(s);
    failures_ = 0;
    if (on_changes_ && (conn.progress.pulled > 0 || conn.progress.media_received > 0)) on_changes_();
    caught_up();
    report({SyncState::idle, {}, conn.progress, 0});
    Status heard = co_await listen(conn, store, options_.keepalive, on_changes_, [this, &conn] {
      caught_up();
      report({SyncState::idle, {}, conn.progress, 0});
    });
    DEBRIEF_CO_TRY(heard);
    std::lock_guard lock(mu_);
    poked_ = true;  // media arrived while listening: a new pass at once fetches its files
    co_return true;
  });
  std::lock_guard lock(mu_);
  interrupt_ = nullptr;
  return r.status();
}

void SyncEngine::run() {
  auto opened = Store::open(dir_, {.create = false});
  if (!opened.is_ok()) {
    report({SyncState::error, opened.status().message(), {}, 0});
    return;
  }
  Store& store = **opened;
  for (;;) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
      poked_ = false;
    }
    Result<ServerLink> link = load_link(store, *credentials_);
    if (!link.is_ok()) {
      report({SyncState::offline, link.status().message(), {}, 0});
      pause(std::chrono::seconds(5));
      continue;
    }
    if (options_.reachable && !options_.reachable()) {
      report({SyncState::offline, "no network", {}, 0});
      pause(options_.offline_recheck);
      continue;
    }
    Status ended = pass_and_listen(store, *link);
    std::unique_lock lock(mu_);
    if (stopping_) return;
    if (poked_) continue;  // local changes: a new pass at once
    lock.unlock();
    ++failures_;
    std::chrono::milliseconds wait = backoff(failures_);
    std::string why = ended.is_ok() ? "the connection closed" : ended.message();
    report({SyncState::error, why + "; retrying in " + std::to_string((wait.count() + 999) / 1000) + " s", {}, 0});
    log({{"event", "sync_retry"}, {"in_ms", wait.count()}, {"failures", failures_}});
    pause(wait);
  }
}

}  // namespace debrief::sync
