// The real debrief-server process, killed with SIGKILL in the middle of a
// device's push and started again: nothing acknowledged is lost, nothing is
// applied twice.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <cstdio>
#include <future>

#include "sync_fixture.h"

#include "debrief/platform/credentials_file.h"

using namespace debrief;
using namespace synctest;
using namespace std::chrono_literals;

namespace {

// Runs debrief-server with `args`; returns its pid, with its stdout on `out`.
pid_t spawn_server(const std::vector<std::string>& args, FILE** out) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    std::vector<char*> argv{const_cast<char*>(DEBRIEF_SERVER)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(DEBRIEF_SERVER, argv.data());
    _exit(127);
  }
  close(fds[1]);
  *out = fdopen(fds[0], "r");
  return pid;
}

std::string read_all(FILE* f) {
  std::string s;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, f)) s.append(buf, n);
  std::fclose(f);
  return s;
}

// Starts the server on `listen`; returns its pid and the port it chose.
std::pair<pid_t, std::uint16_t> start(const std::string& data, const std::string& listen) {
  FILE* out = nullptr;
  pid_t pid = spawn_server({"--data", data, "--listen", listen}, &out);
  char line[256] = {};
  REQUIRE(std::fgets(line, sizeof line, out) != nullptr);  // "listening on HOST:PORT"
  std::string text = line;
  REQUIRE(text.rfind("listening on ", 0) == 0);
  std::fclose(out);
  return {pid, static_cast<std::uint16_t>(std::stoi(text.substr(text.rfind(':') + 1)))};
}

}  // namespace

TEST_CASE("a server killed mid-push and restarted loses nothing and duplicates nothing", "[sync][faults][process]") {
  TempDir tmp;
  std::string data = (tmp.path() / "server").string();
  FILE* seed_out = nullptr;
  pid_t seeder = spawn_server({"--data", data, "admin", "demo-seed"}, &seed_out);
  Json codes = Json::parse(read_all(seed_out));
  waitpid(seeder, nullptr, 0);
  REQUIRE(codes.size() > 2);
  Id to = ok(Id::parse(codes[1]["person"].get<std::string>()));

  auto [pid, port] = start(data, "127.0.0.1:0");
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
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  CHECK(!pushing.get().is_ok());
  std::int64_t left = ok(store->info()).pending_changes;
  CHECK(left < pending);
  CHECK(left > 0);

  auto [again, same_port] = start(data, "127.0.0.1:" + std::to_string(port));
  CHECK(same_port == port);
  auto done = ok(sync::sync_once(*store, link));
  CHECK(done.pushed == left);
  CHECK(ok(store->info()).pending_changes == 0);
  kill(again, SIGTERM);
  waitpid(again, nullptr, 0);

  FILE* stats_out = nullptr;
  pid_t stats = spawn_server({"--data", data, "stats"}, &stats_out);
  Json counts = Json::parse(read_all(stats_out));
  waitpid(stats, nullptr, 0);
  CHECK(counts["records"]["kudos"].get<int>() >= kKudos);  // the demo's kudos plus ours
  auto ours = ok(list(*store, Kind::kudos, {.where = {{"to", to.hex()}}}));
  std::size_t from_us = 0;
  for (const Json& k : ours) from_us += k["author"] == link.person.hex();
  CHECK(from_us == static_cast<std::size_t>(kKudos));
}
