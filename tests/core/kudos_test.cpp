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
