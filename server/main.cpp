// debrief-server: the sync server, and its administration.
//
//   debrief-server --data DIR [--listen HOST:PORT]     run; prints "listening on HOST:PORT"
//   debrief-server --data DIR admin <kind> create ...   the directory, as with `debrief`
//   debrief-server --data DIR admin enroll-code --person ID
//   debrief-server --data DIR admin revoke --device ID | enrolled | demo-seed
//   debrief-server --data DIR stats
#include <boost/asio/signal_set.hpp>

#include <iostream>

#include "context.h"
#include "debrief/demo.h"
#include "debrief/sync/client.h"
#include "debrief/sync/server.h"
#include "debrief/time.h"
#include "output.h"

namespace fs = std::filesystem;
using namespace debrief;
using namespace debrief::cli;

namespace {

struct ServerPaths {
  fs::path root;
  fs::path replica() const { return root / "store"; }
  fs::path tls() const { return root / "tls"; }
  fs::path devices() const { return root / "devices.db"; }
};

std::unique_ptr<sync::DeviceRegistry> open_registry(const ServerPaths& p) {
  fs::create_directories(p.root);
  return must(sync::open_sqlite_registry(p.devices(), system_env()));
}

std::string code_for(const ServerPaths& p, const Id& person, std::int64_t valid_days) {
  sync::TlsIdentity tls = must(sync::ensure_tls_identity(p.tls()));
  std::string secret = must(open_registry(p)->make_code(person, valid_days * 86400));
  return sync::EnrolmentCode{secret, tls.fingerprint}.text();
}

int serve(Context& ctx, const ServerPaths& paths, const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) return Context::fail("--listen takes HOST:PORT");
  sync::ServerOptions options;
  options.host = listen.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[') options.host = options.host.substr(1, options.host.size() - 2);
  options.port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));
  sync::TlsIdentity tls = must(sync::ensure_tls_identity(paths.tls()));
  auto registry = open_registry(paths);
  boost::asio::io_context io;
  sync::Server server(io, ctx.store(), *registry, tls, options);
  auto at = must(server.start());
  std::string host = at.address().is_v6() ? "[" + at.address().to_string() + "]" : at.address().to_string();
  std::cout << "listening on " << host << ":" << at.port() << std::endl;
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](auto, int) {
    server.stop();
    io.stop();
  });
  io.run();
  return 0;
}

void add_admin(CLI::App& app, Context& ctx, const ServerPaths& paths) {
  CLI::App* admin = app.add_subcommand("admin", "manage the organisation, people, devices and enrolment");
  admin->require_subcommand(1);
  admin->fallthrough();
  add_record_commands(*admin, ctx);

  CLI::App* code = admin->add_subcommand("enroll-code", "print a one-time enrolment code for a person");
  code->fallthrough();
  static std::string person;
  static std::int64_t days = 7;
  code->add_option("--person", person, "the person's id or prefix")->required();
  code->add_option("--valid-days", days, "how long the code works")->capture_default_str();
  code->callback([&ctx, &paths] {
    ctx.run([&ctx, &paths] {
      Id who = must(resolve_id(ctx.store(), Kind::person, person));
      std::string text = code_for(paths, who, days);
      if (ctx.json) std::cout << Json{{"person", who.hex()}, {"code", text}}.dump() << "\n";
      else std::cout << text << "\n";
      return 0;
    });
  });

  CLI::App* revoke = admin->add_subcommand("revoke", "revoke a device: it may no longer sync");
  revoke->fallthrough();
  static std::string device;
  revoke->add_option("--device", device, "the device id (32 hex digits)")->required();
  revoke->callback([&ctx, &paths] {
    ctx.run([&paths] {
      Id id = must(Id::parse(device));
      must(open_registry(paths)->revoke(id));
      std::cout << "revoked " << id.hex() << "\n";
      return 0;
    });
  });

  CLI::App* devices = admin->add_subcommand("enrolled", "list enrolled devices and whether they are revoked");
  devices->fallthrough();
  devices->callback([&ctx, &paths] {
    ctx.run([&ctx, &paths] {
      Json out = Json::array();
      for (const auto& d : must(open_registry(paths)->devices()))
        out.push_back({{"device", d.device.hex()}, {"person", d.person.hex()}, {"name", d.name}, {"revoked", d.revoked}});
      std::cout << out.dump(ctx.json ? -1 : 2) << "\n";
      return 0;
    });
  });

  CLI::App* seed = admin->add_subcommand("demo-seed", "create a demo organisation and print enrolment codes as JSON");
  seed->fallthrough();
  seed->callback([&ctx, &paths] {
    ctx.run([&ctx, &paths] {
      static SeededEnv env(11, must(parse_time("2025-01-06")) * 1000);
      Store& store = ctx.store(&env);
      must(generate_demo(store, {.people = 24, .events = 4, .responses = 120, .seed = 11}));
      Json people = Json::array();
      for (const Json& p : must(list(store, Kind::person))) {
        Id id = must(Id::parse(p["id"].get<std::string>()));
        people.push_back({{"person", p["id"]}, {"name", p["name"]}, {"role", p["role"]}, {"code", code_for(paths, id, 30)}});
      }
      std::cout << people.dump(2) << "\n";
      return 0;
    });
  });
}

}  // namespace

int main(int argc, char** argv) {
  Context ctx;
  static ServerPaths paths;
  std::string data, listen = "127.0.0.1:7443";
  CLI::App app{"debrief-server: the Debrief sync server", "debrief-server"};
  app.fallthrough();
  app.add_option("--data", data, "the server's data directory")->required();
  app.add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)")->capture_default_str();
  app.add_flag("--json", ctx.json, "print machine-readable JSON");
  add_admin(app, ctx, paths);
  CLI::App* stats = app.add_subcommand("stats", "devices, records and changes held by the server");
  stats->callback([&ctx] {
    ctx.run([&ctx] {
      StoreInfo info = must(ctx.store().info());
      auto devices = must(open_registry(paths)->devices());
      Json counts = Json::object();
      for (const KindCount& c : info.counts) counts[std::string(spec_of(c.kind).plural)] = c.live;
      std::cout << Json{{"devices", devices.size()}, {"changes", info.total_changes}, {"records", counts}}.dump(2) << "\n";
      return 0;
    });
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  paths.root = data;
  ctx.data_dir = paths.replica().string();
  if (app.get_subcommands().empty()) {
    try {
      return serve(ctx, paths, listen);
    } catch (const CommandError& e) {
      return Context::fail(e.status);
    }
  }
  return ctx.run_selected();
}
