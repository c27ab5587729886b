// The privacy rules, enforced by the server.
#include <pqxx/pqxx>

#include <mutex>
#include <set>

#include "debrief/change_log.h"
#include "debrief/sync/anonymous_mixing.h"
#include "debrief/sync/postgres_store.h"
#include "debrief/time.h"
#include "hostile_client.h"
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
  Id secret = ok(create(*author.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Private"}}));
  Id open = ok(create(*author.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Shared"}, {"shared", true}}));
  author.sync();
  other.sync();
  CHECK(!get(*other.store, Kind::reflection, secret).is_ok());
  CHECK(get(*other.store, Kind::reflection, open).is_ok());
}

TEST_CASE("a manager receives a group's responses only from the threshold on, anonymous ones without author", "[sync][privacy]") {
  Server server;
  Device manager(server, server.people().manager);
  Device d1(server, server.people().p1), d2(server, server.people().p2), d3(server, server.people().p3),
      d4(server, server.people().p4);
  respond(d1, server, true, 2);
  respond(d2, server, false, 4);
  respond(d3, server, true, 5);
  for (Device* d : {&d1, &d2, &d3}) d->sync();
  manager.sync();
  CHECK(ok(list(*manager.store, Kind::response)).empty());  // 1 in the feed, 2 anonymous waiting: withheld
  respond(d4, server, true, 3);
  d4.sync();  // three anonymous ones: they join the feed, and the group reaches the threshold
  manager.sync();
  auto seen = ok(list(*manager.store, Kind::response));
  REQUIRE(seen.size() == 4);
  int anonymous = 0;
  for (const Json& r : seen) {
    if (r["anonymous"].get<bool>()) {
      ++anonymous;
      CHECK(r["author"].is_null());
    }
  }
  CHECK(anonymous == 3);
}

TEST_CASE("one person's answers about several activities or pulse windows never make a group", "[sync][privacy]") {
  Server server;  // the threshold is 3
  struct Setup { Id after_activity, pulse, kick_off; std::vector<Id> activities; };
  Setup s = server.on_server([&](Store& r) {
    Json questions = Json::parse(R"([{"id":"score","type":"rating","text":"?","required":true}])");
    Setup out;
    out.after_activity = ok(create(r, Kind::survey, {{"title", "Activity"}, {"kind", "post_activity"}, {"questions", questions}}));
    out.pulse = ok(create(r, Kind::survey, {{"title", "Pulse"}, {"kind", "pulse"}, {"questions", questions}}));
    out.kick_off = ok(create(r, Kind::event, {{"title", "Kick-off"}, {"starts_at", "2026-01-10T09:00"}, {"ends_at", "2026-01-10T17:00"}}));
    for (const char* title : {"Talk", "Hike", "Lunch"})
      out.activities.push_back(ok(create(r, Kind::activity, {{"event", server.people().event.hex()}, {"title", title},
                                                             {"starts_at", "2026-12-03T10:00"}, {"ends_at", "2026-12-03T11:00"}})));
    return out;
  });
  server.publish();
  auto about = [&](Device& d, const Id& activity, bool anonymous) {
    ok(create(*d.store, Kind::response, {{"survey", s.after_activity.hex()}, {"event", server.people().event.hex()},
                                         {"activity", activity.hex()}, {"anonymous", anonymous}, {"answers", {{"score", 1}}}}));
  };
  Device manager(server, server.people().manager), pia(server, server.people().p1), per(server, server.people().p2);
  // Pia anonymously, Per by name: each answers about three activities, and
  // the pulse before, during and after an event: six voices each, and
  // every group holds two people.
  for (auto [d, anonymous] : {std::pair{&pia, true}, std::pair{&per, false}}) {
    for (const Id& a : s.activities) about(*d, a, anonymous);
    d->sync();
    HostileClient raw(server, *d);  // a device's clock cannot be set: the pulse answers carry their days
    for (const char* day : {"2026-01-05T10:00:00Z", "2026-01-10T10:00:00Z", "2026-01-15T10:00:00Z"}) {
      Json r = {{"survey", s.pulse.hex()}, {"event", s.kick_off.hex()}, {"anonymous", anonymous},
                {"answers", {{"score", 1}}}, {"created_at", day}};
      auto reply = raw.push({whole(*d, Kind::response, anonymous ? anonymous_id() : Id::make(d->store->env()), r)});
      REQUIRE(reply.is_ok());
      CHECK(reply->has_push_ack());
    }
  }
  manager.sync();
  CHECK(ok(list(*manager.store, Kind::response)).empty());
  // Two more people about the first activity: that group, and only it,
  // has three people by name in the records (Pia's anonymous answer waits
  // in the pool for a threshold's worth of anonymous company).
  for (const Id& person : {server.people().p3, server.people().p4}) {
    Device d(server, person);
    about(d, s.activities[0], false);
    d.sync();
  }
  manager.sync();
  std::vector<Json> seen = ok(list(*manager.store, Kind::response));
  CHECK(seen.size() == 3);
  for (const Json& r : seen) CHECK(r["activity"] == s.activities[0].hex());
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
  Device d1(server, server.people().p1), d2(server, server.people().p2), d3(server, server.people().p3);
  std::vector<Id> sent;
  for (Device* d : {&d1, &d2, &d3}) {
    sent.push_back(respond(*d, server, true, 1));
    d->sync();
  }
  auto logged = server.on_server([&](Store& s) { return ok(changes_after(s, 0)); });
  for (const Id& r : sent) {
    Json stored = server.on_server([&](Store& s) { return ok(get(s, Kind::response, r)); });
    CHECK(stored["author"].is_null());
    CHECK(stored["created_at"].get<std::string>().substr(10) == "T00:00:00Z");
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
}

TEST_CASE("the server's log never names an anonymous answer it refuses, beside the device that pushed it", "[sync][privacy]") {
  // Found by the simulator (seed 3): Pia answers by name on one phone and
  // anonymously on the other, which had not heard of the first answer.
  auto lines = std::make_shared<std::vector<std::string>>();
  auto guard = std::make_shared<std::mutex>();
  Server server([&](sync::ServerOptions& o) {
    o.log = [lines, guard](const std::string& line) {
      std::lock_guard<std::mutex> hold(*guard);
      lines->push_back(line);
    };
  });
  Device phone(server, server.people().p1), tablet(server, server.people().p1);
  respond(phone, server, false, 4);
  phone.sync();
  Id anonymous = respond(tablet, server, true, 2);
  ok(tablet.try_sync());
  CHECK(ok(refused_changes(*tablet.store)).size() == 1);  // one voice: the second answer is refused
  std::lock_guard<std::mutex> hold(*guard);
  bool refusal_logged = false;
  for (const std::string& line : *lines) {
    INFO(line);
    CHECK(line.find(anonymous.hex()) == std::string::npos);
    refusal_logged = refusal_logged || line.find("\"refused\"") != std::string::npos;
  }
  CHECK(refusal_logged);
}

TEST_CASE("anonymous responses wait apart and join the feed together, never beside their participations", "[sync][privacy]") {
  Server server;
  Device d1(server, server.people().p1), d2(server, server.people().p2), d3(server, server.people().p3);
  std::vector<Id> sent;
  for (Device* d : {&d1, &d2}) {
    sent.push_back(respond(*d, server, true, 4));
    d->sync();
    CHECK(ok(d->store->info()).pending_changes == 0);  // acknowledged: safe in the pool
  }
  auto held = server.on_server([](Store& s) { return ok(list(s, Kind::response)).size(); });
  CHECK(held == 0);  // two of three: still waiting, in no feed
  d2.sync();         // a replayed or repeated pass pools nothing twice
  sent.push_back(respond(d3, server, true, 4));
  d3.sync();
  // In the feed: every participation first, as each came; then the three
  // responses, side by side (and announced again side by side, as the
  // group reached the threshold), in an order that says nothing of who
  // sent which.
  auto logged = server.on_server([&](Store& s) { return ok(changes_after(s, 0)); });
  std::int64_t last_participation = 0, first_response = INT64_MAX, last_response = 0, entries = 0;
  std::set<Id> responses;
  for (const Change& c : logged) {
    if (c.kind == Kind::participation) last_participation = std::max(last_participation, c.seq);
    if (c.kind != Kind::response) continue;
    ++entries;
    responses.insert(c.record);
    first_response = std::min(first_response, c.seq);
    last_response = std::max(last_response, c.seq);
  }
  CHECK(responses == std::set<Id>(sent.begin(), sent.end()));
  CHECK(last_response - first_response == entries - 1);
  CHECK(first_response > last_participation);
}

TEST_CASE("a group that stays below the threshold never joins the feed, however long it waits", "[sync][privacy]") {
  TempDir dir, device_dir;
  TestStore server(dir.path());
  auto device = ok(Store::open(device_dir.path()));
  Store& records = server.store->records();
  ok(create(records, Kind::organisation, {{"name", "Org"}, {"anonymity_threshold", 3}}));
  Id team = ok(create(records, Kind::team, {{"name", "Night shift"}}));
  Id person = ok(create(records, Kind::person, {{"name", "Nina Night"}, {"team", team.hex()}}));
  Id event = ok(create(records, Kind::event, {{"title", "Inventory"}, {"starts_at", "2026-12-03T09:00"}, {"ends_at", "2026-12-03T17:00"}}));
  Id survey = ok(create(records, Kind::survey, {{"title", "After"}, {"kind", "post_event"},
                                                {"questions", Json::parse(R"([{"id":"score","type":"rating","text":"How was it?"}])")}}));
  ok(server.store->publish());
  ok(apply_remote(*device, ok(server.store->dump_feed(0, 1000)).changes));
  ok(device->set_me(person));
  Id r = ok(create(*device, Kind::response, {{"survey", survey.hex()}, {"event", event.hex()}, {"anonymous", true}, {"answers", {{"score", 3}}}}));
  std::optional<WireChange> w;
  for (const Change& c : ok(changes_after(*device, 0)))
    if (c.record == r) w = ok(to_wire(*device, c));
  REQUIRE(w);
  REQUIRE(sync::is_anonymous_response(*w));
  ok(sync::pool_anonymous(*server.store, {*w}, 100));
  for (int day = 0; day < 3; ++day) {  // the release is looked for at least daily
    CHECK(ok(sync::release_ripe(*server.store)) == 0);
    CHECK(!get(records, Kind::response, r).is_ok());
  }
  CHECK(ok(server.store->pool().holds(r)));
}

TEST_CASE("the PostgreSQL feed keeps no author, device or exact time beside an anonymous response", "[sync][privacy][postgresql]") {
  Server server;
  REQUIRE(!server.database_url().empty());
  Device d1(server, server.people().p1), d2(server, server.people().p2), d3(server, server.people().p3);
  Id r = respond(d1, server, true, 1);
  for (Device* d : {&d2, &d3}) respond(*d, server, true, 1);
  for (Device* d : {&d1, &d2, &d3}) d->sync();  // three: they join the feed
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

TEST_CASE("a newly appointed manager receives the answers and participations their team gave before, and no more than that",
          "[sync][privacy]") {
  Server server;
  const Directory& people = server.people();
  Device olga(server, people.organiser), admin(server, people.admin);
  Device d1(server, people.p1), d2(server, people.p2), d3(server, people.p3);
  for (Device* d : {&d1, &d2, &d3}) respond(*d, server, false, 4), d->sync();
  olga.sync();  // past all three; she manages no team
  REQUIRE(ok(list(*olga.store, Kind::response)).empty());
  REQUIRE(ok(list(*olga.store, Kind::participation)).empty());
  admin.sync();
  ok(update(*admin.store, Kind::team, people.team, {{"manager", people.organiser.hex()}}));
  admin.sync();
  olga.sync();
  CHECK(ok(list(*olga.store, Kind::response)).size() == 3);
  CHECK(ok(list(*olga.store, Kind::participation)).size() == 3);
  CHECK(ok(list(*olga.store, Kind::reflection)).empty());
}

TEST_CASE("an admin command that gives a person a team, or a team a manager, releases what they gave before",
          "[sync][privacy]") {
  Server server;
  const Directory& people = server.people();
  Device olga(server, people.organiser), d1(server, people.p1), d2(server, people.p2), d3(server, people.p3);
  for (Device* d : {&d1, &d2, &d3}) respond(*d, server, false, 4), d->sync();
  olga.sync();  // past all three; she manages no team
  REQUIRE(ok(list(*olga.store, Kind::participation)).empty());
  // As `debrief-server admin` commands do: edit the server's records, then publish.
  Id field = server.on_server([&](Store& s) {
    return ok(create(s, Kind::team, {{"name", "Field"}, {"manager", people.organiser.hex()}}));
  });
  server.on_server([&](Store& s) { return ok(update(s, Kind::person, people.p3, {{"team", field.hex()}})), 0; });
  server.publish();
  olga.sync();
  std::vector<Json> seen = ok(list(*olga.store, Kind::participation));
  REQUIRE(seen.size() == 1);  // Pam's, who is in her team now
  CHECK(seen[0]["person"] == people.p3.hex());
  CHECK(ok(list(*olga.store, Kind::response)).empty());  // answered in the old team, a group of one
  server.on_server([&](Store& s) { return ok(update(s, Kind::team, people.team, {{"manager", people.organiser.hex()}})), 0; });
  server.publish();
  olga.sync();
  CHECK(ok(list(*olga.store, Kind::response)).size() == 3);  // the old team's group of three
  CHECK(ok(list(*olga.store, Kind::participation)).size() == 3);
}

TEST_CASE("a manager who answered receives her team's group only from the threshold of other people on", "[sync][privacy]") {
  Server server;  // threshold 3; the manager is in the team she manages
  Device manager(server, server.people().manager), d1(server, server.people().p1), d2(server, server.people().p2),
      d3(server, server.people().p3);
  respond(manager, server, false, 1);
  manager.sync();
  respond(d1, server, false, 4);
  respond(d2, server, false, 5);
  for (Device* d : {&d1, &d2}) d->sync();
  manager.sync();
  // Three answers, hers among them: she could subtract hers from the
  // figures and read two people's. Only her own is on her device.
  CHECK(ok(list(*manager.store, Kind::response)).size() == 1);
  respond(d3, server, false, 2);
  d3.sync();
  manager.sync();
  CHECK(ok(list(*manager.store, Kind::response)).size() == 4);  // three besides her: released
}

namespace {

// Every change a raw client of `reader` pulls from the start of the feed,
// as the bytes that travelled.
std::string raw_feed(Server& server, Device& reader) {
  HostileClient raw(server, reader);
  std::string seen;
  std::uint64_t cursor = 0;
  for (int batch = 0; batch < 100; ++batch) {
    sync::pb::Frame pull;
    pull.mutable_pull()->set_cursor(cursor);
    Result<sync::pb::Frame> got = raw.exchange(pull);
    REQUIRE(got.is_ok());
    REQUIRE(got->has_pull_batch());
    for (const sync::pb::Change& c : got->pull_batch().changes()) seen += c.SerializeAsString();
    cursor = got->pull_batch().cursor();
    if (!got->pull_batch().more()) break;
  }
  return seen;
}

}  // namespace

TEST_CASE("a summary published after its readers synced reaches them as it stands, and none of its drafts", "[sync][privacy]") {
  Server server;
  Device manager(server, server.people().manager), reader(server, server.people().p1), other(server, server.people().p2);
  Id summary = ok(create(*manager.store, Kind::summary, {{"event", server.people().event.hex()},
                                                          {"heard", "DRAFT: the talks were dull"},
                                                          {"will_do", "DRAFT: fire the speakers"}}));
  manager.sync();
  reader.sync();  // past the draft, which is not theirs to see
  CHECK(!get(*reader.store, Kind::summary, summary).is_ok());
  ok(update(*manager.store, Kind::summary, summary, {{"heard", "Too many talks"}, {"will_do", "Half the talks"}}));
  ok(update(*manager.store, Kind::summary, summary, {{"published", true}}));
  manager.sync();
  reader.sync();
  Json got = ok(get(*reader.store, Kind::summary, summary));
  CHECK(got["heard"] == "Too many talks");
  CHECK(got["will_do"] == "Half the talks");
  CHECK(got["published"] == true);
  CHECK(raw_feed(server, other).find("DRAFT") == std::string::npos);
  // Edits after publishing reach readers too.
  ok(update(*manager.store, Kind::summary, summary, {{"will_do", "Half the talks, and a walk"}}));
  manager.sync();
  reader.sync();
  CHECK(ok(get(*reader.store, Kind::summary, summary))["will_do"] == "Half the talks, and a walk");
}

TEST_CASE("a PostgreSQL feed from before summaries travelled whole is migrated: readers get each as it stands, no draft",
          "[sync][privacy][postgresql]") {
  Server server;
  REQUIRE(!server.database_url().empty());
  Device manager(server, server.people().manager);
  Id summary = ok(create(*manager.store, Kind::summary, {{"event", server.people().event.hex()}, {"heard", "DRAFT: dull"}}));
  Id gone = ok(create(*manager.store, Kind::summary, {{"event", server.people().event.hex()}, {"heard", "DRAFT: gone"}}));
  manager.sync();
  {  // As schema version 2 kept summaries edited field by field, then published (and one deleted): every row open.
    pqxx::connection c(server.database_url());
    pqxx::work tx(c);
    auto add_row = [&](const Id& record, const char* field, const char* value, int op) {
      tx.exec_params0("INSERT INTO feed SELECT (SELECT max(seq) FROM feed) + 1, device, hlc + (SELECT count(*) FROM feed "
                      "WHERE record = $1::uuid), kind, record, $2, $3::json, $4, owner, team, true "
                      "FROM feed WHERE record = $1::uuid AND field = '' AND op = 0",
                      record.hex(), field, value, op);
    };
    add_row(summary, "heard", "\"Too many talks\"", 0);
    add_row(summary, "published", "true", 0);
    add_row(gone, "heard", "\"DRAFT: still a draft\"", 0);
    add_row(gone, "published", "true", 0);
    add_row(gone, "", "null", 1);  // deleted since: its tombstone, published, opened every row
    tx.exec0("UPDATE feed SET open = true");
    tx.exec0("DROP TABLE media_blob_uploads; DROP TABLE media_chunk_uploads; "  // what version 4 adds
             "DELETE FROM debrief_meta WHERE key = 'media_uploads_settled'; UPDATE debrief_schema SET version = 2");
    tx.commit();
  }
  TempDir cache;
  ok(sync::open_postgres_server_store(server.database_url(), cache.path(), system_env()).status());  // migrates
  pqxx::connection c(server.database_url());
  pqxx::read_transaction tx(c);
  pqxx::result rows = tx.exec_params("SELECT device::text, value::text, open FROM feed WHERE record = $1::uuid ORDER BY seq",
                                     summary.hex());
  REQUIRE(rows.size() == 4);
  for (int i = 0; i < 3; ++i) CHECK(!rows[i][2].as<bool>());  // the author's alone
  CHECK(rows[3][0].as<std::string>() == "00000000-0000-0000-0000-000000000000");
  Json whole = Json::parse(rows[3][1].as<std::string>());
  CHECK(whole["heard"] == "Too many talks");
  CHECK(whole["published"] == true);
  CHECK(whole["author"] == server.people().manager.hex());
  CHECK(rows[3][2].as<bool>());
  pqxx::result of_gone = tx.exec_params("SELECT op, open FROM feed WHERE record = $1::uuid ORDER BY seq", gone.hex());
  REQUIRE(of_gone.size() == 4);
  for (const pqxx::row& row : of_gone) CHECK(row[1].as<bool>() == (row[0].as<int>() == 1));  // only the delete goes out
  tx.commit();
  Device reader(server, server.people().p1), other(server, server.people().p2);
  CHECK(ok(get(*reader.store, Kind::summary, summary))["heard"] == "Too many talks");
  CHECK(raw_feed(server, other).find("DRAFT") == std::string::npos);
}
