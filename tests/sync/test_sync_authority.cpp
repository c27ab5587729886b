// The server is the authority: a hostile client speaking raw frames tries
// each attack a device could make, and after each the refusal says why,
// nothing was written, and a normal sync is still served.
#include <fstream>

#include "debrief/change_log.h"
#include "debrief/media.h"
#include "hostile_client.h"

using namespace debrief;
using namespace synctest;

namespace {

// The reply is an Error of `code` whose message holds `why`.
void refused(const Result<sync::pb::Frame>& reply, sync::pb::Error::Code code, const std::string& why) {
  REQUIRE(reply.is_ok());
  REQUIRE(reply->has_error());
  INFO(reply->error().message());
  CHECK(reply->error().code() == code);
  CHECK(reply->error().message().find(why) != std::string::npos);
}

std::int64_t feed_length(Server& server) {
  return server.on_server([](Store& r) { return ok(last_seq(r)); });
}

// A well-behaved device still syncs, and the server still holds what it held.
void still_serves(Server& server) {
  Device d(server, server.people().p4);
  CHECK(ok(list(*d.store, Kind::person)).size() == 7);
}

// A photo `owner` attached to the server's event, synced: its record on the server.
Id synced_photo(Server& server, Device& owner, const TempDir& files) {
  std::ofstream(files.path() / "team.jpg") << "the team at the summit";
  Id photo = ok(add_media(*owner.store, files.path() / "team.jpg", Kind::event, server.people().event));
  owner.sync();
  return photo;
}

Json record_of(Server& server, Kind kind, const Id& id) {
  return server.on_server([&](Store& r) { return ok(get(r, kind, id)); });
}

}  // namespace

TEST_CASE("another person's reflection cannot be re-shared by pushing it whole", "[sync][authority]") {
  Server server;
  Device author(server, server.people().p1), thief(server, server.people().p2);
  Id note = ok(create(*author.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "I froze during the demo"}}));
  author.sync();
  Json forged = ok(get(*author.store, Kind::reflection, note));
  forged["shared"] = true;
  forged["author"] = server.people().p2.hex();
  std::int64_t before = feed_length(server);
  HostileClient hostile(server, thief);
  refused(hostile.push({whole(thief, Kind::reflection, note, forged)}), sync::pb::Error::INVALID, "only its author");
  CHECK(feed_length(server) == before);
  CHECK(record_of(server, Kind::reflection, note)["shared"] == false);
  Device colleague(server, server.people().p3);
  CHECK(!get(*colleague.store, Kind::reflection, note).is_ok());
  still_serves(server);
}

TEST_CASE("another person's summary cannot be rewritten, nor its author changed", "[sync][authority]") {
  Server server;
  Device manager(server, server.people().manager), admin(server, server.people().admin);
  Id summary = ok(create(*manager.store, Kind::summary, {{"event", server.people().event.hex()}, {"heard", "More time to talk"}}));
  manager.sync();
  HostileClient hostile(server, admin);
  Json forged = record_of(server, Kind::summary, summary);
  forged["heard"] = "Nothing to see";
  refused(hostile.push({whole(admin, Kind::summary, summary, forged)}), sync::pb::Error::INVALID, "only its author");
  forged["author"] = server.people().admin.hex();
  refused(hostile.push({whole(admin, Kind::summary, summary, forged)}), sync::pb::Error::INVALID, "only its author");
  WireChange heard{admin.store->device_id(), Hlc::from_parts(admin.store->env().now_ms(), 1), Kind::summary, summary,
                   std::string("heard"), "Nothing to see", ChangeOp::upsert};
  refused(hostile.push({heard}), sync::pb::Error::INVALID, "travels whole");  // as it did field by field, before schema 9
  Json s = record_of(server, Kind::summary, summary);
  CHECK(s["heard"] == "More time to talk");
  CHECK(s["author"] == server.people().manager.hex());
  still_serves(server);
}

