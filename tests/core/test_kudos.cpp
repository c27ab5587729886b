// Kudos name the specific action and its outcome, go to someone else, and
// gather +1s: one per person, never from the author.
#include "debrief/text.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

Json kudos_with(const test::World& w, const char* member, const Json& value) {
  Json fields = test::specific_kudos({w.other});
  fields[member] = value;
  return fields;
}

void check_kudos_refused(test::World& w, const Json& fields, Code code, const char* part) {
  test::check_refused(*w.store, code, part, [&] { return create(*w.store, Kind::kudos, fields); });
}

}  // namespace

TEST_CASE("a specific kudos is on the wall with its author, recipients and category", "[kudos]") {
  test::World w;
  Id k = ok(create(*w.store, Kind::kudos, test::specific_kudos({w.other})));
  auto wall = ok(list(*w.store, Kind::kudos, {.where = {{"to", w.other.hex()}}}));
  REQUIRE(wall.size() == 1);
  CHECK(wall[0]["id"] == k.hex());
  CHECK(wall[0]["author"] == w.me.hex());
  CHECK(wall[0]["to"] == Json::array({w.other.hex()}));
  CHECK(wall[0]["category"] == "customer_save");
}

TEST_CASE("vague praise is refused with a message asking for the specific action", "[kudos]") {
  test::World w;
  for (const char* vague : {"Great job!", "great job", "You are awesome, thanks so much", "Amazing work as usual"}) {
    INFO(vague);
    check_kudos_refused(w, kudos_with(w, "action", vague), Code::invalid_argument, "the specific action");
  }
}

TEST_CASE("the refusal quotes long vague praise cut short, still as valid UTF-8", "[kudos]") {
  test::World w;
  // 59 bytes of generic praise, then an accented letter across the 60-byte cut.
  const std::string vague = "great job great job great job great job great job very well\xC3\xA9 done";
  Status s = create(*w.store, Kind::kudos, kudos_with(w, "action", vague)).status();
  CHECK(s.message().find("the specific action") != std::string::npos);
  CHECK(is_valid_utf8(s.message()));
}

TEST_CASE("a kudos without an outcome is refused", "[kudos]") {
  test::World w;
  Json no_outcome = test::specific_kudos({w.other});
  no_outcome.erase("outcome");
  check_kudos_refused(w, no_outcome, Code::invalid_argument, "outcome is required");
  check_kudos_refused(w, kudos_with(w, "outcome", "thanks so much!"), Code::invalid_argument,
                      "the kudos needs the outcome");
}

TEST_CASE("a kudos without recipients is refused", "[kudos]") {
  test::World w;
  Json nobody = test::specific_kudos({});
  check_kudos_refused(w, nobody, Code::invalid_argument, "someone to thank");
  nobody.erase("to");
  check_kudos_refused(w, nobody, Code::invalid_argument, "someone to thank");
}

TEST_CASE("kudos only to yourself are refused, but you may be among the recipients", "[kudos]") {
  test::World w;
  check_kudos_refused(w, test::specific_kudos({w.me}), Code::invalid_argument, "only to yourself");
  check_kudos_refused(w, test::specific_kudos({w.me, w.me}), Code::invalid_argument, "only to yourself");
  CHECK(create(*w.store, Kind::kudos, test::specific_kudos({w.me, w.other})).is_ok());
}

TEST_CASE("a kudos may thank a whole team", "[kudos]") {
  test::World w;
  Json to_team = test::specific_kudos({});
  to_team["to_team"] = w.team.hex();
  Id k = ok(create(*w.store, Kind::kudos, to_team));
  CHECK(ok(get(*w.store, Kind::kudos, k))["to_team"] == w.team.hex());
}

TEST_CASE("specific words in any language count", "[kudos]") {
  test::World w;
  Json fields = kudos_with(w, "action", "reorganizou o armazém durante a noite");
  fields["outcome"] = "entregámos todas as encomendas a tempo";
  CHECK(create(*w.store, Kind::kudos, fields).is_ok());
}

TEST_CASE("a kudos cannot be edited once given", "[kudos]") {
  test::World w;
  Id k = ok(create(*w.store, Kind::kudos, test::specific_kudos({w.other})));
  test::check_refused(*w.store, Code::invalid_argument, "cannot change once given",
                      [&] { return update(*w.store, Kind::kudos, k, {{"action", "rebuilt the demo overnight"}}); });
}

TEST_CASE("a +1 adds your voice once; a second +1 from the same person already exists", "[kudos][plus_one]") {
  test::World w;
  Id k = w.kudos_to_team();
  Id first = ok(create(*w.store, Kind::plus_one, {{"kudos", k.hex()}}));
  CHECK(ok(get(*w.store, Kind::plus_one, first))["person"] == w.me.hex());
  test::check_refused(*w.store, Code::already_exists, "already added your voice",
                      [&] { return create(*w.store, Kind::plus_one, {{"kudos", k.hex()}}); });
  CHECK(ok(list(*w.store, Kind::plus_one, {.where = {{"kudos", k.hex()}}})).size() == 1);
}

TEST_CASE("the same person's +1 to the same kudos has the same id on every device", "[kudos][plus_one]") {
  test::World a, b;
  Id k = a.kudos_to_team();
  Id from_a = ok(create(*a.store, Kind::plus_one, {{"kudos", k.hex()}}));
  CHECK(!from_a.is_nil());
  // World b was built from the same seed: the same people and kudos ids.
  CHECK(b.kudos_to_team() == k);
  CHECK(ok(create(*b.store, Kind::plus_one, {{"kudos", k.hex()}})) == from_a);
}

TEST_CASE("you cannot +1 a kudos given to you", "[kudos][plus_one]") {
  test::World w;
  Id k = w.kudos_from_other();
  test::check_refused(*w.store, Code::invalid_argument, "given to you",
                      [&] { return create(*w.store, Kind::plus_one, {{"kudos", k.hex()}}); });
}

TEST_CASE("you cannot +1 your own kudos", "[kudos][plus_one]") {
  test::World w;
  Id mine = ok(create(*w.store, Kind::kudos, test::specific_kudos({w.other})));
  test::check_refused(*w.store, Code::invalid_argument, "your own kudos",
                      [&] { return create(*w.store, Kind::plus_one, {{"kudos", mine.hex()}}); });
}

TEST_CASE("a deleted kudos takes no +1", "[kudos][plus_one]") {
  test::World w;
  Id k = w.kudos_to_team();
  ok(remove(*w.store, Kind::kudos, k));
  test::check_refused(*w.store, Code::not_found, "kudos: no kudos with id",
                      [&] { return create(*w.store, Kind::plus_one, {{"kudos", k.hex()}}); });
}

TEST_CASE("giving kudos needs to know who is giving them", "[kudos]") {
  test::World w;
  ok(remove(*w.store, Kind::person, w.me));
  test::check_refused(*w.store, Code::not_found, "acts for was deleted",
                      [&] { return create(*w.store, Kind::kudos, test::specific_kudos({w.other})); });
}
