// The heatmap against a small data set worked out by hand in the comments:
// every figure, each withheld cell's reason, and team spirit disclosed so
// that no team's figure can be worked out by subtraction.
#include "debrief/heatmap.h"
#include "debrief/insights_json.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

constexpr std::int64_t kBefore = 1795608000000;  // 2026-11-25T12:00Z, a week before the event
constexpr std::int64_t kAfter = 1796904000000;   // 2026-12-10T12:00Z, a week after

// Threshold 3. Support: s0-s4; Sales: a0-a2; Legal: l0 (not invited), who
// reads the review (review() acts as l0, so no answer is the reader's own).
struct Fixture : test::SeededStore {
  Id support, sales, legal, reader, event, survey, pulse;
  std::vector<Id> s, a;

  Fixture() {
    ok(create(*store, Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", 3}}));
    support = ok(create(*store, Kind::team, {{"name", "Support"}}));
    sales = ok(create(*store, Kind::team, {{"name", "Sales"}}));
    legal = ok(create(*store, Kind::team, {{"name", "Legal"}}));
    for (int i = 0; i < 5; ++i) s.push_back(person("s" + std::to_string(i), support));
    for (int i = 0; i < 3; ++i) a.push_back(person("a" + std::to_string(i), sales));
    reader = person("l0", legal);
    event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00:00Z"},
                                            {"ends_at", "2026-12-03T17:00:00Z"},
                                            {"teams", {support.hex(), sales.hex()}}}));
    survey = make_survey("post_event", R"([{"id":"score","type":"rating","text":"How was it?"},
        {"id":"nps","type":"enps","text":"Recommend?"},{"id":"c","type":"text","text":"Comments?"}])");
    pulse = make_survey("pulse", R"([{"id":"spirit","type":"rating","text":"Team spirit?"}])");
  }
  Id person(const std::string& name, const Id& team) {
    return ok(create(*store, Kind::person, {{"name", name}, {"team", team.hex()}}));
  }
  Id make_survey(const char* kind, const char* questions) {
    return ok(create(*store, Kind::survey, {{"title", kind}, {"kind", kind}, {"allow_anonymous", true},
                                            {"questions", Json::parse(questions)}}));
  }
  void answer(const Id& who, Json fields) {
    act_as(who);
    fields["anonymous"] = true;
    ok(create(*store, Kind::response, fields));
  }
  void rate(const Id& who, int score, int nps, const char* comment = nullptr) {
    Json answers{{"score", score}, {"nps", nps}};
    if (comment) answers["c"] = comment;
    answer(who, {{"survey", survey.hex()}, {"event", event.hex()}, {"answers", answers}});
  }
  EventReview review() {
    act_as(reader);
    return ok(review_event(*store, event));
  }
  // Support s0-s2 before 2 3 2 (7/3), after 4 4 5 (13/3): +2; Sales before
  // 3 3 3 (3), after 4 4 4 (4): +1; everyone before 16/6, after 25/6: +1.5.
  void spirit_before_and_after() {
    for (auto [who, before, after] : {std::tuple{0, 2, 4}, {1, 3, 4}, {2, 2, 5}}) {
      spirit(s[static_cast<std::size_t>(who)], before, kBefore);
      spirit(s[static_cast<std::size_t>(who)], after, kAfter);
    }
    for (const Id& who : a) {
      spirit(who, 3, kBefore);
      spirit(who, 4, kAfter);
    }
  }
  void spirit(const Id& who, int value, std::int64_t at_ms) {
    env.set_now_ms(at_ms);
    answer(who, {{"survey", pulse.hex()}, {"answers", {{"spirit", value}}}});
  }
};

const HeatCell& at(const Heatmap& h, const std::string& group, HeatMeasure m) {
  for (const HeatRow& r : h.rows)
    if (r.name == group) return r.cells[static_cast<std::size_t>(m)];
  FAIL("no group " << group);
  throw;
}

}  // namespace

