// One device's connection to the server, and the server state sessions
// share. Internal to sync.
#pragma once

#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <chrono>
#include <functional>
#include <map>

#include "debrief/records.h"
#include "debrief/sync/server.h"

namespace debrief::sync {

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(boost::asio::io_context& io, ServerStore& store, const TlsIdentity& identity, ServerOptions options);

  boost::asio::io_context& io;
  ServerStore& store;
  boost::asio::ssl::context tls;
  boost::asio::ip::tcp::acceptor acceptor;
  ServerOptions options;
  ServerStats stats;
  // Subscribed sessions, told when any push is accepted.
  std::map<std::uint64_t, std::function<void(std::int64_t latest)>> listeners;
  std::uint64_t next_listener = 0;
  // Tells every subscribed session but `except` that the feed reached `latest`.
  void tell(std::int64_t latest, std::uint64_t except = 0);

  // The day ripe anonymous groups were last looked for: a push with no
  // anonymous response looks again only on a new day (an admin may have
  // lowered the threshold).
  std::int64_t pool_checked_day = -1;

  // What each device is using, for the per-device limits.
  struct DeviceUse {
    std::uint32_t connections = 0;
    std::chrono::steady_clock::time_point window_start{};
    std::uint32_t requests_in_window = 0;
  };
  std::map<Id, DeviceUse> use;
  // Authenticated sessions, by listener-like id: their device and how to
  // end them, so that a revoked device's sessions end at once
  // (sweep_revoked, every kRevocationSweep).
  struct Live {
    Id device;
    std::function<void()> end;
  };
  std::map<std::uint64_t, Live> live;
  std::uint64_t next_live = 0;
  boost::asio::steady_timer revocation_timer{io};
  void sweep_revoked();
  // True when `device` may make one more request now (counts it).
  bool allow_request(const Id& device);
  // Failed enrolment attempts per address and minute, so that codes
  // cannot be guessed at speed: allow_enrolment is true while an address
  // is under the limit; enrolment_failed counts one.
  struct Window {
    std::chrono::steady_clock::time_point start{};
    std::uint32_t used = 0;
  };
  std::map<std::string, Window> enrolments;
  Window& enrolment_window(const std::string& address);
  bool allow_enrolment(const std::string& address);
  void enrolment_failed(const std::string& address);

  boost::asio::awaitable<void> accept_loop();
  // Writes one structured log line: {"event": ..., "at_ms": ..., fields...}.
  void log(const std::string& event, const Json& fields = Json::object());
};

// Serves one connection to its end: TLS handshake, then an enrolment, or a
// hello followed by pushes and pulls. Never throws.
// The session keeps `server` alive until it ends.
boost::asio::awaitable<void> run_session(std::shared_ptr<Server::Impl> server, boost::asio::ip::tcp::socket socket);

}  // namespace debrief::sync
