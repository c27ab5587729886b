// Responses: answers round-trip; anonymous ones carry no author and no exact
// time; who answered is kept apart from what they answered.
#include "debrief/change_log.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// 13:20:34.567 on the World's first day: not midnight.
constexpr std::int64_t kAfternoonMs = test::kStartMs - 16 * 3600 * 1000 + 13 * 3600 * 1000 + 1234567;

const Json kFullAnswers = {{"score", 5},
                           {"keep", "the hike"},
                           {"parts", {"talks", "food"}},
                           {"triad", {{"more", "outdoors"}, {"less", "slides"}, {"stop", "late finishes"}}}};

std::vector<Json> participations(Store& store) { return ok(list(store, Kind::participation)); }

}  // namespace

TEST_CASE("a response's answers read back as given, multi and triad included", "[response]") {
  test::World w;
  Id id = ok(w.respond(kFullAnswers));
  Json r = ok(get(*w.store, Kind::response, id));
  CHECK(r["answers"] == kFullAnswers);
  CHECK(r["survey"] == w.survey.hex());
  CHECK(r["event"] == w.event.hex());
  CHECK(r["anonymous"] == false);
}

TEST_CASE("a question skipped with null reads back as skipped", "[response]") {
  test::World w;
  Json answers = {{"score", 2}, {"wrong", nullptr}, {"parts", nullptr}};
  Id id = ok(w.respond(answers));
  CHECK(ok(get(*w.store, Kind::response, id))["answers"] == answers);
}

TEST_CASE("an empty multi answer and an empty triad read back as given, not as unanswered", "[response]") {
  test::World w;
  Json answers = {{"score", 3}, {"parts", Json::array()}, {"triad", Json::object()}};
  Id id = ok(w.respond(answers));
  CHECK(ok(get(*w.store, Kind::response, id))["answers"] == answers);
}

TEST_CASE("an attributed response names its author and keeps its exact second", "[response]") {
  test::World w;
  w.env.set_now_ms(kAfternoonMs);
  Json r = ok(get(*w.store, Kind::response, ok(w.respond({{"score", 3}}))));
  CHECK(r["author"] == w.me.hex());
  CHECK(r["created_at"] == "2025-11-24T13:20:34Z");
}

TEST_CASE("an anonymous response has no author and only the day it was made", "[response][privacy]") {
  test::World w;
  w.env.set_now_ms(kAfternoonMs);
  Json r = ok(get(*w.store, Kind::response, ok(w.respond({{"score", 2}, {"wrong", "too rushed"}}, true))));
  CHECK(r["author"].is_null());
  CHECK(r["anonymous"] == true);
  CHECK(r["created_at"] == "2025-11-24T00:00:00Z");
}

TEST_CASE("an anonymous response's id does not begin with the time it was made", "[response][privacy]") {
  test::World w;
  Id anonymous = ok(w.respond({{"score", 3}}, true));
  Id attributed = ok(w.colleague_responds({{"score", 3}}));
  const std::string time_prefix = Id::make(w.env).hex().substr(0, 12);
  CHECK(attributed.hex().substr(0, 12) == time_prefix);
  CHECK(anonymous.hex().substr(0, 12) != time_prefix);
}

TEST_CASE("answering records who took part, apart from what they answered", "[response][privacy]") {
  test::World w;
  w.env.set_now_ms(kAfternoonMs);
  Id response = ok(w.respond({{"score", 4}}, true));
  auto taken = participations(*w.store);
  REQUIRE(taken.size() == 1);
  Json p = taken[0];
  CHECK(p["person"] == w.me.hex());
  CHECK(p["survey"] == w.survey.hex());
  CHECK(p["event"] == w.event.hex());
  CHECK(p["created_at"] == "2025-11-24T00:00:00Z");
  CHECK(p["id"] != response.hex());
  for (const auto& [name, value] : p.items()) CHECK(value != response.hex());
}

TEST_CASE("a response logs itself and its participation as whole-record changes", "[response][changes]") {
  test::World w;
  const std::size_t before = ok(pending_changes(*w.store)).size();
  Id response = ok(w.respond({{"score", 4}}));
  auto changes = ok(pending_changes(*w.store));
  REQUIRE(changes.size() == before + 2);
  CHECK(changes[before].kind == Kind::response);
  CHECK(changes[before].record == response);
  CHECK(changes[before + 1].kind == Kind::participation);
  CHECK(!changes[before].field);
  CHECK(!changes[before + 1].field);
}

