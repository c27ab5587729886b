// Fault injection: connections cut at random bytes during push and pull.
// Afterwards nothing acknowledged is lost, nothing is duplicated, and every
// replica converges.
#include <random>

#include "cut_proxy.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;


TEST_CASE("syncs cut at 200+ random points lose nothing, duplicate nothing, and converge", "[sync][faults]") {
  // Hundreds of passes in a few seconds: well past the per-device request limit.
  Server server([](sync::ServerOptions& o) { o.max_requests_per_minute = 1000000; });
  Device a(server, server.people().p1), b(server, server.people().p2);
  CutProxy proxy(server.port());
  for (Device* d : {&a, &b}) d->link.port = proxy.port();
  sync::SyncOptions small;
  small.push_batch = 7;  // many batches, so cuts land between and inside them
  std::mt19937_64 rng(20261124);
  int created = 0, failed = 0;
  for (int round = 0; round < 120 && proxy.cuts() < 200; ++round) {
    add_kudos(*a.store, server.people().p2, 6, "round " + std::to_string(round));
    add_kudos(*b.store, server.people().p1, 6, "round " + std::to_string(round));
    created += 12;
    for (Device* d : {&a, &b}) {
      proxy.cut_after(std::uniform_int_distribution<std::int64_t>(200, 12000)(rng));
      failed += !sync::sync_once(*d->store, d->link, small).is_ok();
    }
  }
  CHECK(proxy.cuts() >= 200);
  CHECK(failed > 0);
  proxy.cut_after(0);
  for (int pass = 0; pass < 2; ++pass) {
    a.sync();
    b.sync();
  }
  CHECK(ok(a.store->info()).pending_changes == 0);
  CHECK(ok(b.store->info()).pending_changes == 0);
  auto on_server = server.on_server([](Store& s) { return ok(list(s, Kind::kudos)).size(); });
  CHECK(on_server == static_cast<std::size_t>(created));
  CHECK(ok(list(*a.store, Kind::kudos)).size() == static_cast<std::size_t>(created));
  CHECK(ok(list(*b.store, Kind::kudos)).size() == static_cast<std::size_t>(created));
  // Each kudos is in the server's log once: replays applied nothing twice.
  auto logged = server.on_server([](Store& s) {
    std::size_t n = 0;
    for (const Change& c : ok(changes_after(s, 0))) n += c.kind == Kind::kudos;
    return n;
  });
  CHECK(logged == static_cast<std::size_t>(created));
  Device a2(server, server.people().p1);
  CHECK(a2.digest() == a.digest());
}
