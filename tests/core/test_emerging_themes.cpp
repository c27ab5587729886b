// Emerging themes: a theme's share of comments against the previous event
// of the same teams, worked out by hand in the comments, and never against
// an event whose results are withheld.
#include "debrief/insights.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// Crew: 8 people, invited to a November and a December event; each answers
// the survey's comment question once at each event they take part in.
struct TwoEvents : test::SeededStore {
  Id crew, survey, november, december;
  std::vector<Id> people;

  TwoEvents() {
    crew = ok(create(*store, Kind::team, {{"name", "Crew"}}));
    for (int i = 0; i < 8; ++i)
      people.push_back(ok(create(*store, Kind::person, {{"name", "p" + std::to_string(i)}, {"team", crew.hex()}})));
    survey = ok(create(*store, Kind::survey, {{"title", "After"}, {"kind", "post_event"}, {"allow_anonymous", true},
                                              {"questions", Json::parse(R"([{"id":"c","type":"text","text":"Comments?"}])")}}));
    november = event("November", "2026-11-05");
    december = event("December", "2026-12-03");
  }
  Id event(const char* title, const std::string& day) {
    return ok(create(*store, Kind::event, {{"title", title}, {"starts_at", day + "T09:00:00Z"},
                                           {"ends_at", day + "T17:00:00Z"}, {"teams", {crew.hex()}}}));
  }
  void comment(const Id& at, const std::vector<std::string>& texts) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      act_as(people[i]);
      ok(create(*store, Kind::response, {{"survey", survey.hex()}, {"event", at.hex()}, {"anonymous", true},
                                         {"answers", {{"c", texts[i]}}}}));
    }
  }
};

const Theme& theme(const EventReview& r, const std::string& name) {
  for (const Theme& t : r.event.themes.at("comments"))
    if (t.phrase == name) return t;
  FAIL("no theme " << name);
  throw;
}

}  // namespace

TEST_CASE("a theme whose share of comments rose by 10 points or more since the last event is emerging", "[themes]") {
  TwoEvents w;
  // November: schedule 1 of 8 (12.5%), food 4 of 8, venue 3 of 8.
  w.comment(w.november, {"agenda ran late", "lunch", "lunch", "the hotel", "the hotel", "lunch", "the hotel", "lunch"});
  // December: schedule 3 of 8 (37.5%: +25 points, 3 comments), food 3 of 8
  // (37.5%, down), venue 2 of 8 (25%, down).
  w.comment(w.december, {"agenda ran late", "timing was off", "the schedule slipped", "the hotel", "lunch", "lunch",
                         "the hotel", "lunch"});
  EventReview r = ok(review_event(*w.store, w.december));
  REQUIRE(r.compared_with == w.november);
  CHECK(r.event.comments.at("comments") == 8);
  const Theme& schedule = theme(r, "schedule");
  CHECK(schedule.count == 3);
  CHECK(*schedule.share_before == Approx(1.0 / 8));
  CHECK(schedule.emerging);
  const Theme& food = theme(r, "food and drink");
  CHECK(*food.share_before == Approx(4.0 / 8));
  CHECK(!food.emerging);
  CHECK(!theme(r, "venue").emerging);
  // November has nothing before it.
  EventReview first = ok(review_event(*w.store, w.november));
  CHECK(!first.compared_with);
  CHECK(!theme(first, "food and drink").share_before);
  CHECK(!theme(first, "food and drink").emerging);
}

TEST_CASE("themes are not compared with an event whose results are withheld", "[themes]") {
  TwoEvents w;
  // November: 3 people answered, fewer than 5: withheld from everyone.
  w.comment(w.november, {"lunch", "lunch", "lunch"});
  w.comment(w.december, {"agenda ran late", "timing was off", "the schedule slipped", "the hotel", "lunch", "lunch",
                         "the hotel", "lunch"});
  EventReview r = ok(review_event(*w.store, w.december));
  CHECK(!r.compared_with);
  for (const Theme& t : r.event.themes.at("comments")) {
    CHECK(!t.share_before);
    CHECK(!t.emerging);
  }
}
