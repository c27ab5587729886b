// Every write records its changes for sync in the same transaction: per
// field for editable kinds, per record for append-only ones.
#include "debrief/change_log.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

std::vector<Change> pending(Store& store) { return ok(pending_changes(store)); }

// The changes `action` logs.
template <class Action>
std::vector<Change> logged_by(Store& store, Action&& action) {
  const std::size_t before = pending(store).size();
  ok(action());
  std::vector<Change> all = pending(store);
  REQUIRE(all.size() >= before);
  return {all.begin() + static_cast<std::ptrdiff_t>(before), all.end()};
}

// A value as the change log carries it: the stored form, so booleans are
// 0/1, while texts, choices, numbers and ids (hex) are as given.
Json stored_form(const KindSpec& spec, const std::string& field, const Json& value) {
  if (field_named(spec, field)->type == FieldType::boolean) return value.get<bool>() ? 1 : 0;
  return value;
}

void check_whole_record(const Change& c, Kind kind, Id record, ChangeOp op) {
  CHECK(c.kind == kind);
  CHECK(c.record == record);
  CHECK(!c.field);
  CHECK(c.value.is_null());
  CHECK(c.op == op);
}

std::int64_t pending_count(Store& store) { return ok(store.info()).pending_changes; }

}  // namespace

TEST_CASE("creating a record logs one change for the whole record", "[changes]") {
  test::World w;
  for (const test::KindCase& c : test::creatable_cases(w)) {
    if (c.kind == Kind::response) continue;  // logs its participation too; see test_response.cpp
    DYNAMIC_SECTION(spec_of(c.kind).name) {
      Id id;
      auto changes = logged_by(*w.store, [&] {
        Result<Id> r = create(*w.store, c.kind, c.fields);
        if (r.is_ok()) id = *r;
        return r.status();
      });
      REQUIRE(changes.size() == 1);
      check_whole_record(changes[0], c.kind, id, ChangeOp::upsert);
    }
  }
}

TEST_CASE("an edit of two fields of an editable record logs one change per field, with its value", "[changes]") {
  test::World w;
  for (const test::KindCase& c : test::creatable_cases(w)) {
    const KindSpec& spec = spec_of(c.kind);
    if (spec.merge != Merge::per_field) continue;
    DYNAMIC_SECTION(spec.name) {
      Id id = ok(create(*w.store, c.kind, c.fields));
      auto changes = logged_by(*w.store, [&] { return update(*w.store, c.kind, id, c.edit); });
      REQUIRE(changes.size() == 2);
      for (const Change& change : changes) {
        REQUIRE(change.field);
        INFO(*change.field);
        CHECK(change.record == id);
        CHECK(change.op == ChangeOp::upsert);
        REQUIRE(c.edit.contains(*change.field));
        CHECK(change.value == stored_form(spec, *change.field, c.edit[*change.field]));
      }
      CHECK(changes[0].field != changes[1].field);
    }
  }
}

TEST_CASE("an edit that changes no value logs nothing", "[changes]") {
  test::World w;
  CHECK(logged_by(*w.store, [&] { return update(*w.store, Kind::event, w.event, {{"title", "Offsite"}}); }).empty());
  CHECK(logged_by(*w.store, [&] { return update(*w.store, Kind::event, w.event, Json::object()); }).empty());
}

TEST_CASE("an edit of an append-only record logs one change for the whole record", "[changes]") {
  test::World w;
  Id r = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "I listened more today."}}));
  auto changes = logged_by(*w.store, [&] { return update(*w.store, Kind::reflection, r, {{"shared", true}}); });
  REQUIRE(changes.size() == 1);
  check_whole_record(changes[0], Kind::reflection, r, ChangeOp::upsert);
}

