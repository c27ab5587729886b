// The Debrief sync server: TLS over TCP, one coroutine per connection, on one
// io_context thread that owns the server's store (records, feed, registry).
#pragma once

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "debrief/sync/server_store.h"
#include "debrief/sync/tls_identity.h"

namespace debrief::sync {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0: any free port
  std::size_t max_connections = 1024;
  std::chrono::seconds idle_timeout{60};
  // A connection must finish its TLS handshake and send its first frame (a
  // Hello or an EnrollRequest) within this, so that one nobody has
  // authenticated holds a slot briefly. No cap per address instead: a
  // venue's devices come back through one NAT address at once.
  std::chrono::seconds hello_timeout{15};
  std::uint32_t max_pull_batch = 1000;
  // Per device: requests (pushes and pulls) allowed per minute, and open
  // connections at once. Over either, the device is told BUSY (transient).
  std::uint32_t max_requests_per_minute = 600;
  std::uint32_t max_connections_per_device = 4;
  // One line per event (connections, pushes, pulls, refusals); stderr if null.
  std::function<void(const std::string&)> log;
  // Milliseconds on a clock that never goes back, for the per-minute
  // limits; std::chrono::steady_clock if null. The simulator gives its own.
  std::function<std::int64_t()> monotonic_ms;
};

struct ServerStats {
  std::int64_t connections = 0, open_connections = 0, changes_applied = 0, changes_sent = 0;
  std::int64_t bytes_in = 0, bytes_out = 0, refused = 0;
  std::int64_t media_bytes_in = 0, media_bytes_out = 0;  // chunk data taken and served
  std::int64_t accept_errors = 0;  // connections that could not be accepted (out of file descriptors)
  std::int64_t limits_held = 0;    // devices and addresses whose requests this minute are counted (at the last sweep)
};

class Server {
 public:
  // `store` must outlive the server and is used only from the io_context's
  // thread.
  Server(boost::asio::io_context& io, ServerStore& store, const TlsIdentity& identity, ServerOptions options);
  ~Server();

  // Binds and starts accepting; returns the address it listens on. From
  // then on, changes other server processes accept on the same database
  // (ServerStore::watch) reach this one's subscribed devices at once.
  Result<boost::asio::ip::tcp::endpoint> start();
  // Stops accepting; open connections end at their next frame.
  void stop();
  const ServerStats& stats() const;

  struct Impl;

 private:
  // Shared with every session, so that one still open when the Server is
  // destroyed (its coroutine frame is destroyed with the io_context) never
  // reaches freed state.
  std::shared_ptr<Impl> impl_;
};

}  // namespace debrief::sync
