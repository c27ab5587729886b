// debrief-server: the sync server, and its administration.
//
//   debrief-server --data DIR [--store URL] [--listen HOST:PORT]   run; prints "listening on HOST:PORT"
//   debrief-server --data DIR admin <kind> create ...   the directory, as with `debrief`
//   debrief-server --data DIR admin enroll-code --person ID [--qr]
//   debrief-server --data DIR admin revoke --device ID | enrolled | demo-seed
//   debrief-server --data DIR [--store URL] admin backup --out FILE | restore --from FILE
//   debrief-server --data DIR stats
#include <boost/asio/signal_set.hpp>

#include <iostream>

#include "context.h"
#include "enrolment_qr.h"
#include "debrief/demo.h"
#include "debrief/fields.h"
#include "debrief/sync/client.h"
#include "debrief/sync/postgres_store.h"
#include "debrief/sync/server_backup.h"
#include "debrief/sync/server.h"
#include "debrief/time.h"
#include "output.h"
#include "progress.h"

namespace fs = std::filesystem;
using namespace debrief;
using namespace debrief::cli;

namespace {

// The server's data directory and its store (opened on first use): SQLite
// under the directory, or PostgreSQL at --store with a cache of the
// records under the directory.
struct ServerData {
  fs::path root;
  std::string url;  // --store; empty: SQLite
  std::unique_ptr<sync::ServerStore> store;

  sync::ServerStore& open(Env* env = nullptr) {
    Env& e = env ? *env : system_env();
    if (store) return *store;
    if (url.empty()) store = must(sync::open_sqlite_server_store(root, e));
    else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
      store = must(sync::open_postgres_server_store(url, root / "cache", e));
    else throw CommandError{invalid("--store takes a postgresql:// URL (leave it out for SQLite under --data)")};
    return *store;
  }
  sync::TlsIdentity tls() { return must(open().tls_identity(root / "tls")); }
};

std::string code_for(ServerData& data, const Id& person, std::int64_t valid_days) {
  sync::TlsIdentity tls = data.tls();
  std::string secret = must(data.open().registry().make_code(person, valid_days * 86400));
  return sync::EnrolmentCode{secret, tls.fingerprint}.text();
}

int serve(ServerData& data, const std::string& listen, std::chrono::seconds hello_timeout) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) return Context::fail("--listen takes HOST:PORT");
  sync::ServerOptions options;
  options.host = listen.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[') options.host = options.host.substr(1, options.host.size() - 2);
  options.port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));
  options.hello_timeout = hello_timeout;
  sync::TlsIdentity tls = data.tls();
  boost::asio::io_context io;
  sync::Server server(io, data.open(), tls, options);
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

void print_counts(const Context& ctx, const char* what, const sync::BackupCounts& n) {
  Json j{{"devices", n.devices}, {"codes", n.codes}, {"pooled", n.pooled}, {"changes", n.changes}};
  if (ctx.json) std::cout << j.dump() << "\n";
  else
    std::cout << what << " " << n.changes << " changes, " << n.devices << " devices, " << n.codes << " enrolment codes, "
              << n.pooled << " anonymous responses waiting\n";
}

