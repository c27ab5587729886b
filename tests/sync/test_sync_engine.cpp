// The background engine: live delivery, pushing on demand, retrying after
// failures; and a version 1 device against this server.
#include <algorithm>
#include <atomic>
#include <iterator>
#include <condition_variable>
#include <fstream>
#include <mutex>

#include "cut_proxy.h"
#include "debrief/media.h"
#include "debrief/sync/engine.h"
#include "debrief/sync/postgres_store.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;
using namespace std::chrono_literals;

namespace {

// Collects the engine's events and lets the test wait for one, boundedly.
struct Watcher {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<sync::EngineEvent> events;
  std::vector<Json> log;  // the engine's log lines, parsed
  int changes = 0;

  sync::SyncEngine::EventFn events_fn() {
    return [this](const sync::EngineEvent& e) {
      std::lock_guard lock(mu);
      events.push_back(e);
      cv.notify_all();
    };
  }
  std::function<void(const std::string&)> log_fn() {
    return [this](const std::string& line) {
      std::lock_guard lock(mu);
      log.push_back(Json::parse(line));
    };
  }
  std::function<void()> changes_fn() {
    return [this] {
      std::lock_guard lock(mu);
      ++changes;
      cv.notify_all();
    };
  }
  bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds limit = 10s) {
    std::unique_lock lock(mu);
    return cv.wait_for(lock, limit, done);
  }
  int count(sync::SyncState s) {
    int n = 0;
    for (const auto& e : events) n += e.state == s;
    return n;
  }
};