TEST_CASE("a +1 has the id derived from its kudos and person, one per person", "[sync][authority]") {
  Server server;
  Device giver(server, server.people().p1), fan(server, server.people().p2);
  add_kudos(*giver.store, server.people().p3, 1, "plus");
  giver.sync();
  fan.sync();
  Id kudos = Id::parse(ok(list(*fan.store, Kind::kudos))[0]["id"].get<std::string>()).value();
  HostileClient hostile(server, fan);
  Json plus = {{"kudos", kudos.hex()}, {"person", server.people().p2.hex()}, {"created_at", "2026-11-30T10:00:00Z"}};
  refused(hostile.push({whole(fan, Kind::plus_one, Id::make(fan.store->env()), plus)}), sync::pb::Error::INVALID, "derived");
  CHECK(server.on_server([](Store& r) { return ok(count(r, Kind::plus_one)); }) == 0);
  // The real +1 goes through once; the same again changes nothing.
  ok(create(*fan.store, Kind::plus_one, {{"kudos", kudos.hex()}}));
  fan.sync();
  Id real = Id::parse(ok(list(*fan.store, Kind::plus_one))[0]["id"].get<std::string>()).value();
  auto again = hostile.push({whole(fan, Kind::plus_one, real, plus)});
  REQUIRE(again.is_ok());
  CHECK(again->has_push_ack());
  CHECK(server.on_server([](Store& r) { return ok(count(r, Kind::plus_one)); }) == 1);
  // The thanked person may not +1 their own praise.
  Device thanked(server, server.people().p3);
  CHECK(!create(*thanked.store, Kind::plus_one, {{"kudos", kudos.hex()}}).is_ok());
}

TEST_CASE("the kinds' own rules hold on the server whatever a push claims", "[sync][authority]") {
  Server server;
  Device d(server, server.people().p1);
  HostileClient hostile(server, d);
  std::int64_t before = feed_length(server);
  auto kudos = [&](Json changes) {
    Json k = {{"to", {server.people().p2.hex()}}, {"action", "rebuilt the billing export overnight"},
              {"outcome", "invoices went out on time"}, {"category", "teamwork"}, {"created_at", "2026-11-30T10:00:00Z"}};
    k.update(changes);
    return whole(d, Kind::kudos, Id::make(d.store->env()), k);
  };
  refused(hostile.push({kudos({{"to", {server.people().p1.hex()}}})}), sync::pb::Error::INVALID, "yourself");
  refused(hostile.push({kudos({{"category", "bogus"}})}), sync::pb::Error::INVALID, "category");
  refused(hostile.push({kudos({{"action", std::string(7 << 20 >> 1, 'a')}})}), sync::pb::Error::INVALID, "action");
  refused(hostile.push({kudos({{"action", "great job"}})}), sync::pb::Error::INVALID, "specific");
  refused(hostile.push({kudos({{"author", server.people().p3.hex()}, {"to", {server.people().p1.hex()}}})}),
          sync::pb::Error::INVALID, "yourself");  // the author is whoever pushed it
  // A kudos given is not edited, field by field or whole.
  WireChange edit{d.store->device_id(), Hlc::from_parts(d.store->env().now_ms(), 7), Kind::kudos, Id::make(d.store->env()),
                  std::string("action"), "something else entirely now", ChangeOp::upsert};
  refused(hostile.push({edit}), sync::pb::Error::INVALID, "whole");
  std::vector<WireChange> many;
  for (int i = 0; i < 501; ++i) many.push_back(kudos(Json::object()));
  refused(hostile.push(many), sync::pb::Error::INVALID, "at most 500");
  CHECK(feed_length(server) == before);
  still_serves(server);
}

