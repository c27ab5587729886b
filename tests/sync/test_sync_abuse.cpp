// Bad input and abuse on the wire: each gets a clear error frame, never a
// crash or a hang, and the server goes on serving others.
#include "hostile_client.h"

using namespace debrief;
using namespace synctest;

namespace {

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
