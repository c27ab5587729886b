#include "debrief/sync/server.h"

#include <iostream>

#include "debrief/sync/frame_io.h"
#include "session.h"

namespace debrief::sync {

namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

Server::Impl::Impl(asio::io_context& io_, ServerStore& store_, const TlsIdentity& identity, ServerOptions options_)
    : io(io_), store(store_), tls(ssl::context::tls_server), acceptor(io_),
      options(std::move(options_)) {
  tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                  ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  tls.use_certificate_chain_file(identity.cert_pem.string());
  tls.use_private_key_file(identity.key_pem.string(), ssl::context::pem);
  if (!options.log) options.log = [](const std::string& line) { std::cerr << line << std::endl; };
}

void Server::Impl::log(const std::string& event, const Json& fields) {
  Json line = fields;
  line["event"] = event;
  line["at_ms"] = store.records().env().now_ms();
  options.log(line.dump());
}

asio::awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (!acceptor.is_open()) co_return;
      continue;
    }
    ++stats.connections;
    socket.set_option(tcp::no_delay(true), ec);  // request/reply frames: no Nagle delay
    asio::co_spawn(io, run_session(shared_from_this(), std::move(socket)), asio::detached);
  }
}

void Server::Impl::tell(std::int64_t latest, std::uint64_t except) {
  for (const auto& [id, notify] : listeners)
    if (id != except) notify(latest);
}

// How often the registry is asked which devices were revoked (by an admin
// command, maybe in another process).
constexpr std::chrono::seconds kRevocationSweep{1};

void Server::Impl::sweep_revoked() {
  revocation_timer.expires_after(kRevocationSweep);
  revocation_timer.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    if (!live.empty()) {
      Result<std::set<Id>> revoked = store.registry().revoked_devices();
      std::vector<std::function<void()>> ending;
      if (revoked.is_ok())
        for (const auto& [id, session] : live)
          if (revoked->count(session.device)) ending.push_back(session.end);
      for (const auto& end : ending) end();
    }
    sweep_revoked();
  });
}

bool Server::Impl::allow_request(const Id& device) {
  DeviceUse& u = use[device];
  auto now = std::chrono::steady_clock::now();
  if (now - u.window_start >= std::chrono::minutes(1)) {
    u.window_start = now;
    u.requests_in_window = 0;
  }
  return ++u.requests_in_window <= options.max_requests_per_minute;
}

// Failed enrolment attempts one address may make in a minute.
constexpr std::uint32_t kFailedEnrolmentsPerMinute = 10;

Server::Impl::Window& Server::Impl::enrolment_window(const std::string& address) {
  Window& w = enrolments[address];
  auto now = std::chrono::steady_clock::now();
  if (now - w.start >= std::chrono::minutes(1)) w = Window{now, 0};
  return w;
}

bool Server::Impl::allow_enrolment(const std::string& address) {
  return enrolment_window(address).used < kFailedEnrolmentsPerMinute;
}

void Server::Impl::enrolment_failed(const std::string& address) { ++enrolment_window(address).used; }

Server::Server(asio::io_context& io, ServerStore& store, const TlsIdentity& identity, ServerOptions options)
    : impl_(std::make_shared<Impl>(io, store, identity, std::move(options))) {}

Server::~Server() { stop(); }

Result<tcp::endpoint> Server::start() {
  boost::system::error_code ec;
  tcp::endpoint at(asio::ip::make_address(impl_->options.host, ec), impl_->options.port);
  if (ec) return invalid("'" + impl_->options.host + "' is not an IP address");
  impl_->acceptor.open(at.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(at, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status(Code::io_error, "cannot listen on " + impl_->options.host + ":" + std::to_string(impl_->options.port) + ": " + ec.message());
  asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
  impl_->sweep_revoked();
  return impl_->acceptor.local_endpoint();
}

void Server::stop() {
  boost::system::error_code ec;
  impl_->acceptor.close(ec);
  impl_->revocation_timer.cancel();
}

const ServerStats& Server::stats() const { return impl_->stats; }

void Server::changes_elsewhere(std::int64_t latest) { impl_->tell(latest); }

}  // namespace debrief::sync
