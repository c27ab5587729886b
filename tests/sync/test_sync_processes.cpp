// Several debrief-server processes on one PostgreSQL database: devices
// spread across them converge, with one process killed midway; and a change
// accepted by one process reaches a live device on the other at once. Run
// in the PostgreSQL registration only (two processes cannot share SQLite).
#include <condition_variable>
#include <future>
#include <mutex>
#include <random>

#include "../support/server_process.h"
#include "debrief/change_log.h"
#include "debrief/platform/credentials_file.h"
#include "debrief/sync/engine.h"
#include "debrief/sync/postgres_store.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;
using namespace std::chrono_literals;

namespace {

// One database, demo-seeded, and the server processes that share it.
struct Cluster {
  TempDir tmp;
  ProcessStore where;
  Json people;
  std::vector<std::unique_ptr<testproc::ServerProcess>> servers;

  Cluster() {
    REQUIRE(where.db);  // several processes need the PostgreSQL store
    people = Json::parse(testproc::server_command(data(0), with_store({"admin", "demo-seed"})));
    for (int i = 0; i < 2; ++i) start(i);
  }
  std::string data(int i) const { return (tmp.path() / ("server" + std::to_string(i))).string(); }
  std::vector<std::string> with_store(std::vector<std::string> args) const {
    std::vector<std::string> all = where.args();
    all.insert(all.end(), args.begin(), args.end());
    return all;
  }
  void start(int i) {
    servers.resize(2);
    servers[static_cast<std::size_t>(i)] = std::make_unique<testproc::ServerProcess>(data(i), "127.0.0.1:0", where.args());
  }
  std::uint16_t port(int i) const { return servers[static_cast<std::size_t>(i)]->port(); }
  // The demo people with `role`.
  std::vector<Json> with_role(const std::string& role) const {
    std::vector<Json> out;
    for (const Json& p : people)
      if (p["role"] == role) out.push_back(p);
    return out;
  }
};

// A device enrolled through server process `via`.
struct Phone {
  std::filesystem::path dir;
  std::unique_ptr<Store> store;
  sync::ServerLink link;
  Id person;

  Phone(const Cluster& c, const Json& who, int via, const std::string& name) : dir(c.tmp.path() / name) {
    store = ok(Store::open(dir));
    auto keys = platform::file_credentials(platform::credentials_file(dir));
    link = ok(sync::enroll(*store, "127.0.0.1", c.port(via), ok(sync::EnrolmentCode::parse(who["code"].get<std::string>())),
                           name, *keys));
    person = link.person;
    ok(sync::sync_once(*store, link).status());
    ok(store->set_me(person));
  }
  Status sync_via(const Cluster& c, int via, const sync::SyncOptions& options = {}) {
    link.port = c.port(via);
    return sync::sync_once(*store, link, options).status();
  }
  std::size_t count(Kind kind) { return ok(list(*store, kind)).size(); }
};

}  // namespace

TEST_CASE("devices spread over two server processes on one database converge, with one process killed midway",
          "[sync][postgresql][process]") {
  Cluster cluster;
  std::vector<Json> participants = cluster.with_role("participant");
  REQUIRE(participants.size() >= 4);
  std::vector<std::unique_ptr<Phone>> phones;
  for (int i = 0; i < 4; ++i)
    phones.push_back(std::make_unique<Phone>(cluster, participants[static_cast<std::size_t>(i)], i % 2, "phone" + std::to_string(i)));
  const std::size_t demo_kudos = phones[0]->count(Kind::kudos);
  std::vector<std::size_t> demo_reflections;  // each sees the shared ones and their own private ones
  for (auto& p : phones) demo_reflections.push_back(p->count(Kind::reflection));
  std::mt19937_64 rng(20261125);
  std::size_t kudos = 0, reflections = 0;
  int failed = 0;
  for (int round = 0; round < 8; ++round) {
    for (std::size_t i = 0; i < phones.size(); ++i) {
      Phone& p = *phones[i];
      add_kudos(*p.store, phones[(i + 1) % phones.size()]->person, 2, "round " + std::to_string(round));
      ok(create(*p.store, Kind::reflection, {{"event", ok(list(*p.store, Kind::event)).at(0)["id"]},
                                             {"text", "Round " + std::to_string(round) + " from phone " + std::to_string(i)}, {"shared", true}}));
      kudos += 2;
      ++reflections;
      if (round == 4 && i == 0) {
        // Process 1 is killed with SIGKILL in the middle of this phone's push, then started again.
        add_kudos(*p.store, phones[1]->person, 300, "the big push");
        kudos += 300;
        std::int64_t pending = ok(p.store->info()).pending_changes;
        sync::SyncOptions small;
        small.push_batch = 5;
        p.link.port = cluster.port(1);
        auto pushing = std::async(std::launch::async, [&, link = p.link] {
          auto own = ok(Store::open(p.dir));
          return sync::sync_once(*own, link, small).status();
        });
        CHECK(wait_pending_below(p.dir, pending - 40, 10s));
        cluster.servers[1]->kill_now();
        CHECK(!pushing.get().is_ok());
        cluster.start(1);
      }
      failed += !p.sync_via(cluster, static_cast<int>(rng() % 2)).is_ok();
    }
  }
  CHECK(failed == 0);
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < phones.size(); ++i) ok(phones[i]->sync_via(cluster, static_cast<int>(i % 2)));
  for (std::size_t i = 0; i < phones.size(); ++i) {
    Phone& p = *phones[i];
    CHECK(ok(p.store->info()).pending_changes == 0);  // every write acknowledged
    CHECK(p.count(Kind::kudos) == demo_kudos + kudos);  // none lost, none doubled
    CHECK(p.count(Kind::reflection) == demo_reflections[i] + reflections);
  }
  // The same person, freshly enrolled through each process, sees the same.
  std::vector<Json> managers = cluster.with_role("manager");
  REQUIRE(managers.size() >= 1);
  Json again = Json::parse(testproc::server_command(cluster.data(0), cluster.with_store(
      {"admin", "enroll-code", "--json", "--person", managers[0]["person"].get<std::string>()})));
  Phone via0(cluster, managers[0], 0, "manager-a");
  Phone via1(cluster, Json{{"code", again["code"]}}, 1, "manager-b");
  CHECK(ok(content_digest(*via0.store)) == ok(content_digest(*via1.store)));
}

