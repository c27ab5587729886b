// The privacy rules, enforced by the server.
#include <pqxx/pqxx>

#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;

namespace {

Id respond(Device& d, const Server& server, bool anonymous, int score) {
  return ok(create(*d.store, Kind::response, {{"survey", server.people().survey.hex()},
                                              {"event", server.people().event.hex()},
                                              {"anonymous", anonymous},
                                              {"answers", {{"score", score}, {"why", "the hike"}}}}));
}

}  // namespace

TEST_CASE("a private reflection reaches only its author's devices; a shared one everyone", "[sync][privacy]") {
  Server server;
  Device author(server, server.people().p1), other(server, server.people().p2);
  Id secret = ok(create(*author.store, Kind::reflection, {{"text", "Private"}}));
  Id open = ok(create(*author.store, Kind::reflection, {{"text", "Shared"}, {"shared", true}}));
  author.sync();
  other.sync();
  CHECK(!get(*other.store, Kind::reflection, secret).is_ok());
  CHECK(get(*other.store, Kind::reflection, open).is_ok());
}

TEST_CASE("a manager receives a group's responses only from the threshold on, anonymous ones without author", "[sync][privacy]") {
  Server server;
  Device manager(server, server.people().manager);
  Device d1(server, server.people().p1), d2(server, server.people().p2), d3(server, server.people().p3);
  respond(d1, server, true, 2);
  respond(d2, server, true, 4);
  d1.sync();
  d2.sync();
  manager.sync();
  CHECK(ok(list(*manager.store, Kind::response)).empty());  // 2 of 3: withheld
  respond(d3, server, false, 5);
  d3.sync();
  manager.sync();
  auto seen = ok(list(*manager.store, Kind::response));
  REQUIRE(seen.size() == 3);
  int anonymous = 0;
  for (const Json& r : seen) {
    if (r["anonymous"].get<bool>()) {
      ++anonymous;
      CHECK(r["author"].is_null());
    }
  }
  CHECK(anonymous == 2);
}

TEST_CASE("a participant never receives someone else's responses", "[sync][privacy]") {
  Server server;
  Device d1(server, server.people().p1), d2(server, server.people().p2), d3(server, server.people().p3);
  respond(d1, server, false, 3);
  respond(d2, server, true, 3);
  respond(d3, server, true, 3);
  d1.sync();
  d2.sync();
  d3.sync();
  d1.sync();
  CHECK(ok(list(*d1.store, Kind::response)).size() == 1);
}

TEST_CASE("the server keeps no author, device or exact time beside an anonymous response", "[sync][privacy]") {
  Server server;
  Device d(server, server.people().p1);
  Id r = respond(d, server, true, 1);
  d.sync();
  Json stored = server.on_server([&](Store& s) { return ok(get(s, Kind::response, r)); });
  CHECK(stored["author"].is_null());
  CHECK(stored["created_at"].get<std::string>().substr(10) == "T00:00:00Z");
  auto logged = server.on_server([&](Store& s) { return ok(changes_after(s, 0)); });
  bool found = false;
  for (const Change& c : logged) {
    if (c.record != r) continue;
    found = true;
    CHECK(c.device.is_nil());
    CHECK(c.hlc.physical_ms() % 86400000 == 0);
    CHECK(c.hlc.logical() == 0);
  }
  CHECK(found);
}

TEST_CASE("the PostgreSQL feed keeps no author, device or exact time beside an anonymous response", "[sync][privacy][postgresql]") {
  Server server;
  REQUIRE(!server.database_url().empty());
  Device d(server, server.people().p1);
  Id r = respond(d, server, true, 1);
  d.sync();
  pqxx::connection c(server.database_url());
  pqxx::read_transaction tx(c);
  pqxx::result rows = tx.exec_params("SELECT device::text, hlc, value::text, owner FROM feed WHERE record = $1", r.hex());
  REQUIRE(rows.size() >= 1);
  for (const pqxx::row& row : rows) {
    CHECK(row[0].as<std::string>() == "00000000-0000-0000-0000-000000000000");
    Hlc hlc{static_cast<std::uint64_t>(row[1].as<std::int64_t>())};
    CHECK(hlc.physical_ms() % 86400000 == 0);
    Json value = Json::parse(row[2].as<std::string>());
    CHECK(value["author"].is_null());
    CHECK(value["created_at"].get<std::string>().substr(10) == "T00:00:00Z");
    CHECK(row[3].is_null());  // nor as the row's owner
  }
}
