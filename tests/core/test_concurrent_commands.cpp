// Several processes on one store at once, as two `debrief` commands in two
// terminals: they take turns (none fails with "database is locked"), and
// every change keeps a (device, clock) pair of its own, as the protocol says
// that pair names one change.
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "debrief/change_log.h"
#include "debrief/replication.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

constexpr int kWriters = 3, kWrites = 120;

// In a child: opens the store and writes `kWrites` reflections on `event`,
// one action each, or (`reader`) reads its status as often; exits 0 when all
// worked.
[[noreturn]] void work(const std::filesystem::path& dir, bool reader, const std::string& event) {
  for (int i = 0; i < kWrites; ++i) {
    auto store = Store::open(dir);  // each action opens the store, as a command does
    if (!store.is_ok()) _exit(3);
    Status s = reader ? (*store)->info().status()
                      : create(**store, Kind::reflection, {{"event", event}, {"text", "note " + std::to_string(i)}}).status();
    if (!s.is_ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      _exit(4);
    }
  }
  _exit(0);
}

}  // namespace

TEST_CASE("commands at once on one store take turns, and each change keeps its own clock", "[store][concurrency]") {
  test::World w;
  w.store.reset();  // no connection crosses a fork
  std::vector<pid_t> children;
  for (int i = 0; i <= kWriters; ++i) {
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) work(w.store_dir(), i == kWriters, w.event.hex());
    children.push_back(child);
  }
  for (pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  w.reopen();
  CHECK(test::live_count(*w.store, Kind::reflection) == kWriters * kWrites);
  std::vector<Change> changes = ok(changes_after(*w.store, 0));
  std::set<std::pair<Id, std::uint64_t>> pairs;
  for (const Change& c : changes) pairs.insert({c.device, c.hlc.value});
  CHECK(pairs.size() == changes.size());
}