TEST_CASE("a change accepted by one server process reaches a live device on another at once", "[sync][postgresql][process]") {
  Cluster cluster;
  std::vector<Json> participants = cluster.with_role("participant");
  Phone giver(cluster, participants[0], 0, "giver"), receiver(cluster, participants[1], 1, "receiver");
  std::mutex mu;
  std::condition_variable cv;
  bool idle = false;
  int arrivals = 0;
  sync::SyncEngine engine(receiver.dir, platform::file_credentials(platform::credentials_file(receiver.dir)), {},
                          [&](const sync::EngineEvent& e) {
                            std::lock_guard lock(mu);
                            idle = idle || e.state == sync::SyncState::idle;
                            cv.notify_all();
                          },
                          [&] {
                            std::lock_guard lock(mu);
                            ++arrivals;
                            cv.notify_all();
                          });
  engine.start();
  {
    std::unique_lock lock(mu);
    REQUIRE(cv.wait_for(lock, 10s, [&] { return idle; }));
  }
  Id k = ok(create(*giver.store, Kind::kudos, {{"to", {receiver.person.hex()}},
                                               {"action", "covered the night shift when the storm hit"},
                                               {"outcome", "no customer waited"}}));
  ok(giver.sync_via(cluster, 0));  // accepted by process 0; the receiver listens on process 1
  {
    std::unique_lock lock(mu);
    CHECK(cv.wait_for(lock, 10s, [&] { return arrivals > 0; }));
  }
  engine.stop();
  CHECK(get(*receiver.store, Kind::kudos, k).is_ok());
}

// Found by the simulator (a world on PostgreSQL, seed 3006 at e54d2aa): a
// process appends to the feed from inside its cache's transaction; a power
// cut that undid that transaction after the database committed left the
// cache without what it had stamped itself for good, since a store skips
// its own changes when they come back.
TEST_CASE("a server process whose cache lost its last transaction holds the feed again when it restarts", "[sync][postgresql]") {
  Server server;
  REQUIRE(!server.database_url().empty());
  const Directory& people = server.people();
  TempDir tmp;
  std::filesystem::path cache = tmp.path() / "cache", before = tmp.path() / "before";
  ok(sync::open_postgres_server_store(server.database_url(), cache, system_env()).status());  // made, caught up, closed
  std::filesystem::copy(cache, before, std::filesystem::copy_options::recursive);
  {
    auto process = ok(sync::open_postgres_server_store(server.database_url(), cache, system_env()));
    ok(update(process->records(), Kind::team, people.team, {{"manager", people.organiser.hex()}}));  // an admin command
    ok(process->publish());
  }
  std::filesystem::remove_all(cache);  // the power cut: the cache as it was before that transaction
  std::filesystem::rename(before, cache);
  auto process = ok(sync::open_postgres_server_store(server.database_url(), cache, system_env()));
  CHECK(ok(get(process->records(), Kind::team, people.team))["manager"] == people.organiser.hex());
  ok(process->publish());  // nothing left to publish, nothing twice
  auto other = ok(sync::open_postgres_server_store(server.database_url(), tmp.path() / "other", system_env()));
  CHECK(ok(changes_after(other->records(), 0)).size() == ok(changes_after(process->records(), 0)).size());
}
