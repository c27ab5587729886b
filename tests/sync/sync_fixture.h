// A Debrief server running in a thread on 127.0.0.1, with a small seeded
// organisation, and devices that enrol and sync with it.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <future>
#include <memory>
#include <thread>

#include "debrief/records.h"
#include "debrief/replication.h"
#include "debrief/store.h"
#include "debrief/sync/client.h"
#include "debrief/sync/wire.h"
#include "debrief/sync/server.h"
#include "debrief/sync/server_backup.h"
#include "../support/organisation.h"
#include "../support/pg_database.h"
#include "../support/require_ok.h"
#include "../support/temp_dir.h"

namespace synctest {

using debrief::Id;
using debrief::Json;

using testsupport::ok;
using testsupport::TempDir;

// The organisation on the server: an admin, an organiser, a manager of the
// Support team, and four participants in it. Anonymity threshold 3.
using Directory = testorg::Directory;

// The store a debrief-server process uses in this run: SQLite under its
// --data; on PostgreSQL, a database of its own (--store).
struct ProcessStore {
  std::unique_ptr<testpg::Database> db = testpg::enabled() ? std::make_unique<testpg::Database>() : nullptr;
  std::vector<std::string> args() const { return db ? std::vector<std::string>{"--store", db->url()} : std::vector<std::string>{}; }
};

// A server store for a test in `dir`: on the store of this run (SQLite,
// or PostgreSQL with a database of its own in the PostgreSQL
// registration), or on SQLite whatever the run.
struct TestStore {
  std::unique_ptr<testpg::Database> db;  // on PostgreSQL; outlives the store
  std::unique_ptr<debrief::sync::ServerStore> store;
  explicit TestStore(const std::filesystem::path& dir, bool sqlite = false);
};

// How a test's server starts: on the store of this run (SQLite, or
// PostgreSQL in the PostgreSQL registration) or on SQLite whatever the run;
// seeded with the Directory, or restored from a backup file instead.
struct ServerSetup {
  bool sqlite = false;
  std::filesystem::path restore_from = {};
};

// The server in this process, on SQLite or (DEBRIEF_TEST_STORE=postgresql)
// on a PostgreSQL database of its own.
class Server {
 public:
  // `tune` may change the server's options (limits) before it starts.
  explicit Server(const std::function<void(debrief::sync::ServerOptions&)>& tune = {}, const ServerSetup& setup = {});
  ~Server();
  const Directory& people() const { return dir_; }
  std::uint16_t port() const { return port_; }
  const debrief::sync::TlsIdentity& tls() const { return tls_; }
  // Runs `f` with the server's records on the server's thread and waits.
  template <class F>
  auto on_server(F f) {
    std::packaged_task<decltype(f(store_->records()))()> task([&] { return f(store_->records()); });
    auto result = task.get_future();
    boost::asio::post(io_, [&] { task(); });
    return result.get();
  }
  // Puts what on_server wrote into the feed (a no-op on SQLite, where the
  // records' change log is the feed), as admin commands do.
  void publish() {
    on_server([&](debrief::Store&) { return ok(store_->publish()), 0; });
  }
  std::string code_for(const Id& person);
  // The PostgreSQL database the server's store is in ("" on SQLite).
  std::string database_url() const { return test_store_.db ? test_store_.db->url() : std::string(); }
  // The server's counters, read on its thread.
  debrief::sync::ServerStats stats() {
    return on_server([&](debrief::Store&) { return server_->stats(); });
  }
  // The directory of the server's SQLite store (its --data).
  const std::filesystem::path& data_dir() const { return tmp_.path(); }
  // Writes a backup of the server's store (admin backup) to `file`.
  debrief::sync::BackupCounts backup_to(const std::filesystem::path& file);
  debrief::Status revoke(const Id& device);

 private:
  void seed();
  TempDir tmp_;
  TestStore test_store_;
  debrief::sync::ServerStore* store_;
  debrief::sync::TlsIdentity tls_;
  boost::asio::io_context io_;
  std::unique_ptr<debrief::sync::Server> server_;
  std::thread thread_;
  std::uint16_t port_ = 0;
  Directory dir_;
};

// A device with its own store, enrolled for one person.
struct Device {
  TempDir tmp;
  std::unique_ptr<debrief::Store> store;
  debrief::sync::ServerLink link;
  // The device credential's file beside its store, as the desktop keeps it.
  std::shared_ptr<debrief::sync::Credentials> credentials;

  Device(Server& server, const Id& person);
  // One sync pass, which must succeed.
  debrief::sync::SyncProgress sync();
  // One sync pass, returning its status.
  debrief::Status try_sync();
  std::string digest() { return ok(debrief::content_digest(*store)); }
};

// Gives `n` specific kudos to `to` from the store's person, in one transaction.
void add_kudos(debrief::Store& store, const Id& to, int n, const std::string& tag);

// Waits (polling a second Store on `dir`, at most `limit`) until fewer than
// `below` changes are pending there; true if that happened.
bool wait_pending_below(const std::filesystem::path& dir, std::int64_t below, std::chrono::milliseconds limit);

}  // namespace synctest
