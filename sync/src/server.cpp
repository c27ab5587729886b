#include "debrief/sync/server.h"

#include "debrief/sync/frame_io.h"
#include "session.h"

namespace debrief::sync {

namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

Server::Impl::Impl(asio::io_context& io_, ServerStore& store, const TlsIdentity& identity, ServerOptions options)
    : io(io_), tls(ssl::context::tls_server), acceptor(io_), core(store, std::move(options)) {
  tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                  ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  tls.use_certificate_chain_file(identity.cert_pem.string());
  tls.use_private_key_file(identity.key_pem.string(), ssl::context::pem);
}

// How long the server waits after a connection could not be accepted.
constexpr std::chrono::milliseconds kAcceptPause{100};

asio::awaitable<void> Server::Impl::accept_loop() {
  asio::steady_timer pause(io);
  bool failing = false;
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (!acceptor.is_open()) co_return;
      // Out of file descriptors (EMFILE) or memory: the connection stays
      // queued, so accepting again at once would spin this thread, the
      // only one, for as long as it lasts. Said once, then retried at a
      // slow pace.
      ++core.stats.accept_errors;
      if (!failing) core.log("accept_failed", {{"error", ec.message()}, {"retry_ms", kAcceptPause.count()}});
      failing = true;
      pause.expires_after(kAcceptPause);
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    failing = false;
    ++core.stats.connections;
    socket.set_option(tcp::no_delay(true), ec);  // request/reply frames: no Nagle delay
    asio::co_spawn(io, run_session(shared_from_this(), std::move(socket)), asio::detached);
  }
}

// How often the registry is asked which devices were revoked (by an admin
// command, maybe in another process), and spent rate counts forgotten.
constexpr std::chrono::seconds kSweep{1};

void Server::Impl::sweep() {
  sweep_timer.expires_after(kSweep);
  sweep_timer.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    core.sweep_revoked();
    core.forget_spent_limits();
    sweep();
  });
}

Server::Server(asio::io_context& io, ServerStore& store, const TlsIdentity& identity, ServerOptions options)
    : impl_(std::make_shared<Impl>(io, store, identity, std::move(options))) {}

Server::~Server() { stop(); }

Result<tcp::endpoint> Server::start() {
  boost::system::error_code ec;
  tcp::endpoint at(asio::ip::make_address(impl_->core.options.host, ec), impl_->core.options.port);
  if (ec) return invalid("'" + impl_->core.options.host + "' is not an IP address");
  impl_->acceptor.open(at.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(at, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status(Code::io_error, "cannot listen on " + impl_->core.options.host + ":" + std::to_string(impl_->core.options.port) + ": " + ec.message());
  asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
  impl_->sweep();
  // What other processes on the same database accept reaches this one's
  // subscribed devices at once.
  impl_->core.store.watch(impl_->io, [impl = std::weak_ptr<Impl>(impl_)](std::int64_t latest) {
    if (auto alive = impl.lock()) alive->core.tell(latest);
  });
  return impl_->acceptor.local_endpoint();
}

void Server::stop() {
  boost::system::error_code ec;
  impl_->acceptor.close(ec);
  impl_->sweep_timer.cancel();
}

const ServerStats& Server::stats() const { return impl_->core.stats; }

}  // namespace debrief::sync
