// What a sync pass needs of its connection to the server: frames both
// ways, and what it reports while it runs. Internal to sync: the product's
// is a TLS Connection (tls_connection.h); the deterministic simulator
// (tests/sim) has its own.
#pragma once

#include "debrief/mutation.h"
#include "debrief/sync/client.h"
#include "debrief/sync/frame_io.h"
#include "co_try.h"

namespace debrief::sync::detail {

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

}  // namespace debrief::sync::detail
