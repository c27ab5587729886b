// Replies to feedback and "what we heard, what we'll do" summaries.
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

Json reply_to(const char* target_kind, const std::string& target) {
  return {{"target_kind", target_kind}, {"target", target}, {"text", "Thank you, we will share this at the all-hands."}};
}

}  // namespace

TEST_CASE("a reply's target given as a prefix is stored as the full id", "[reply]") {
  test::World w;
  Id k = w.kudos_from_other();
  Id reply = ok(create(*w.store, Kind::reply, reply_to("kudos", k.hex().substr(0, 30))));
  Json got = ok(get(*w.store, Kind::reply, reply));
  CHECK(got["target"] == k.hex());
  CHECK(got["author"] == w.me.hex());
}

TEST_CASE("a reply to a record that does not exist is refused and changes nothing", "[reply][errors]") {
  test::World w;
  test::check_refused(*w.store, Code::not_found, "no kudos",
                      [&] { return create(*w.store, Kind::reply, reply_to("kudos", "ffffffff")); });
  test::check_refused(*w.store, Code::not_found, "no kudos", [&] {
    return create(*w.store, Kind::reply, reply_to("kudos", "0123456789abcdef0123456789abcdef"));
  });
}

TEST_CASE("a reply's target must be of the kind it names", "[reply][errors]") {
  test::World w;
  test::check_refused(*w.store, Code::not_found, "no kudos",
                      [&] { return create(*w.store, Kind::reply, reply_to("kudos", w.event.hex())); });
}

TEST_CASE("a summary is written by the person this device acts for and published later", "[summary]") {
  test::World w;
  Id s = ok(create(*w.store, Kind::summary, {{"event", w.event.hex()}, {"heard", "Too many talks"},
                                             {"will_do", "Half the talks, twice the breaks"}}));
  Json got = ok(get(*w.store, Kind::summary, s));
  CHECK(got["author"] == w.me.hex());
  CHECK(got["published"] == false);
  ok(update(*w.store, Kind::summary, s, {{"published", true}}));
  CHECK(ok(get(*w.store, Kind::summary, s))["published"] == true);
}

TEST_CASE("only its author may change a summary", "[summary][errors]") {
  test::World w;
  Id s = ok(create(*w.store, Kind::summary, {{"event", w.event.hex()}, {"heard", "Too many talks"}}));
  w.act_as(w.other);
  test::check_refused(*w.store, Code::invalid_argument, "only its author",
                      [&] { return update(*w.store, Kind::summary, s, {{"published", true}}); });
}
