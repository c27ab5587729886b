// store_bench: the local store's figures against the foundation's targets.
//
//   store_bench [--responses N] [--runs R] [--dir DIR]
//
// Prints a table: durable user actions per second, the cost of change
// tracking against plain SQLite inserts of the same rows (same run), demo
// generation of N responses, and opening that store and listing its events
// (time and peak memory, in a fresh process). Medians over R runs where a
// run is short. Plain main, no timing assertions: figures go in the README.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "bench_support.h"
#include "debrief/records.h"
#include "debrief/sentiment.h"
#include "debrief/store.h"

namespace fs = std::filesystem;
using namespace debrief;
using bench::check;
using bench::Clock;
using bench::median;
using bench::seconds_since;

namespace {

// A store with one person acting, `events` events and a survey of ten
// questions that are all shown, so each response has ten answers. The
// person answers each event once: one person, one voice, so a second
// answer to the same event would replace the first instead of adding a
// response.
struct Fixture {
  std::unique_ptr<Store> store;
  Id survey;
  std::vector<Id> events;
  Json answers;

  Fixture(const fs::path& dir, int event_count) {
    fs::remove_all(dir);
    store = check(Store::open(dir));
    Id me = check(create(*store, Kind::person, {{"name", "Bench Person"}}));
    check(store->set_me(me));
    Json questions = Json::array();
    answers = Json::object();
    for (int i = 0; i < 10; ++i) {
      std::string id = "q" + std::to_string(i);
      bool rating = i % 2 == 0;
      questions.push_back({{"id", id}, {"type", rating ? "rating" : "text"}, {"text", "Question " + id}});
      answers[id] = rating ? Json(1 + i % 5) : Json("a comment of a typical length, some twenty words or so long");
    }
    survey = check(create(*store, Kind::survey, {{"title", "Ten"}, {"kind", "post_event"}, {"questions", questions}}));
    check(store->transaction([&] {
      for (int i = 0; i < event_count; ++i) {
        Result<Id> e = create(*store, Kind::event, {{"title", "Bench " + std::to_string(i)},
                                                    {"starts_at", "2026-01-01T09:00"}, {"ends_at", "2026-01-01T17:00"}});
        DEBRIEF_TRY(e.status());
        events.push_back(*e);
      }
      return Status::ok();
    }));
  }

