// Responses: answers round-trip; anonymous ones carry no author, no exact
// time, and who answered is kept apart.
#include "fixture.h"

using namespace debrief;
using test::ok;

TEST_CASE("a response's answers read back as given, every type", "[response]") {
  test::World w;
  Json answers = {{"score", 5}, {"keep", "the hike"}, {"parts", {"talks", "food"}},
                  {"triad", {{"more", "outdoors"}, {"stop", "late finishes"}}}};
  Id id = ok(w.respond(answers));
  Json r = ok(get(*w.store, Kind::response, id));
  CHECK(r["answers"] == answers);
  CHECK(r["author"] == w.me.hex());
}

TEST_CASE("an anonymous response has no author, only its day, and a separate participation", "[response][privacy]") {
  test::World w;
  w.env.set_now_ms(1764000000000 + 13 * 3600 * 1000 + 1234);
  Id id = ok(w.respond({{"score", 2}, {"wrong", "too rushed"}}, true));
  Json r = ok(get(*w.store, Kind::response, id));
  CHECK(r["author"].is_null());
  CHECK(r["created_at"].get<std::string>().substr(10) == "T00:00:00Z");
  auto participations = ok(list(*w.store, Kind::participation));
  REQUIRE(participations.size() == 1);
  CHECK(participations[0]["person"] == w.me.hex());
  CHECK(!participations[0].contains("response"));
  // The id does not start with the creation time as other ids do.
  CHECK(id.hex().substr(0, 8) != w.event.hex().substr(0, 8));
}

TEST_CASE("a survey that does not allow anonymity refuses anonymous answers", "[response][privacy]") {
  test::World w;
  ok(update(*w.store, Kind::survey, w.survey, {{"allow_anonymous", false}}));
  auto r = w.respond({{"score", 3}}, true);
  REQUIRE(!r.is_ok());
  CHECK(r.status().message().find("anonymous") != std::string::npos);
}

TEST_CASE("answering needs to know who is answering", "[response]") {
  test::TempDir dir;
  auto store = ok(Store::open(dir.path()));
  Id survey = ok(create(*store, Kind::survey, {{"title", "S"}, {"kind", "pulse"},
                                               {"questions", Json::parse(R"([{"id":"a","type":"rating","text":"A"}])")}}));
  auto r = create(*store, Kind::response, {{"survey", survey.hex()}, {"answers", {{"a", 3}}}});
  REQUIRE(!r.is_ok());
  CHECK(r.status().message().find("whoami") != std::string::npos);
}

TEST_CASE("reflections are private to their author until shared", "[reflection][privacy]") {
  test::World w;
  Id mine = ok(create(*w.store, Kind::reflection, {{"text", "Note to self"}}));
  ok(w.store->set_me(w.other));
  Id theirs = ok(create(*w.store, Kind::reflection, {{"text", "Ben's private note"}}));
  Id shared = ok(create(*w.store, Kind::reflection, {{"text", "Ben's shared note"}, {"shared", true}}));
  ok(w.store->set_me(w.me));
  std::set<std::string> seen;
  for (const Json& r : ok(list(*w.store, Kind::reflection))) seen.insert(r["id"]);
  CHECK(seen == std::set<std::string>{mine.hex(), shared.hex()});
  CHECK(!seen.count(theirs.hex()));
  CHECK(update(*w.store, Kind::reflection, theirs, {{"shared", true}}).code() == Code::invalid_argument);
}
