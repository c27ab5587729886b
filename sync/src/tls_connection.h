// A TLS connection to a Debrief server, pinned to its certificate: the
// product's Channel. Internal to sync: client.cpp (enrolment, one pass) and
// engine.cpp (the background engine) open them.
#pragma once

#include <openssl/x509.h>

#include <boost/asio/ssl.hpp>
#include <optional>

#include "channel.h"
#include "debrief/sync/tls_identity.h"

namespace debrief::sync::detail {

namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Stream = ssl::stream<tcp::socket>;

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

}  // namespace debrief::sync::detail