TEST_CASE("a delete logs one change with op remove, for editable and append-only kinds", "[changes][tombstone]") {
  test::World w;
  Id r = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "I listened more today."}}));
  auto removed_event = logged_by(*w.store, [&] { return remove(*w.store, Kind::event, w.event); });
  auto removed_reflection = logged_by(*w.store, [&] { return remove(*w.store, Kind::reflection, r); });
  REQUIRE(removed_event.size() == 1);
  REQUIRE(removed_reflection.size() == 1);
  check_whole_record(removed_event[0], Kind::event, w.event, ChangeOp::remove);
  check_whole_record(removed_reflection[0], Kind::reflection, r, ChangeOp::remove);
}

TEST_CASE("changes carry this device and strictly increasing clocks, even when the wall clock goes back",
          "[changes][hlc]") {
  test::World w;
  w.env.advance_ms(-3600 * 1000);
  ok(create(*w.store, Kind::team, {{"name", "Ops"}}));
  ok(update(*w.store, Kind::event, w.event, {{"title", "A"}, {"location", "B"}}));
  w.env.set_now_ms(0);
  ok(remove(*w.store, Kind::event, w.event));
  auto changes = pending(*w.store);
  REQUIRE(changes.size() > 5);
  for (std::size_t i = 1; i < changes.size(); ++i) {
    CHECK(changes[i].seq > changes[i - 1].seq);
    CHECK(changes[i].hlc > changes[i - 1].hlc);
    CHECK(changes[i].device == w.store->device_id());
  }
}

TEST_CASE("a change's clock follows the wall clock while it moves forward", "[changes][hlc]") {
  test::World w;
  w.env.advance_ms(60000);
  ok(create(*w.store, Kind::team, {{"name", "Ops"}}));
  CHECK(pending(*w.store).back().hlc == Hlc::from_parts(w.env.now_ms(), 0));
}

TEST_CASE("the clock resumes after the last change when the store reopens with the wall clock set back",
          "[changes][hlc]") {
  test::World w;
  const Hlc last = pending(*w.store).back().hlc;
  w.env.set_now_ms(1000);
  w.reopen();
  ok(create(*w.store, Kind::team, {{"name", "Later"}}));
  CHECK(pending(*w.store).back().hlc > last);
}

TEST_CASE("pending changes come oldest first, at most the limit", "[changes]") {
  test::World w;
  auto all = pending(*w.store);
  auto first_two = ok(pending_changes(*w.store, 2));
  REQUIRE(first_two.size() == 2);
  CHECK(first_two[0].seq == all[0].seq);
  CHECK(first_two[1].seq == all[1].seq);
}

TEST_CASE("acknowledged changes are no longer pending, and that survives reopening", "[changes]") {
  test::World w;
  auto all = pending(*w.store);
  REQUIRE(all.size() > 3);
  ok(acknowledge_changes(*w.store, all[2].seq));
  const auto left = static_cast<std::int64_t>(all.size() - 3);
  CHECK(pending(*w.store).front().seq == all[3].seq);
  CHECK(pending_count(*w.store) == left);
  w.reopen();
  CHECK(static_cast<std::int64_t>(pending(*w.store).size()) == left);
  CHECK(ok(w.store->info()).total_changes == static_cast<std::int64_t>(all.size()));
}

TEST_CASE("acknowledging an older change does not make acknowledged changes pending again", "[changes]") {
  test::World w;
  auto all = pending(*w.store);
  ok(acknowledge_changes(*w.store, all[4].seq));
  ok(acknowledge_changes(*w.store, all[1].seq));
  CHECK(pending(*w.store).front().seq == all[5].seq);
}

TEST_CASE("acknowledging past the latest change does not hide changes made later", "[changes]") {
  test::World w;
  auto all = pending(*w.store);
  ok(acknowledge_changes(*w.store, all.back().seq + 1000));
  CHECK(pending(*w.store).empty());
  Id team = ok(create(*w.store, Kind::team, {{"name", "Later"}}));
  auto later = pending(*w.store);
  REQUIRE(later.size() == 1);
  CHECK(later[0].record == team);
}
