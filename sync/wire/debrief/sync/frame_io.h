// Reading and writing frames on an Asio stream, as C++20 coroutines.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "debrief/sync/wire.h"

namespace debrief::sync {

namespace asio = boost::asio;

// The message of read_frame's and write_frame's io_error when the other end
// closed the connection, cleanly or not (end of stream, a TLS stream cut
// short, reset, a broken pipe).
inline constexpr std::string_view kClosedByPeer = "the other end closed the connection";

inline Status io_failed(const boost::system::error_code& ec, std::string_view when) {
  bool by_peer = ec == asio::error::eof || ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
                 ec == asio::ssl::error::stream_truncated;
  return Status(Code::io_error, by_peer ? std::string(kClosedByPeer) : std::string(when) + ": " + ec.message());
}

// Reads one frame. A frame over `max_bytes`, or one that does not parse,
// is an invalid_argument; a closed or broken connection an io_error
// (kClosedByPeer when the other end closed it).
template <class Stream>
asio::awaitable<Result<pb::Frame>> read_frame(Stream& stream, std::size_t max_bytes = kMaxFrameBytes) {
  unsigned char header[4];
  boost::system::error_code ec;
  co_await asio::async_read(stream, asio::buffer(header), asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return io_failed(ec, "connection closed");
  Result<std::size_t> n = frame_body_size(header, max_bytes);
  if (!n.is_ok()) co_return n.status();
  // The body grows as its bytes come (16 KiB, then doubling), so a peer
  // that announces a large frame and stalls holds little memory.
  std::string body;
  while (body.size() < *n) {
    std::size_t at = body.size();
    body.resize(std::min<std::size_t>(*n, at + std::max<std::size_t>(16 * 1024, at)));
    co_await asio::async_read(stream, asio::buffer(body.data() + at, body.size() - at), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return io_failed(ec, "connection closed mid-frame");
  }
  co_return decode_frame_body(body);
}

// Writes one frame; an io_error when the connection broke (kClosedByPeer
// when the other end closed it).
template <class Stream>
asio::awaitable<Status> write_frame(Stream& stream, const pb::Frame& frame) {
  std::string bytes = encode_frame(frame);
  boost::system::error_code ec;
  co_await asio::async_write(stream, asio::buffer(bytes), asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return io_failed(ec, "connection broke");
  co_return Status::ok();
}

}  // namespace debrief::sync
