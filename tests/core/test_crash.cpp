// Crash safety: a writer killed with SIGKILL mid-stream leaves a store that
// opens, passes integrity_check, and holds every action that returned, each
// whole (a colleague with a response, its answers and its participation),
// plus at most the one in flight.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

const Json kAnswers = {{"score", 4}, {"keep", "the long lunch"}, {"parts", {"food"}}};

// In the child: a new colleague answers the survey, over and over (one
// voice each), one transaction each, writing each response's id to `fd`
// once the transaction has returned. Never returns.
[[noreturn]] void answer_forever(const std::filesystem::path& dir, const Id& survey, const Id& event, int fd) {
  auto store = Store::open(dir);
  if (!store.is_ok()) _exit(3);
  const Json fields = {{"survey", survey.hex()}, {"event", event.hex()}, {"answers", kAnswers}};
  for (int i = 0; i < 1000000; ++i) {
    Id response;
    Status done = (*store)->transaction([&]() -> Status {
      Result<Id> person = create(**store, Kind::person, {{"name", "Colleague " + std::to_string(i)}});
      DEBRIEF_TRY(person.status());
      DEBRIEF_TRY((*store)->set_me(*person));
      Result<Id> id = create(**store, Kind::response, fields);
      DEBRIEF_TRY(id.status());
      response = *id;
      return Status::ok();
    });
    if (!done.is_ok()) _exit(4);
    if (write(fd, response.bytes.data(), 16) != 16) _exit(5);
  }
  _exit(0);
}

// Reads ids from `fd` into `ids` until there are `want`, the writer closes,
// or the deadline passes.
void read_ids(int fd, std::size_t want, std::vector<Id>& ids, std::string& pending_bytes,
              std::chrono::steady_clock::time_point deadline) {
  char buf[4096];
  while (ids.size() < want && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return;
    pending_bytes.append(buf, static_cast<std::size_t>(n));
    for (; pending_bytes.size() >= 16; pending_bytes.erase(0, 16)) {
      Id id;
      std::copy_n(pending_bytes.begin(), 16, id.bytes.begin());
      ids.push_back(id);
    }
  }
}

struct Run {
  std::vector<Id> committed;
  int wait_status = 0;
};

// Forks a writer, lets it commit at least `kill_after` responses, kills it
// with SIGKILL, and collects every id it reported before dying.
Run run_and_kill(const test::World& w, std::size_t kill_after) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    answer_forever(w.store_dir(), w.survey, w.event, fds[1]);
  }
  close(fds[1]);
  Run run;
  std::string partial;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  read_ids(fds[0], kill_after, run.committed, partial, deadline);
  kill(child, SIGKILL);
  read_ids(fds[0], SIZE_MAX, run.committed, partial, deadline);  // reported before the kill
  close(fds[0]);
  waitpid(child, &run.wait_status, 0);
  return run;
}

}  // namespace

TEST_CASE("a writer killed with SIGKILL loses nothing it committed, and leaves no half action", "[crash]") {
  test::World w;
  for (std::size_t round = 0; round < 3; ++round) {
    const std::int64_t before = test::live_count(*w.store, Kind::response);
    w.store.reset();  // no connection crosses the fork

    Run run = run_and_kill(w, 100 + 100 * round);
    INFO("round " << round << ", " << run.committed.size() << " reported");
    REQUIRE(WIFSIGNALED(run.wait_status));
    REQUIRE(WTERMSIG(run.wait_status) == SIGKILL);
    REQUIRE(run.committed.size() >= 100 + 100 * round);

    CHECK(test::RawDb(test::db_file(w.store_dir())).scalar("PRAGMA integrity_check") == "ok");
    w.reopen();
    for (const Id& id : run.committed) CHECK(get(*w.store, Kind::response, id).is_ok());
    for (const Json& r : ok(list(*w.store, Kind::response))) CHECK(r["answers"] == kAnswers);
    const auto reported = static_cast<std::int64_t>(run.committed.size());
    const std::int64_t now = test::live_count(*w.store, Kind::response);
    CHECK(now >= before + reported);
    CHECK(now <= before + reported + 1);  // at most the one in flight
    CHECK(test::live_count(*w.store, Kind::participation) == now);  // one voice per colleague, each whole
  }
}
