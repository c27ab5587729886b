// Opening stores: creation, identity across reopening, schema versions and
// migrations, transactions, and what info() reports.
#include <algorithm>
#include <set>

#include <unistd.h>

#include "debrief/change_log.h"
#include "debrief/demo.h"
#include "debrief/env.h"
#include "debrief/insights.h"
#include "debrief/kind.h"
#include "debrief/records.h"
#include "debrief/replication.h"
#include "schema.h"
#include "sqlite.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

std::set<std::string> file_names(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Sets the schema version of a closed store's database, folding the WAL
// back into the file first so the file alone holds the store.
void set_user_version(const std::filesystem::path& dir, int version) {
  test::RawDb db(test::db_file(dir));
  db.exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = " + std::to_string(version));
}

// Writes, in a store under `dir` at schema `version`, one photo record
// (id ...01, file "ab", on event ...02), as that version kept it.
void write_media_at(const std::filesystem::path& dir, int version) {
  auto db = ok(sql::Db::open(test::db_file(dir).string(), true));
  ok(migrate_to(*db, version));
  ok(db->exec("INSERT INTO media(id, created_at, sha256, mime, size, name, owner_kind, owner) VALUES"
              "(x'00000000000000000000000000000001', 1, 'ab', 'image/png', 3, 'a.png', 'event', '00000000000000000000000000000002');"));
}

}  // namespace

TEST_CASE("opening a missing directory creates an empty store at the current version", "[store]") {
  test::TempDir tmp;
  const auto dir = tmp.path() / "a" / "b";
  auto store = ok(Store::open(dir));
  CHECK(std::filesystem::exists(test::db_file(dir)));
  StoreInfo info = ok(store->info());
  CHECK(info.schema_version == kSchemaVersion);
  CHECK(!info.device_id.is_nil());
  CHECK(!info.me);
  CHECK(info.total_changes == 0);
  CHECK(info.counts.size() == all_kinds().size());
  for (const KindCount& c : info.counts) CHECK(c.live == 0);
}

TEST_CASE("a reopened store keeps its device id and the person it acts for", "[store]") {
  test::SeededStore s;
  const Id device = s.store->device_id();
  s.reopen();
  CHECK(s.store->device_id() == device);
  CHECK(s.store->me() == s.me);
  CHECK(ok(s.store->info()).device_id == device);
}

TEST_CASE("every new store gets its own device id", "[store]") {
  test::TempDir a, b;
  auto first = ok(Store::open(a.path()));
  auto second = ok(Store::open(b.path()));
  CHECK(first->device_id() != second->device_id());
}

TEST_CASE("opening without create where there is no store is not_found and creates nothing", "[store]") {
  test::TempDir tmp;
  auto r = Store::open(tmp.path() / "nope", {.env = nullptr, .create = false});
  REQUIRE(!r.is_ok());
  CHECK(r.status().code() == Code::not_found);
  CHECK(!std::filesystem::exists(tmp.path() / "nope"));
}

TEST_CASE("a directory that cannot be created is an io_error", "[store]") {
  test::TempDir tmp;
  auto file = test::write_file(tmp.path(), "plain-file", "x");
  auto r = Store::open(file / "store");
  REQUIRE(!r.is_ok());
  CHECK(r.status().code() == Code::io_error);
}

TEST_CASE("a store written by a newer Debrief is refused and left byte for byte as it was", "[store][migration]") {
  test::SeededStore s;
  const auto dir = s.store_dir();
  s.store.reset();
  set_user_version(dir, kSchemaVersion + 1);
  const std::string before = test::file_bytes(test::db_file(dir));
  const auto names_before = file_names(dir);

  auto r = Store::open(dir);
  REQUIRE(!r.is_ok());
  CHECK(r.status().code() == Code::unsupported_version);
  CHECK(r.status().message().find("newer Debrief") != std::string::npos);
  CHECK(test::file_bytes(test::db_file(dir)) == before);
  CHECK(file_names(dir) == names_before);
}

