#include "hostile_client.h"

using namespace debrief;
namespace asio = boost::asio;
namespace ssl = asio::ssl;

namespace synctest {

HostileClient::HostileClient(Server& server, Device& device) {
  stream_.set_verify_mode(ssl::verify_none);  // the frames are the point here, not trust
  boost::system::error_code ec;
  stream_.lowest_layer().connect({asio::ip::make_address("127.0.0.1"), server.port()}, ec);
  REQUIRE(!ec);
  stream_.handshake(ssl::stream_base::client, ec);
  REQUIRE(!ec);
  sync::pb::Frame hello;
  hello.mutable_hello()->set_protocol_version(sync::kProtocolVersion);
  hello.mutable_hello()->set_device_id(sync::bytes_of(device.store->device_id()));
  hello.mutable_hello()->set_device_secret(ok(device.credentials->read(sync::credential_account(device.store->device_id()))));
  sync::pb::Frame welcome = ok(exchange(hello));
  REQUIRE(welcome.has_welcome());
}

Result<sync::pb::Frame> HostileClient::send_bytes(const std::string& bytes) {
  std::optional<Result<sync::pb::Frame>> got;
  asio::co_spawn(io_, [&]() -> asio::awaitable<void> {
    boost::system::error_code ec;
    co_await asio::async_write(stream_, asio::buffer(bytes), asio::redirect_error(asio::use_awaitable, ec));
    got.emplace(co_await sync::read_frame(stream_));
  }, asio::detached);
  io_.restart();
  io_.run_for(std::chrono::seconds(5));
  if (!got) return Status(Code::io_error, "no answer within 5 s");
  return std::move(*got);
}

Result<sync::pb::Frame> HostileClient::exchange(const sync::pb::Frame& frame) { return send_bytes(sync::encode_frame(frame)); }

Result<sync::pb::Frame> HostileClient::push(const std::vector<WireChange>& changes) {
  sync::pb::Frame f;
  f.mutable_push()->set_batch_id(1);
  for (const WireChange& c : changes) *f.mutable_push()->add_changes() = sync::to_proto(c);
  return exchange(f);
}

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

Id anonymous_id() {
  static std::uint16_t n = 0;
  Id id = *Id::parse("ee000000000000000000000000000000");
  ++n;
  id.bytes[14] = static_cast<std::uint8_t>(n >> 8);
  id.bytes[15] = static_cast<std::uint8_t>(n);
  return id;
}

WireChange whole(Device& device, Kind kind, const Id& id, const Json& record) {
  static std::uint16_t counter = 0;
  Hlc now = Hlc::from_parts(device.store->env().now_ms(), ++counter);
  return WireChange{device.store->device_id(), now, kind, id, std::nullopt, record, ChangeOp::upsert};
}

}  // namespace synctest
