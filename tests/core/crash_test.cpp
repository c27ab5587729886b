// Crash safety: a writer killed with SIGKILL mid-stream leaves a store that
// opens, passes integrity_check, and holds exactly what committed.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

using namespace debrief;
using test::ok;

namespace {

// In the child: opens the store and creates teams one action at a time,
// writing each committed id to `fd` after create returns. Never returns.
[[noreturn]] void write_forever(const std::filesystem::path& dir, int fd) {
  auto store = Store::open(dir);
  if (!store.is_ok()) _exit(3);
  for (int i = 0; i < 1000000; ++i) {
    auto id = create(**store, Kind::team, {{"name", "Team " + std::to_string(i)}});
    if (!id.is_ok()) _exit(4);
    if (write(fd, id->bytes.data(), 16) != 16) _exit(5);
  }
  _exit(0);
}

std::string integrity(const std::filesystem::path& db) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr);
  std::string result = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
  sqlite3_finalize(st);
  sqlite3_close(h);
  return result;
}

}  // namespace

TEST_CASE("a writer killed with SIGKILL loses nothing it committed", "[crash]") {
  test::TempDir dir;
  { auto store = ok(Store::open(dir.path())); }  // created before the child starts
  std::size_t committed_total = 0;
  for (int round = 0; round < 3; ++round) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(fds[0]);
      write_forever(dir.path(), fds[1]);
    }
    close(fds[1]);
    std::vector<Id> committed;
    const std::size_t kill_after = 200 + 150 * static_cast<std::size_t>(round);
    Id id;
    while (committed.size() < kill_after && read(fds[0], id.bytes.data(), 16) == 16) committed.push_back(id);
    kill(child, SIGKILL);
    while (read(fds[0], id.bytes.data(), 16) == 16) committed.push_back(id);  // reported before the kill
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(committed.size() >= kill_after);

    CHECK(integrity(dir.path() / "debrief.db") == "ok");
    auto store = ok(Store::open(dir.path()));
    std::set<std::string> present;
    for (const Json& t : ok(list(*store, Kind::team))) present.insert(t["id"]);
    for (const Id& c : committed) CHECK(present.count(c.hex()) == 1);
    // At most the one action in flight at the kill committed unreported.
    CHECK(present.size() <= committed_total + committed.size() + 1);
    committed_total = present.size();
  }
}
