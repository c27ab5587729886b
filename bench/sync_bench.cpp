// sync_bench: sync throughput and cost over loopback TLS.
//
//   sync_bench [--changes N] [--devices D] [--per-device K] [--media-mib M]
//
// A real server (in-process, its own thread) on 127.0.0.1; devices are real
// stores with real TLS clients. Prints: push of N pending changes to a fresh
// server, pull of them to a fresh device, bytes on the wire per response
// against its Protobuf payload, live delivery, an M MiB video up to the
// server and down to another device (MiB/s, bytes on the wire against its
// size), and D devices syncing K changes each at once (p50/p99 session
// time, peak memory of the process). Push and pull each stand beside plain
// SQLite writing the same rows into the same database (raw_sqlite.h).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <functional>
#include <future>
#include <thread>

#include "bench_support.h"
#include "raw_sqlite.h"
#include "debrief/media.h"
#include "debrief/records.h"
#include "debrief/platform/credentials_file.h"
#include "debrief/sync/client.h"
#include "debrief/sync/engine.h"
#include "debrief/sync/wire.h"
#include "debrief/sync/server.h"

namespace fs = std::filesystem;
using namespace debrief;
using bench::check;
using bench::Clock;
using bench::percentile;
using bench::seconds_since;

namespace {

// Push batches hold at most kMaxPushChanges changes; pull batches, as the
// server sends them by default, 1000: the transactions the plain-SQLite
// line writes in (an estimate: a batch may end sooner, at its byte bound).
constexpr std::int64_t kPushBatch = static_cast<std::int64_t>(sync::kMaxPushChanges), kPullBatch = 1000;
std::int64_t batches(std::int64_t changes, std::int64_t per_batch) { return (changes + per_batch - 1) / per_batch; }


struct BenchServer {
  fs::path dir;
  std::unique_ptr<sync::ServerStore> store;
  sync::TlsIdentity tls;
  boost::asio::io_context io;
  std::unique_ptr<sync::Server> server;
  std::thread thread;
  std::uint16_t port = 0;
  Id survey, team;
  std::vector<Id> people, events;

