// The Asio server's state, and one TLS connection's session over it.
// Internal to sync.
#pragma once

#include <utility>  // before Asio, whose awaitable.hpp uses std::exchange

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <memory>

#include "debrief/sync/server.h"
#include "server_core.h"

namespace debrief::sync {

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(boost::asio::io_context& io, ServerStore& store, const TlsIdentity& identity, ServerOptions options);

  boost::asio::io_context& io;
  boost::asio::ssl::context tls;
  boost::asio::ip::tcp::acceptor acceptor;
  ServerCore core;
  boost::asio::steady_timer sweep_timer{io};
  // Every second: ends revoked devices' sessions, forgets spent rate counts.
  void sweep();
  boost::asio::awaitable<void> accept_loop();
};

// Serves one connection to its end: TLS handshake, then what SessionCore
// answers to each frame. Never throws. The session keeps `server` alive
// until it ends.
boost::asio::awaitable<void> run_session(std::shared_ptr<Server::Impl> server, boost::asio::ip::tcp::socket socket);

}  // namespace debrief::sync
