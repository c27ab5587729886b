// A TLS connection to a Debrief server, pinned to its certificate, and the
// steps of a sync pass over it. Internal to sync: client.cpp (enrolment, one
// pass) and engine.cpp (the background engine) share them.
#pragma once

#include <openssl/x509.h>

#include <boost/asio/ssl.hpp>
#include <optional>

#include "debrief/change_log.h"
#include "debrief/mutation.h"
#include "debrief/records.h"
#include "debrief/replication.h"
#include "debrief/sync/client.h"
#include "debrief/sync/frame_io.h"
#include "debrief/sync/tls_identity.h"
#include "co_try.h"

namespace debrief::sync::detail {

namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Stream = ssl::stream<tcp::socket>;

inline constexpr char kCursorKey[] = "pull_cursor";
// The feed the cursor counts in (Welcome.feed_id), in the same settings.
inline constexpr char kFeedIdKey[] = "pull_feed";

// What a sync pass needs of its connection to the server: frames both
// ways, and what it reports while it runs. The product's is a TLS
// Connection; the deterministic simulator (tests/sim) has its own.
class Channel {
 public:
  explicit Channel(ProgressFn on_progress) : progress_(std::move(on_progress)) {}
  virtual ~Channel() = default;
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  // A connection the other end closed, said of the server.
  static Status said_by_server(Status s) {
    return s.message() == kClosedByPeer ? Status(Code::io_error, "the server closed the connection") : s;
  }

  asio::awaitable<Result<pb::Frame>> exchange(const pb::Frame& request) {
    // Only this request's answer may name a refused change: not an earlier
    // refusal, when this one could not be sent or answered.
    if (!mutated("refusal_forgotten")) refused_change = 0;
    Status sent = co_await send(request);
    DEBRIEF_CO_TRY(sent);
    co_return co_await receive();
  }

  asio::awaitable<Status> send(const pb::Frame& f) {
    progress.bytes_sent += static_cast<std::int64_t>(f.ByteSizeLong() + 4);
    co_return said_by_server(co_await write(f));
  }

  // The next frame; an Error frame from the server is its Status.
  asio::awaitable<Result<pb::Frame>> receive() {
    Result<pb::Frame> f = co_await read();
    if (!f.is_ok()) co_return said_by_server(f.status());
    progress.bytes_received += static_cast<std::int64_t>(f->ByteSizeLong() + 4);
    if (f->has_error()) {
      refused_change = f->error().transient() ? 0 : f->error().refused_change();
      co_return status_of(f->error());
    }
    co_return f;
  }

  void report(const std::string& phase) {
    progress.phase = phase;
    if (progress_) progress_(progress);
  }

  SyncProgress progress;
  // From the answer to the last exchange, if an Error: the position
  // (1-based) in the batch just pushed of a change the server refused for
  // good; 0 for none, and for a connection that failed.
  std::uint32_t refused_change = 0;
  std::uint32_t version = 0;  // the protocol version both sides speak, once welcomed

 protected:
  // One whole frame out, one whole frame in; kClosedByPeer when the server
  // ended the connection.
  virtual asio::awaitable<Status> write(const pb::Frame& f) = 0;
  virtual asio::awaitable<Result<pb::Frame>> read() = 0;

 private:
  ProgressFn progress_;
};

// A TLS connection to the server whose certificate must have `fingerprint`.
class Connection final : public Channel {
 public:
  Connection(std::string fingerprint, ProgressFn on_progress)
      : Channel(std::move(on_progress)), fingerprint_(std::move(fingerprint)), stream_(io_, tls_) {
    stream_.set_verify_mode(ssl::verify_peer);
    stream_.set_verify_callback([this](bool, ssl::verify_context& ctx) { return pinned(ctx); });
  }

  // Runs `body` on this connection until it finishes or `timeout` passes.
  template <class T>
  Result<T> run(const std::string& host, std::uint16_t port, std::chrono::seconds timeout,
                const std::function<asio::awaitable<Result<T>>(Connection&)>& body) {
    std::optional<Result<T>> result;
    asio::co_spawn(io_, [&]() -> asio::awaitable<void> {
      Status connected = co_await connect(host, port);
      if (!connected.is_ok()) result.emplace(connected);
      else result.emplace(co_await body(*this));
      boost::system::error_code ec;
      stream_.lowest_layer().close(ec);
    }, asio::detached);
    io_.run_for(timeout);
    if (result) return std::move(*result);
    boost::system::error_code ec;
    stream_.lowest_layer().close(ec);
    io_.run_for(std::chrono::seconds(1));  // let the coroutine unwind
    return Status(Code::io_error, "the server did not answer within " + std::to_string(timeout.count()) + " s");
  }