void add_admin(CLI::App& app, Context& ctx, ServerData& data) {
  CLI::App* admin = app.add_subcommand("admin", "manage the organisation, people, devices and enrolment");
  admin->require_subcommand(1);
  admin->fallthrough();
  add_record_commands(*admin, ctx);

  CLI::App* code = admin->add_subcommand("enroll-code", "print a one-time enrolment code for a person");
  code->fallthrough();
  static std::string person;
  static std::int64_t days = 7;
  static bool qr = false;
  code->add_option("--person", person, "the person's id, prefix or exact name")->required();
  code->add_option("--valid-days", days, "how long the code works")->capture_default_str();
  code->add_flag("--qr", qr, "also draw it as a QR code for a phone to scan (with --json: as \"qr\")");
  code->callback([&ctx, &data] {
    ctx.run([&ctx, &data] {
      Id who = must(resolve_id(ctx.store(), Kind::person, person));
      std::string text = code_for(data, who, days);
      std::string art = qr ? must(server::qr_art(text)) : "";
      if (ctx.json) {
        Json j = {{"person", who.hex()}, {"code", text}};
        if (qr) j["qr"] = art;
        std::cout << j.dump() << "\n";
      } else {
        std::cout << text << "\n" << (qr ? "\n" + art : "");
      }
      return 0;
    });
  });

  CLI::App* revoke = admin->add_subcommand("revoke", "revoke a device: it may no longer sync");
  revoke->fallthrough();
  static std::string device;
  revoke->add_option("--device", device, "the device id (32 hex digits)")->required();
  revoke->callback([&ctx, &data] {
    ctx.run([&data] {
      Id id = must(Id::parse(device));
      must(data.open().registry().revoke(id));
      std::cout << "revoked " << id.hex() << "\n";
      return 0;
    });
  });

  CLI::App* devices = admin->add_subcommand("enrolled", "list enrolled devices and whether they are revoked");
  devices->fallthrough();
  devices->callback([&ctx, &data] {
    ctx.run([&ctx, &data] {
      Json out = Json::array();
      for (const auto& d : must(data.open().registry().devices()))
        out.push_back({{"device", d.device.hex()}, {"person", d.person.hex()}, {"name", d.name}, {"revoked", d.revoked}});
      std::cout << out.dump(ctx.json ? -1 : 2) << "\n";
      return 0;
    });
  });

  CLI::App* save = admin->add_subcommand("backup", "write the server's data (records, devices, TLS identity) to a file");
  save->fallthrough();
  static std::string backup_file;
  save->add_option("--out", backup_file, "the backup file (it holds the server's private key: keep it safe)")->required();
  save->callback([&ctx, &data] {
    ctx.run([&ctx, &data] {
      ProgressBar bar;
      sync::BackupCounts n = must(sync::backup(data.open(), data.root / "tls", backup_file,
                                               [&](std::int64_t done, std::int64_t) { bar.update("backing up", done, done); }));
      bar.finish();
      print_counts(ctx, "backed up", n);
      return 0;
    });
  });

  CLI::App* load = admin->add_subcommand("restore", "restore a backup into this (empty) store; devices pull again");
  load->fallthrough();
  static std::string restore_file;
  load->add_option("--from", restore_file, "a file written by admin backup")->required();
  load->callback([&ctx, &data] {
    ctx.run([&ctx, &data] {
      ProgressBar bar;
      sync::BackupCounts n = must(sync::restore(data.open(), data.root / "tls", restore_file,
                                                [&](std::int64_t done, std::int64_t total) { bar.update("restoring", done, total); }));
      bar.finish();
      print_counts(ctx, "restored", n);
      return 0;
    });
  });

  CLI::App* seed = admin->add_subcommand("demo-seed", "create a demo organisation and print enrolment codes as JSON");
  seed->fallthrough();
  seed->callback([&ctx, &data] {
    ctx.run([&ctx, &data] {
      static SeededEnv env(11, must(parse_time("2025-01-06")) * 1000);
      Store& store = ctx.store(&env);
      // 480 answers: five in six of the voices there are, so that most
      // teams' groups reach the threshold of 5 and a demo manager's first
      // dashboard shows results, with some groups withheld.
      must(generate_demo(store, {.people = 24, .events = 4, .responses = 480, .seed = 11}));
      Json people = Json::array();
      for (const Json& p : must(list(store, Kind::person))) {
        RecordView<Kind::person> listed(p);
        people.push_back({{"person", listed.id().hex()}, {"name", listed.text("name")}, {"role", listed.text("role")},
                          {"code", code_for(data, listed.id(), 30)}});
      }
      std::cout << people.dump(2) << "\n";
      return 0;
    });
  });
}

}  // namespace

int main(int argc, char** argv) {
  Context ctx;
  static ServerData server_data;
  std::string data, listen = "127.0.0.1:7443";
  CLI::App app{"debrief-server: the Debrief sync server", "debrief-server"};
  app.fallthrough();
  app.add_option("--data", data, "the server's data directory")->required();
  app.add_option("--store", server_data.url,
                 "postgresql://USER@HOST:PORT/DB: keep the shared data in PostgreSQL (several processes may share it); "
                 "default: SQLite under --data");
  app.add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)")->capture_default_str();
  std::int64_t hello_seconds = sync::ServerOptions{}.hello_timeout.count();
  app.add_option("--hello-timeout", hello_seconds,
                 "seconds a new connection has to finish its TLS handshake and send its first frame")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{3600}))
      ->capture_default_str();
  app.add_flag("--json", ctx.json, "print machine-readable JSON");
  add_admin(app, ctx, server_data);
  CLI::App* stats = app.add_subcommand("stats", "devices, records and changes held by the server");
  stats->callback([&ctx] {
    ctx.run([&ctx] {
      StoreInfo info = must(ctx.store().info());
      auto devices = must(server_data.open().registry().devices());
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
  server_data.root = data;
  // Admin commands edit the server's records, then publish the changes.
  ctx.open_store = [](Env* env) -> Store& { return server_data.open(env).records(); };
  ctx.after_success = [] {
    if (server_data.store) must(server_data.store->publish());
  };
  if (app.get_subcommands().empty()) {
    try {
      return serve(server_data, listen, std::chrono::seconds(hello_seconds));
    } catch (const CommandError& e) {
      return Context::fail(e.status);
    }
  }
  return ctx.run_selected();
}
