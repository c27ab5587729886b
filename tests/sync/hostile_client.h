// A client that speaks raw frames and lies: it authenticates as an
// enrolled device, then sends whatever a test builds, forged fields and
// all, and returns the server's reply as it came. The well-behaved engine
// never sends these; a device written from the spec alone might.
#pragma once

#include <boost/asio/ssl.hpp>

#include "debrief/sync/frame_io.h"
#include "sync_fixture.h"

namespace synctest {

class HostileClient {
 public:
  // Connects to `server` and says Hello as `device` (its real secret).
  HostileClient(Server& server, Device& device);
  // Sends `frame` and returns the server's reply (or why none came within
  // five seconds).
  debrief::Result<debrief::sync::pb::Frame> exchange(const debrief::sync::pb::Frame& frame);
  // Pushes `changes` as one batch.
  debrief::Result<debrief::sync::pb::Frame> push(const std::vector<debrief::WireChange>& changes);
  // Sends raw bytes (a header and body as the test made them).
  debrief::Result<debrief::sync::pb::Frame> send_bytes(const std::string& bytes);

 private:
  boost::asio::io_context io_;
  boost::asio::ssl::context tls_{boost::asio::ssl::context::tls_client};
  boost::asio::ssl::stream<boost::asio::ip::tcp::socket> stream_{io_, tls_};
};

// Sends `bytes` on a fresh TLS connection to `port` (no Hello: the bytes
// are the point) and returns the first frame the server answers with, or
// why none came within five seconds.
debrief::Result<debrief::sync::pb::Frame> send_raw(std::uint16_t port, const std::string& bytes);

// An id as a device makes an anonymous response's: never reading as a
// moment, and a new one each call.
Id anonymous_id();

// The device's whole-record change of `kind` with `record`'s JSON, stamped
// with the device and a fresh clock value.
debrief::WireChange whole(Device& device, debrief::Kind kind, const Id& id, const Json& record);

}  // namespace synctest