TEST_CASE("an anonymous answer follows its survey and is stripped of what names its author", "[sync][authority]") {
  Server server;
  Device d(server, server.people().p1);
  Id other_team = server.on_server([](Store& r) { return ok(create(r, Kind::team, {{"name", "Elsewhere"}})); });
  auto answer = [&](Json answers, Json more = Json::object()) {
    Json r = {{"survey", server.people().survey.hex()}, {"event", server.people().event.hex()}, {"anonymous", true},
              {"answers", answers}, {"created_at", "2026-11-30T10:17:23Z"}};
    r.update(more);
    return whole(d, Kind::response, anonymous_id(), r);
  };
  HostileClient hostile(server, d);
  WireChange timed = answer({{"score", 4}});
  timed.record = Id::make(d.store->env());
  refused(hostile.push({timed}), sync::pb::Error::INVALID, "must be random");
  refused(hostile.push({answer({{"score", 99}})}), sync::pb::Error::INVALID, "score");
  refused(hostile.push({answer({{"score", 4}}, {{"anonymous", "yes"}})}), sync::pb::Error::INVALID, "anonymous");
  // A well-formed one, carrying its device, exact time and a forged team:
  WireChange ok_answer = answer({{"score", 4}}, {{"team", other_team.hex()}, {"author", server.people().p1.hex()}});
  auto accepted = hostile.push({ok_answer});
  REQUIRE(accepted.is_ok());
  REQUIRE(accepted->has_push_ack());
  // One person, one voice: a second anonymous answer is refused.
  refused(hostile.push({answer({{"score", 1}})}), sync::pb::Error::INVALID, "already");
  // The participation that says who answered is on the server, once.
  CHECK(server.on_server([](Store& r) { return ok(count(r, Kind::participation)); }) == 1);
  // Two more colleagues answer (the threshold is 3): the group joins the
  // feed, every response stripped, its team the directory's.
  for (const Id& person : {server.people().p2, server.people().p3}) {
    Device colleague(server, person);
    ok(create(*colleague.store, Kind::response, {{"survey", server.people().survey.hex()}, {"event", server.people().event.hex()},
                                                 {"anonymous", true}, {"answers", {{"score", 5}}}}));
    colleague.sync();
  }
  Json responses = server.on_server([](Store& r) { return Json(ok(list(r, Kind::response))); });
  REQUIRE(responses.size() == 3);
  for (const Json& r : responses) {
    CHECK(r["team"] == server.people().team.hex());
    CHECK(r["author"].is_null());
    CHECK(r["created_at"].get<std::string>().substr(10) == "T00:00:00Z");
  }
  still_serves(server);
}

TEST_CASE("a survey that forbids anonymous answers refuses one pushed anyway", "[sync][authority]") {
  Server server;
  Id named_only = server.on_server([](Store& r) {
    return ok(create(r, Kind::survey, {{"title", "Named"}, {"kind", "post_event"}, {"allow_anonymous", false},
                                       {"questions", Json::parse(R"([{"id":"score","type":"rating","text":"?"}])")}}));
  });
  Device d(server, server.people().p1);
  HostileClient hostile(server, d);
  Json r = {{"survey", named_only.hex()}, {"event", server.people().event.hex()}, {"anonymous", true}, {"answers", {{"score", 3}}}};
  refused(hostile.push({whole(d, Kind::response, anonymous_id(), r)}), sync::pb::Error::INVALID, "does not allow anonymous");
}

TEST_CASE("the server keeps one voice per pulse window, replaces a named answer, and drops pushed participations",
          "[sync][authority]") {
  Server server;
  auto [survey, event] = server.on_server([](Store& r) {
    Id pulse = ok(create(r, Kind::survey, {{"title", "Pulse"}, {"kind", "pulse"},
                                           {"questions", Json::parse(R"([{"id":"score","type":"rating","text":"?"}])")}}));
    Id held = ok(create(r, Kind::event, {{"title", "Kick-off"}, {"starts_at", "2026-01-10T09:00"},
                                         {"ends_at", "2026-01-10T17:00"}}));
    return std::make_pair(pulse, held);
  });
  Device d(server, server.people().p1);
  HostileClient hostile(server, d);
  auto answer = [&](const char* when, bool anonymous, int score, Id id) {
    Json r = {{"survey", survey.hex()}, {"event", event.hex()}, {"anonymous", anonymous},
              {"answers", {{"score", score}}}, {"created_at", when}};
    return whole(d, Kind::response, id, r);
  };
  auto acked = [](const Result<sync::pb::Frame>& reply) { return reply.is_ok() && reply->has_push_ack(); };
  auto voices = [&] { return server.on_server([](Store& r) { return ok(count(r, Kind::participation)); }); };
  CHECK(acked(hostile.push({answer("2026-01-05T10:00:00Z", true, 2, anonymous_id())})));
  refused(hostile.push({answer("2026-01-09T23:00:00Z", true, 1, anonymous_id())}), sync::pb::Error::INVALID, "already");
  CHECK(voices() == 1);
  Id first = Id::make(d.store->env()), second = Id::make(d.store->env());
  CHECK(acked(hostile.push({answer("2026-01-12T10:00:00Z", false, 2, first)})));  // after: a window of its own
  CHECK(acked(hostile.push({answer("2026-01-20T10:00:00Z", false, 5, second)})));  // after, again
  CHECK(record_of(server, Kind::response, first)["deleted"] == true);
  CHECK(record_of(server, Kind::response, second)["answers"]["score"] == 5);
  CHECK(voices() == 2);
  WireChange gone{d.store->device_id(), Hlc::from_parts(d.store->env().now_ms(), 1), Kind::response, first,
                  std::nullopt, nullptr, ChangeOp::remove};
  CHECK(acked(hostile.push({gone})));  // the device's own removal of the replaced answer: harmless
  Json forged = {{"person", server.people().p2.hex()}, {"survey", survey.hex()}, {"event", event.hex()}};
  CHECK(acked(hostile.push({whole(d, Kind::participation, anonymous_id(), forged)})));
  CHECK(voices() == 2);
  still_serves(server);
}

