// The everyday flow: enrol, receive the directory, and see each other's
// kudos after a sync.
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;

TEST_CASE("an enrolled device receives the directory and the events", "[sync]") {
  Server server;
  Device phone(server, server.people().p1);
  CHECK(ok(list(*phone.store, Kind::person)).size() == 7);
  CHECK(ok(list(*phone.store, Kind::event)).size() == 1);
  CHECK(ok(phone.store->info()).pending_changes == 0);
}

TEST_CASE("a kudos given on one device reaches another person's device", "[sync]") {
  Server server;
  Device a(server, server.people().p1), b(server, server.people().p2);
  Id k = ok(create(*a.store, Kind::kudos, {{"to", {server.people().p2.hex()}},
                                           {"action", "rebuilt the demo after the server crashed"},
                                           {"outcome", "the client signed the same afternoon"}}));
  CHECK(ok(a.store->info()).pending_changes == 1);
  a.sync();
  CHECK(ok(a.store->info()).pending_changes == 0);
  b.sync();
  Json got = ok(get(*b.store, Kind::kudos, k));
  CHECK(got["author"] == server.people().p1.hex());
}

TEST_CASE("two devices of one person end with equal digests", "[sync][convergence]") {
  Server server;
  Device phone(server, server.people().p1), laptop(server, server.people().p1);
  ok(create(*phone.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "I should ask more questions."}}));
  ok(create(*laptop.store, Kind::kudos, {{"to", {server.people().p3.hex()}},
                                         {"action", "covered the night queue while two colleagues were ill"},
                                         {"outcome", "no customer waited more than ten minutes"}}));
  for (int round = 0; round < 2; ++round) {
    phone.sync();
    laptop.sync();
  }
  CHECK(phone.digest() == laptop.digest());
  CHECK(ok(list(*laptop.store, Kind::reflection)).size() == 1);  // private, but the same author
}

TEST_CASE("a second pass sends and receives nothing new", "[sync]") {
  Server server;
  Device a(server, server.people().p1);
  ok(create(*a.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Note"}}));
  CHECK(a.sync().pushed == 1);
  auto again = a.sync();
  CHECK(again.pushed == 0);
  CHECK(again.pulled == 0);
}
