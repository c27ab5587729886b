// A fleet of devices syncing at once against real debrief-server processes:
// N devices (two per person: a phone and a laptop), each pushing M changes
// (private reflections, which only the person's other device pulls), spread
// over two processes on one PostgreSQL database; then the same fleet
// against one process on SQLite, in the same run. Reports throughput,
// session times and the servers' peak memory, and checks that every change
// was acknowledged and is on the server once.
//
//   build/bench/fleet_bench --postgres URL [--devices 2000] [--changes 100] [--dir DIR]
//
// URL names an empty database (scripts/pg_cluster start DIR prints one).
#include <atomic>
#include <mutex>
#include <semaphore>
#include <thread>

#include "../tests/support/server_process.h"
#include "bench_support.h"
#include "raw_sqlite.h"
#include "debrief/platform/credentials_file.h"
#include "debrief/records.h"
#include "debrief/sync/client.h"
#include "debrief/sync/postgres_store.h"
#include "debrief/sync/protocol.h"

namespace fs = std::filesystem;
using namespace debrief;
using bench::check;
using bench::Clock;
using bench::percentile;
using bench::seconds_since;

namespace {

struct Options {
  std::string postgres;
  int devices = 2000, changes = 100;
  fs::path dir = fs::temp_directory_path() / "debrief-fleet-bench";
};

// One way to run the server: its store's arguments and how many processes.
struct Setup {
  std::string slug, name;
  std::vector<std::string> store_args;  // empty: SQLite under --data
  int processes = 1;
};

struct DeviceSlot {
  fs::path dir;
  sync::ServerLink link;
};

// Runs `work(i)` for i in [0, n) on threads, at most `at_once` at a time.
template <class F>
void run_all(int n, int at_once, F work) {
  std::counting_semaphore<1 << 16> slots(at_once);
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    slots.acquire();
    threads.emplace_back([&, i] {
      work(i);
      slots.release();
    });
  }
  for (auto& t : threads) t.join();
}

// The directory (an organisation, a team, one person per two devices), an
// event the reflections look back on, and one enrolment code per device,
// written straight into the server's store.
std::vector<std::pair<Id, std::string>> seed(sync::ServerStore& store, const fs::path& tls_dir, int devices) {
  Store& s = store.records();
  check(create(s, Kind::organisation, {{"name", "Fleet"}, {"anonymity_threshold", 5}}).status());
  Id team = check(create(s, Kind::team, {{"name", "Field"}}));
  check(create(s, Kind::event, {{"title", "Field day"}, {"starts_at", "2026-06-01T09:00"}, {"ends_at", "2026-06-01T17:00"},
                                {"teams", {team.hex()}}}).status());
  std::vector<Id> people;
  check(s.transaction([&] {
    for (int i = 0; i < (devices + 1) / 2; ++i)
      people.push_back(check(create(s, Kind::person, {{"name", "Person " + std::to_string(i)}, {"team", team.hex()}})));
    return Status::ok();
  }));
  check(store.publish());
  std::string fingerprint = check(store.tls_identity(tls_dir)).fingerprint;
  std::vector<std::pair<Id, std::string>> codes;
  for (int i = 0; i < devices; ++i) {
    const Id& person = people[static_cast<std::size_t>(i / 2)];
    codes.emplace_back(person, sync::EnrolmentCode{check(store.registry().make_code(person, 86400)), fingerprint}.text());
  }
  return codes;
}

std::unique_ptr<sync::ServerStore> open_store(const Setup& setup, const fs::path& data) {
  if (setup.store_args.empty()) return check(sync::open_sqlite_server_store(data, system_env()));
  return check(sync::open_postgres_server_store(setup.store_args[1], data / "cache", system_env()));
}

