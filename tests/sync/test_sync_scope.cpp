// One scope rule, derived twice from the kinds' Reach (kind.h): the SQLite
// feed's query (core feed_after) and the scope the PostgreSQL store keeps
// beside each record (record_scope). On data with every scoped kind, for
// every person and the teams they manage, both pick the same changes.
#include <set>

#include "debrief/demo.h"
#include "debrief/sync/visibility.h"
#include "debrief/time.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;

namespace {

// Whether `scope` (nothing: every audience's) is in reach of `person`
// managing `teams`, as PROTOCOL.md 6.1 states the coarse rule.
bool in_reach(const std::optional<sync::RecordScope>& scope, const Id& person, const std::set<Id>& teams) {
  return !scope || scope->open || (scope->owner && *scope->owner == person) || (scope->team && teams.count(*scope->team));
}

}  // namespace

TEST_CASE("the feed's query and the records' scopes agree for every person, on data with every kind",
          "[sync][privacy]") {
  TempDir tmp;
  SeededEnv env(3, ok(parse_time("2026-01-05")) * 1000);
  auto store = ok(Store::open(tmp.path(), {.env = &env}));
  ok(generate_demo(*store, {.people = 24, .events = 2, .responses = 60, .seed = 3}));
  std::vector<Id> people;
  for (const Json& p : ok(list(*store, Kind::person))) people.push_back(*id_member(p, "id"));
  Id event = *id_member(ok(list(*store, Kind::event)).front(), "id");
  for (std::size_t i = 0; i < 6; ++i) {  // devices and summaries, which the demo has none of
    ok(store->set_me(people[i]));
    ok(create(*store, Kind::device, {{"person", people[i].hex()}, {"name", "phone"}}));
    ok(create(*store, Kind::summary, {{"event", event.hex()}, {"heard", "Too long."}, {"published", i % 2 == 0}}));
  }
  std::vector<Change> changes = ok(changes_after(*store, 0));
  std::set<Kind> scoped;
  int managers = 0;
  for (const Id& person : people) {
    sync::Audience who = ok(sync::Audience::of(*store, person));
    managers += !who.managed.empty();
    std::set<std::int64_t> by_query, by_scope;
    for (const Change& c : ok(feed_after(*store, 0, 1000000, {person, {who.managed.begin(), who.managed.end()}})).changes)
      by_query.insert(c.seq);
    for (const Change& c : changes) {
      std::optional<sync::RecordScope> scope = ok(sync::record_scope(*store, c.kind, c.record));
      if (scope) scoped.insert(c.kind);
      if (in_reach(scope, person, who.managed)) by_scope.insert(c.seq);
    }
    INFO("person " << person.hex());
    CHECK(by_query == by_scope);
    CHECK(by_query.size() < changes.size());  // something is out of each person's reach
  }
  CHECK(managers > 0);
  CHECK(scoped == std::set<Kind>{Kind::device, Kind::response, Kind::participation, Kind::reflection, Kind::summary});
}

TEST_CASE("a page of the feed looks at a bounded stretch, however little of it the reader may see", "[sync][privacy]") {
  TempDir tmp;
  SeededEnv env(5, ok(parse_time("2026-01-05")) * 1000);
  auto store = ok(Store::open(tmp.path(), {.env = &env}));
  ok(generate_demo(*store, {.people = 4, .events = 1, .responses = 0, .seed = 5}));
  std::vector<Json> people = ok(list(*store, Kind::person));
  Id writer = *id_member(people[0], "id"), reader = *id_member(people[1], "id");
  Id event = *id_member(ok(list(*store, Kind::event)).front(), "id");
  std::int64_t start = ok(last_seq(*store));
  ok(store->set_me(writer));
  ok(store->transaction([&]() -> Status {  // 500 private reflections: none of them the reader's
    for (int i = 0; i < 500; ++i) DEBRIEF_TRY(create(*store, Kind::reflection, {{"event", event.hex()}, {"text", "mine"}}).status());
    return Status::ok();
  }));
  std::int64_t last = ok(last_seq(*store));
  // Pages of 5 look at 80 rows each (kFeedScanPerChange), not the whole stretch.
  std::int64_t cursor = start, pages = 0;
  for (bool more = true; more && pages < 100; ++pages) {
    FeedPage page = ok(feed_after(*store, cursor, 5, {reader, {}}));
    CHECK(page.changes.empty());
    CHECK(page.scanned_to - cursor <= 5 * kFeedScanPerChange);
    CHECK(page.scanned_to > cursor);
    cursor = page.scanned_to;
    more = page.more;
  }
  CHECK(cursor == last);
  CHECK(pages == (last - start + 79) / 80);
}
