// Bad input and abuse on the wire: each gets a clear error frame, never a
// crash or a hang, and the server goes on serving others.
#include <boost/asio/ssl.hpp>

#include "debrief/sync/frame_io.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;
namespace asio = boost::asio;
namespace ssl = asio::ssl;

namespace {

// Sends `bytes` over TLS and returns the first frame the server answers with
// (or its error), within five seconds.
Result<sync::pb::Frame> send_raw(std::uint16_t port, const std::string& bytes) {
  asio::io_context io;
  ssl::context tls(ssl::context::tls_client);
  ssl::stream<asio::ip::tcp::socket> stream(io, tls);
  stream.set_verify_mode(ssl::verify_none);  // the bytes are the point here, not trust
  std::optional<Result<sync::pb::Frame>> got;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    boost::system::error_code ec;
    co_await stream.lowest_layer().async_connect({asio::ip::make_address("127.0.0.1"), port}, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) co_await stream.async_handshake(ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) co_await asio::async_write(stream, asio::buffer(bytes), asio::redirect_error(asio::use_awaitable, ec));
    got.emplace(co_await sync::read_frame(stream));
  }, asio::detached);
  io.run_for(std::chrono::seconds(5));
  if (!got) return Status(Code::io_error, "no answer within 5 s");
  return std::move(*got);
}

std::string header(std::uint32_t n) {
  std::string h(4, '\0');
  for (int i = 0; i < 4; ++i) h[static_cast<std::size_t>(i)] = static_cast<char>(n >> (24 - 8 * i));
  return h;
}

void expect_error(std::uint16_t port, const std::string& bytes, sync::pb::Error::Code code) {
  auto f = send_raw(port, bytes);
  REQUIRE(f.is_ok());
  REQUIRE(f->has_error());
  CHECK(f->error().code() == code);
  CHECK(!f->error().message().empty());
}

}  // namespace

TEST_CASE("malformed, oversized and unexpected frames get an error reply", "[sync][abuse]") {
  Server server;
  expect_error(server.port(), header(64u << 20), sync::pb::Error::BAD_FRAME);             // oversized
  expect_error(server.port(), header(5) + "\xff\xff\xff\xff\xff", sync::pb::Error::BAD_FRAME);  // not protobuf
  sync::pb::Frame pull;
  pull.mutable_pull()->set_cursor(0);
  expect_error(server.port(), sync::encode_frame(pull), sync::pb::Error::BAD_FRAME);      // no hello first
  sync::pb::Frame empty;                                                                  // unknown body
  expect_error(server.port(), sync::encode_frame(empty), sync::pb::Error::BAD_FRAME);
  sync::pb::Frame hello;
  hello.mutable_hello()->set_protocol_version(sync::kProtocolVersion);
  hello.mutable_hello()->set_device_id(std::string(16, 'x'));
  hello.mutable_hello()->set_device_secret("guess");
  expect_error(server.port(), sync::encode_frame(hello), sync::pb::Error::UNAUTHENTICATED);
  // And the server still serves a real device.
  Device d(server, server.people().p1);
  CHECK(ok(list(*d.store, Kind::person)).size() == 7);
}

TEST_CASE("a malformed change in a push is refused and nothing of the batch applies", "[sync][abuse]") {
  Server server;
  Device d(server, server.people().organiser);
  ok(update(*d.store, Kind::event, server.people().event, {{"title", "Fine"}}));
  WireChange bad{d.store->device_id(), Hlc::from_parts(4102444800000, 0), Kind::event, server.people().event,
                 std::string("starts_at"), "not a date", ChangeOp::upsert};
  WireChange good = ok(to_wire(*d.store, ok(pending_changes(*d.store)).back()));
  Status s = server.on_server([&](Store& r) { return apply_remote(r, {good, bad}); });
  CHECK(!s.is_ok());
  auto title = server.on_server([&](Store& r) { return ok(get(r, Kind::event, server.people().event))["title"]; });
  CHECK(title == "Offsite");
}