void run(const Options& o, const Setup& setup) {
  fs::path root = o.dir / setup.slug;
  fs::remove_all(root);
  auto data = [&](int i) { return root / ("server" + std::to_string(i)); };
  std::vector<std::pair<Id, std::string>> codes;
  {
    auto store = open_store(setup, data(0));
    codes = seed(*store, data(0) / "tls", o.devices);
  }
  std::vector<std::unique_ptr<testproc::ServerProcess>> servers;
  for (int i = 0; i < setup.processes; ++i)
    servers.push_back(std::make_unique<testproc::ServerProcess>(data(i).string(), "127.0.0.1:0", setup.store_args));

  // Not measured: every device enrols through a process of its own, receives the directory, writes offline.
  std::vector<DeviceSlot> fleet(static_cast<std::size_t>(o.devices));
  auto t_setup = Clock::now();
  run_all(o.devices, 32, [&](int i) {
    DeviceSlot& d = fleet[static_cast<std::size_t>(i)];
    d.dir = root / "devices" / std::to_string(i);
    auto store = check(Store::open(d.dir));
    auto keys = platform::file_credentials(platform::credentials_file(d.dir));
    std::uint16_t port = servers[static_cast<std::size_t>(i % setup.processes)]->port();
    d.link = check(sync::enroll(*store, "127.0.0.1", port, check(sync::EnrolmentCode::parse(codes[static_cast<std::size_t>(i)].second)),
                                "device " + std::to_string(i), *keys));
    check(sync::sync_once(*store, d.link).status());
    check(store->set_me(codes[static_cast<std::size_t>(i)].first));
    std::string event = check(list(*store, Kind::event)).at(0)["id"];
    check(store->transaction([&] {
      for (int c = 0; c < o.changes; ++c)
        DEBRIEF_TRY(create(*store, Kind::reflection, {{"event", event}, {"text", "Note " + std::to_string(c) + " from the field, written offline"}}).status());
      return Status::ok();
    }));
  });
  std::printf("%s: %d devices enrolled and ready in %.0f s\n", setup.name.c_str(), o.devices, seconds_since(t_setup));

  // Measured: every device syncs at once. On SQLite, the store is
  // snapshotted around it, for plain SQLite to write the same rows.
  const fs::path server_db = data(0) / "store" / "debrief.db";
  if (setup.store_args.empty()) bench::snapshot(server_db, root / "before.db");
  std::vector<double> seconds(fleet.size());
  std::atomic<int> failures{0};
  auto t = Clock::now();
  run_all(o.devices, o.devices, [&](int i) {
    DeviceSlot& d = fleet[static_cast<std::size_t>(i)];
    auto store = check(Store::open(d.dir));
    sync::SyncOptions patient;
    patient.timeout = std::chrono::seconds(1800);  // report how long it takes, however long
    auto started = Clock::now();
    if (!sync::sync_once(*store, d.link, patient).is_ok()) ++failures;
    seconds[static_cast<std::size_t>(i)] = seconds_since(started);
  });
  double wall = seconds_since(t);
  std::vector<double> peak;
  for (auto& s : servers) peak.push_back(s->process().peak_rss_mib());
  servers.clear();

  std::int64_t unacked = 0;
  for (const DeviceSlot& d : fleet) unacked += check(check(Store::open(d.dir))->info()).pending_changes;
  // What the server holds, read once its processes have stopped (on
  // PostgreSQL by a process of its own, with a fresh cache).
  std::vector<std::string> stats_args = setup.store_args;
  stats_args.push_back("stats");
  fs::path stats_data = setup.store_args.empty() ? data(0) : root / "stats";
  Json counts = Json::parse(testproc::server_command(stats_data.string(), stats_args));
  std::int64_t expected = static_cast<std::int64_t>(o.devices) * o.changes;
  std::int64_t held = counts["records"]["reflections"].get<std::int64_t>();
  std::printf("%-58s %14s %s\n", (setup.name + ": failed / unacknowledged / on the server").c_str(),
              (std::to_string(failures.load()) + " / " + std::to_string(unacked) + " / " + std::to_string(held)).c_str(),
              ("0 / 0 / " + std::to_string(expected)).c_str());
  std::printf("%-58s %10.0f changes/s (%.1f s)\n", (setup.name + ": throughput, all devices at once").c_str(),
              static_cast<double>(expected) / wall, wall);
  if (setup.store_args.empty()) {  // each device pushed its changes in batches of at most kMaxPushChanges
    bench::snapshot(server_db, root / "after.db");
    const auto per_batch = static_cast<std::int64_t>(sync::kMaxPushChanges);
    std::int64_t transactions = static_cast<std::int64_t>(o.devices) * ((o.changes + per_batch - 1) / per_batch);
    bench::plain_sqlite_line(root / "before.db", root / "after.db", root, expected, transactions, wall);
  }
  std::printf("%-58s %11.0f ms\n", (setup.name + ": session time p50").c_str(), percentile(seconds, 0.5) * 1000);
  std::printf("%-58s %11.0f ms\n", (setup.name + ": session time p99").c_str(), percentile(seconds, 0.99) * 1000);
  for (std::size_t i = 0; i < peak.size(); ++i)
    std::printf("%-58s %10.0f MiB\n", (setup.name + ": server process " + std::to_string(i) + " peak memory").c_str(), peak[i]);
  std::fflush(stdout);
  fs::remove_all(root);
}

}  // namespace

int main(int argc, char** argv) {
  bench::program_name() = "fleet_bench";
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--postgres") o.postgres = argv[i + 1];
    else if (a == "--devices") o.devices = std::stoi(argv[i + 1]);
    else if (a == "--changes") o.changes = std::stoi(argv[i + 1]);
    else if (a == "--dir") o.dir = argv[i + 1];
  }
  if (o.postgres.empty()) {
    std::fprintf(stderr, "usage: fleet_bench --postgres URL [--devices N] [--changes M] [--dir DIR]\n"
                         "  URL: an empty database, e.g. from scripts/pg_cluster start DIR\n");
    return 2;
  }
  try {
    run(o, {"postgresql", "postgresql, 2 processes", {"--store", o.postgres}, 2});
    run(o, {"sqlite", "sqlite, 1 process", {}, 1});
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fleet_bench: %s\n", e.what());
    return 1;
  }
  fs::remove_all(o.dir);
  return 0;
}