  // `event_count` events: one person answers the survey once per event.
  BenchServer(const fs::path& d, int people_count, std::int64_t event_count) : dir(d) {
    fs::remove_all(dir);
    store = check(sync::open_sqlite_server_store(dir, system_env()));
    Store* replica = &store->records();
    tls = check(sync::ensure_tls_identity(dir / "tls"));
    check(create(*replica, Kind::organisation, {{"name", "Bench"}}).status());
    team = check(create(*replica, Kind::team, {{"name", "All"}}));
    check(replica->transaction([&] {
      for (int i = 0; i < people_count; ++i)
        people.push_back(check(create(*replica, Kind::person, {{"name", "Person " + std::to_string(i)}, {"team", team.hex()}})));
      return Status::ok();
    }));
    check(replica->transaction([&] {
      for (std::int64_t i = 0; i < event_count; ++i)
        events.push_back(check(create(*replica, Kind::event, {{"title", "E" + std::to_string(i)}, {"starts_at", "2026-01-01"},
                                                               {"ends_at", "2026-01-02"}})));
      return Status::ok();
    }));
    Json q = Json::array();
    for (int i = 0; i < 10; ++i) q.push_back({{"id", "q" + std::to_string(i)}, {"type", i % 2 ? "text" : "rating"}, {"text", "Q"}});
    // One device pushes many responses, each through every check a push
    // passes: one post-event answer per event.
    survey = check(create(*replica, Kind::survey, {{"title", "S"}, {"kind", "post_event"}, {"questions", q}}));
    check(store->publish());
    sync::ServerOptions options;
    options.max_requests_per_minute = 1000000;  // one device pushes everything here
    options.log = [](const std::string& line) { if (std::getenv("DEBRIEF_BENCH_LOG")) std::fprintf(stderr, "%s\n", line.c_str()); };
    server = std::make_unique<sync::Server>(io, *store, tls, options);
    port = check(server->start()).port();
    thread = std::thread([this] {
      auto guard = boost::asio::make_work_guard(io);
      io.run();
    });
  }
  ~BenchServer() {
    io.stop();
    thread.join();
    server.reset();
    store.reset();
    fs::remove_all(dir);
  }
  // Runs `f` on the server's records, on its thread, like every use of them.
  void on_records(const std::function<Status(Store&)>& f) {
    std::promise<Status> p;
    boost::asio::post(io, [&] { p.set_value(f(store->records())); });
    check(p.get_future().get());
  }
  // Registry calls go through the server's thread, like every use of it.
  std::string code(const Id& person) {
    std::promise<std::string> p;
    boost::asio::post(io, [&] { p.set_value(check(store->registry().make_code(person, 3600))); });
    return sync::EnrolmentCode{p.get_future().get(), tls.fingerprint}.text();
  }
};

// The device credential's file beside the store in `dir`, as the desktop keeps it.
std::shared_ptr<sync::Credentials> credentials_in(const fs::path& dir) {
  return platform::file_credentials(platform::credentials_file(dir));
}

struct BenchDevice {
  std::unique_ptr<Store> store;
  sync::ServerLink link;
  BenchDevice(BenchServer& s, const fs::path& dir, const Id& person) {
    fs::remove_all(dir);
    store = check(Store::open(dir));
    link = check(sync::enroll(*store, "127.0.0.1", s.port, check(sync::EnrolmentCode::parse(s.code(person))), "bench",
                              *credentials_in(dir)));
    check(sync::sync_once(*store, link).status());
    check(store->set_me(person));
  }
};

Json answers() {
  Json a = Json::object();
  for (int i = 0; i < 10; ++i) a["q" + std::to_string(i)] = i % 2 ? Json("a comment of some twenty words, typical of what people write") : Json(1 + i % 5);
  return a;
}

// The device's person answers the survey for each of the first n events.
void add_responses(BenchServer& s, BenchDevice& d, std::int64_t n) {
  Json r = {{"survey", s.survey.hex()}, {"answers", answers()}};
  check(d.store->transaction([&] {
    for (std::int64_t i = 0; i < n; ++i) {
      r["event"] = s.events.at(static_cast<std::size_t>(i)).hex();
      DEBRIEF_TRY(create(*d.store, Kind::response, r).status());
    }
    return Status::ok();
  }));
}

// A file of `mib` MiB of pseudo-random bytes (video does not compress).
void write_video(const fs::path& file, int mib) {
  std::mt19937_64 rng(7);
  std::ofstream out(file, std::ios::binary);
  std::vector<std::uint64_t> block(1 << 17);  // 1 MiB
  for (int i = 0; i < mib; ++i) {
    for (auto& v : block) v = rng();
    out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size() * sizeof(std::uint64_t)));
  }
}

void media_figures(const fs::path& root, int mib) {
  BenchServer s(root / "server4", 4, 1);
  BenchDevice filmer(s, root / "filmer", s.people[0]), viewer(s, root / "viewer", s.people[1]);
  fs::path video = root / "build.mp4";
  write_video(video, mib);
  Id kudos = check(create(*filmer.store, Kind::kudos, {{"to", {s.people[1].hex()}}, {"action", "filmed the whole stage build"},
                                                       {"outcome", "everyone saw how it came together"}}));
  check(add_media(*filmer.store, video, Kind::kudos, kudos).status());
  auto size = static_cast<double>(fs::file_size(video));
  std::string label = "media: a " + std::to_string(mib) + " MiB video ";
  auto t = Clock::now();
  sync::SyncProgress up = check(sync::sync_once(*filmer.store, filmer.link));
  std::printf("%-58s %8.0f MiB/s\n", (label + "up to the server").c_str(), size / (1 << 20) / seconds_since(t));
  std::printf("%-58s %13.3fx\n", "  bytes on the wire / file size", static_cast<double>(up.bytes_sent) / size);
  t = Clock::now();
  sync::SyncProgress down = check(sync::sync_once(*viewer.store, viewer.link));
  std::printf("%-58s %8.0f MiB/s\n", (label + "down to another device").c_str(), size / (1 << 20) / seconds_since(t));
  std::printf("%-58s %13.3fx\n", "  bytes on the wire / file size", static_cast<double>(down.bytes_received) / size);
}

}  // namespace

