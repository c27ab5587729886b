#include "session.h"

#include "debrief/sync/anonymous_mixing.h"
#include "media_service.h"
#include "debrief/sync/frame_io.h"
#include "debrief/sync/visibility.h"

namespace debrief::sync {
namespace {

namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Stream = ssl::stream<tcp::socket>;

Result<Id> id_of(const std::string& bytes) {
  if (bytes.size() != 16) return invalid("ids are 16 bytes");
  Id id;
  std::copy(bytes.begin(), bytes.end(), id.bytes.begin());
  return id;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(std::shared_ptr<Server::Impl> server, tcp::socket socket)
      : owner_(std::move(server)), server_(*owner_), stream_(std::move(socket), server_.tls), watchdog_(server_.io),
        write_done_(server_.io) {}

  asio::awaitable<void> run() {
    Counted counted(*this);
    arm_watchdog();
    boost::system::error_code ec;
    co_await stream_.async_handshake(ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec && server_.stats.open_connections > static_cast<std::int64_t>(server_.options.max_connections)) {
      co_await refuse(pb::Error::BUSY, "too many connections; try again later", true);
    } else if (!ec) {
      co_await serve_guarded();
    }
    watchdog_.cancel();
    co_await stream_.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
  }

 private:
  // What a session holds in the server's shared state, given back however
  // the session ends.
  struct Counted {
    Session& s;
    explicit Counted(Session& session) : s(session) { ++s.server_.stats.open_connections; }
    ~Counted() {
      s.server_.listeners.erase(s.listener_id_);
      s.server_.live.erase(s.live_id_);
      if (!s.device_.is_nil()) --s.server_.use[s.device_].connections;
      --s.server_.stats.open_connections;
    }
    Counted(const Counted&) = delete;
    Counted& operator=(const Counted&) = delete;
  };

  // Serves the connection; a bug that throws ends it with an Error frame
  // rather than taking the server down.
  asio::awaitable<void> serve_guarded() {
    std::string failure;
    try {
      co_await serve();
    } catch (const std::exception& e) {
      failure = e.what();
    }
    if (!failure.empty()) co_await refuse(pb::Error::INTERNAL, "the server could not handle that request: " + failure);
  }

  // Closes the connection when no frame arrives for idle_timeout.
  void arm_watchdog() {
    watchdog_.expires_after(server_.options.idle_timeout);
    watchdog_.async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      boost::system::error_code ignored;
      stream_.lowest_layer().close(ignored);
    });
  }

  asio::awaitable<Result<pb::Frame>> next() {
    Result<pb::Frame> f = co_await read_frame(stream_, device_.is_nil() ? kMaxFirstFrameBytes : kMaxFrameBytes);
    arm_watchdog();
    if (f.is_ok()) server_.stats.bytes_in += static_cast<std::int64_t>(f->ByteSizeLong() + 4);
    co_return f;
  }

