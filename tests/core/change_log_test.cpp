// Every write records its changes for sync, in the same transaction.
#include "debrief/change_log.h"
#include "fixture.h"

using namespace debrief;
using test::ok;

TEST_CASE("an edit of two fields logs one change per field with its value", "[changes]") {
  test::World w;
  std::size_t before = ok(pending_changes(*w.store)).size();
  ok(update(*w.store, Kind::event, w.event, {{"title", "Winter offsite"}, {"offsite", true}}));
  auto changes = ok(pending_changes(*w.store));
  REQUIRE(changes.size() == before + 2);
  std::map<std::string, Json> by_field;
  for (std::size_t i = before; i < changes.size(); ++i) {
    CHECK(changes[i].kind == Kind::event);
    CHECK(changes[i].record == w.event);
    by_field[*changes[i].field] = changes[i].value;
  }
  CHECK(by_field["title"] == "Winter offsite");
  CHECK(by_field["offsite"] == 1);
}

TEST_CASE("an unchanged value logs nothing", "[changes]") {
  test::World w;
  std::size_t before = ok(pending_changes(*w.store)).size();
  ok(update(*w.store, Kind::event, w.event, {{"title", "Offsite"}}));
  CHECK(ok(pending_changes(*w.store)).size() == before);
}

TEST_CASE("append-only records log one whole-record change; deletes log a tombstone", "[changes]") {
  test::World w;
  std::size_t before = ok(pending_changes(*w.store)).size();
  Id r = ok(create(*w.store, Kind::reflection, {{"text", "I listened more today."}}));
  ok(update(*w.store, Kind::reflection, r, {{"shared", true}}));
  ok(remove(*w.store, Kind::reflection, r));
  auto changes = ok(pending_changes(*w.store));
  REQUIRE(changes.size() == before + 3);
  for (std::size_t i = before; i < changes.size(); ++i) {
    CHECK(!changes[i].field.has_value());
    CHECK(changes[i].record == r);
  }
  CHECK(changes.back().op == ChangeOp::remove);
  Json tomb = ok(get(*w.store, Kind::reflection, r));
  CHECK(tomb["deleted"] == true);
  CHECK(ok(list(*w.store, Kind::reflection)).empty());
}

TEST_CASE("changes carry this device and strictly increasing clocks", "[changes][hlc]") {
  test::World w;
  auto changes = ok(pending_changes(*w.store));
  REQUIRE(changes.size() > 3);
  for (std::size_t i = 1; i < changes.size(); ++i) {
    CHECK(changes[i].hlc > changes[i - 1].hlc);
    CHECK(changes[i].device == w.store->device_id());
  }
}

TEST_CASE("acknowledged changes are no longer pending, and that survives reopening", "[changes]") {
  test::World w;
  auto changes = ok(pending_changes(*w.store));
  ok(acknowledge_changes(*w.store, changes[2].seq));
  CHECK(ok(pending_changes(*w.store)).size() == changes.size() - 3);
  CHECK(ok(w.store->info()).pending_changes == static_cast<std::int64_t>(changes.size() - 3));
  w.store.reset();
  auto again = ok(Store::open(w.dir.path() / "store", {.env = &w.env}));
  CHECK(ok(pending_changes(*again)).size() == changes.size() - 3);
}

TEST_CASE("the clock resumes after the last change when the wall clock went back", "[changes][hlc]") {
  test::World w;
  Hlc last = ok(pending_changes(*w.store)).back().hlc;
  w.store.reset();
  w.env.set_now_ms(1000);  // long before
  auto again = ok(Store::open(w.dir.path() / "store", {.env = &w.env}));
  ok(create(*again, Kind::team, {{"name", "Later"}}));
  CHECK(ok(pending_changes(*again)).back().hlc > last);
}
