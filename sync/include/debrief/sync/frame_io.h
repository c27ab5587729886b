// Reading and writing frames on an Asio stream, as C++20 coroutines.
#pragma once

#include <algorithm>
#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "debrief/sync/protocol.h"

namespace debrief::sync {

namespace asio = boost::asio;

// Reads one frame. A frame over `max_bytes`, or one that does not parse,
// is an invalid_argument; a closed or broken connection an io_error.
template <class Stream>
asio::awaitable<Result<pb::Frame>> read_frame(Stream& stream, std::size_t max_bytes = kMaxFrameBytes) {
  unsigned char header[4];
  boost::system::error_code ec;
  co_await asio::async_read(stream, asio::buffer(header), asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return Status(Code::io_error, "connection closed: " + ec.message());
  Result<std::size_t> n = frame_body_size(header, max_bytes);
  if (!n.is_ok()) co_return n.status();
  // The body grows as its bytes come (16 KiB, then doubling), so a peer
  // that announces a large frame and stalls holds little memory.
  std::string body;
  while (body.size() < *n) {
    std::size_t at = body.size();
    body.resize(std::min<std::size_t>(*n, at + std::max<std::size_t>(16 * 1024, at)));
    co_await asio::async_read(stream, asio::buffer(body.data() + at, body.size() - at), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return Status(Code::io_error, "connection closed mid-frame: " + ec.message());
  }
  co_return decode_frame_body(body);
}

// Writes one frame; an io_error when the connection broke.
template <class Stream>
asio::awaitable<Status> write_frame(Stream& stream, const pb::Frame& frame) {
  std::string bytes = encode_frame(frame);
  boost::system::error_code ec;
  co_await asio::async_write(stream, asio::buffer(bytes), asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return Status(Code::io_error, "connection broke: " + ec.message());
  co_return Status::ok();
}

}  // namespace debrief::sync
