// The real debrief-server process, killed with SIGKILL in the middle of a
// device's push and started again: nothing acknowledged is lost, nothing is
// applied twice.
#include <future>

#include "../support/server_process.h"
#include "debrief/platform/credentials_file.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;
using namespace std::chrono_literals;

TEST_CASE("a server killed mid-push and restarted loses nothing and duplicates nothing", "[sync][faults][process]") {
  TempDir tmp;
  std::string data = (tmp.path() / "server").string();
  ProcessStore where;
  auto with_store = [&](std::vector<std::string> args) {
    std::vector<std::string> all = where.args();
    all.insert(all.end(), args.begin(), args.end());
    return all;
  };
  Json codes = Json::parse(testproc::server_command(data, with_store({"admin", "demo-seed"})));
  REQUIRE(codes.size() > 2);
  Id to = ok(Id::parse(codes[1]["person"].get<std::string>()));

  auto server = std::make_unique<testproc::ServerProcess>(data, "127.0.0.1:0", where.args());
  std::uint16_t port = server->port();
  auto store = ok(Store::open(tmp.path() / "device"));
  auto keys = platform::file_credentials(tmp.path() / "device" / "credentials.json");
  auto link = ok(sync::enroll(*store, "127.0.0.1", port, ok(sync::EnrolmentCode::parse(codes[0]["code"].get<std::string>())), "phone", *keys));
  ok(sync::sync_once(*store, link).status());
  ok(store->set_me(link.person));
  constexpr int kKudos = 400;
  add_kudos(*store, to, kKudos, "round");
  std::int64_t pending = ok(store->info()).pending_changes;

  // Push in small batches on another thread; kill the server once some, not
  // all, batches are acknowledged.
  sync::SyncOptions small;
  small.push_batch = 5;
  auto pushing = std::async(std::launch::async, [&, l = link] {
    auto own = ok(Store::open(tmp.path() / "device"));
    return sync::sync_once(*own, l, small).status();
  });
  wait_pending_below(tmp.path() / "device", pending - 50, 5s);
  server->kill_now();
  CHECK(!pushing.get().is_ok());
  std::int64_t left = ok(store->info()).pending_changes;
  CHECK(left < pending);
  CHECK(left > 0);

  server = std::make_unique<testproc::ServerProcess>(data, "127.0.0.1:" + std::to_string(port), where.args());
  CHECK(server->port() == port);
  auto done = ok(sync::sync_once(*store, link));
  CHECK(done.pushed == left);
  CHECK(ok(store->info()).pending_changes == 0);
  server.reset();

  Json counts = Json::parse(testproc::server_command(data, with_store({"stats"})));
  CHECK(counts["records"]["kudos"].get<int>() >= kKudos);  // the demo's kudos plus ours
  auto ours = ok(list(*store, Kind::kudos, {.where = {{"to", to.hex()}}}));
  std::size_t from_us = 0;
  for (const Json& k : ours) from_us += k["author"] == link.person.hex();
  CHECK(from_us == static_cast<std::size_t>(kKudos));
}
