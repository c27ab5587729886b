// The kudos wall lists newest first with filters and +1s; giving kudos
// goes through the core's rules, whose refusal the dialog shows inline.
#include "kudos_wall.h"
#include "test_support.h"

using namespace debrief;
using namespace debrief::desktop;
using test::ok;

TEST_CASE("kudos without a specific action are refused with the reason, and nothing is saved", "[desktop]") {
  test::World w;
  Result<Id> given = give_kudos(*w.store, {{w.other.hex()}, "great job", "thanks", "teamwork", ""});
  REQUIRE_FALSE(given.is_ok());
  CHECK(given.status().code() == Code::invalid_argument);
  CHECK_FALSE(given.status().message().empty());
  CHECK(test::live_count(*w.store, Kind::kudos) == 0);
}

TEST_CASE("the wall shows kudos newest first, filters them, and counts +1s", "[desktop]") {
  test::World w;
  ok(give_kudos(*w.store, {{w.other.hex()}, "rebuilt the demo after the server crashed at midnight",
                           "the client signed the same day", "customer_save", ""}));
  w.env.advance_ms(60000);
  w.act_as(w.other);
  Id second = ok(give_kudos(*w.store, {{w.me.hex()}, "covered the night shift queue while two colleagues were ill",
                                       "we avoided forty refund calls", "teamwork", ""}));
  w.act_as(w.me);
  std::vector<KudosCard> all = ok(load_kudos_wall(*w.store, {}));
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == second.hex());  // newest first
  CHECK(all[0].from == "Ben Ode");
  CHECK(all[0].to == "Ana Lima");
  CHECK(ok(load_kudos_wall(*w.store, {.category = "teamwork"})).size() == 1);
  CHECK(ok(load_kudos_wall(*w.store, {.person = w.other.hex()})).size() == 2);  // given by or to Ben
  CHECK(ok(load_kudos_wall(*w.store, {.team = w.team.hex()})).size() == 2);
  w.act_as(ok(create(*w.store, Kind::person, {{"name", "Cy Dane"}, {"team", w.team.hex()}})));  // neither giver nor thanked
  ok(plus_one(*w.store, second.hex()));
  KudosCard card = ok(load_kudos_wall(*w.store, {.category = "teamwork"}))[0];
  CHECK(card.plus_ones == 1);
  CHECK(card.plus_oned_by_me);
}
