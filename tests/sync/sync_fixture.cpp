#include "sync_fixture.h"

#include "debrief/platform/credentials_file.h"

#include <cstdio>
#include <cstdlib>

#include "debrief/sync/postgres_store.h"
#include "debrief/sync/server_backup.h"
#include "debrief/sync/tls_identity.h"

namespace synctest {

using namespace debrief;

TestStore::TestStore(const std::filesystem::path& dir, bool sqlite) {
  if (testpg::enabled() && !sqlite) {
    db = std::make_unique<testpg::Database>();
    store = ok(sync::open_postgres_server_store(db->url(), dir / "cache", system_env()));
  } else {
    store = ok(sync::open_sqlite_server_store(dir, system_env()));
  }
}

Server::Server(const std::function<void(sync::ServerOptions&)>& tune, const ServerSetup& setup)
    : test_store_(tmp_.path(), setup.sqlite), store_(test_store_.store.get()) {
  if (setup.restore_from.empty()) {
    tls_ = ok(store_->tls_identity(tmp_.path() / "tls"));
    seed();
    ok(store_->publish());
  } else {
    ok(sync::restore(*store_, tmp_.path() / "tls", setup.restore_from).status());
    tls_ = ok(store_->tls_identity(tmp_.path() / "tls"));
  }
  sync::ServerOptions options;
  options.log = [](const std::string& line) {  // quiet, unless DEBRIEF_TEST_LOG is set (to debug a test)
    if (std::getenv("DEBRIEF_TEST_LOG")) std::fprintf(stderr, "%s\n", line.c_str());
  };
  if (tune) tune(options);
  server_ = std::make_unique<sync::Server>(io_, *store_, tls_, options);
  port_ = ok(server_->start()).port();
  thread_ = std::thread([this] {
    auto guard = boost::asio::make_work_guard(io_);
    io_.run();
  });
}

Server::~Server() {
  boost::asio::post(io_, [this] { server_->stop(); });
  io_.stop();
  thread_.join();
}

void Server::seed() { dir_ = ok(testorg::make_directory(store_->records())); }

sync::BackupCounts Server::backup_to(const std::filesystem::path& file) {
  return on_server([&](Store&) { return ok(sync::backup(*store_, tmp_.path() / "tls", file)); });
}

std::string Server::code_for(const Id& person) {
  std::string secret = on_server([&](Store&) { return ok(store_->registry().make_code(person, 3600)); });
  return sync::EnrolmentCode{secret, tls_.fingerprint}.text();
}

debrief::Status Server::revoke(const Id& device) {
  return on_server([&](Store&) { return store_->registry().revoke(device); });
}

Device::Device(Server& server, const Id& person) {
  store = ok(Store::open(tmp.path()));
  credentials = platform::file_credentials(platform::credentials_file(tmp.path()));
  auto code = ok(sync::EnrolmentCode::parse(server.code_for(person)));
  link = ok(sync::enroll(*store, "127.0.0.1", server.port(), code, "test device", *credentials));
  sync();
  ok(store->set_me(person));
}

sync::SyncProgress Device::sync() { return ok(sync::sync_once(*store, link)); }

Status Device::try_sync() { return sync::sync_once(*store, link).status(); }

void add_kudos(Store& store, const Id& to, int n, const std::string& tag) {
  ok(store.transaction([&] {
    for (int i = 0; i < n; ++i)
      DEBRIEF_TRY(create(store, Kind::kudos, {{"to", {to.hex()}}, {"action", "restocked the van before the storm, " + tag + " " + std::to_string(i)},
                                              {"outcome", "the crew finished every job that day"}}).status());
    return Status::ok();
  }));
}

bool wait_pending_below(const std::filesystem::path& dir, std::int64_t below, std::chrono::milliseconds limit) {
  auto watcher = ok(Store::open(dir));
  for (auto end = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < end;) {
    if (ok(watcher->info()).pending_changes < below) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

}  // namespace synctest
