// What Home, Events and Reflections show, from the local store.
#include "debrief/time.h"
#include "events.h"
#include "home.h"
#include "reflections.h"
#include "test_support.h"

using namespace debrief;
using namespace debrief::desktop;
using test::ok;

TEST_CASE("home names me, my team and organisation, and what waits to sync", "[desktop]") {
  test::World w;
  ok(create(*w.store, Kind::organisation, {{"name", "Acme"}}));
  HomeView h = ok(load_home(*w.store));
  CHECK(h.name == "Ana Lima");
  CHECK(h.team == "Support");
  CHECK(h.organisation == "Acme");
  CHECK(h.pending_changes > 0);
  CHECK(h.server.empty());  // not enrolled
  CHECK(h.events == 1);
}

TEST_CASE("events list upcoming first; an event's page has its agenda in order and its crew by name", "[desktop]") {
  test::World w;
  ok(create(*w.store, Kind::event, {{"title", "Old kick-off"}, {"starts_at", "2020-01-10T09:00:00Z"}, {"ends_at", "2020-01-10T17:00:00Z"}}));
  ok(update(*w.store, Kind::event, w.event, {{"crew", {w.other.hex()}}, {"speakers", {"Dr. Park"}}}));
  for (const char* at : {"14:00", "10:00"})
    ok(create(*w.store, Kind::activity, {{"event", w.event.hex()}, {"title", std::string("at ") + at},
                                         {"starts_at", std::string("2026-12-03T") + at + ":00Z"},
                                         {"ends_at", std::string("2026-12-03T") + at + ":30Z"}}));
  std::int64_t now = ok(parse_time("2026-11-25"));
  std::vector<EventCard> events = ok(load_events(*w.store, now));
  REQUIRE(events.size() == 2);
  CHECK(events[0].title == "Offsite");
  CHECK(events[0].upcoming);
  CHECK_FALSE(events[1].upcoming);
  EventPage page = ok(load_event_page(*w.store, w.event, now));
  REQUIRE(page.agenda.size() == 2);
  CHECK(page.agenda[0].title == "at 10:00");
  CHECK(page.speakers == std::vector<std::string>{"Dr. Park"});
  REQUIRE(page.crew.size() == 1);
  CHECK(page.crew[0].name == "Ben Ode");
}

TEST_CASE("my journal holds my reflections only, private until I share one", "[desktop]") {
  test::World w;
  ok(create(*w.store, Kind::activity, {{"event", w.event.hex()}, {"title", "Hike"},
                                       {"starts_at", "2026-12-03T10:00:00Z"}, {"ends_at", "2026-12-03T12:00:00Z"}}));
  ActivityChoice hike = ok(load_activities(*w.store)).at(0);
  CHECK(hike.title == "Offsite: Hike");
  Id mine = ok(write_reflection(*w.store, hike, "I listened more than I talked", false));
  w.act_as(w.other);
  ok(write_reflection(*w.store, hike, "Ben's private thought", false));
  w.act_as(w.me);
  std::vector<ReflectionItem> journal = ok(load_my_reflections(*w.store));
  REQUIRE(journal.size() == 1);
  CHECK(journal[0].text == "I listened more than I talked");
  CHECK_FALSE(journal[0].shared);
  ok(set_shared(*w.store, mine, true));
  CHECK(ok(load_my_reflections(*w.store))[0].shared);
}
