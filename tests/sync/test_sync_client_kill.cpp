// A device killed with SIGKILL in the middle of its push: after it starts
// again, everything it had is on the server exactly once.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;
using namespace std::chrono_literals;

TEST_CASE("a device killed mid-push resumes and nothing is lost or doubled", "[sync][faults][process]") {
  Server server;
  Device d(server, server.people().p1);
  constexpr int kKudos = 400;
  add_kudos(*d.store, server.people().p2, kKudos, "trip");
  std::int64_t pending = ok(d.store->info()).pending_changes;
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {  // the device's app, pushing in small batches
    auto own = Store::open(d.tmp.path());
    sync::SyncOptions small;
    small.push_batch = 5;
    if (own.is_ok()) (void)sync::sync_once(**own, d.link, small);
    _exit(0);
  }
  bool partway = wait_pending_below(d.tmp.path(), pending - 50, 10s);
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  CHECK(partway);
  auto resumed = ok(Store::open(d.tmp.path()));
  CHECK(ok(resumed->info()).pending_changes > 0);
  ok(sync::sync_once(*resumed, d.link).status());
  CHECK(ok(resumed->info()).pending_changes == 0);
  auto on_server = server.on_server([&](Store& s) {
    std::size_t kudos = ok(list(s, Kind::kudos)).size(), logged = 0;
    for (const Change& c : ok(changes_after(s, 0))) logged += c.kind == Kind::kudos;
    return std::make_pair(kudos, logged);
  });
  CHECK(on_server.first == static_cast<std::size_t>(kKudos));
  CHECK(on_server.second == static_cast<std::size_t>(kKudos));
}
