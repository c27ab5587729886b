// Bad input and abuse on the wire: each gets a clear error frame, never a
// crash or a hang, and the server goes on serving others.
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <thread>

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

// Takes every file descriptor this process may still open but one, under
// a soft limit a few above the highest open now; gives them back, and the
// limit, when it goes.
class FewDescriptors {
 public:
  FewDescriptors() {
    getrlimit(RLIMIT_NOFILE, &old_);
    int highest = 0;
    for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd"))
      highest = std::max(highest, std::stoi(e.path().filename().string()));
    rlimit tight = old_;
    tight.rlim_cur = static_cast<rlim_t>(highest) + 8;
    setrlimit(RLIMIT_NOFILE, &tight);
    for (rlim_t i = 0; i < tight.rlim_cur; ++i) {  // each free number below the limit
      int fd = dup(0);
      if (fd < 0) break;
      held_.push_back(fd);
    }
    close(held_.back());  // the one left
    held_.pop_back();
  }
  ~FewDescriptors() {
    for (int fd : held_) close(fd);
    setrlimit(RLIMIT_NOFILE, &old_);
  }

 private:
  rlimit old_{};
  std::vector<int> held_;
};

}  // namespace

TEST_CASE("a server out of file descriptors waits before accepting again, and serves once they are back",
          "[sync][abuse]") {
  Server server;
  Device d(server, server.people().p1);
  int client = -1;
  {
    FewDescriptors few;
    client = socket(AF_INET, SOCK_STREAM, 0);  // the last descriptor: the server has none to accept it with
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(server.port());
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(client >= 0);
    REQUIRE(connect(client, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0);  // queued by the kernel
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  // At most one try per 100 ms (a server that retried at once made
  // hundreds of thousands, on its only thread).
  std::int64_t errors = server.stats().accept_errors;
  CHECK(errors >= 1);
  CHECK(errors <= 10);
  close(client);
  d.sync();  // served again
}

TEST_CASE("a connection that says nothing is closed after the hello timeout; one that said hello stays for the idle one",
          "[sync][abuse]") {
  Server server([](sync::ServerOptions& o) {
    o.hello_timeout = std::chrono::seconds(1);
    o.idle_timeout = std::chrono::seconds(60);
  });
  Device d(server, server.people().p1);
  HostileClient greeted(server, d);  // said Hello
  int silent = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(silent >= 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(server.port());
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(silent, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0);
  auto open_within_seconds = [&](std::int64_t want) {
    for (int i = 0; i < 80 && server.stats().open_connections != want; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return server.stats().open_connections;
  };
  CHECK(open_within_seconds(1) == 1);  // the silent one closed, after a second or so
  timeval five{5, 0};
  setsockopt(silent, SOL_SOCKET, SO_RCVTIMEO, &five, sizeof five);
  char byte = 0;
  errno = 0;
  ssize_t got = recv(silent, &byte, 1, 0);
  CHECK((got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)));  // end of stream or reset, not a timeout
  close(silent);
  sync::pb::Frame pull;
  pull.mutable_pull()->set_max_changes(10);
  Result<sync::pb::Frame> reply = greeted.exchange(pull);  // well past the hello timeout
  REQUIRE(reply.is_ok());
  CHECK(reply->has_pull_batch());
}

TEST_CASE("the server forgets the request counts of devices not heard from for a minute", "[sync][abuse]") {
  std::atomic<std::int64_t> now{0};  // the server's monotonic clock, moved by the test
  Server server([&](sync::ServerOptions& o) { o.monotonic_ms = [&] { return now.load(); }; });
  Device a(server, server.people().p1), b(server, server.people().p2);
  // Held while the minute lasts: read at the server's sweep, once a second.
  auto held_within_seconds = [&](auto done) {
    for (int i = 0; i < 50 && !done(server.stats().limits_held); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return server.stats().limits_held;
  };
  CHECK(held_within_seconds([](std::int64_t n) { return n >= 2; }) >= 2);
  now += 61'000;
  CHECK(held_within_seconds([](std::int64_t n) { return n == 0; }) == 0);
  a.sync();  // counted afresh
  CHECK(held_within_seconds([](std::int64_t n) { return n == 1; }) == 1);
}

TEST_CASE("repeated subscriptions count as requests, so a flood of them is refused like any other", "[sync][abuse]") {
  Server server([](sync::ServerOptions& o) { o.max_requests_per_minute = 20; });
  Device d(server, server.people().p1);
  HostileClient hostile(server, d);
  sync::pb::Frame subscribe;
  subscribe.mutable_subscribe();
  std::string flood;
  for (int i = 0; i < 30; ++i) flood += sync::encode_frame(subscribe);
  Result<sync::pb::Frame> reply = hostile.send_bytes(flood);  // the first answer: a subscription has none
  REQUIRE(reply.is_ok());
  REQUIRE(reply->has_error());
  CHECK(reply->error().code() == sync::pb::Error::BUSY);
  CHECK(reply->error().transient());
}

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