TEST_CASE("the heatmap shows each group's figures as worked out by hand", "[heatmap]") {
  Fixture f;
  // Support: s0-s3 answer (s4 does not): ratings 5 4 2 4 (mean 15/4), eNPS
  // 10 9 5 8: 2 promoters, 1 detractor of 4 = +25; comments: one negative,
  // one positive, so 1 of 2 negative.
  f.rate(f.s[0], 5, 10, "Brilliant day, thank you so much!");
  f.rate(f.s[1], 4, 9);
  f.rate(f.s[2], 2, 5, "The venue was awful and the talks were boring");
  f.rate(f.s[3], 4, 8);
  // Sales: a0-a2: ratings 3 5 1 (mean 3), eNPS 6 10 0: 1 promoter, 2
  // detractors of 3 = -33.3; no comments.
  f.rate(f.a[0], 3, 6);
  f.rate(f.a[1], 5, 10);
  f.rate(f.a[2], 1, 0);
  f.spirit_before_and_after();
  const EventReview review = f.review();
  // Comments are labelled by the analyzer: these two read as written.
  REQUIRE(review.event.groups[0].negative == 1);
  REQUIRE(review.event.groups[0].positive == 1);
  const Heatmap h = heatmap_of(review);
  CHECK(h.title == "Offsite");
  CHECK(*at(h, "everyone", HeatMeasure::rating).value == Approx(24.0 / 7));
  CHECK(*at(h, "Support", HeatMeasure::rating).value == Approx(15.0 / 4));
  CHECK(*at(h, "Sales", HeatMeasure::rating).value == Approx(3.0));
  CHECK(*at(h, "Support", HeatMeasure::enps).value == Approx(25.0));
  CHECK(*at(h, "Sales", HeatMeasure::enps).value == Approx(-100.0 / 3));
  CHECK(*at(h, "Support", HeatMeasure::negative_share).value == Approx(0.5));
  CHECK(at(h, "Sales", HeatMeasure::negative_share).reason == "no comments");
  CHECK(*at(h, "Support", HeatMeasure::response_rate).value == Approx(4.0 / 5));
  CHECK(*at(h, "Sales", HeatMeasure::response_rate).value == Approx(1.0));
  CHECK(*at(h, "Support", HeatMeasure::spirit_change).value == Approx(2.0));
  CHECK(*at(h, "Sales", HeatMeasure::spirit_change).value == Approx(1.0));
  CHECK(*at(h, "everyone", HeatMeasure::spirit_change).value == Approx(1.5));
  CHECK(*review.spirit.change == Approx(1.5));  // the review's own, the same
  // JSON: a value or the reason, per measure.
  const Json j = to_json(h);
  CHECK(j["measures"].size() == kHeatMeasures);
  CHECK(j["rows"][0]["cells"][0]["value"].get<double>() == Approx(24.0 / 7));
}

TEST_CASE("a team's spirit is withheld when the rest could be worked out by subtraction", "[heatmap]") {
  Fixture f;
  for (const Id& who : f.s) f.rate(who, 4, 8);
  for (const Id& who : f.a) f.rate(who, 4, 8);
  // Spirit from Support's five only, and from two of Sales' three: Sales
  // (2) is below the threshold of 3; Support (5) alone would leave
  // everyone (7) minus Support = 2 people, Sales' two, by subtraction.
  for (const Id& who : f.s) {
    f.spirit(who, 3, kBefore);
    f.spirit(who, 4, kAfter);
  }
  for (std::size_t i = 0; i < 2; ++i) {
    f.spirit(f.a[i], 1, kBefore);
    f.spirit(f.a[i], 5, kAfter);
  }
  const Heatmap h = heatmap_of(f.review());
  REQUIRE(at(h, "everyone", HeatMeasure::spirit_change).value);
  CHECK(!at(h, "Sales", HeatMeasure::spirit_change).value);
  CHECK(at(h, "Sales", HeatMeasure::spirit_change).reason.find("fewer than 3") != std::string::npos);
  CHECK(!at(h, "Support", HeatMeasure::spirit_change).value);
  CHECK(at(h, "Support", HeatMeasure::spirit_change).reason.find("subtraction") != std::string::npos);
}

TEST_CASE("a team that was not invited has no response rate or team spirit", "[heatmap]") {
  Fixture f;
  for (const Id& who : f.s) f.rate(who, 4, 8);
  for (const Id& who : f.a) f.rate(who, 4, 8);
  const EventReview review = f.review();
  const Heatmap h = heatmap_of(review);
  for (const HeatRow& r : h.rows) CHECK(r.name != "Legal");  // no answers, not invited: not a group of the review
  // The review's every group has a row, in its order.
  REQUIRE(h.rows.size() == review.event.groups.size());
  for (std::size_t i = 0; i < h.rows.size(); ++i) CHECK(h.rows[i].name == review.event.groups[i].name);
}

TEST_CASE("the organisation's heatmap has every team, its latest event's figures and its spirit this month",
          "[heatmap]") {
  Fixture f;
  for (auto [who, score] : {std::pair{0, 5}, {1, 4}, {2, 2}, {3, 4}}) f.rate(f.s[static_cast<std::size_t>(who)], score, 8);
  for (const Id& who : f.a) f.rate(who, 3, 8);
  f.spirit_before_and_after();
  // Today 2026-12-26: the last 30 days, from 2026-11-26, hold the answers of
  // 12-10; the 30 before them, those of 11-25.
  f.env.set_now_ms(1798286400000);  // 2026-12-26T12:00Z
  f.act_as(f.reader);
  const Heatmap h = ok(organisation_heatmap(*f.store));
  CHECK(!h.event);
  REQUIRE(h.rows.size() == 3);  // every team, Legal too
  CHECK(*at(h, "Support", HeatMeasure::rating).value == Approx(15.0 / 4));
  CHECK(*at(h, "Sales", HeatMeasure::rating).value == Approx(3.0));
  INFO(at(h, "Support", HeatMeasure::spirit_change).reason);
  CHECK(*at(h, "Support", HeatMeasure::spirit_change).value == Approx(2.0));
  CHECK(*at(h, "Sales", HeatMeasure::spirit_change).value == Approx(1.0));
  for (const HeatRow& r : h.rows) {
    if (r.name == "Legal") {
      CHECK(r.from_event.empty());
      CHECK(r.cells[0].reason == kNoResultsYet);
    } else {
      CHECK(r.from_event == "Offsite");
    }
  }
  CHECK(!at(h, "Legal", HeatMeasure::spirit_change).value);
}