TEST_CASE("a survey that does not allow anonymity refuses anonymous answers", "[response][privacy]") {
  test::World w;
  ok(update(*w.store, Kind::survey, w.survey, {{"allow_anonymous", false}}));
  test::check_refused(*w.store, Code::invalid_argument, "does not allow anonymous answers",
                      [&] { return w.respond({{"score", 3}}, true); });
  CHECK(w.respond({{"score", 3}}).is_ok());
}

TEST_CASE("answers that do not follow the survey are refused and nothing is saved", "[response][errors]") {
  test::World w;
  auto refused = [&](const Json& answers, const char* part) {
    test::check_refused(*w.store, Code::invalid_argument, part, [&] { return w.respond(answers); });
  };
  refused({{"score", 5}, {"wrong", "x"}}, "'wrong' was skipped");
  refused({{"keep", "x"}}, "'score' (How was it?) is required");
  refused({{"score", 6}}, "from 1 to 5");
  refused({{"score", 3}, {"parts", {"naps"}}}, "only its options");
  refused({{"score", 3}, {"zzz", "x"}}, "no question 'zzz'");
  refused(Json::array(), "must be a JSON object");
}

TEST_CASE("a response needs its answers", "[response][errors]") {
  test::World w;
  test::check_refused(*w.store, Code::invalid_argument, "answers is required", [&] {
    return create(*w.store, Kind::response, {{"survey", w.survey.hex()}});
  });
}

TEST_CASE("answering needs to know who is answering", "[response][errors]") {
  test::TempDir dir;
  SeededEnv env(1, test::kStartMs);
  auto store = test::open_store(dir.path(), env);
  Id survey = ok(create(*store, Kind::survey, {{"title", "S"}, {"kind", "pulse"}, {"questions", test::World::survey_questions()}}));
  test::check_refused(*store, Code::invalid_argument, "debrief whoami", [&] {
    return create(*store, Kind::response, {{"survey", survey.hex()}, {"answers", {{"score", 3}}}});
  });
}

TEST_CASE("a response about an activity must name that activity's event", "[response][errors]") {
  test::World w;
  Id other_event = ok(create(*w.store, Kind::event, {{"title", "Other"}, {"starts_at", "2027-01-01T09:00"},
                                                     {"ends_at", "2027-01-01T17:00"}}));
  Id talk = ok(create(*w.store, Kind::activity, {{"event", other_event.hex()}, {"title", "Talk"},
                                                 {"starts_at", "2027-01-01T10:00"}, {"ends_at", "2027-01-01T11:00"}}));
  test::check_refused(*w.store, Code::invalid_argument, "not part of that event", [&] {
    return create(*w.store, Kind::response, {{"survey", w.survey.hex()}, {"event", w.event.hex()},
                                             {"activity", talk.hex()}, {"answers", {{"score", 3}}}});
  });
  CHECK(create(*w.store, Kind::response, {{"survey", w.survey.hex()}, {"event", other_event.hex()},
                                          {"activity", talk.hex()}, {"answers", {{"score", 3}}}})
            .is_ok());
}

TEST_CASE("a response about an activity that leaves out its event is stored with it", "[response]") {
  test::World w;
  Id talk = ok(create(*w.store, Kind::activity, {{"event", w.event.hex()}, {"title", "Talk"},
                                                 {"starts_at", "2026-12-03T10:00"}, {"ends_at", "2026-12-03T11:00"}}));
  Id named = ok(create(*w.store, Kind::response, {{"survey", w.survey.hex()}, {"activity", talk.hex()},
                                                  {"answers", {{"score", 3}}}}));
  CHECK(ok(get(*w.store, Kind::response, named))["event"] == w.event.hex());  // and so travels with it
}

TEST_CASE("a deleted survey can no longer be answered", "[response][errors]") {
  test::World w;
  ok(remove(*w.store, Kind::survey, w.survey));
  test::check_refused(*w.store, Code::not_found, "survey: no survey with id",
                      [&] { return w.respond({{"score", 3}}); });
}

TEST_CASE("responses are listed by survey and event", "[response][list]") {
  test::World w;
  ok(w.respond({{"score", 3}}));
  ok(w.colleague_responds({{"score", 1}}, true));
  CHECK(ok(list(*w.store, Kind::response, {.where = {{"survey", w.survey.hex()}}})).size() == 2);
  CHECK(ok(list(*w.store, Kind::response, {.where = {{"event", w.event.hex()}, {"anonymous", "true"}}})).size() == 1);
}