// Polls `check` every 10 ms for at most `limit`.
bool eventually(const std::function<bool()>& check, std::chrono::milliseconds limit = 10s) {
  for (auto end = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < end;) {
    if (check()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return check();
}

sync::EngineOptions quick() {
  sync::EngineOptions o;
  o.min_backoff = 20ms;
  o.max_backoff = 200ms;
  return o;
}

}  // namespace

// A giver and a receiver (p1, p2) on one server, the receiver's engine
// started and idle: live delivery, as the tests below watch it.
struct LiveReceiver {
  Server server;
  Device giver{server, server.people().p1}, receiver{server, server.people().p2};
  Watcher w;
  sync::SyncEngine engine{receiver.tmp.path(), receiver.credentials, quick(), w.events_fn(), w.changes_fn()};

  LiveReceiver() {
    engine.start();
    REQUIRE(w.wait_for([&] { return w.count(sync::SyncState::idle) > 0; }));
  }
  ~LiveReceiver() { engine.stop(); }
  Id kudos(const std::string& action, const std::string& outcome) {
    return ok(create(*giver.store, Kind::kudos, {{"to", {server.people().p2.hex()}}, {"action", action}, {"outcome", outcome}}));
  }
};

TEST_CASE("a kudos given elsewhere arrives on a live device without asking", "[sync][engine]") {
  LiveReceiver live;
  Id k = live.kudos("answered every ticket in the queue over the weekend", "Monday started with no backlog");
  live.giver.sync();
  CHECK(live.w.wait_for([&] { return live.w.changes > 0; }));
  auto reader = ok(Store::open(live.receiver.tmp.path()));
  CHECK(eventually([&] { return get(*reader, Kind::kudos, k).is_ok(); }));
}

TEST_CASE("a photo attached elsewhere arrives on a live device with its file", "[sync][engine][media]") {
  LiveReceiver live;
  Id k = live.kudos("photographed every table at the gala", "the album was up the next morning");
  std::filesystem::path photo = live.giver.tmp.path() / "gala.jpg";
  std::ofstream(photo, std::ios::binary) << std::string(300000, 'g');
  Id m = ok(add_media(*live.giver.store, photo, Kind::kudos, k));
  live.giver.sync();
  auto reader = ok(Store::open(live.receiver.tmp.path()));
  std::string sha = ok(get(*live.giver.store, Kind::media, m))["sha256"];
  CHECK(eventually([&] { return std::filesystem::exists(media_path(*reader, sha)); }));
  CHECK(eventually([&] { return live.w.count(sync::SyncState::idle) >= 2; }));  // and listening again
}

TEST_CASE("a manager appointed through another server process receives, live, what their team gave before",
          "[sync][engine][privacy][postgresql]") {
  Server server;
  REQUIRE(!server.database_url().empty());
  const Directory& people = server.people();
  Device olga(server, people.organiser), d1(server, people.p1), d2(server, people.p2), d3(server, people.p3);
  for (Device* d : {&d1, &d2, &d3}) {
    ok(create(*d->store, Kind::response, {{"survey", people.survey.hex()}, {"event", people.event.hex()},
                                          {"answers", {{"score", 4}, {"why", "the hike"}}}}));
    d->sync();
  }
  Watcher w;
  sync::SyncEngine engine{olga.tmp.path(), olga.credentials, quick(), w.events_fn(), w.changes_fn()};
  engine.start();  // one session, open throughout: she manages no team yet
  REQUIRE(w.wait_for([&] { return w.count(sync::SyncState::idle) > 0; }));
  {
    TempDir other;  // another process, whose edit the first learns from the feed
    auto second = ok(sync::open_postgres_server_store(server.database_url(), other.path(), system_env()));
    ok(update(second->records(), Kind::team, people.team, {{"manager", people.organiser.hex()}}));
    ok(second->publish());
  }
  auto reader = ok(Store::open(olga.tmp.path()));
  CHECK(eventually([&] { return ok(list(*reader, Kind::response)).size() == 3; }));
  CHECK(ok(list(*reader, Kind::participation)).size() == 3);
  engine.stop();
}

TEST_CASE("sync_now pushes a local change at once", "[sync][engine]") {
  Server server;
  Device d(server, server.people().p1);
  Watcher w;
  sync::SyncEngine engine(d.tmp.path(), d.credentials, quick(), w.events_fn());
  engine.start();
  REQUIRE(w.wait_for([&] { return w.count(sync::SyncState::idle) > 0; }));
  Id r = ok(create(*d.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Pushed by the engine"}, {"shared", true}}));
  engine.sync_now();
  CHECK(eventually([&] { return server.on_server([&](Store& s) { return get(s, Kind::reflection, r).is_ok(); }); }));
  engine.stop();
}

TEST_CASE("after failures the engine retries with backoff until it gets through, and notes when it did", "[sync][engine]") {
  Server server;
  Device d(server, server.people().p1);
  CutProxy proxy(server.port());
  proxy.cut_after(1);  // every connection dies at once
  d.link.port = proxy.port();
  ok(sync::save_link(d.tmp.path(), d.link));
  ok(create(*d.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Waiting for a link"}, {"shared", true}}));
  Watcher w;
  sync::EngineOptions options = quick();
  options.log = w.log_fn();
  sync::SyncEngine engine(d.tmp.path(), d.credentials, options, w.events_fn());
  engine.start();
  REQUIRE(w.wait_for([&] { return w.count(sync::SyncState::error) >= 3; }));
  {
    std::lock_guard lock(w.mu);
    CHECK(w.events.back().failures >= 3);
    CHECK(!w.events.back().reason.empty());
  }
  CHECK(ok(sync::load_link(d.tmp.path())).last_sync_ms == 0);  // failed passes are not a sync
  proxy.cut_after(0);  // the link is back
  CHECK(w.wait_for([&] { return w.count(sync::SyncState::idle) > 0; }));
  engine.stop();
  {
    // The host's log: a line per state change (not per progress report), and each retry with its wait.
    std::lock_guard lock(w.mu);
    auto lines = [&](const std::string& event, const std::string& state = {}) {
      return std::count_if(w.log.begin(), w.log.end(), [&](const Json& j) {
        return j["event"] == event && (state.empty() || j["state"] == state);
      });
    };
    CHECK(lines("sync_retry") >= 3);
    CHECK(lines("sync_state", "error") >= 1);
    CHECK(lines("sync_state", "idle") == 1);
    std::vector<Json> states;
    std::copy_if(w.log.begin(), w.log.end(), std::back_inserter(states), [](const Json& j) { return j["event"] == "sync_state"; });
    for (std::size_t i = 1; i < states.size(); ++i)
      CHECK((states[i]["state"] != states[i - 1]["state"] || states[i]["reason"] != states[i - 1]["reason"]));
    for (const Json& j : w.log) CHECK(j["at_ms"].get<std::int64_t>() > 0);
  }
  CHECK(ok(d.store->info()).pending_changes == 0);
  CHECK(ok(sync::load_link(d.tmp.path())).last_sync_ms > 0);  // Home's "last sync"
}

TEST_CASE("with no network the engine waits offline, and syncs as soon as the network is back", "[sync][engine]") {
  Server server;
  Device d(server, server.people().p1);
  Id r = ok(create(*d.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Written on the train"}, {"shared", true}}));
  std::atomic<bool> network{false};
  sync::EngineOptions options = quick();
  options.reachable = [&] { return network.load(); };
  options.offline_recheck = std::chrono::hours(1);  // only sync_now() wakes it here
  Watcher w;
  sync::SyncEngine engine(d.tmp.path(), d.credentials, options, w.events_fn());
  engine.start();
  REQUIRE(w.wait_for([&] { return w.count(sync::SyncState::offline) > 0; }));
  {
    std::lock_guard lock(w.mu);
    CHECK(w.events.back().reason == "no network");
    CHECK(w.count(sync::SyncState::connecting) + w.count(sync::SyncState::error) == 0);  // it did not try
  }
  network = true;
  engine.sync_now();  // what the platform's reachability watcher does
  CHECK(w.wait_for([&] { return w.count(sync::SyncState::idle) > 0; }));
  CHECK(eventually([&] { return server.on_server([&](Store& s) { return get(s, Kind::reflection, r).is_ok(); }); }));
  engine.stop();
}

TEST_CASE("a device on protocol version 1 still syncs with this server", "[sync][compat]") {
  Server server;
  Device old(server, server.people().p1), other(server, server.people().p2);
  sync::SyncOptions v1;
  v1.protocol_version = 1;
  Id k = ok(create(*other.store, Kind::kudos, {{"to", {server.people().p1.hex()}},
                                               {"action", "walked the new hire through the billing tools"},
                                               {"outcome", "she closed her first ticket on day one"}}));
  other.sync();
  ok(create(*old.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "From an old app"}, {"shared", true}}));
  auto pass = ok(sync::sync_once(*old.store, old.link, v1));
  CHECK(pass.pushed == 1);
  CHECK(get(*old.store, Kind::kudos, k).is_ok());
}