  // The person's answer about the i-th event.
  Json response(int i) const {
    return {{"survey", survey.hex()}, {"event", events[static_cast<std::size_t>(i)].hex()}, {"answers", answers}};
  }
};

// Durable actions: each response its own transaction, synchronous=FULL.
double durable_actions_per_s(const fs::path& dir, int n) {
  Fixture f(dir, n);
  auto t = Clock::now();
  for (int i = 0; i < n; ++i) check(create(*f.store, Kind::response, f.response(i)).status());
  return n / seconds_since(t);
}

// The same rows as n responses (response, ten answers with their sentiment
// scores, participation) inserted with plain prepared statements, no
// validation or change log.
double plain_rows_per_s(const fs::path& dir, int n, int batch) {
  Fixture f(dir, n);
  f.store.reset();
  sqlite3* db = nullptr;
  sqlite3_open((dir / "debrief.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", nullptr, nullptr, nullptr);
  sqlite3_stmt *resp, *ans, *part;
  sqlite3_prepare_v2(db, "INSERT INTO responses(id, created_at, survey, event, anonymous, author, team) VALUES(?,?,?,?,0,NULL,NULL)", -1, &resp, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO answers(response, question, part, num, text, sentiment) VALUES(?,?,'',?,?,?)", -1, &ans, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO participations(id, created_at, survey, event) VALUES(?,?,?,?)", -1, &part, nullptr);
  // Both row statements take (id, created_at, survey, event).
  auto insert_row = [&](sqlite3_stmt* st, const Id& id, const Id& event) {
    sqlite3_bind_blob(st, 1, id.bytes.data(), 16, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, 1);
    sqlite3_bind_blob(st, 3, f.survey.bytes.data(), 16, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 4, event.bytes.data(), 16, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
  };
  auto t = Clock::now();
  for (int i = 0; i < n; ++i) {
    if (i % batch == 0) sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    Id rid = Id::make(system_env()), pid = Id::make(system_env());
    const Id& event = f.events[static_cast<std::size_t>(i)];
    insert_row(resp, rid, event);
    for (const auto& [q, v] : f.answers.items()) {
      sqlite3_bind_blob(ans, 1, rid.bytes.data(), 16, SQLITE_TRANSIENT);
      sqlite3_bind_text(ans, 2, q.c_str(), -1, SQLITE_TRANSIENT);
      // The same rows include each text's sentiment score, so the plain path
      // computes it too.
      sqlite3_bind_null(ans, 5);
      if (v.is_number()) sqlite3_bind_int64(ans, 3, v.get<std::int64_t>()), sqlite3_bind_null(ans, 4);
      else sqlite3_bind_null(ans, 3), sqlite3_bind_text(ans, 4, v.get_ref<const std::string&>().c_str(), -1, SQLITE_TRANSIENT),
           sqlite3_bind_double(ans, 5, score_sentiment(v.get_ref<const std::string&>())->compound);
      sqlite3_step(ans);
      sqlite3_reset(ans);
    }
    insert_row(part, pid, event);
    if (i % batch == batch - 1 || i == n - 1) sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  double rate = n / seconds_since(t);
  for (sqlite3_stmt* s : {resp, ans, part}) sqlite3_finalize(s);
  sqlite3_close(db);
  return rate;
}

// The same n responses through the core (validation, change log), in
// transactions of `batch` actions.
double tracked_rows_per_s(const fs::path& dir, int n, int batch) {
  Fixture f(dir, n);
  auto t = Clock::now();
  for (int done = 0; done < n; done += batch) {
    check(f.store->transaction([&] {
      for (int i = done; i < std::min(n, done + batch); ++i) DEBRIEF_TRY(create(*f.store, Kind::response, f.response(i)).status());
      return Status::ok();
    }));
  }
  return n / seconds_since(t);
}

double generate(const fs::path& dir, std::int64_t responses) {
  fs::remove_all(dir);
  auto t = Clock::now();
  bench::generate_demo_store(dir, responses);
  return seconds_since(t);
}

// This process's peak resident memory in KiB (VmHWM: of its own address
// space, so not the parent's it was forked from).
long peak_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// The child's part of open_and_list: opens the store in `dir`, lists its
// events, and writes the seconds that took and its peak memory to standard
// output (binary).
int open_and_list_here(const char* dir) {
  auto t = Clock::now();
  auto store = check(Store::open(dir, {.create = false}));
  auto events = check(list(*store, Kind::event));
  std::pair<double, long> out{seconds_since(t) + (events.empty() ? 1e9 : 0), peak_kib()};
  return write(STDOUT_FILENO, &out, sizeof out) == sizeof out ? 0 : 2;
}

// Opens the store and lists its events in a fresh process (this program
// run again); returns its wall time for that and its peak resident memory
// in KiB.
std::pair<double, long> open_and_list(const fs::path& dir) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return {0, 0};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(pipefd[1], STDOUT_FILENO);
    execl("/proc/self/exe", "store_bench", "--open-and-list", dir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipefd[1]);
  std::pair<double, long> out{-1, -1};
  if (read(pipefd[0], &out, sizeof out) != sizeof out) out = {-1, -1};
  close(pipefd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--open-and-list") return open_and_list_here(argv[2]);
  auto [responses, runs, dir] = bench::parse_store_args("store_bench", argc, argv);
  fs::create_directories(dir);
  std::vector<double> durable, plain, tracked;
  for (int r = 0; r < runs; ++r) {
    durable.push_back(durable_actions_per_s(dir / "durable", 2000));
    plain.push_back(plain_rows_per_s(dir / "plain", 20000, 1000));
    tracked.push_back(tracked_rows_per_s(dir / "tracked", 20000, 1000));
  }
  std::printf("%-62s %14s %s\n", "measure", "figure", "target");
  std::printf("%-62s %10.0f /s %s\n", "durable 10-answer responses, one transaction each (median)", median(durable), ">= 2,000 /s");
  std::printf("%-62s %10.0f /s\n", "plain SQLite: same rows, 1,000 responses per transaction", median(plain));
  std::printf("%-62s %10.0f /s\n", "core with change log: same, 1,000 per transaction", median(tracked));
  std::printf("%-62s %12.2fx %s\n", "change-tracking cost (plain rate / core rate)", median(plain) / median(tracked), "<= 1.5x");
  double gen = generate(dir / "demo", responses);
  std::printf("%-62s %12.1f s %s\n", ("demo generate, " + std::to_string(responses) + " responses").c_str(), gen, "<= 60 s");
  std::vector<double> open_ms;
  long peak = 0;
  for (int r = 0; r < runs; ++r) {
    auto [s, kib] = open_and_list(dir / "demo");
    open_ms.push_back(s * 1000);
    peak = std::max(peak, kib);
  }
  std::printf("%-62s %11.1f ms %s\n", "open that store and list its events (median)", median(open_ms), "<= 100 ms");
  std::printf("%-62s %10.1f MiB %s\n", "peak memory of that process", static_cast<double>(peak) / 1024.0, "<= 64 MiB");
  fs::remove_all(dir);
  return 0;
}
