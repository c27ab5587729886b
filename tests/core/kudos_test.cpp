// Kudos name the specific action and outcome; +1s merge as a set.
#include "fixture.h"

using namespace debrief;
using test::ok;

namespace {

Id give(test::World& w) {
  return ok(create(*w.store, Kind::kudos, {{"to", {w.other.hex()}},
                                           {"action", "turned an angry caller around and had her laughing"},
                                           {"outcome", "she renewed her contract on the spot"},
                                           {"category", "customer_save"}}));
}

}  // namespace

TEST_CASE("a specific kudos is on the wall with its author and recipients", "[kudos]") {
  test::World w;
  Id k = give(w);
  auto wall = ok(list(*w.store, Kind::kudos, {.where = {{"to", w.other.hex()}}}));
  REQUIRE(wall.size() == 1);
  CHECK(wall[0]["id"] == k.hex());
  CHECK(wall[0]["author"] == w.me.hex());
  CHECK(update(*w.store, Kind::kudos, k, {{"action", "x"}}).code() == Code::invalid_argument);
}

TEST_CASE("a +1 counts once per person, not from the author", "[kudos]") {
  test::World w;
  Id k = give(w);
  CHECK(create(*w.store, Kind::plus_one, {{"kudos", k.hex()}}).status().message().find("own kudos") != std::string::npos);
  ok(w.store->set_me(w.other));
  Id first = ok(create(*w.store, Kind::plus_one, {{"kudos", k.hex()}}));
  auto again = create(*w.store, Kind::plus_one, {{"kudos", k.hex()}});
  REQUIRE(!again.is_ok());
  CHECK(again.status().code() == Code::already_exists);
  CHECK(ok(list(*w.store, Kind::plus_one, {.where = {{"kudos", k.hex()}}})).size() == 1);
  CHECK(ok(get(*w.store, Kind::plus_one, first))["person"] == w.other.hex());
}

TEST_CASE("a manager replies to feedback and publishes a summary", "[reply][summary]") {
  test::World w;
  Id k = give(w);
  Id reply = ok(create(*w.store, Kind::reply, {{"target_kind", "kudos"}, {"target", k.hex().substr(0, 30)}, {"text", "Thank you, we will share this at the all-hands."}}));
  CHECK(ok(get(*w.store, Kind::reply, reply))["target"] == k.hex());
  CHECK(!create(*w.store, Kind::reply, {{"target_kind", "kudos"}, {"target", "ffffffff"}, {"text", "x"}}).is_ok());
  Id summary = ok(create(*w.store, Kind::summary, {{"event", w.event.hex()}, {"heard", "Too many talks"}, {"will_do", "Half the talks, twice the breaks"}}));
  ok(update(*w.store, Kind::summary, summary, {{"published", true}}));
  CHECK(ok(get(*w.store, Kind::summary, summary))["published"] == true);
  Id device = ok(create(*w.store, Kind::device, {{"person", w.me.hex()}, {"name", "Ana's phone"}}));
  ok(update(*w.store, Kind::device, device, {{"revoked", true}}));
  CHECK(ok(get(*w.store, Kind::device, device))["revoked"] == true);
}