TEST_CASE("a fresh store's database is at kSchemaVersion, in WAL mode", "[store][migration]") {
  test::TempDir tmp;
  { auto store = ok(Store::open(tmp.path())); }
  test::RawDb db(test::db_file(tmp.path()));
  CHECK(db.scalar("PRAGMA user_version") == std::to_string(kSchemaVersion));
  CHECK(db.scalar("PRAGMA journal_mode") == "wal");
}

TEST_CASE("an empty database migrates to the current version", "[store][migration]") {
  test::TempDir tmp;
  test::write_file(tmp.path(), "debrief.db", "");  // an empty file is an empty database
  auto store = ok(Store::open(tmp.path()));
  CHECK(ok(store->info()).schema_version == kSchemaVersion);
  CHECK(create(*store, Kind::team, {{"name", "Support"}}).is_ok());
}

TEST_CASE("a version 1 store with data migrates and keeps it", "[store][migration]") {
  // Each schema version adds a case like this one: build a store at the
  // earlier version with the internal migrations, put data in it, open it.
  test::TempDir tmp;
  {
    auto db = ok(sql::Db::open(test::db_file(tmp.path()).string(), true));
    ok(migrate_to(*db, 1));
    ok(db->exec("INSERT INTO teams(id, created_at, name) VALUES(x'00000000000000000000000000000001', 1, 'Support');"
                "INSERT INTO surveys(id, created_at, title, kind, allow_anonymous, questions) "
                "VALUES(x'00000000000000000000000000000002', 1, 'S', 'pulse', 1, '[{\"id\":\"a\",\"type\":\"rating\",\"text\":\"A\"}]');"
                "INSERT INTO responses(id, created_at, survey, anonymous) VALUES(x'00000000000000000000000000000003', 1, x'00000000000000000000000000000002', 1);"
                "INSERT INTO answers(response, question, num) VALUES(x'00000000000000000000000000000003', 'a', 4);"));
  }
  auto store = ok(Store::open(tmp.path()));
  StoreInfo info = ok(store->info());
  CHECK(info.schema_version == kSchemaVersion);
  auto responses = ok(list(*store, Kind::response));
  REQUIRE(responses.size() == 1);
  CHECK(responses[0]["answers"]["a"] == 4);
  CHECK(responses[0]["team"].is_null());
  test::RawDb raw(test::db_file(tmp.path()));
  CHECK(raw.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'changes_versions'") == "1");
}

TEST_CASE("a version 2 store with texts migrates, keeps them, and scores their sentiment", "[store][migration]") {
  test::TempDir tmp;
  {
    auto db = ok(sql::Db::open(test::db_file(tmp.path()).string(), true));
    ok(migrate_to(*db, 2));
    ok(db->exec("INSERT INTO people(id, created_at, name, role) VALUES(x'00000000000000000000000000000001', 1, 'Ana', 'participant');"
                "INSERT INTO surveys(id, created_at, title, kind, allow_anonymous, questions) "
                "VALUES(x'00000000000000000000000000000002', 1, 'S', 'pulse', 1, '[{\"id\":\"t\",\"type\":\"text\",\"text\":\"T\"}]');"
                "INSERT INTO responses(id, created_at, survey, anonymous) VALUES(x'00000000000000000000000000000003', 1, x'00000000000000000000000000000002', 1);"
                "INSERT INTO answers(response, question, text) VALUES(x'00000000000000000000000000000003', 't', 'awful and exhausting');"
                "INSERT INTO reflections(id, created_at, author, text, shared) "
                "VALUES(x'00000000000000000000000000000004', 1, x'00000000000000000000000000000001', 'a wonderful day', 1);"
                "INSERT INTO kudos(id, created_at, author, \"to\", action, outcome, category) "
                "VALUES(x'00000000000000000000000000000005', 1, x'00000000000000000000000000000001', '[]', "
                "'calmed an angry client', 'she thanked us warmly', 'customer_save');"));
  }
  auto store = ok(Store::open(tmp.path()));
  CHECK(ok(store->info()).schema_version == kSchemaVersion);
  CHECK(ok(list(*store, Kind::response))[0]["answers"]["t"] == "awful and exhausting");
  CHECK(ok(list(*store, Kind::kudos)).size() == 1);
  test::RawDb raw(test::db_file(tmp.path()));
  CHECK(std::stod(raw.scalar("SELECT sentiment FROM answers")) < -0.05);
  CHECK(std::stod(raw.scalar("SELECT sentiment FROM reflections")) > 0.05);
  CHECK_FALSE(raw.scalar("SELECT sentiment FROM kudos").empty());
}

TEST_CASE("a version 3 store with responses migrates, keeps them, and finds an activity's by index", "[store][migration]") {
  test::TempDir tmp;
  {
    auto db = ok(sql::Db::open(test::db_file(tmp.path()).string(), true));
    ok(migrate_to(*db, 3));
    ok(db->exec("INSERT INTO events(id, created_at, title, starts_at, ends_at, offsite) "
                "VALUES(x'00000000000000000000000000000001', 1, 'Offsite', 10, 20, 1);"
                "INSERT INTO activities(id, created_at, event, title, kind, starts_at, ends_at) "
                "VALUES(x'00000000000000000000000000000002', 1, x'00000000000000000000000000000001', 'Games', 'game', 10, 12);"
                "INSERT INTO surveys(id, created_at, title, kind, allow_anonymous, questions) "
                "VALUES(x'00000000000000000000000000000003', 1, 'S', 'post_activity', 1, '[{\"id\":\"a\",\"type\":\"rating\",\"text\":\"A\"}]');"
                "INSERT INTO responses(id, created_at, survey, event, activity, anonymous) VALUES(x'00000000000000000000000000000004', 1, "
                "x'00000000000000000000000000000003', x'00000000000000000000000000000001', x'00000000000000000000000000000002', 1);"
                "INSERT INTO answers(response, question, num) VALUES(x'00000000000000000000000000000004', 'a', 5);"
                "INSERT INTO participations(id, created_at, survey, event, activity) VALUES(x'00000000000000000000000000000005', 1, "
                "x'00000000000000000000000000000003', x'00000000000000000000000000000001', x'00000000000000000000000000000002');"));
  }
  auto store = ok(Store::open(tmp.path()));
  CHECK(ok(store->info()).schema_version == kSchemaVersion);
  auto responses = ok(list(*store, Kind::response));
  REQUIRE(responses.size() == 1);
  CHECK(responses[0]["answers"]["a"] == 5);
  test::RawDb raw(test::db_file(tmp.path()));
  CHECK(raw.scalar("SELECT count(*) FROM responses WHERE activity = x'00000000000000000000000000000002'") == "1");
  auto plan = raw.column("EXPLAIN QUERY PLAN SELECT id FROM responses WHERE activity = x'00000000000000000000000000000002'", 3);
  CHECK(std::any_of(plan.begin(), plan.end(), [](const std::string& row) { return row.find("responses_activity") != std::string::npos; }));
  for (const char* index : {"responses_team_created", "kudos_event", "participations_event", "participations_activity"})
    CHECK(raw.scalar(std::string("SELECT count(*) FROM sqlite_master WHERE name = '") + index + "'") == "1");
  CHECK(raw.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'responses_team'") == "0");
}

TEST_CASE("a version 5 store with media migrates: its media keep no author, and nothing is set aside", "[store][migration]") {
  test::TempDir tmp;
  write_media_at(tmp.path(), 5);
  auto store = ok(Store::open(tmp.path()));
  Json m = ok(get(*store, Kind::media, *Id::parse("00000000000000000000000000000001")));
  CHECK(m["author"].is_null());
  CHECK(m["name"] == "a.png");
  CHECK(ok(store->info()).refused_changes == 0);
  CHECK(ok(refused_changes(*store)).empty());
}

TEST_CASE("a version 7 store migrates: a person's participations and a file's media records are found by index",
          "[store][migration]") {
  test::TempDir tmp;
  write_media_at(tmp.path(), 7);
  auto store = ok(Store::open(tmp.path()));
  CHECK(ok(store->info()).schema_version == kSchemaVersion);
  test::RawDb raw(test::db_file(tmp.path()));
  auto plan = [&](const std::string& query) { return raw.column("EXPLAIN QUERY PLAN " + query, 3).at(0); };
  CHECK(plan("SELECT id FROM participations WHERE person = x'01'").find("participations_person") != std::string::npos);
  CHECK(plan("SELECT id FROM media WHERE sha256 = 'ab'").find("media_sha256") != std::string::npos);
  CHECK(ok(list(*store, Kind::media)).size() == 1);
}

TEST_CASE("a version 6 store migrates: its live records and its changes are counted as they were", "[store][migration]") {
  test::TempDir tmp;
  {
    auto db = ok(sql::Db::open(test::db_file(tmp.path()).string(), true));
    ok(migrate_to(*db, 6));
    ok(db->exec("INSERT INTO teams(id, created_at, name, deleted) VALUES"
                "(x'00000000000000000000000000000001', 1, 'Ops', 0), (x'00000000000000000000000000000002', 1, 'Old', 1),"
                "(x'00000000000000000000000000000003', 1, 'Sales', 0);"
                "INSERT INTO changes(device, hlc, kind, record, op) VALUES"
                "(x'000000000000000000000000000000aa', 1, 2, x'00000000000000000000000000000001', 0),"
                "(x'000000000000000000000000000000aa', 2, 2, x'00000000000000000000000000000002', 0),"
                "(x'000000000000000000000000000000bb', 3, 2, x'00000000000000000000000000000003', 0);"));
  }
  auto store = ok(Store::open(tmp.path()));
  StoreInfo info = ok(store->info());
  CHECK(info.schema_version == kSchemaVersion);
  CHECK(test::live_count(*store, Kind::team) == 2);
  CHECK(info.total_changes == 3);
  ok(create(*store, Kind::team, {{"name", "New"}}));
  CHECK(test::live_count(*store, Kind::team) == 3);
  CHECK(ok(store->info()).total_changes == 4);
  CHECK(ok(store->info()).pending_changes == 1);  // only this device's
}

TEST_CASE("a version 4 store with responses migrates and tallies them per scope, deleted ones left out", "[store][migration]") {
  test::TempDir tmp;
  {
    auto db = ok(sql::Db::open(test::db_file(tmp.path()).string(), true));
    ok(migrate_to(*db, 4));
    ok(db->exec("INSERT INTO teams(id, created_at, name) VALUES(x'00000000000000000000000000000009', 1, 'Ops');"
                "INSERT INTO events(id, created_at, title, starts_at, ends_at, offsite) "
                "VALUES(x'00000000000000000000000000000001', 1, 'Offsite', 10, 20, 1);"
                "INSERT INTO surveys(id, created_at, title, kind, allow_anonymous, questions) "
                "VALUES(x'00000000000000000000000000000003', 1, 'S', 'post_event', 1, "
                "'[{\"id\":\"a\",\"type\":\"rating\",\"text\":\"A\"},{\"id\":\"m\",\"type\":\"triad\",\"text\":\"M\"}]');"
                "INSERT INTO responses(id, created_at, survey, event, anonymous, team) VALUES"
                "(x'00000000000000000000000000000004', 1, x'00000000000000000000000000000003', x'00000000000000000000000000000001', 1, x'00000000000000000000000000000009'),"
                "(x'00000000000000000000000000000005', 1, x'00000000000000000000000000000003', x'00000000000000000000000000000001', 1, NULL),"
                "(x'00000000000000000000000000000006', 1, x'00000000000000000000000000000003', x'00000000000000000000000000000001', 1, NULL);"
                "UPDATE responses SET deleted = 1 WHERE id = x'00000000000000000000000000000006';"
                "INSERT INTO answers(response, question, part, num, text, sentiment) VALUES"
                "(x'00000000000000000000000000000004', 'a', '', 4, NULL, NULL),"
                "(x'00000000000000000000000000000004', 'm', 'more', NULL, 'wonderful, thank you', 0.9),"
                "(x'00000000000000000000000000000005', 'a', '', 2, NULL, NULL),"
                "(x'00000000000000000000000000000006', 'a', '', 1, NULL, NULL),"
                "(x'00000000000000000000000000000006', 'm', 'stop', NULL, 'deleted', -0.6);"));
  }
  auto store = ok(Store::open(tmp.path()));
  CHECK(ok(store->info()).schema_version == kSchemaVersion);
  test::RawDb raw(test::db_file(tmp.path()));
  auto tallied = [&](const char* team) {
    return raw.scalar(std::string("SELECT responses || '/' || r1 || r2 || r4 || '/' || positive || negative "
                                  "FROM scope_tallies WHERE scope_kind = 'event' "
                                  "AND scope = x'00000000000000000000000000000001' AND team = ") + team);
  };
  CHECK(tallied("x'00000000000000000000000000000009'") == "1/001/10");  // rated 4, a positive triad text
  CHECK(tallied("x''") == "1/010/00");  // no team: rated 2; the deleted response left out
  CHECK(raw.scalar("SELECT count(*) FROM scope_tallies") == "2");
  CHECK(raw.scalar("SELECT group_concat(part || ':' || text) FROM scope_comments") == "more:wonderful, thank you");
  for (const char* index : {"participations_event", "participations_activity"})
    CHECK(raw.scalar(std::string("SELECT sql FROM sqlite_master WHERE name = '") + index + "'").find("person") != std::string::npos);
}

TEST_CASE("every field kept in a row has a column in its kind's table, and no other field does", "[store][migration]") {
  test::TempDir tmp;
  { auto store = ok(Store::open(tmp.path())); }
  test::RawDb db(test::db_file(tmp.path()));
  for (const KindSpec& k : all_kinds()) {
    auto names = db.column("SELECT name FROM pragma_table_info('" + std::string(k.table) + "')");
    std::set<std::string> columns(names.begin(), names.end());
    CHECK(columns.count("id") + columns.count("created_at") + columns.count("deleted") == 3);
    for (const FieldSpec& f : k.fields) {
      INFO(k.table << "." << f.name);
      CHECK(columns.count(std::string(f.name)) == (f.column ? 1u : 0u));
    }
  }
}

TEST_CASE("acting for a person needs a live person", "[store]") {
  test::World w;
  Id ghost = ok(Id::parse("0123456789abcdef0123456789abcdef"));
  CHECK(w.store->set_me(ghost).code() == Code::not_found);
  ok(remove(*w.store, Kind::person, w.other));
  CHECK(w.store->set_me(w.other).code() == Code::not_found);
  CHECK(w.store->me() == w.me);
}

TEST_CASE("info counts live records of every kind, not deleted ones", "[store]") {
  test::World w;
  CHECK(test::live_count(*w.store, Kind::person) == 2);
  CHECK(test::live_count(*w.store, Kind::team) == 1);
  ok(remove(*w.store, Kind::team, w.team));
  CHECK(test::live_count(*w.store, Kind::team) == 0);
}

TEST_CASE("actions in one transaction commit together", "[store][transaction]") {
  test::SeededStore s;
  ok(s.store->transaction([&] {
    for (const char* name : {"A", "B", "C"}) DEBRIEF_TRY(create(*s.store, Kind::team, {{"name", name}}).status());
    return Status::ok();
  }));
  CHECK(test::live_count(*s.store, Kind::team) == 3);
}

TEST_CASE("a transaction whose body fails leaves the store as it was", "[store][transaction]") {
  test::SeededStore s;
  test::check_refused(*s.store, Code::invalid_argument, "stop here", [&] {
    return s.store->transaction([&] {
      DEBRIEF_TRY(create(*s.store, Kind::team, {{"name", "A"}}).status());
      return invalid("stop here");
    });
  });
}

TEST_CASE("a refused action inside a transaction writes nothing and the rest commits", "[store][transaction]") {
  test::SeededStore s;
  ok(s.store->transaction([&] {
    DEBRIEF_TRY(create(*s.store, Kind::team, {{"name", "A"}}).status());
    CHECK(!create(*s.store, Kind::team, {{"name", ""}}).is_ok());
    return create(*s.store, Kind::team, {{"name", "B"}}).status();
  }));
  CHECK(test::live_count(*s.store, Kind::team) == 2);
}

TEST_CASE("two Store objects on one directory see each other's writes", "[store]") {
  test::SeededStore s;
  auto second = test::open_store(s.store_dir(), s.env);
  Id team = ok(create(*second, Kind::team, {{"name", "Ops"}}));
  CHECK(ok(get(*s.store, Kind::team, team))["name"] == "Ops");
}

TEST_CASE("a file that is not a database is refused as corrupt and left as it was", "[store]") {
  test::TempDir tmp;
  const std::string garbage(4096, 'x');
  test::write_file(tmp.path(), "debrief.db", garbage);
  auto r = Store::open(tmp.path());
  REQUIRE(!r.is_ok());
  CHECK(r.status().code() == Code::corrupt);
  CHECK(test::file_bytes(test::db_file(tmp.path())) == garbage);
}

TEST_CASE("a read-only store can be read, and a write says it is read-only and changes nothing", "[store][read-only]") {
  test::TempDir dir;
  debrief::SeededEnv env(1, test::kStartMs);
  {
    auto store = test::open_store(dir.path(), env);
    ok(create(*store, Kind::team, {{"name", "Support"}}));
  }
  Json before;
  auto check_read_only = [&](debrief::Store& store) {
    CHECK(test::live_count(store, Kind::team) == 1);
    CHECK(ok(list(store, Kind::team)).at(0)["name"] == "Support");
    CHECK(ok(store.info()).counts.size() > 0);
    Result<Id> refused = create(store, Kind::team, {{"name", "Sales"}});
    REQUIRE_FALSE(refused.is_ok());
    CHECK(refused.status().message().find("read-only") != std::string::npos);
    CHECK(test::live_count(store, Kind::team) == 1);
  };
  SECTION("opened for reading") {
    OpenOptions o;
    o.env = &env;
    o.read_only = true;
    auto store = ok(Store::open(dir.path(), o));
    check_read_only(*store);
  }
  SECTION("in a folder nobody may write to") {
    if (::geteuid() == 0) return;  // root may write anywhere: the case above covers the store's side
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    auto store = test::open_store(dir.path(), env);
    check_read_only(*store);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
  }
}

TEST_CASE("info's counts, kept by triggers, match counting every table, through writes, deletes and sync",
          "[store][status]") {
  test::World w;
  test::World other(7);
  for (int i = 0; i < 20; ++i) {
    Id k = ok(create(*w.store, Kind::kudos, test::specific_kudos({w.other})));
    if (i % 3 == 0) ok(remove(*w.store, Kind::kudos, k));
    ok(create(*other.store, Kind::reflection, {{"text", "note " + std::to_string(i)}, {"event", other.event.hex()}}));
  }
  test::copy_changes(*other.store, *w.store);
  ok(w.respond({{"score", 2}, {"wrong", "rain"}}));
  ok(w.respond({{"score", 5}, {"keep", "the hike"}}));  // replaces the first
  debrief::StoreInfo info = ok(w.store->info());
  test::RawDb raw(test::db_file(w.store_dir()));
  for (const KindCount& c : info.counts) {
    INFO(spec_of(c.kind).table);
    CHECK(std::to_string(c.live) ==
          raw.scalar(std::string("SELECT count(*) FROM ") + std::string(spec_of(c.kind).table) + " WHERE deleted = 0"));
  }
  auto pending = [&] { return static_cast<std::int64_t>(ok(pending_changes(*w.store)).size()); };
  CHECK(info.pending_changes == pending());
  std::vector<Change> mine = ok(pending_changes(*w.store));
  ok(acknowledge_changes(*w.store, mine.at(mine.size() / 2).seq));
  ok(set_aside(*w.store, mine.back().seq, "refused for the test"));
  CHECK(ok(w.store->info()).pending_changes == pending());
  CHECK(pending() == static_cast<std::int64_t>(mine.size() - mine.size() / 2 - 2));
}

TEST_CASE("a version 8 store migrates: a summary's logged field changes become changes of the whole summary",
          "[store][migration]") {
  test::TempDir tmp;
  {
    auto db = ok(sql::Db::open(test::db_file(tmp.path()).string(), true));
    ok(migrate_to(*db, 8));
    ok(db->exec("INSERT INTO events(id, created_at, title, starts_at, ends_at, offsite) "
                "VALUES(x'00000000000000000000000000000001', 1, 'Offsite', 10, 20, 1);"
                "INSERT INTO summaries(id, created_at, event, heard, will_do, published) "
                "VALUES(x'00000000000000000000000000000002', 1, x'00000000000000000000000000000001', 'Final', 'Act', 1);"
                "INSERT INTO changes(device, hlc, kind, record, field, value, op) VALUES"
                "(x'000000000000000000000000000000aa', 1, 5, x'00000000000000000000000000000001', NULL, NULL, 0),"
                "(x'000000000000000000000000000000aa', 2, 14, x'00000000000000000000000000000002', NULL, NULL, 0),"
                "(x'000000000000000000000000000000aa', 3, 14, x'00000000000000000000000000000002', 'heard', 'A draft', 0),"
                "(x'000000000000000000000000000000aa', 4, 14, x'00000000000000000000000000000002', 'published', 1, 0),"
                "(x'000000000000000000000000000000aa', 5, 5, x'00000000000000000000000000000001', 'title', 'Offsite', 0);"));
  }
  auto store = ok(Store::open(tmp.path()));
  CHECK(ok(store->info()).schema_version == kSchemaVersion);
  std::vector<Change> log = ok(changes_after(*store, 0));
  REQUIRE(log.size() == 5);
  for (const Change& c : log) {
    INFO(c.seq);
    CHECK(c.hlc.value == static_cast<std::uint64_t>(c.seq));  // the same stamps, in the same order
    CHECK(c.field.has_value() == (c.seq == 5));               // an event's field change stays one
    if (c.kind != Kind::summary) continue;
    WireChange w = ok(to_wire(*store, c));
    CHECK(w.value["heard"] == "Final");  // as the summary stands
  }
}

TEST_CASE("a version 9 store migrates: its pulse answers are tallied per team and day, and team spirit reads the same",
          "[store][migration][insights]") {
  INFO("kSchemaVersion changed: add a case that migrates a store of the previous version, with data");
  REQUIRE(kSchemaVersion == 10);
  test::TempDir tmp;
  SeededEnv env(3, test::kStartMs);
  std::vector<std::string> tallies;
  std::vector<SpiritChange> spirit;
  Id event;
  {
    auto store = test::open_store(tmp.path(), env);
    ok(generate_demo(*store, {.people = 60, .events = 2, .responses = 400, .seed = 9}));
    event = ok(Id::parse(ok(list(*store, Kind::event)).back()["id"].get<std::string>()));
    spirit = ok(review_event(*store, event)).team_spirit;
  }
  {
    // Version 9 is version 10 without the pulse tallies and their index;
    // its tallies were of version 2.
    test::RawDb raw(test::db_file(tmp.path()));
    tallies = raw.column("SELECT json_array(hex(team), day, hex(survey), hex(event), hex(activity), responses, ratings, "
                         "rating_sum) FROM pulse_tallies ORDER BY team, day, survey, event, activity");
    raw.exec("DROP TABLE pulse_tallies; DROP INDEX participations_person_created; "
             "UPDATE meta SET value = '2/' || substr(value, instr(value, '/') + 1) WHERE key = 'tallies_version'");
  }
  set_user_version(tmp.path(), 9);
  auto store = test::open_store(tmp.path(), env);
  CHECK(ok(store->info()).schema_version == 10);
  test::RawDb raw(test::db_file(tmp.path()));
  CHECK(tallies.size() > 10);
  CHECK(raw.column("SELECT json_array(hex(team), day, hex(survey), hex(event), hex(activity), responses, ratings, "
                   "rating_sum) FROM pulse_tallies ORDER BY team, day, survey, event, activity") == tallies);
  std::vector<SpiritChange> after = ok(review_event(*store, event)).team_spirit;
  REQUIRE(after.size() == spirit.size());
  REQUIRE(spirit.at(0).after.disclosure.shown);  // the demo's pulses count, after the event
  for (std::size_t g = 0; g < spirit.size(); ++g) {
    CHECK(after[g].before.responses == spirit[g].before.responses);
    CHECK(after[g].after.responses == spirit[g].after.responses);
    CHECK(after[g].after.mean_rating == spirit[g].after.mean_rating);
    CHECK(after[g].after.disclosure.shown == spirit[g].after.disclosure.shown);
  }
}
