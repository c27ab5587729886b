#include "cut_proxy.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <memory>

namespace synctest {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

CutProxy::CutProxy(std::uint16_t upstream_port)
    : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)), upstream_port_(upstream_port) {
  port_ = acceptor_.local_endpoint().port();
  asio::co_spawn(io_, accept_loop(), asio::detached);
  thread_ = std::thread([this] { io_.run(); });
}

CutProxy::~CutProxy() {
  asio::post(io_, [this] { acceptor_.close(); });
  io_.stop();
  thread_.join();
}

asio::awaitable<void> CutProxy::accept_loop() {
  for (;;) {
    boost::system::error_code ec;
    tcp::socket s = co_await acceptor_.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    asio::co_spawn(io_, relay(std::move(s)), asio::detached);
  }
}

namespace {

struct Link {
  tcp::socket a, b;
  std::int64_t passed = 0, limit = 0;
  bool cut = false;
};

// Copies bytes from one side to the other until either closes or the shared
// limit is reached; then closes both, as a dropped link would. Takes its
// state by value: a coroutine must not refer to a lambda's captures.
asio::awaitable<void> pump(std::shared_ptr<Link> link, bool forward, std::atomic<std::int64_t>* cuts,
                           std::atomic<std::int64_t>* total) {
  tcp::socket& from = forward ? link->a : link->b;
  tcp::socket& to = forward ? link->b : link->a;
  char buf[4096];
  for (;;) {
    boost::system::error_code e;
    std::size_t n = co_await from.async_read_some(asio::buffer(buf), asio::redirect_error(asio::use_awaitable, e));
    if (e) break;
    std::size_t allowed = n;
    if (link->limit > 0 && link->passed + static_cast<std::int64_t>(n) >= link->limit)
      allowed = static_cast<std::size_t>(std::max<std::int64_t>(0, link->limit - link->passed));
    link->passed += static_cast<std::int64_t>(allowed);
    *total += static_cast<std::int64_t>(allowed);
    co_await asio::async_write(to, asio::buffer(buf, allowed), asio::redirect_error(asio::use_awaitable, e));
    if (e || allowed < n) {
      if (allowed < n && !link->cut) {
        link->cut = true;
        ++*cuts;
      }
      break;
    }
  }
  boost::system::error_code ignored;
  link->a.close(ignored);
  link->b.close(ignored);
}

}  // namespace

asio::awaitable<void> CutProxy::relay(tcp::socket client) {
  auto link = std::make_shared<Link>(Link{std::move(client), tcp::socket(io_), 0, cut_after_.load(), false});
  boost::system::error_code ec;
  co_await link->b.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), upstream_port_),
                                 asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return;
  asio::co_spawn(io_, pump(link, true, &cuts_, &passed_), asio::detached);
  co_await pump(link, false, &cuts_, &passed_);
}

}  // namespace synctest