  // Writes one frame. Replies and notifications may want the stream at the
  // same time; one write at a time, the others wait their turn.
  asio::awaitable<Status> send(const pb::Frame& f) {
    while (writing_) {
      write_done_.expires_at(asio::steady_timer::time_point::max());
      boost::system::error_code ec;
      co_await write_done_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    writing_ = true;
    server_.stats.bytes_out += static_cast<std::int64_t>(f.ByteSizeLong() + 4);
    Status s = co_await write_frame(stream_, f);
    writing_ = false;
    write_done_.cancel();
    co_return s;
  }

  // Tells this subscribed device that changes up to `latest` are waiting.
  void notify(std::int64_t latest) {
    pb::Frame f;
    f.mutable_notify()->set_latest(static_cast<std::uint64_t>(latest));
    asio::co_spawn(server_.io, [self = shared_from_this(), f]() -> asio::awaitable<void> { (void)co_await self->send(f); },
                   asio::detached);
  }

  void subscribe() {
    if (listener_id_) return;
    listener_id_ = ++server_.next_listener;
    std::weak_ptr<Session> weak = weak_from_this();
    server_.listeners[listener_id_] = [weak](std::int64_t latest) {
      if (auto self = weak.lock()) self->notify(latest);
    };
  }

  asio::awaitable<void> refuse(pb::Error::Code code, const std::string& why, bool transient = false) {
    co_await refuse(error_frame(code, why, transient));
  }

  asio::awaitable<void> refuse(const pb::Frame& error) {
    ++server_.stats.refused;
    server_.log("refused", {{"device", device_.is_nil() ? "" : device_.hex()}, {"reason", error.error().message()}});
    (void)co_await send(error);
  }

  asio::awaitable<void> serve() {
    Result<pb::Frame> first = co_await next();
    if (!first.is_ok()) {
      if (first.status().code() != Code::io_error) co_await refuse(pb::Error::BAD_FRAME, first.status().message());
      co_return;
    }
    if (first->has_enroll_request()) co_return co_await enroll(first->enroll_request());
    if (!first->has_hello()) co_return co_await refuse(pb::Error::BAD_FRAME, "the first frame must be a hello or an enrolment");
    if (!co_await hello(first->hello())) co_return;
    for (;;) {
      Result<pb::Frame> f = co_await next();
      if (!f.is_ok()) {
        if (f.status().code() != Code::io_error) co_await refuse(pb::Error::BAD_FRAME, f.status().message());
        co_return;
      }
      if (f->has_bye()) co_return;
      if (f->has_subscribe() && version_ >= 2) {
        subscribe();
        continue;
      }
      bool media = version_ >= kMediaProtocolVersion && is_media_request(*f);
      if (!f->has_push() && !f->has_pull() && !media) co_return co_await refuse(pb::Error::BAD_FRAME, "unexpected frame");
      // Chunks are not counted: an offer or a manifest, which are, bounds them.
      bool chunk = f->has_media_chunk() || f->has_chunk_request();
      if (!chunk && !server_.allow_request(device_)) co_return co_await refuse(pb::Error::BUSY, "too many requests from this device; try again in a minute", true);
      // Not a conditional expression: GCC 12 mis-compiles co_await in nested ones.
      bool go_on = false;
      if (media) go_on = co_await answer_media(*f);
      else if (f->has_push()) go_on = co_await push(f->push());
      else go_on = co_await pull(f->pull());
      if (!go_on) co_return;
    }
  }

  bool version_ok(std::uint32_t v) { return v >= kMinProtocolVersion && v <= kProtocolVersion; }

  std::string peer_address() {
    boost::system::error_code ec;
    auto peer = stream_.lowest_layer().remote_endpoint(ec);
    return ec ? std::string() : peer.address().to_string();
  }

  // Ends the session at once, telling the device why.
  void end(const std::string& why) {
    server_.log("ended", {{"device", device_.hex()}, {"reason", why}});
    asio::co_spawn(server_.io, [self = shared_from_this(), why]() -> asio::awaitable<void> {
      (void)co_await self->send(error_frame(pb::Error::UNAUTHENTICATED, why, false));
      boost::system::error_code ignored;
      self->stream_.lowest_layer().close(ignored);
    }, asio::detached);
  }

  asio::awaitable<void> enroll(const pb::EnrollRequest& req) {
    if (!server_.allow_enrolment(peer_address())) co_return co_await refuse(pb::Error::BUSY, "too many enrolment attempts from this address; try again in a minute", true);
    if (!version_ok(req.protocol_version())) co_return co_await refuse(pb::Error::VERSION, "protocol version " + std::to_string(req.protocol_version()) + " is not supported");
    Result<Id> device = id_of(req.device_id());
    if (!device.is_ok()) co_return co_await refuse(pb::Error::BAD_FRAME, device.status().message());
    Result<EnrolledDevice> e = server_.store.registry().enroll(req.code(), *device, req.device_name());
    if (!e.is_ok()) {
      server_.enrolment_failed(peer_address());
      co_return co_await refuse(pb::Error::UNAUTHENTICATED, e.status().message());
    }
    pb::Frame reply;
    auto* r = reply.mutable_enroll_reply();
    r->set_device_id(req.device_id());
    r->set_device_secret(e->secret);
    r->set_person_id(std::string(reinterpret_cast<const char*>(e->person.bytes.data()), 16));
    server_.log("enrolled", {{"device", device->hex()}, {"person", e->person.hex()}});
    (void)co_await send(reply);
  }

  asio::awaitable<bool> hello(const pb::Hello& h) {
    if (!version_ok(h.protocol_version())) {
      co_await refuse(pb::Error::VERSION, "protocol version " + std::to_string(h.protocol_version()) + " is not supported");
      co_return false;
    }
    Result<Id> device = id_of(h.device_id());
    Result<Id> person = device.is_ok() ? server_.store.registry().authenticate(*device, h.device_secret()) : device.status();
    if (!person.is_ok()) {
      co_await refuse(pb::Error::UNAUTHENTICATED, person.status().message());
      co_return false;
    }
    device_ = *device;
    live_id_ = ++server_.next_live;
    server_.live[live_id_] = {device_, [weak = weak_from_this()] {
                                if (auto self = weak.lock()) self->end("this device was revoked");
                              }};
    if (++server_.use[device_].connections > server_.options.max_connections_per_device) {
      co_await refuse(pb::Error::BUSY, "too many connections from this device; try again later", true);
      co_return false;
    }
    Result<std::int64_t> latest = server_.store.catch_up();  // the person may have arrived through another process
    Result<Audience> audience = latest.is_ok() ? Audience::of(server_.store.records(), *person) : latest.status();
    if (!audience.is_ok()) {
      co_await refuse(pb::Error::INTERNAL, audience.status().message(), true);
      co_return false;
    }
    audience_ = std::move(*audience);
    pb::Frame w;
    version_ = std::min(h.protocol_version(), kProtocolVersion);
    w.mutable_welcome()->set_protocol_version(version_);
    w.mutable_welcome()->set_server_version(kAppVersion);
    w.mutable_welcome()->set_person_id(std::string(reinterpret_cast<const char*>(person->bytes.data()), 16));
    w.mutable_welcome()->set_latest(static_cast<std::uint64_t>(*latest));
    Result<std::int64_t> feed = server_.store.feed_id();
    if (feed.is_ok()) w.mutable_welcome()->set_feed_id(static_cast<std::uint64_t>(*feed));
    server_.log("hello", {{"device", device_.hex()}, {"version", h.protocol_version()}});
    co_return (co_await send(w)).is_ok();
  }

  // Applies a batch atomically, every change checked as a write by the
  // device's person (ServerStore::accept); refuses it whole when one change
  // is refused. Anonymous responses go to the pool instead of the feed
  // (anonymous_mixing.h), apart from the participations that say who
  // answered.
  asio::awaitable<bool> push(const pb::PushBatch& batch) {
    if (batch.changes_size() > static_cast<int>(kMaxPushChanges)) {
      co_await refuse(pb::Error::INVALID, "a push holds at most " + std::to_string(kMaxPushChanges) + " changes, not " +
                                              std::to_string(batch.changes_size()));
      co_return false;
    }
    std::vector<WireChange> changes;
    for (const pb::Change& p : batch.changes()) {
      Result<WireChange> c = from_proto(p);
      if (!c.is_ok()) {
        co_await refuse(pb::Error::INVALID, c.status().message());
        co_return false;
      }
      changes.push_back(std::move(*c));
    }
    Result<Pooling> pooling = Pooling::of(server_.store, changes);
    bool forged = false;
    std::size_t refused_at = 0;
    Push from_device;
    from_device.person = audience_.person;
    from_device.refused_at = &refused_at;
    from_device.check = [&](Store&) {
      for (std::size_t i = 0; i < changes.size(); ++i)
        if (Status s = stamped_by(device_, changes[i]); !s.is_ok()) return forged = true, refused_at = i + 1, s;
      return Status::ok();
    };
    if (pooling.is_ok()) from_device.divert = [&](const WireChange& c) { return pooling->divert(c); };
    Result<std::int64_t> latest = pooling.is_ok() ? server_.store.accept(changes, from_device) : pooling.status();
    std::int64_t today = server_.store.records().env().now_ms() / 86400000;
    if (latest.is_ok() && !pooling->fresh.empty()) {
      Status pooled = pool_anonymous(server_.store, pooling->fresh, today);
      if (!pooled.is_ok()) latest = pooled;
    }
    if (latest.is_ok() && (!pooling->fresh.empty() || today != server_.pool_checked_day)) {
      // This batch is safe whether or not a release succeeds.
      server_.pool_checked_day = today;
      Result<std::int64_t> released = release_ripe(server_.store);
      if (released.is_ok()) {
        latest = std::max(*latest, *released);
      } else {
        server_.pool_checked_day = -1;  // look again at the next push
        server_.log("release_failed", {{"reason", released.status().message()}});
      }
    }
    if (!latest.is_ok()) {
      // One change refused for good: the device sets it aside and goes on
      // on this connection; anything else ends it.
      Status s = latest.status();
      bool transient = !forged && s.is_transient();
      pb::Frame refusal = error_frame(forged ? pb::Error::FORBIDDEN : transient ? pb::Error::BUSY : pb::Error::INVALID, s.message(), transient);
      if (!transient) refusal.mutable_error()->set_refused_change(static_cast<std::uint32_t>(refused_at));
      co_await refuse(refusal);
      co_return !transient && refused_at > 0;
    }
    server_.stats.changes_applied += static_cast<std::int64_t>(changes.size());
    server_.tell(*latest, listener_id_);
    server_.log("push", {{"device", device_.hex()}, {"changes", changes.size()}, {"batch", batch.batch_id()}});
    pb::Frame ack;
    ack.mutable_push_ack()->set_batch_id(batch.batch_id());
    ack.mutable_push_ack()->set_applied(static_cast<std::uint32_t>(changes.size()));
    co_return (co_await send(ack)).is_ok();
  }

  asio::awaitable<bool> answer_media(const pb::Frame& f) {
    pb::Frame reply = media_.answer(f);
    if (reply.has_error()) {
      co_await refuse(reply.error().code(), reply.error().message(), reply.error().transient());
      co_return false;
    }
    if (reply.has_media_need())
      server_.log("media_offer", {{"device", device_.hex()}, {"sha256", reply.media_need().sha256()},
                                  {"missing", reply.media_need().missing_size()}, {"complete", reply.media_need().complete()}});
    if (reply.has_media_manifest())
      server_.log("media_request", {{"device", device_.hex()}, {"sha256", reply.media_manifest().sha256()},
                                    {"available", reply.media_manifest().available()}});
    if (media_.announced()) server_.tell(media_.announced(), listener_id_);
    if (reply.has_media_chunk_ack()) server_.stats.media_bytes_in += static_cast<std::int64_t>(f.media_chunk().data().size());
    if (reply.has_media_chunk()) server_.stats.media_bytes_out += static_cast<std::int64_t>(reply.media_chunk().data().size());
    co_return (co_await send(reply)).is_ok();
  }

  asio::awaitable<bool> pull(const pb::PullRequest& req) {
    std::uint32_t limit = std::min(req.max_changes() ? req.max_changes() : server_.options.max_pull_batch,
                                   server_.options.max_pull_batch);
    Result<FeedBatch> batch = server_.store.feed(audience_, static_cast<std::int64_t>(req.cursor()), limit);
    if (!batch.is_ok()) {
      co_await refuse(pb::Error::INTERNAL, batch.status().message(), true);
      co_return false;
    }
    pb::Frame f;
    pb::PullBatch* out = f.mutable_pull_batch();
    out->set_cursor(static_cast<std::uint64_t>(batch->cursor));
    for (const WireChange& w : batch->changes) *out->add_changes() = to_proto(w);
    out->set_more(batch->more);
    server_.stats.changes_sent += out->changes_size();
    server_.log("pull", {{"device", device_.hex()}, {"changes", out->changes_size()}, {"cursor", out->cursor()}});
    co_return (co_await send(f)).is_ok();
  }

  std::shared_ptr<Server::Impl> owner_;  // kept alive while the session is
  Server::Impl& server_;
  Stream stream_;
  asio::steady_timer watchdog_;
  asio::steady_timer write_done_;
  bool writing_ = false;
  std::uint32_t version_ = kProtocolVersion;
  std::uint64_t listener_id_ = 0;
  std::uint64_t live_id_ = 0;
  Id device_;
  Audience audience_;
  MediaService media_{server_.store, audience_};
};

}  // namespace

asio::awaitable<void> run_session(std::shared_ptr<Server::Impl> server, tcp::socket socket) {
  auto session = std::make_shared<Session>(std::move(server), std::move(socket));
  co_await session->run();
}

}  // namespace debrief::sync
