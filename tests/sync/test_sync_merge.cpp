// Conflicts: last writer wins per field, deletes win, +1s merge as a set,
// replays change nothing.
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;

TEST_CASE("the same field edited on two devices offline converges to the later edit", "[sync][merge]") {
  Server server;
  Device a(server, server.people().organiser), b(server, server.people().organiser);
  Id event = server.people().event;
  ok(update(*a.store, Kind::event, event, {{"title", "Winter offsite"}, {"location", "Lodge"}}));
  // b edits a few milliseconds later by the wall clock, so its clock is later
  // (equal clocks would be decided by device id, tested below).
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ok(update(*b.store, Kind::event, event, {{"title", "Snow offsite"}}));
  a.sync();
  b.sync();
  a.sync();
  Json on_a = ok(get(*a.store, Kind::event, event)), on_b = ok(get(*b.store, Kind::event, event));
  Json on_server = server.on_server([&](Store& s) { return ok(get(s, Kind::event, event)); });
  CHECK(on_a["title"] == "Snow offsite");
  CHECK(on_a == on_b);
  CHECK(on_a == on_server);
  CHECK(on_a["location"] == "Lodge");  // a different field keeps a's edit
}

TEST_CASE("a delete wins over edits made elsewhere", "[sync][merge]") {
  Server server;
  Device a(server, server.people().organiser), b(server, server.people().organiser);
  Id event = server.people().event;
  ok(update(*a.store, Kind::event, event, {{"title", "Edited"}}));
  ok(remove(*b.store, Kind::event, event));
  b.sync();
  a.sync();
  b.sync();
  CHECK(ok(get(*a.store, Kind::event, event)).value("deleted", false));
  CHECK(ok(get(*b.store, Kind::event, event)).value("deleted", false));
}

TEST_CASE("+1s from two devices of one person merge into one", "[sync][merge]") {
  Server server;
  Device author(server, server.people().p1);
  Id k = ok(create(*author.store, Kind::kudos, {{"to", {server.people().p3.hex()}},
                                                {"action", "set up every room before the offsite"},
                                                {"outcome", "the day started on time for everyone"}}));
  author.sync();
  Device phone(server, server.people().p2), laptop(server, server.people().p2);
  ok(create(*phone.store, Kind::plus_one, {{"kudos", k.hex()}}));
  ok(create(*laptop.store, Kind::plus_one, {{"kudos", k.hex()}}));
  phone.sync();
  laptop.sync();
  author.sync();
  CHECK(ok(list(*author.store, Kind::plus_one)).size() == 1);
  CHECK(ok(list(*laptop.store, Kind::plus_one)).size() == 1);
}

TEST_CASE("applying the same changes twice changes nothing", "[sync][merge]") {
  Server server;
  Device a(server, server.people().organiser);
  ok(update(*a.store, Kind::event, server.people().event, {{"title", "Once"}}));
  std::vector<WireChange> wire;
  for (const Change& c : ok(pending_changes(*a.store))) wire.push_back(ok(to_wire(*a.store, c)));
  Device b(server, server.people().organiser);
  StoreInfo before = ok(b.store->info());
  ok(apply_remote(*b.store, wire));
  StoreInfo once = ok(b.store->info());
  ok(apply_remote(*b.store, wire));
  CHECK(ok(b.store->info()).total_changes == once.total_changes);
  CHECK(once.total_changes == before.total_changes + 1);
  CHECK(ok(get(*b.store, Kind::event, server.people().event))["title"] == "Once");
}

TEST_CASE("equal clocks are decided by device id, the same way everywhere", "[sync][merge]") {
  Server server;
  Device a(server, server.people().organiser), b(server, server.people().organiser);
  Id event = server.people().event;
  Hlc same = Hlc::from_parts(4102444800000, 7);  // far ahead of any wall clock here
  WireChange from_low{Id{}, same, Kind::event, event, std::string("title"), "From low", ChangeOp::upsert};
  WireChange from_high = from_low;
  from_low.device.bytes[15] = 1;
  from_high.device.bytes[15] = 2;
  from_high.value = "From high";
  ok(apply_remote(*a.store, {from_low, from_high}));
  ok(apply_remote(*b.store, {from_high, from_low}));
  CHECK(ok(get(*a.store, Kind::event, event))["title"] == "From high");
  CHECK(ok(get(*b.store, Kind::event, event))["title"] == "From high");
}
