// The pool of anonymous answers lives in the records' database on both
// stores, and is written in the transaction of the batch it comes from:
// an answer and the voice it records commit together or not at all.
#include <pqxx/pqxx>
#include <sqlite3.h>

#include "debrief/records.h"
#include "debrief/store_connection.h"
#include "debrief/sync/server_store.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;

namespace {

// Makes the server's pool refuse every write, as a full disk would, or
// accept them again.
void pool_fails(Server& server, bool fails) {
  if (!server.database_url().empty()) {
    pqxx::connection c(server.database_url());
    pqxx::work tx(c);
    tx.exec0(fails ? "CREATE FUNCTION pool_full() RETURNS trigger AS $$ BEGIN "
                     "RAISE EXCEPTION 'could not extend file: No space left on device'; END $$ LANGUAGE plpgsql; "
                     "CREATE TRIGGER pool_full BEFORE INSERT ON anonymous_pool FOR EACH ROW EXECUTE FUNCTION pool_full()"
                   : "DROP TRIGGER pool_full ON anonymous_pool; DROP FUNCTION pool_full()");
    tx.commit();
    return;
  }
  server.on_server([&](Store& records) {
    const char* sql = fails ? "CREATE TRIGGER pool_full BEFORE INSERT ON anonymous_pool BEGIN "
                              "SELECT RAISE(ABORT, 'database or disk is full'); END"
                            : "DROP TRIGGER pool_full";
    REQUIRE(sqlite3_exec(connection_of(records), sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    return 0;
  });
}

std::int64_t voices(Server& server) {
  return server.on_server([](Store& records) { return ok(count(records, Kind::participation)); });
}

Id answer_anonymously(Device& d, Server& server, int score) {
  return ok(create(*d.store, Kind::response, {{"survey", server.people().survey.hex()},
                                              {"event", server.people().event.hex()},
                                              {"anonymous", true},
                                              {"answers", {{"score", score}}}}));
}

}  // namespace

TEST_CASE("a pool write that fails undoes its batch: the answer is neither lost nor refused when it is sent again",
          "[sync][pool]") {
  Server server;  // threshold 3
  Device d1(server, server.people().p1), d2(server, server.people().p2), d3(server, server.people().p3),
      manager(server, server.people().manager);
  answer_anonymously(d1, server, 2);
  pool_fails(server, true);
  CHECK(!d1.try_sync().is_ok());
  CHECK(voices(server) == 0);  // no voice recorded without its answer
  CHECK(ok(d1.store->info()).pending_changes > 0);  // kept, to send again
  pool_fails(server, false);
  d1.sync();
  CHECK(ok(refused_changes(*d1.store)).empty());
  CHECK(voices(server) == 1);
  answer_anonymously(d2, server, 4);
  answer_anonymously(d3, server, 5);
  for (Device* d : {&d2, &d3}) d->sync();
  manager.sync();  // three answers: the group is released, and all three count
  CHECK(ok(list(*manager.store, Kind::response)).size() == 3);
  CHECK(voices(server) == 3);
}

TEST_CASE("a SQLite server takes in the pool.db of servers before, and removes it", "[pool]") {
  TempDir dir;
  Id waiting = Id::parse("0123456789abcdef0123456789abcdef").value();
  {  // pool.db as servers before kept it
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path() / "pool.db").string().c_str(), &db) == SQLITE_OK);
    std::string insert = "CREATE TABLE pool(record BLOB PRIMARY KEY, grp BLOB NOT NULL, day INTEGER NOT NULL, "
                         "change BLOB NOT NULL) WITHOUT ROWID; INSERT INTO pool VALUES(x'" + waiting.hex() + "', 'g', 3, x'00');";
    CHECK(sqlite3_exec(db, insert.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = ok(sync::open_sqlite_server_store(dir.path(), system_env()));
  CHECK(ok(store->pool().holds(waiting)));
  CHECK(ok(store->pool().ripe_groups(1)) == std::vector<std::string>{"g"});
  CHECK(!std::filesystem::exists(dir.path() / "pool.db"));
}
