// Authentication and authorship: forged authors, revoked devices, the wrong
// server, replayed codes, unsupported protocol versions.
#include "hostile_client.h"

#include "debrief/platform/credentials_file.h"

using namespace debrief;
using namespace synctest;

TEST_CASE("an enrolled device acts only for its person", "[sync][security]") {
  Server server;
  Device d(server, server.people().p1);
  Status other = d.store->set_me(server.people().p2);
  REQUIRE(!other.is_ok());
  CHECK(other.message().find("acts only for them") != std::string::npos);
  CHECK(d.store->me() == server.people().p1);
}

TEST_CASE("a participant may not edit events or the directory, on the device or by a push", "[sync][security]") {
  Server server;
  Device d(server, server.people().p1);
  Status local = update(*d.store, Kind::event, server.people().event, {{"title", "Hijacked"}});
  REQUIRE(!local.is_ok());
  CHECK(local.message().find("may not change events") != std::string::npos);
  HostileClient hostile(server, d);
  WireChange title{d.store->device_id(), Hlc::from_parts(d.store->env().now_ms(), 1), Kind::event, server.people().event,
                   std::string("title"), "Hijacked", ChangeOp::upsert};
  auto reply = hostile.push({title});
  REQUIRE(reply.is_ok());
  REQUIRE(reply->has_error());
  CHECK(reply->error().message().find("may not change events") != std::string::npos);
  auto held = server.on_server([&](Store& r) { return ok(get(r, Kind::event, server.people().event))["title"]; });
  CHECK(held == "Offsite");
}

TEST_CASE("a revoked device is refused", "[sync][security]") {
  Server server;
  Device d(server, server.people().p1);
  ok(server.revoke(d.store->device_id()));
  Status s = d.try_sync();
  REQUIRE(!s.is_ok());
  CHECK(s.code() == Code::permission_denied);
  CHECK(s.message().find("revoked") != std::string::npos);
}

TEST_CASE("a server whose certificate does not match the pinned fingerprint is not trusted", "[sync][security]") {
  Server server;
  Device d(server, server.people().p1);
  d.link.fingerprint = std::string(64, 'a');
  Status s = d.try_sync();
  REQUIRE(!s.is_ok());
  CHECK(s.message().find("does not match") != std::string::npos);
}

TEST_CASE("an enrolment code works once", "[sync][security]") {
  Server server;
  std::string code = server.code_for(server.people().p1);
  TempDir a, b;
  auto sa = ok(Store::open(a.path())), sb = ok(Store::open(b.path()));
  auto parsed = ok(sync::EnrolmentCode::parse(code));
  auto keys = platform::file_credentials(a.path() / "credentials.json");
  ok(sync::enroll(*sa, "127.0.0.1", server.port(), parsed, "first", *keys));
  auto second = sync::enroll(*sb, "127.0.0.1", server.port(), parsed, "second", *keys);
  REQUIRE(!second.is_ok());
  CHECK(second.status().message().find("used already") != std::string::npos);
}

TEST_CASE("a device over its request limit is told to come back later", "[sync][security]") {
  Server server([](sync::ServerOptions& o) { o.max_requests_per_minute = 4; });
  Device d(server, server.people().p1);
  Status busy;
  for (int i = 0; i < 10 && busy.is_ok(); ++i) busy = d.try_sync();
  REQUIRE(!busy.is_ok());
  CHECK(busy.message().find("too many requests") != std::string::npos);
  CHECK(busy.is_transient());
}

TEST_CASE("a protocol version the server does not speak gets a clear refusal", "[sync][security]") {
  Server server;
  Device d(server, server.people().p1);
  for (std::uint32_t v : {sync::kProtocolVersion + 1, 99u}) {
    sync::SyncOptions options;
    options.protocol_version = v;
    auto r = sync::sync_once(*d.store, d.link, options);
    REQUIRE(!r.is_ok());
    CHECK(r.status().message().find("not supported") != std::string::npos);
  }
}
