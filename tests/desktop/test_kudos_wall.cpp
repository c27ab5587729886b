// The kudos wall lists newest first with filters and +1s; giving kudos
// goes through the core's rules, whose refusal the dialog shows inline.
#include "kudos_wall.h"
#include "test_support.h"

using namespace debrief;
using namespace debrief::desktop;
using test::ok;

namespace {

// The whole wall, read a page of `page` cards at a time.
std::vector<KudosCard> wall(Store& store, const KudosFilter& filter, std::size_t page = 1) {
  std::vector<KudosCard> all;
  std::optional<Id> after;
  for (int pages = 0; pages < 10000; ++pages) {
    KudosPage p = ok(load_kudos_page(store, filter, after, page));
    all.insert(all.end(), p.cards.begin(), p.cards.end());
    if (!p.next) return all;
    after = p.next;
  }
  FAIL("the wall never ended");
  return all;
}

}  // namespace

TEST_CASE("kudos without a specific action are refused with the reason, and nothing is saved", "[desktop]") {
  test::World w;
  Result<Id> given = give_kudos(*w.store, {{w.other}, "great job", "thanks", "teamwork"});
  REQUIRE_FALSE(given.is_ok());
  CHECK(given.status().code() == Code::invalid_argument);
  CHECK_FALSE(given.status().message().empty());
  CHECK(test::live_count(*w.store, Kind::kudos) == 0);
}

TEST_CASE("the wall shows kudos newest first, filters them, and counts +1s", "[desktop]") {
  test::World w;
  ok(give_kudos(*w.store, {{w.other}, "rebuilt the demo after the server crashed at midnight",
                           "the client signed the same day", "customer_save"}));
  w.env.advance_ms(60000);
  w.act_as(w.other);
  Id second = ok(give_kudos(*w.store, {{w.me}, "covered the night shift queue while two colleagues were ill",
                                       "we avoided forty refund calls", "teamwork"}));
  w.act_as(w.me);
  std::vector<KudosCard> all = wall(*w.store, {});
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == second);  // newest first
  CHECK(all[0].from == "Ben Ode");
  CHECK(all[0].to == "Ana Lima");
  CHECK(wall(*w.store, {.category = "teamwork"}).size() == 1);
  CHECK(wall(*w.store, {.person = w.other}).size() == 2);  // given by or to Ben
  CHECK(wall(*w.store, {.team = w.team}).size() == 2);
  w.act_as(ok(create(*w.store, Kind::person, {{"name", "Cy Dane"}, {"team", w.team.hex()}})));  // neither giver nor thanked
  ok(plus_one(*w.store, second));
  KudosCard card = wall(*w.store, {.category = "teamwork"})[0];
  CHECK(card.plus_ones == 1);
  CHECK(card.plus_oned_by_me);
}

TEST_CASE("the wall comes a page at a time: every kudos once, newest first, however a filter thins the pages",
          "[desktop]") {
  test::World w;
  const Id cy = ok(create(*w.store, Kind::person, {{"name", "Cy Dane"}, {"team", w.team.hex()}}));
  std::vector<Id> newest_first;  // of the customer saves, as given
  for (int i = 0; i < 600; ++i) {         // more than one chunk of kudos read
    Json k = test::specific_kudos({i % 3 == 0 ? w.me : cy});
    k["category"] = i % 5 == 0 ? "customer_save" : "teamwork";
    w.act_as(i % 3 == 0 ? w.other : w.me);
    Id id = ok(create(*w.store, Kind::kudos, k));
    if (i % 5 == 0) newest_first.insert(newest_first.begin(), id);
    w.env.advance_ms(1000);
  }
  w.act_as(w.me);
  KudosPage first = ok(load_kudos_page(*w.store, {.category = "customer_save"}, std::nullopt, 40));
  CHECK(first.cards.size() == 40);
  REQUIRE(first.next);
  // A kudos given between two pages is not in the later ones, and nothing repeats.
  Json between = test::specific_kudos({w.other});
  between["category"] = "teamwork";
  ok(create(*w.store, Kind::kudos, between));
  KudosPage second = ok(load_kudos_page(*w.store, {.category = "customer_save"}, first.next, 40));
  CHECK(second.cards.size() == 40);
  CHECK(second.cards[0].id == newest_first[40]);

  std::vector<Id> paged;
  for (const KudosCard& c : wall(*w.store, {.category = "customer_save"}, 40)) paged.push_back(c.id);
  CHECK(paged == newest_first);
  CHECK(wall(*w.store, {.person = w.other}, 33).size() == 200 + 1);  // every third, and the one between pages
  CHECK(wall(*w.store, {}, 250).size() == 601);
}
