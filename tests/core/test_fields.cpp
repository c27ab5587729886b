// Fields named in code (fields.h): typed reads and writes agree with the
// JSON form of records.h. That a wrong name does not compile is checked by
// the compile_fail tests beside this file.
#include "debrief/fields.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

TEST_CASE("a record view reads every type of field as get() gives it", "[fields]") {
  test::World w;
  Id k = ok(create(*w.store, Kind::kudos, test::specific_kudos({w.other})));
  Json kudos = ok(get(*w.store, Kind::kudos, k));
  RecordView<Kind::kudos> view(kudos);
  CHECK(view.id() == k);
  CHECK(view.ref("author") == w.me);
  CHECK(view.refs("to") == std::vector<Id>{w.other});
  CHECK(view.text("action") == "turned an angry caller around and had her laughing");
  CHECK(view.is({"category", "customer_save"}));
  CHECK_FALSE(view.is({"category", "teamwork"}));
  CHECK_FALSE(view.ref("to_team"));
  CHECK_FALSE(view.has("to_team"));
  CHECK_FALSE(view.deleted());

  Json event = ok(get(*w.store, Kind::event, w.event));
  RecordView<Kind::event> e(event);
  CHECK(e.text("title") == event["title"].get<std::string>());
  CHECK(e.flag("offsite") == event["offsite"].get<bool>());
  CHECK(e.texts("speakers").size() == event["speakers"].size());
}

TEST_CASE("a record view reads a missing or mistyped member as empty, never throwing", "[fields]") {
  Json odd = {{"author", 7}, {"to", "not a list"}, {"action", nullptr}};
  RecordView<Kind::kudos> view(odd);
  CHECK_FALSE(view.ref("author"));
  CHECK(view.refs("to").empty());
  CHECK(view.text("action").empty());
  CHECK(view.id() == Id{});
  RecordView<Kind::organisation> org(odd);
  CHECK(org.integer("anonymity_threshold") == 0);
}

TEST_CASE("typed field values make the same record as the JSON form", "[fields]") {
  test::World w;
  FieldValues<Kind::kudos> typed;
  typed.set("to", std::vector<Id>{w.other})
      .set("action", "turned an angry caller around and had her laughing")
      .set("outcome", "she renewed her contract on the spot")
      .set("category", "customer_save");
  Id a = ok(create(*w.store, typed));
  Id b = ok(create(*w.store, Kind::kudos, test::specific_kudos({w.other})));
  Json ja = ok(get(*w.store, Kind::kudos, a)), jb = ok(get(*w.store, Kind::kudos, b));
  for (const char* member : {"id", "created_at"}) ja.erase(member), jb.erase(member);
  CHECK(ja == jb);

  FieldValues<Kind::event> retitle;
  retitle.set("title", "Spring offsite, moved");
  ok(update(*w.store, w.event, retitle));
  CHECK(ok(get(*w.store, Kind::event, w.event))["title"] == "Spring offsite, moved");
}

TEST_CASE("a typed filter lists what the same filter by name lists", "[fields]") {
  test::World w;
  ok(create(*w.store, Kind::kudos, test::specific_kudos({w.other})));
  w.kudos_from_other();
  auto typed = ok(list(*w.store, Kind::kudos, {.where = {filter_by<Kind::kudos>("to", w.other)}}));
  auto named = ok(list(*w.store, Kind::kudos, {.where = {{"to", w.other.hex()}}}));
  REQUIRE(typed.size() == 1);
  CHECK(typed == named);
}