TEST_CASE("an activity's answer is one voice whether or not it names the activity's event", "[sync][authority]") {
  Server server;
  const Json activity = {{"event", server.people().event.hex()}, {"title", "Hike"}, {"survey", server.people().survey.hex()},
                         {"starts_at", "2026-12-03T10:00"}, {"ends_at", "2026-12-03T12:00"}};
  Id hike = server.on_server([activity](Store& r) { return ok(create(r, Kind::activity, activity)); });
  Device d(server, server.people().p1);
  HostileClient hostile(server, d);
  auto answer = [&](bool names_event, int score) {
    Json r = {{"survey", server.people().survey.hex()}, {"activity", hike.hex()}, {"anonymous", true},
              {"answers", {{"score", score}}}};
    if (names_event) r["event"] = server.people().event.hex();
    return whole(d, Kind::response, anonymous_id(), r);
  };
  auto first = hostile.push({answer(false, 4)});
  REQUIRE(first.is_ok());
  REQUIRE(first->has_push_ack());
  // The same voice, the event named this time: a second anonymous answer.
  refused(hostile.push({answer(true, 1)}), sync::pb::Error::INVALID, "already");
  CHECK(server.on_server([](Store& r) { return ok(count(r, Kind::participation)); }) == 1);
  still_serves(server);
}

TEST_CASE("another person's photo record cannot be deleted", "[sync][authority]") {
  Server server;
  Device owner(server, server.people().p1), other(server, server.people().p2);
  TempDir files;
  Id photo = synced_photo(server, owner, files);
  HostileClient hostile(server, other);
  WireChange gone{other.store->device_id(), Hlc::from_parts(other.store->env().now_ms(), 1), Kind::media, photo,
                  std::nullopt, nullptr, ChangeOp::remove};
  refused(hostile.push({gone}), sync::pb::Error::INVALID, "only its author");
  CHECK(!record_of(server, Kind::media, photo).value("deleted", false));
  CHECK(record_of(server, Kind::media, photo)["author"] == server.people().p1.hex());
}

TEST_CASE("a clock from the far future is refused until it is right", "[sync][authority]") {
  Server server;
  Device d(server, server.people().p1);
  HostileClient hostile(server, d);
  Json k = {{"to", {server.people().p2.hex()}}, {"action", "rebuilt the billing export overnight"}, {"outcome", "invoices went out on time"}};
  WireChange late = whole(d, Kind::kudos, Id::make(d.store->env()), k);
  late.hlc = Hlc{~std::uint64_t{0}};
  auto reply = hostile.push({late});
  refused(reply, sync::pb::Error::BUSY, "clock");
  CHECK(reply->error().transient());
  CHECK(server.on_server([](Store& r) { return ok(count(r, Kind::kudos)); }) == 0);
  still_serves(server);
}

TEST_CASE("deep, mistyped and oversized input gets an error frame and frees its connection", "[sync][authority]") {
  Server server;
  Device d(server, server.people().p1);
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  for (int i = 0; i < 6; ++i) {  // more than the four connections a device may hold: none leaks
    HostileClient hostile(server, d);
    sync::pb::Frame f;
    sync::pb::Change* c = f.mutable_push()->add_changes();
    *c = sync::to_proto(whole(d, Kind::kudos, Id::make(d.store->env()), Json::object()));
    c->set_value_json(i % 2 ? R"({"to": )" + deep + "}" : R"({"to": [], "created_at": 5, "action": 7})");
    auto reply = hostile.exchange(f);
    REQUIRE(reply.is_ok());
    CHECK(reply->has_error());
  }
  // Before a Hello, frames are small.
  std::string header(4, '\0');
  header[1] = 0x10;  // 1 MiB
  auto early = send_raw(server.port(), header);
  refused(early, sync::pb::Error::BAD_FRAME, "over the limit");
  ok(d.try_sync());
}