  // Closes the connection; safe from any thread. The running body then ends
  // with an io_error.
  void interrupt() {
    asio::post(io_, [this] {
      boost::system::error_code ec;
      stream_.lowest_layer().close(ec);
    });
  }
  asio::io_context& io() { return io_; }

  bool fingerprint_mismatch = false;

 private:
  asio::awaitable<Status> write(const pb::Frame& f) override { return write_frame(stream_, f); }
  asio::awaitable<Result<pb::Frame>> read() override { return read_frame(stream_); }

  bool pinned(ssl::verify_context& ctx) {
    X509_STORE_CTX* store = ctx.native_handle();
    if (X509_STORE_CTX_get_error_depth(store) > 0) return true;  // only the leaf is pinned
    X509* cert = X509_STORE_CTX_get_current_cert(store);
    unsigned char* der = nullptr;
    int n = i2d_X509(cert, &der);
    bool match = n > 0 && certificate_fingerprint(der, n) == fingerprint_;
    OPENSSL_free(der);
    fingerprint_mismatch = !match;
    return match;
  }

  asio::awaitable<Status> connect(const std::string& host, std::uint16_t port) {
    report("connecting");
    boost::system::error_code ec;
    tcp::resolver resolver(io_);
    auto endpoints = co_await resolver.async_resolve(host, std::to_string(port), asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) co_await asio::async_connect(stream_.lowest_layer(), endpoints, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return Status(Code::io_error, "cannot reach " + host + ":" + std::to_string(port) + ": " + ec.message());
    // Small request/reply frames: without this, Nagle and delayed ACKs add
    // ~40 ms to each exchange.
    stream_.lowest_layer().set_option(tcp::no_delay(true), ec);
    co_await stream_.async_handshake(ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
    if (fingerprint_mismatch) co_return invalid("the server's certificate does not match the pinned fingerprint: not the server you enrolled with");
    if (ec) co_return Status(Code::io_error, "TLS handshake failed: " + ec.message());
    co_return Status::ok();
  }

  std::string fingerprint_;
  asio::io_context io_;
  ssl::context tls_{ssl::context::tls_client};
  Stream stream_;
};

inline std::uint32_t version_of(const SyncOptions& o) { return o.protocol_version ? o.protocol_version : kProtocolVersion; }

// Authenticates this device; ok once the server has welcomed it.
// Keeps the pull cursor meaningful: a server restored from a backup has a
// new feed (a new feed_id), where the old cursor counts nothing, so pulling
// starts again from the beginning (what the device has already applies as
// a no-op). A device that knew no feed yet adopts the server's as it is.
inline Status follow_feed(Store& store, std::int64_t feed_id) {
  if (feed_id == 0) return Status::ok();  // an older server
  Result<std::int64_t> known = stored_cursor(store, kFeedIdKey);
  DEBRIEF_TRY(known.status());
  if (*known == feed_id) return Status::ok();
  return store.transaction([&] {
    if (*known != 0) DEBRIEF_TRY(save_cursor(store, kCursorKey, 0));
    return save_cursor(store, kFeedIdKey, feed_id);
  });
}

inline asio::awaitable<Status> hello(Channel& c, Store& store, const ServerLink& link, const SyncOptions& options) {
  pb::Frame f;
  pb::Hello* h = f.mutable_hello();
  h->set_protocol_version(version_of(options));
  h->set_app_version(kAppVersion);
  h->set_device_id(bytes_of(store.device_id()));
  h->set_device_secret(link.secret);
  Result<pb::Frame> welcome = co_await c.exchange(f);
  DEBRIEF_CO_TRY(welcome.status());
  if (!welcome->has_welcome()) co_return invalid("the server did not welcome this device");
  c.version = welcome->welcome().protocol_version();
  co_return follow_feed(store, static_cast<std::int64_t>(welcome->welcome().feed_id()));
}

// The server's reason for refusing one change, in a person's words: its
// message without the parts that only name the change (which the refusal
// points to already).
inline std::string refusal_reason(std::string message) {
  for (std::string_view prefix : {std::string_view("the server said: "), std::string_view("cannot apply a synced change to ")}) {
    if (message.rfind(prefix, 0) != 0) continue;
    message.erase(0, prefix.size());
    if (prefix[0] == 'c' && message.size() > 34 && message.compare(32, 2, ": ") == 0) message.erase(0, 34);
  }
  return message;
}

inline asio::awaitable<Status> push_all(Channel& c, Store& store, const SyncOptions& options) {
  for (;;) {
    Result<std::vector<Change>> pending = pending_changes(store, options.push_batch);
    DEBRIEF_CO_TRY(pending.status());
    if (pending->empty()) co_return Status::ok();
    pb::Frame f;
    pb::PushBatch* batch = f.mutable_push();
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < pending->size(); ++i) {
      Result<WireChange> w = to_wire(store, (*pending)[i]);
      DEBRIEF_CO_TRY(w.status());
      pb::Change proto = to_proto(*w);
      std::size_t size = proto.ByteSizeLong() + 8;  // with its tag and length
      if (i > 0 && bytes + size > kMaxBatchBytes) {  // the rest goes in the next batch
        pending->resize(i);
        break;
      }
      bytes += size;
      *batch->add_changes() = std::move(proto);
    }
    batch->set_batch_id(static_cast<std::uint64_t>(pending->back().seq));
    Result<pb::Frame> ack = co_await c.exchange(f);
    if (!ack.is_ok() && c.refused_change > 0 && c.refused_change <= pending->size()) {
      // Set aside, so that the rest goes through; the server goes on serving.
      Status aside = set_aside(store, (*pending)[c.refused_change - 1].seq, refusal_reason(ack.status().message()));
      DEBRIEF_CO_TRY(aside);
      ++c.progress.refused;
      continue;
    }
    DEBRIEF_CO_TRY(ack.status());
    if (!ack->has_push_ack() || ack->push_ack().batch_id() != batch->batch_id()) co_return invalid("the server acknowledged another batch");
    Status forgot = acknowledge_changes(store, pending->back().seq);
    DEBRIEF_CO_TRY(forgot);
    c.progress.pushed += static_cast<std::int64_t>(pending->size());
    c.report("pushing");
  }
}

// How many of `changes` are news to this device, before they are applied:
// not its own changes coming back. Anonymous records travel with no device;
// one this device holds already is its own too.
inline Result<std::int64_t> news_in(Store& store, const std::vector<WireChange>& changes) {
  std::int64_t news = 0;
  for (const WireChange& w : changes) {
    if (w.device == store.device_id()) continue;
    if (w.device.is_nil()) {
      Result<Json> held = get(store, w.kind, w.record);
      if (held.is_ok()) continue;
      if (held.status().code() != Code::not_found) return held.status();
    }
    ++news;
  }
  return news;
}

inline asio::awaitable<Status> pull_all(Channel& c, Store& store) {
  for (;;) {
    Result<std::int64_t> cursor = stored_cursor(store, kCursorKey);
    DEBRIEF_CO_TRY(cursor.status());
    pb::Frame f;
    f.mutable_pull()->set_cursor(static_cast<std::uint64_t>(*cursor));
    Result<pb::Frame> reply = co_await c.exchange(f);
    DEBRIEF_CO_TRY(reply.status());
    if (!reply->has_pull_batch()) co_return invalid("the server answered a pull with something else");
    const pb::PullBatch& batch = reply->pull_batch();
    std::vector<WireChange> changes;
    for (const pb::Change& p : batch.changes()) {
      Result<WireChange> w = from_proto(p);
      DEBRIEF_CO_TRY(w.status());
      changes.push_back(std::move(*w));
    }
    Result<std::int64_t> news = news_in(store, changes);
    DEBRIEF_CO_TRY(news.status());
    Status applied = apply_remote(store, changes, kCursorKey, static_cast<std::int64_t>(batch.cursor()));
    DEBRIEF_CO_TRY(applied);
    c.progress.pulled += *news;
    c.report("pulling");
    if (!batch.more()) co_return Status::ok();
  }
}


}  // namespace debrief::sync::detail