int main(int argc, char** argv) {
  bench::program_name() = "sync_bench";
  std::int64_t changes = 100000;
  int devices = 200, per_device = 500, media_mib = 100, team_size = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--changes") changes = std::stoll(argv[i + 1]);
    if (a == "--devices") devices = std::stoi(argv[i + 1]);
    if (a == "--per-device") per_device = std::stoi(argv[i + 1]);
    if (a == "--media-mib") media_mib = std::stoi(argv[i + 1]);
    if (a == "--team") team_size = std::stoi(argv[i + 1]);
  }
  fs::path root = fs::temp_directory_path() / "debrief-sync-bench";
  std::printf("%-58s %14s %s\n", "measure", "figure", "target");
  {
    BenchServer s(root / "server1", 4, changes / 2);
    BenchDevice writer(s, root / "writer", s.people[0]);
    add_responses(s, writer, changes / 2);  // each with the participation that says who answered
    std::int64_t pending = check(writer.store->info()).pending_changes;
    const fs::path server_db = s.dir / "store" / "debrief.db";
    bench::snapshot(server_db, root / "push-before.db");
    auto t = Clock::now();
    sync::SyncProgress pushed = check(sync::sync_once(*writer.store, writer.link));
    double push_s = seconds_since(t);
    std::printf("%-58s %12.0f/s %s\n", ("push " + std::to_string(pending) + " changes to a fresh server").c_str(), static_cast<double>(pushed.pushed) / push_s, ">= 50,000/s");
    bench::snapshot(server_db, root / "push-after.db");
    bench::plain_sqlite_line(root / "push-before.db", root / "push-after.db", root, pushed.pushed,
                             batches(pushed.pushed, kPushBatch), push_s);
    // Bytes per response: everything sent over the pass, against the
    // Protobuf size of the changes themselves.
    std::int64_t payload = 0;
    std::vector<Change> sample = check(changes_after(*writer.store, 0));
    for (const Change& c : sample)
      if (c.kind == Kind::response || c.kind == Kind::participation) payload += static_cast<std::int64_t>(sync::to_proto(check(to_wire(*writer.store, c))).ByteSizeLong());
    std::printf("%-58s %13.2fx %s\n", "bytes on the wire / Protobuf payload, per response", static_cast<double>(pushed.bytes_sent) / static_cast<double>(payload), "<= 1.3x");
  }
  {
    BenchServer s(root / "server1b", 4, changes / 2);
    BenchDevice writer(s, root / "writer", s.people[0]);
    add_responses(s, writer, changes / 2);
    check(sync::sync_once(*writer.store, writer.link).status());
    fs::remove_all(root / "reader");
    auto store = check(Store::open(root / "reader"));
    auto link = check(sync::enroll(*store, "127.0.0.1", s.port, check(sync::EnrolmentCode::parse(s.code(s.people[0]))), "reader",
                                   *credentials_in(root / "reader")));
    bench::snapshot(root / "reader" / "debrief.db", root / "pull-before.db");
    auto t = Clock::now();
    sync::SyncProgress pulled = check(sync::sync_once(*store, link));
    double pull_s = seconds_since(t);
    std::printf("%-58s %12.0f/s %s\n", ("pull " + std::to_string(pulled.pulled) + " changes to a fresh device").c_str(), static_cast<double>(pulled.pulled) / pull_s, ">= 100,000/s");
    bench::snapshot(root / "reader" / "debrief.db", root / "pull-after.db");
    bench::plain_sqlite_line(root / "pull-before.db", root / "pull-after.db", root, pulled.pulled,
                             batches(pulled.pulled, kPullBatch), pull_s);
  }
  {
    // Live delivery: a kudos pushed by one device, until the other's engine
    // has applied it.
    BenchServer s(root / "server3", 4, 1);
    BenchDevice giver(s, root / "giver", s.people[0]), receiver(s, root / "receiver", s.people[1]);
    std::mutex mu;
    std::condition_variable cv;
    int applied = 0;
    bool idle = false;
    sync::SyncEngine engine(root / "receiver", credentials_in(root / "receiver"), {}, [&](const sync::EngineEvent& e) {
      std::lock_guard lock(mu);
      idle = idle || e.state == sync::SyncState::idle;
      cv.notify_all();
    }, [&] {
      std::lock_guard lock(mu);
      ++applied;
      cv.notify_all();
    });
    engine.start();
    {
      std::unique_lock lock(mu);
      cv.wait_for(lock, std::chrono::seconds(10), [&] { return idle; });
    }
    std::vector<double> latency;
    for (int i = 0; i < 20; ++i) {
      check(create(*giver.store, Kind::kudos, {{"to", {s.people[1].hex()}}, {"action", "covered the phones through lunch " + std::to_string(i)},
                                               {"outcome", "no caller waited more than a minute"}}).status());
      int before;
      {
        std::lock_guard lock(mu);
        before = applied;
      }
      auto t = Clock::now();
      check(sync::sync_once(*giver.store, giver.link).status());
      std::unique_lock lock(mu);
      if (cv.wait_for(lock, std::chrono::seconds(5), [&] { return applied > before; })) latency.push_back(seconds_since(t) * 1000);
    }
    engine.stop();
    std::printf("%-58s %11.1f ms %s\n", ("live: kudos pushed to applied on another device (median of " + std::to_string(latency.size()) + ")").c_str(),
                latency.empty() ? -1.0 : percentile(latency, 0.5), "well under 1 s");
  }
  {
    // A manager's fresh device pulls their team's answers to one survey
    // about one event: one group of them all, decided once per page.
    BenchServer s(root / "server5", team_size, 1);
    const Id& manager = s.people[0];
    s.on_records([&](Store& r) {
      DEBRIEF_TRY(update(r, Kind::team, s.team, {{"manager", manager.hex()}}));
      Json answer = {{"survey", s.survey.hex()}, {"event", s.events[0].hex()}, {"answers", answers()}};
      DEBRIEF_TRY(r.transaction([&] {
        for (std::size_t i = 1; i < s.people.size(); ++i) {  // all but the manager, as themselves
          DEBRIEF_TRY(r.set_me(s.people[i]));
          DEBRIEF_TRY(create(r, Kind::response, answer).status());
        }
        return Status::ok();
      }));
      return s.store->publish();
    });
    fs::remove_all(root / "manager");
    auto store = check(Store::open(root / "manager"));
    auto link = check(sync::enroll(*store, "127.0.0.1", s.port, check(sync::EnrolmentCode::parse(s.code(manager))), "manager",
                                   *credentials_in(root / "manager")));
    auto t = Clock::now();
    sync::SyncProgress pulled = check(sync::sync_once(*store, link));
    double pull_s = seconds_since(t);
    std::int64_t held = check(count(*store, Kind::response));
    std::printf("%-58s %12.0f/s %s\n", ("pull " + std::to_string(held) + " answers of one group to their manager").c_str(),
                static_cast<double>(pulled.pulled) / pull_s, ">= 100,000/s");
  }
  media_figures(root, media_mib);
  {
    BenchServer s(root / "server2", devices, per_device / 2);
    std::vector<std::unique_ptr<BenchDevice>> fleet;
    for (int i = 0; i < devices; ++i) {
      fleet.push_back(std::make_unique<BenchDevice>(s, root / ("d" + std::to_string(i)), s.people[static_cast<std::size_t>(i)]));
      add_responses(s, *fleet.back(), per_device / 2);
    }
    std::vector<double> seconds(static_cast<std::size_t>(devices));
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int i = 0; i < devices; ++i) {
      threads.emplace_back([&, i] {
        auto t = Clock::now();
        sync::SyncOptions patient;
        patient.timeout = std::chrono::seconds(600);  // report how long it takes, however long
        if (!sync::sync_once(*fleet[static_cast<std::size_t>(i)]->store, fleet[static_cast<std::size_t>(i)]->link, patient).is_ok()) ++failures;
        seconds[static_cast<std::size_t>(i)] = seconds_since(t);
      });
    }
    for (auto& th : threads) th.join();
    std::int64_t unacked = 0;
    for (auto& d : fleet) unacked += check(d->store->info()).pending_changes;
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%-58s %14s %s\n", (std::to_string(devices) + " devices x " + std::to_string(per_device) + " changes at once: failed / unacknowledged").c_str(),
                (std::to_string(failures.load()) + " / " + std::to_string(unacked)).c_str(), "0 / 0");
    std::printf("%-58s %11.0f ms\n", "  session time p50", percentile(seconds, 0.5) * 1000);
    std::printf("%-58s %11.0f ms\n", "  session time p99", percentile(seconds, 0.99) * 1000);
    std::printf("%-58s %10.0f MiB %s\n", "  peak memory (server and all devices, one process)", static_cast<double>(usage.ru_maxrss) / 1024.0, "");
  }
  fs::remove_all(root);
  return 0;
}