TEST_CASE("a device id enrolled already is never taken over", "[sync][authority]") {
  Server server;
  Device victim(server, server.people().p1);
  sync::pb::Frame f;
  f.mutable_enroll_request()->set_protocol_version(sync::kProtocolVersion);
  f.mutable_enroll_request()->set_code(ok(sync::EnrolmentCode::parse(server.code_for(server.people().p2))).secret);
  f.mutable_enroll_request()->set_device_id(sync::bytes_of(victim.store->device_id()));
  auto got = send_raw(server.port(), sync::encode_frame(f));
  refused(got, sync::pb::Error::UNAUTHENTICATED, "enrolled already");
  ok(victim.try_sync());  // the victim's device still works
}

TEST_CASE("revoking a device ends its open session at once", "[sync][authority]") {
  Server server;
  Device d(server, server.people().p1);
  HostileClient hostile(server, d);
  ok(server.revoke(d.store->device_id()));
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // the sweep runs every second
  sync::pb::Frame pull;
  pull.mutable_pull()->set_cursor(0);
  auto reply = hostile.exchange(pull);
  bool ended = !reply.is_ok() || reply->has_error();
  CHECK(ended);
}

TEST_CASE("a change the server refuses is set aside and the rest goes through", "[sync][authority]") {
  Server server;
  Device d(server, server.people().p1), organiser(server, server.people().organiser);
  // The organiser deletes the event while this device is offline, and this
  // device, not knowing, thanks someone for what they did there.
  ok(remove(*organiser.store, Kind::event, server.people().event));
  organiser.sync();
  Id late = ok(create(*d.store, Kind::kudos, {{"to", {server.people().p2.hex()}}, {"event", server.people().event.hex()},
                                              {"action", "covered the late shift on Friday"}, {"outcome", "nobody waited"}}));
  Id mine = ok(create(*d.store, Kind::kudos, {{"to", {server.people().p3.hex()}},
                                              {"action", "rebuilt the shift rota after the storm"}, {"outcome", "every shop opened on time"}}));
  sync::SyncProgress p = d.sync();
  CHECK(p.refused == 1);
  auto refused_list = ok(refused_changes(*d.store));
  REQUIRE(refused_list.size() == 1);
  CHECK(refused_list[0].change.record == late);
  CHECK(refused_list[0].reason.find("deleted") != std::string::npos);
  CHECK(refused_list[0].reason.rfind("event: no event with id", 0) == 0);  // the reason alone, in words
  CHECK(ok(d.store->info()).pending_changes == 0);
  CHECK(ok(d.store->info()).refused_changes == 1);
  CHECK(record_of(server, Kind::kudos, mine)["author"] == server.people().p1.hex());
  ok(discard_refused(*d.store, refused_list[0].change.seq));
  CHECK(ok(d.store->info()).refused_changes == 0);
  d.sync();  // and it stays aside
  CHECK(ok(d.store->info()).pending_changes == 0);
}

TEST_CASE("a lone late answer waits for a threshold's worth of company, and nothing stored names its author", "[sync][authority][privacy]") {
  Server server;  // threshold 3
  auto answer = [&](Device& d) {
    Json r = {{"survey", server.people().survey.hex()}, {"event", server.people().event.hex()}, {"anonymous", true},
              {"answers", {{"score", 4}}}, {"created_at", "2026-11-30T10:17:23Z"}};
    WireChange w = whole(d, Kind::response, anonymous_id(), r);  // with the device and the exact time
    HostileClient hostile(server, d);
    auto reply = hostile.push({w});
    REQUIRE(reply.is_ok());
    REQUIRE(reply->has_push_ack());
    return w.record;
  };
  Device p1(server, server.people().p1), p2(server, server.people().p2), p3(server, server.people().p3),
      p4(server, server.people().p4), manager(server, server.people().manager);
  std::vector<Id> first = {answer(p1), answer(p2), answer(p3)};
  Id late = answer(p4);
  manager.sync();
  CHECK(ok(count(*manager.store, Kind::response)) == 3);
  CHECK(!get(*manager.store, Kind::response, late).is_ok());
  // Another push, another day's look at the pool: still alone, still held.
  Device again(server, server.people().admin);
  manager.sync();
  CHECK(ok(count(*manager.store, Kind::response)) == 3);
  // What the server stores beside each released response: no device, no
  // author, the day only, in its change log and its records.
  server.on_server([&](Store& r) {
    for (const Change& c : ok(changes_after(r, 0))) {
      if (c.kind != Kind::response) continue;
      CHECK(c.device.is_nil());
      CHECK(c.hlc.physical_ms() % 86400000 == 0);
    }
    for (const Json& resp : ok(list(r, Kind::response))) {
      CHECK(resp["author"].is_null());
      CHECK(resp["created_at"].get<std::string>().substr(10) == "T00:00:00Z");
    }
    return 0;
  });
  // The manager knows who took part (four), never who wrote what, nor when
  // to the minute: participations come with the day only, and no device.
  CHECK(ok(count(*manager.store, Kind::participation)) == 4);
  for (const Change& c : ok(changes_after(*manager.store, 0))) {
    if (c.kind != Kind::participation && c.kind != Kind::response) continue;
    CHECK(c.device.is_nil());
    CHECK(c.hlc.physical_ms() % 86400000 == 0);
  }
}

