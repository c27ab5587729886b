// `debrief enroll` and `debrief sync`: join a Debrief server and sync with it.
#include <pthread.h>
#include <signal.h>

#include <iostream>

#include "context.h"
#include "debrief/fields.h"
#include "debrief/platform/background_sync.h"
#include "debrief/platform/credentials_file.h"
#include "debrief/sync/client.h"
#include "debrief/sync/engine.h"
#include "progress.h"

namespace debrief::cli {
namespace {

struct HostPort {
  std::string host;
  std::uint16_t port = 0;
};

HostPort parse_server(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) throw CommandError{invalid("--server takes HOST:PORT, not '" + text + "'")};
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  try {
    int port = std::stoi(text.substr(colon + 1));
    if (port > 0 && port < 65536) return {host, static_cast<std::uint16_t>(port)};
  } catch (const std::exception&) {
  }
  throw CommandError{invalid("'" + text.substr(colon + 1) + "' is not a port")};
}

// The device credential's desktop storage, beside the store.
std::shared_ptr<sync::Credentials> credentials_of(Store& store) {
  return platform::file_credentials(platform::credentials_file(store.dir()));
}

// "Ana Lima (manager)": the person a device acts for, once synced; their id
// when their record has not arrived.
std::string who(Store& store, Id person) {
  Result<Json> p = get(store, Kind::person, person);
  if (!p.is_ok()) return "person " + person.hex() + " (their record has not arrived yet)";
  RecordView<Kind::person> view(*p);
  return view.text("name") + " (" + view.text("role") + ")";
}

// Runs one pass with a progress bar; prints what moved.
int run_sync(Context& ctx) {
  Store& store = ctx.store();
  ProgressBar bar;
  sync::SyncProgress done = must(sync::sync_with_saved_link(store, *credentials_of(store), [&](const sync::SyncProgress& p) {
    if (p.phase == "pushing") bar.update("pushing", p.pushed, std::max(p.pending, p.pushed));
    if (p.phase == "pulling") bar.update("pulling", p.pulled, p.pulled);
    if (p.phase == "sending media") bar.update("sending media", p.media_bytes_sent, p.media_bytes_to_send);
    if (p.phase == "receiving media") bar.update("receiving media", p.media_bytes_received, p.media_bytes_to_receive);
  }));
  bar.finish();
  sync::ServerLink link = must(sync::load_link(store.dir()));
  Json j = {{"pushed", done.pushed}, {"pulled", done.pulled}, {"bytes_sent", done.bytes_sent},
            {"bytes_received", done.bytes_received}, {"media_sent", done.media_sent},
            {"media_received", done.media_received}, {"refused", done.refused},
            {"server", link.host + ":" + std::to_string(link.port)}};
  if (ctx.json) std::cout << j.dump() << "\n";
  else
    std::cout << "in sync with " << j["server"].get<std::string>() << ": pushed " << done.pushed << ", pulled " << done.pulled
              << " changes; sent " << done.media_sent << ", received " << done.media_received << " media files\n";
  if (!ctx.json && done.refused > 0)
    std::cout << done.refused << (done.refused == 1 ? " change was" : " changes were")
              << " refused by the server and set aside; the rest went through (debrief refused says why)\n";
  return 0;
}

// Runs the background engine in the foreground, one line per state change,
// until SIGINT or SIGTERM. Like the apps, it waits offline while the
// server's network is down and syncs as soon as it is back.
int run_live(Context& ctx) {
  std::filesystem::path dir = ctx.store().dir();
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // the engine's thread inherits this
  std::string last;
  std::unique_ptr<platform::BackgroundSync> engine = must(platform::BackgroundSync::start(
      dir, credentials_of(ctx.store()), {}, [&](const sync::EngineEvent& e) {
        std::string line = std::string(sync::state_name(e.state)) + (e.reason.empty() ? "" : ": " + e.reason);
        if (line == last) return;
        last = line;
        if (ctx.json) std::cout << Json{{"state", sync::state_name(e.state)}, {"reason", e.reason}, {"pushed", e.progress.pushed}, {"pulled", e.progress.pulled}}.dump() << std::endl;
        else std::cout << line << std::endl;
      }, [&] { if (!ctx.json) std::cout << "received changes" << std::endl; }));
  int sig = 0;
  sigwait(&stop_signals, &sig);
  return 0;  // `engine` stops as it goes
}

}  // namespace

void add_sync_commands(CLI::App& app, Context& ctx) {
  CLI::App* enroll = app.add_subcommand("enroll", "join a Debrief server with an enrolment code");
  enroll->fallthrough();
  static std::string server, code, name = "this device";
  enroll->add_option("--server", server, "the server, as HOST:PORT")->required();
  enroll->add_option("--code", code, "the enrolment code your admin gave you")->required();
  enroll->add_option("--name", name, "what to call this device")->capture_default_str();
  enroll->callback([&ctx] {
    ctx.run([&ctx] {
      HostPort at = parse_server(server);
      sync::EnrolmentCode parsed = must(sync::EnrolmentCode::parse(code));
      sync::ServerLink link = must(sync::enroll(ctx.store(), at.host, at.port, parsed, name, *credentials_of(ctx.store())));
      int synced = run_sync(ctx);
      if (!ctx.json) std::cout << "enrolled as " << who(ctx.store(), link.person) << "\n";
      return synced;
    });
  });
  CLI::App* sync = app.add_subcommand("sync", "send pending changes to the server and receive new ones");
  sync->fallthrough();
  static bool live = false;
  sync->add_flag("--live", live, "stay connected: receive changes as they happen, retry on failure (Ctrl-C ends)");
  sync->callback([&ctx] { ctx.run([&ctx] { return live ? run_live(ctx) : run_sync(ctx); }); });
}

}  // namespace debrief::cli
