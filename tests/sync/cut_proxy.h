// A TCP proxy for fault injection: forwards bytes between a client and the
// server, and cuts the connection after a chosen number of bytes.
#pragma once

#include <utility>

#include <boost/asio.hpp>

#include <atomic>
#include <cstdint>
#include <thread>

namespace synctest {

class CutProxy {
 public:
  explicit CutProxy(std::uint16_t upstream_port);
  ~CutProxy();
  std::uint16_t port() const { return port_; }
  // The next connections are cut once this many bytes (both directions
  // together) have passed; 0: never.
  void cut_after(std::int64_t bytes) { cut_after_ = bytes; }
  std::int64_t cuts() const { return cuts_; }
  // Bytes passed so far, both directions, every connection.
  std::int64_t passed() const { return passed_; }

 private:
  boost::asio::awaitable<void> accept_loop();
  boost::asio::awaitable<void> relay(boost::asio::ip::tcp::socket client);

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::uint16_t upstream_port_, port_ = 0;
  std::atomic<std::int64_t> cut_after_{0}, cuts_{0}, passed_{0};
  std::thread thread_;
};

}  // namespace synctest