TEST_CASE("whether a colleague answered cannot be learnt by deleting or editing their participation", "[sync][authority][privacy]") {
  Server server;
  Device colleague(server, server.people().p2), prober(server, server.people().p1);
  ok(create(*colleague.store, Kind::response, {{"survey", server.people().survey.hex()}, {"event", server.people().event.hex()},
                                               {"anonymous", true}, {"answers", {{"score", 4}}}}));
  colleague.sync();
  // Its id follows from public records (PROTOCOL.md 3.4); here it is read off the server.
  Id voice = server.on_server([](Store& r) { return *id_member(ok(list(r, Kind::participation)).at(0), "id"); });
  HostileClient hostile(server, prober);
  auto acked = [](const Result<sync::pb::Frame>& reply) { return reply.is_ok() && reply->has_push_ack(); };
  auto remove_of = [&](const Id& id) {
    return WireChange{prober.store->device_id(), Hlc::from_parts(prober.store->env().now_ms(), 1), Kind::participation, id,
                      std::nullopt, nullptr, ChangeOp::remove};
  };
  // The same answer whether or not the colleague answered: nothing to learn.
  CHECK(acked(hostile.push({remove_of(voice)})));
  CHECK(acked(hostile.push({remove_of(anonymous_id())})));
  WireChange edit{prober.store->device_id(), Hlc::from_parts(prober.store->env().now_ms(), 2), Kind::participation, voice,
                  std::string("survey"), server.people().survey.hex(), ChangeOp::upsert};
  CHECK(acked(hostile.push({edit})));
  Json kept = record_of(server, Kind::participation, voice);
  CHECK(!kept.value("deleted", false));
  CHECK(kept["person"] == server.people().p2.hex());
  // Nobody deletes who answered, not even the person who did.
  Status mine = remove(*colleague.store, Kind::participation, voice);
  CHECK(!mine.is_ok());
  CHECK(mine.message().find("kept") != std::string::npos);
  still_serves(server);
}

TEST_CASE("replays and writes that change nothing release nothing again into the feed", "[sync][authority]") {
  Server server;
  Device author(server, server.people().p1);
  TempDir files;
  Id note = ok(create(*author.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Good offsite"},
                                                        {"shared", true}}));
  for (int i = 0; i < 3; ++i) {
    std::ofstream(files.path() / ("p" + std::to_string(i) + ".jpg")) << "photo " << i;
    ok(add_media(*author.store, files.path() / ("p" + std::to_string(i) + ".jpg"), Kind::reflection, note));
  }
  Id answer = ok(create(*author.store, Kind::response, {{"survey", server.people().survey.hex()},
                                                        {"event", server.people().event.hex()},
                                                        {"anonymous", false}, {"answers", {{"score", 4}}}}));
  author.sync();
  for (const Id& person : {server.people().p2, server.people().p3}) {  // the group reaches the threshold, 3
    Device colleague(server, person);
    ok(create(*colleague.store, Kind::response, {{"survey", server.people().survey.hex()}, {"event", server.people().event.hex()},
                                                 {"anonymous", false}, {"answers", {{"score", 5}}}}));
    colleague.sync();
  }
  std::int64_t before = feed_length(server);
  HostileClient hostile(server, author);
  Json shared = ok(get(*author.store, Kind::reflection, note)), stored = ok(get(*author.store, Kind::response, answer));
  std::vector<WireChange> replays;
  for (int i = 0; i < 40; ++i) {
    replays.push_back(whole(author, Kind::reflection, note, shared));
    replays.push_back(whole(author, Kind::response, answer, stored));
  }
  auto reply = hostile.push(replays);
  REQUIRE(reply.is_ok());
  CHECK(reply->has_push_ack());
  // The reflection's 40 writes are kept (a record merged whole keeps its
  // newest write); nothing is announced again: no photo, no answer.
  std::vector<Change> added = server.on_server([&](Store& r) { return ok(changes_after(r, before)); });
  for (const Change& c : added) CHECK(c.kind == Kind::reflection);
  CHECK(added.size() <= 40);
  still_serves(server);
}

