// Key drivers: Pearson's r and its interval against figures worked out by
// hand, and the drivers of a review against answers made so that each r is
// known.
#include <cmath>

#include "correlation.h"
#include "debrief/insights.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

TEST_CASE("r and its 95% interval are Pearson's and Fisher's", "[drivers]") {
  // x 1..5, y 2 4 5 4 5: deviations -2 -1 0 1 2 and -2 0 1 0 1, so
  // sum dx*dy = 6, sum dx^2 = 10, sum dy^2 = 6, r = 6 / sqrt(60);
  // z = atanh(r), half width 1.96 / sqrt(5 - 3).
  PairSums s;
  const double x[] = {1, 2, 3, 4, 5}, y[] = {2, 4, 5, 4, 5};
  for (int i = 0; i < 5; ++i) s.add(x[i], y[i]);
  std::optional<Correlation> c = correlation_of(s);
  REQUIRE(c);
  CHECK(c->answers == 5);
  CHECK(c->r == Approx(0.7745966692414834));
  CHECK(c->low == Approx(-0.34008203518751035));
  CHECK(c->high == Approx(0.9842357551507267));
}

TEST_CASE("r is none with fewer than 4 pairs or a side that never varies", "[drivers]") {
  PairSums three;
  for (int i = 0; i < 3; ++i) three.add(i, i);
  CHECK(!correlation_of(three));
  PairSums flat;
  for (int i = 0; i < 10; ++i) flat.add(3, i);
  CHECK(!correlation_of(flat));
  PairSums perfect;
  for (int i = 0; i < 10; ++i) perfect.add(i % 5, -(i % 5));
  std::optional<Correlation> c = correlation_of(perfect);
  REQUIRE(c);
  CHECK(c->r == Approx(-1));
  CHECK(c->low == c->r);
  CHECK(c->high == c->r);
}

namespace {

// Crew: 30 people; Small: 6. Each answers the post-event survey once:
// agenda 1 + i % 5, overall = agenda, eNPS = 2 * agenda, venue always 3,
// food = agenda for even i and 3 for odd.
struct DriverWorld : test::SeededStore {
  Id crew, small, event, survey;
  std::vector<std::array<double, 3>> everyone, crew_only;  // agenda, overall, food

  DriverWorld() {
    crew = ok(create(*store, Kind::team, {{"name", "Crew"}}));
    small = ok(create(*store, Kind::team, {{"name", "Small"}}));
    event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00:00Z"},
                                            {"ends_at", "2026-12-03T17:00:00Z"},
                                            {"teams", {crew.hex(), small.hex()}}}));
    survey = ok(create(*store, Kind::survey, {{"title", "After"}, {"kind", "post_event"}, {"allow_anonymous", true},
                                              {"questions", Json::parse(R"([
        {"id":"overall","type":"rating","text":"Overall?"},{"id":"agenda","type":"rating","text":"The agenda?"},
        {"id":"venue","type":"rating","text":"The venue?"},{"id":"food","type":"rating","text":"The food?"},
        {"id":"nps","type":"enps","text":"Recommend?"}])")}}));
    for (int i = 0; i < 36; ++i) {
      const bool in_crew = i < 30;
      const Id who = ok(create(*store, Kind::person, {{"name", "p" + std::to_string(i)}, {"team", (in_crew ? crew : small).hex()}}));
      const int agenda = 1 + i % 5, food = i % 2 == 0 ? agenda : 3;
      act_as(who);
      ok(create(*store, Kind::response, {{"survey", survey.hex()}, {"event", event.hex()}, {"anonymous", i % 3 == 0},
                                         {"answers", {{"overall", agenda}, {"agenda", agenda}, {"venue", 3},
                                                      {"food", food}, {"nps", 2 * agenda}}}}));
      everyone.push_back({double(agenda), double(agenda), double(food)});
      if (in_crew) crew_only.push_back(everyone.back());
    }
  }
};

// r by its definition, in two passes: a computation apart from the sums.
double pearson(const std::vector<std::array<double, 3>>& rows, std::size_t a, std::size_t b) {
  double ma = 0, mb = 0;
  for (const auto& r : rows) ma += r[a] / double(rows.size()), mb += r[b] / double(rows.size());
  double sab = 0, saa = 0, sbb = 0;
  for (const auto& r : rows) {
    sab += (r[a] - ma) * (r[b] - mb);
    saa += (r[a] - ma) * (r[a] - ma);
    sbb += (r[b] - mb) * (r[b] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

const GroupDrivers& group(const EventReview& r, const std::string& name) {
  for (const GroupDrivers& g : r.drivers)
    if (g.name == name) return g;
  FAIL("no group " << name);
  throw;
}

}  // namespace

TEST_CASE("the review names what moves the rating and eNPS, for groups of 25 or more", "[drivers]") {
  DriverWorld w;
  EventReview r = ok(review_event(*w.store, w.event));
  REQUIRE(r.drivers.size() == r.event.groups.size());
  for (const char* name : {"everyone", "Crew"}) {
    const GroupDrivers& g = group(r, name);
    INFO(name);
    REQUIRE(g.disclosure.shown);
    const auto& rows = std::string(name) == "Crew" ? w.crew_only : w.everyone;
    REQUIRE(g.drivers.size() == 3);
    // agenda moves both exactly; food less; venue never varies.
    CHECK(g.drivers[0].question == "agenda");
    CHECK(g.drivers[0].text == "The agenda?");
    REQUIRE(g.drivers[0].with_rating);
    CHECK(g.drivers[0].with_rating->r == Approx(1));
    CHECK(g.drivers[0].with_rating->answers == std::int64_t(rows.size()));
    CHECK(g.drivers[0].with_enps->r == Approx(1));
    CHECK(g.drivers[1].question == "food");
    CHECK(g.drivers[1].with_rating->r == Approx(pearson(rows, 1, 2)));
    CHECK(g.drivers[1].with_rating->low < g.drivers[1].with_rating->r);
    CHECK(g.drivers[1].with_rating->high > g.drivers[1].with_rating->r);
    CHECK(g.drivers[2].question == "venue");
    CHECK(!g.drivers[2].with_rating);
    CHECK(!g.drivers[2].with_enps);
  }
  // Small's 6 people: shown in the review, too few for drivers.
  const GroupDrivers& small = group(r, "Small");
  CHECK(!small.disclosure.shown);
  CHECK(small.disclosure.reason == kTooFewForDrivers);
  CHECK(small.drivers.empty());
}

TEST_CASE("a review of the groups only has no drivers", "[drivers]") {
  DriverWorld w;
  CHECK(ok(review_event(*w.store, w.event, ReviewDetail::groups)).drivers.empty());
}
