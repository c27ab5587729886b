// Opening stores: creation, identity across reopen, schema version checks.
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "debrief/kind.h"
#include "fixture.h"

using namespace debrief;
using test::ok;

namespace {

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void sql(const std::filesystem::path& db, const std::string& statement) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  REQUIRE(sqlite3_exec(h, statement.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
}

}  // namespace

TEST_CASE("a new store reaches the current schema version and keeps its device id", "[store]") {
  test::TempDir dir;
  Id device;
  {
    auto store = ok(Store::open(dir.path()));
    StoreInfo info = ok(store->info());
    CHECK(info.schema_version == kSchemaVersion);
    device = store->device_id();
    CHECK(!device.is_nil());
  }
  auto again = ok(Store::open(dir.path()));
  CHECK(again->device_id() == device);
}

TEST_CASE("opening a missing store without create is not_found", "[store]") {
  test::TempDir dir;
  auto r = Store::open(dir.path() / "nope", {.create = false});
  REQUIRE(!r.is_ok());
  CHECK(r.status().code() == Code::not_found);
}

TEST_CASE("a store written by a newer version is refused and left untouched", "[store]") {
  test::TempDir dir;
  { auto store = ok(Store::open(dir.path())); }
  sql(dir.path() / "debrief.db", "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
  std::string before = file_bytes(dir.path() / "debrief.db");
  auto r = Store::open(dir.path());
  REQUIRE(!r.is_ok());
  CHECK(r.status().code() == Code::unsupported_version);
  CHECK(r.status().message().find("newer Debrief") != std::string::npos);
  CHECK(file_bytes(dir.path() / "debrief.db") == before);
}

TEST_CASE("every field kept in a row has its column in the schema", "[store]") {
  test::TempDir dir;
  { auto store = ok(Store::open(dir.path())); }
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open((dir.path() / "debrief.db").c_str(), &h) == SQLITE_OK);
  for (const KindSpec& k : all_kinds()) {
    std::set<std::string> columns;
    sqlite3_stmt* st = nullptr;
    std::string q = "SELECT name FROM pragma_table_info('" + std::string(k.table) + "')";
    REQUIRE(sqlite3_prepare_v2(h, q.c_str(), -1, &st, nullptr) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) columns.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    for (const FieldSpec& f : k.fields) {
      INFO(k.table << "." << f.name);
      CHECK(columns.count(std::string(f.name)) == (f.column ? 1u : 0u));
    }
  }
  sqlite3_close(h);
}

TEST_CASE("every earlier schema version migrates to the current one", "[store][migration]") {
  // Version 0 is an empty file: the only earlier version so far. Each new
  // schema version adds a case here that builds a store at that version
  // with data and checks it survives the upgrade.
  test::TempDir dir;
  sql(dir.path() / "debrief.db", "PRAGMA user_version = 0");
  auto store = ok(Store::open(dir.path()));
  CHECK(ok(store->info()).schema_version == kSchemaVersion);
}