TEST_CASE("a pushed photo record is checked as add_media makes one", "[sync][authority]") {
  Server server;
  Device d(server, server.people().p1), owner(server, server.people().p2);
  TempDir files;
  Id real = synced_photo(server, owner, files);
  Json good = ok(get(*owner.store, Kind::media, real));
  HostileClient hostile(server, d);
  std::int64_t before = feed_length(server);
  auto forged = [&](Json changes) {
    Json m = good;
    m.erase("id");
    m.update(changes);
    return whole(d, Kind::media, Id::make(d.store->env()), m);
  };
  refused(hostile.push({forged({{"sha256", "zz"}})}), sync::pb::Error::INVALID, "64 lower-case hex");
  refused(hostile.push({forged({{"sha256", "../../../../etc/passwd"}})}), sync::pb::Error::INVALID, "64 lower-case hex");
  refused(hostile.push({forged({{"mime", "text/html"}})}), sync::pb::Error::INVALID, "type");
  refused(hostile.push({forged({{"name", nullptr}})}), sync::pb::Error::INVALID, "name");
  refused(hostile.push({forged({{"size", nullptr}})}), sync::pb::Error::INVALID, "size in bytes");
  refused(hostile.push({forged({{"owner", Id::make(d.store->env()).hex()}})}), sync::pb::Error::INVALID, "to attach media to");
  refused(hostile.push({forged({{"owner", "01a2"}})}), sync::pb::Error::INVALID, "whole id");
  CHECK(feed_length(server) == before);
  // Another size than its content's, on content someone else attached:
  // taken, for a refusal would tell that someone did (the record is never
  // served: an upload must match it). Then the same author's record of it
  // with yet another size is refused.
  auto other_size = hostile.push({forged({{"size", good["size"].get<std::int64_t>() + 1}})});
  REQUIRE(other_size.is_ok());
  CHECK(other_size->has_push_ack());
  refused(hostile.push({forged(Json::object())}), sync::pb::Error::INVALID, "another size");
  // The same content attached again by someone else, as it is: accepted.
  Device e(server, server.people().p3);
  HostileClient third(server, e);
  auto again = third.push({whole(e, Kind::media, Id::make(e.store->env()), [&] {
    Json m = good;
    m.erase("id");
    return m;
  }())});
  REQUIRE(again.is_ok());
  CHECK(again->has_push_ack());
  still_serves(server);
}

TEST_CASE("a pushed reply names what it answers by its whole id, never a prefix to search with", "[sync][authority]") {
  Server server;
  Device author(server, server.people().p1), prober(server, server.people().p2);
  Id note = ok(create(*author.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Private thoughts"}}));
  author.sync();
  HostileClient hostile(server, prober);
  auto reply_to = [&](const std::string& target) {
    Json r = {{"target_kind", "reflection"}, {"target", target}, {"text", "hello"}};
    return whole(prober, Kind::reply, Id::make(prober.store->env()), r);
  };
  refused(hostile.push({reply_to(note.hex().substr(0, 4))}), sync::pb::Error::INVALID, "whole id");
  refused(hostile.push({reply_to(note.hex().substr(0, 31))}), sync::pb::Error::INVALID, "whole id");
  CHECK(server.on_server([](Store& r) { return ok(count(r, Kind::reply)); }) == 0);
  // On one's own device a prefix still finds what one may read.
  Id mine = ok(create(*author.store, Kind::reply, {{"target_kind", "reflection"}, {"target", note.hex().substr(0, 8)},
                                                   {"text", "a note to self"}}));
  CHECK(ok(get(*author.store, Kind::reply, mine))["target"] == note.hex());
}

TEST_CASE("a peer that goes silent after an error frees its connection within seconds", "[sync][authority]") {
  Server server([](sync::ServerOptions& o) { o.max_connections = 1; });
  Device d(server, server.people().p1);
  HostileClient hostile(server, d);
  auto error = hostile.send_bytes(std::string("\0\0\0\3abc", 7));  // a body that is no frame
  REQUIRE(error.is_ok());
  REQUIRE(error->has_error());
  // It never answers the server's close and never hangs up. Before, it
  // held the only connection slot for good: every device was told BUSY.
  bool synced = false;
  for (int tries = 0; tries < 60 && !synced; ++tries) {
    synced = d.try_sync().is_ok();
    if (!synced) std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  CHECK(synced);
}

TEST_CASE("batches of long records fit a frame, pushed and pulled, however many there are", "[sync][authority]") {
  Server server;
  Device writer(server, server.people().p1), reader(server, server.people().p2);
  // 600 shared journal entries near their limit (20,000 bytes): 500 of
  // them, the most a push may hold, are more than a frame's 8 MiB. Before,
  // the push was refused for good, and a pull of them could not be read.
  std::string text;
  for (int i = 0; text.size() < 19000; ++i) text += "the offsite day " + std::to_string(i) + " went well and the team talked. ";
  ok(writer.store->transaction([&]() -> Status {
    for (int i = 0; i < 600; ++i)
      DEBRIEF_TRY(create(*writer.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", text}, {"shared", true}})
                      .status());
    return Status::ok();
  }));
  writer.sync();
  CHECK(server.on_server([](Store& r) { return ok(count(r, Kind::reflection)); }) == 600);
  reader.sync();
  CHECK(ok(count(*reader.store, Kind::reflection)) == 600);
}

TEST_CASE("a pulse survey's kind and its event's days stay once answered, so nobody counts twice in a group",
          "[sync][authority][privacy]") {
  Server server;
  auto [pulse, unanswered, event] = server.on_server([](Store& r) {
    Json questions = Json::parse(R"([{"id":"score","type":"rating","text":"?"}])");
    Id a = ok(create(r, Kind::survey, {{"title", "Pulse"}, {"kind", "pulse"}, {"questions", questions}}));
    Id b = ok(create(r, Kind::survey, {{"title", "Spare"}, {"kind", "pulse"}, {"questions", questions}}));
    Id e = ok(create(r, Kind::event, {{"title", "Kick-off"}, {"starts_at", "2026-01-10T09:00"}, {"ends_at", "2026-01-10T17:00"}}));
    return std::make_tuple(a, b, e);
  });
  Device p1(server, server.people().p1), manager(server, server.people().manager);
  HostileClient answering(server, p1);
  Json before = {{"survey", pulse.hex()}, {"event", event.hex()}, {"anonymous", false}, {"answers", {{"score", 2}}},
                 {"created_at", "2026-01-05T10:00:00Z"}};
  auto answered = answering.push({whole(p1, Kind::response, Id::make(p1.store->env()), before)});
  REQUIRE(answered.is_ok());
  REQUIRE(answered->has_push_ack());
  HostileClient editing(server, manager);
  auto set = [&](Kind kind, const Id& id, const char* field, Json value) {
    return WireChange{manager.store->device_id(), Hlc::from_parts(manager.store->env().now_ms(), 3), kind, id,
                      std::string(field), std::move(value), ChangeOp::upsert};
  };
  // Made a post-event survey, its before, during and after answers would be one group.
  refused(editing.push({set(Kind::survey, pulse, "kind", "post_event")}), sync::pb::Error::INVALID, "kind stays");
  // Moved, even by an hour, the event's days may move answers between windows.
  refused(editing.push({set(Kind::event, event, "starts_at", "2026-01-10T08:00:00Z")}), sync::pb::Error::INVALID, "days stay");
  CHECK(record_of(server, Kind::survey, pulse)["kind"] == "pulse");
  CHECK(record_of(server, Kind::event, event)["starts_at"] == "2026-01-10T09:00:00Z");
  // A survey nobody answered may still change.
  auto free = editing.push({set(Kind::survey, unanswered, "kind", "post_event")});
  REQUIRE(free.is_ok());
  CHECK(free->has_push_ack());
}

TEST_CASE("a device of someone taken out of the directory is served nothing more", "[sync][authority][privacy]") {
  Server server;
  Device manager(server, server.people().manager);
  server.on_server([&](Store& r) { return ok(remove(r, Kind::person, server.people().manager)), 0; });
  server.publish();
  // Not revoked, but its person left: no more answers of the team she managed.
  Status refused_sync = manager.try_sync();
  CHECK(!refused_sync.is_ok());
  CHECK(refused_sync.message().find("no longer in the organisation") != std::string::npos);
}
