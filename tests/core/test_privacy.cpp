// Privacy of group results: the threshold and complementary suppression.
#include <random>

#include "debrief/privacy.h"
#include "debrief/insights.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// For every shown parent: what its withheld part holds (withheld children
// plus the remainder in no child), which subtraction would reveal.
void check_no_small_complement(const std::vector<GroupSize>& g, const std::vector<Disclosure>& d,
                               int threshold) {
  for (std::size_t p = 0; p < g.size(); ++p) {
    if (!d[p].shown) continue;
    std::int64_t revealed = g[p].respondents;
    for (std::size_t c = 0; c < g.size(); ++c)
      if (g[c].parent == static_cast<int>(p) && d[c].shown) revealed -= g[c].respondents;
    INFO("parent " << p << ": the withheld part adds up to " << revealed);
    CHECK((revealed == 0 || revealed >= threshold));
  }
}

}  // namespace

TEST_CASE("a group is shown from 5 respondents by default, and withheld below with the reason", "[privacy]") {
  for (int n : {2, 3, 4, 5, 6}) {
    INFO(n << " respondents");
    Disclosure d = disclose({{n, -1}}, kDefaultAnonymityThreshold)[0];
    CHECK(d.shown == (n >= 5));
    CHECK(d.reason.empty() == d.shown);
    if (!d.shown) {
      CHECK(d.reason.find("fewer than 5") != std::string::npos);
      CHECK(d.reason.find(std::to_string(n)) == std::string::npos);  // not even the count
    }
  }
}

TEST_CASE("a group nobody answered in says no responses yet, not withheld", "[privacy]") {
  std::vector<Disclosure> d = disclose({{6, -1}, {0, 0}, {6, 0}}, kDefaultAnonymityThreshold);
  CHECK_FALSE(d[1].shown);
  CHECK(d[1].reason == kNoResponsesYet);
  CHECK(d[2].shown);  // an empty sibling hides nobody: nothing to subtract
  test::World w;
  EventReview r = ok(review_event(*w.store, w.event));
  CHECK(r.event.groups.at(0).disclosure.reason == "no responses yet");
}

TEST_CASE("a raised or lowered threshold moves the line, never below 3", "[privacy]") {
  for (int n : {2, 3, 4, 5, 6}) {
    INFO(n << " respondents");
    CHECK(disclose({{n, -1}}, 3)[0].shown == (n >= 3));
    CHECK(disclose({{n, -1}}, 6)[0].shown == (n >= 6));
  }
}

TEST_CASE("the threshold is the organisation's, 5 without one", "[privacy]") {
  test::World w;
  CHECK(ok(anonymity_threshold(*w.store)) == 5);
  ok(create(*w.store, Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", 3}}));
  CHECK(ok(anonymity_threshold(*w.store)) == 3);
  CHECK(create(*w.store, Kind::organisation, {{"name", "Lax"}, {"anonymity_threshold", 2}}).status().code() ==
        Code::invalid_argument);
}

TEST_CASE("a small team cannot be worked out by subtracting its siblings from the event total", "[privacy]") {
  // Event of 12: teams of 5, 5 and 2. Showing both 5s would give the 2 away.
  std::vector<GroupSize> g{{12, -1}, {5, 0}, {5, 0}, {2, 0}};
  auto d = disclose(g, 5);
  CHECK(d[0].shown);
  CHECK_FALSE(d[3].shown);
  CHECK(d[1].shown != d[2].shown);  // exactly one 5 withheld with the 2
  CHECK((d[1].shown ? d[2] : d[1]).reason.find("subtraction") != std::string::npos);
  check_no_small_complement(g, d, 5);
}

TEST_CASE("respondents in no team count as a withheld remainder", "[privacy]") {
  // Event of 10, one team of 6: the other 4 would be the difference.
  auto d = disclose({{10, -1}, {6, 0}}, 5);
  CHECK(d[0].shown);
  CHECK_FALSE(d[1].shown);
  // With a remainder of 5 or more the team may be shown.
  CHECK(disclose({{11, -1}, {6, 0}}, 5)[1].shown);
}

TEST_CASE("groups that already hide enough together withhold nothing more", "[privacy]") {
  auto d = disclose({{20, -1}, {10, 0}, {4, 0}, {3, 0}, {3, 0}}, 5);
  CHECK(d[1].shown);
  CHECK_FALSE(d[2].shown);
  CHECK_FALSE(d[3].shown);
  CHECK_FALSE(d[4].shown);
}

TEST_CASE("nested teams: suppression holds at every level", "[privacy]") {
  // Event 30 -> department 15 (-> team 12, team 3) and department 15.
  std::vector<GroupSize> g{{30, -1}, {15, 0}, {15, 0}, {12, 1}, {3, 1}};
  auto d = disclose(g, 5);
  CHECK_FALSE(d[4].shown);
  CHECK_FALSE(d[3].shown);  // 15 - 12 would give the 3 away
  check_no_small_complement(g, d, 5);
}

TEST_CASE("no random tree of groups leaves a small group to subtraction", "[privacy][property]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    std::vector<GroupSize> g{{std::uniform_int_distribution<int>(0, 40)(rng), -1}};
    std::vector<std::int64_t> free{g[0].respondents};
    for (int i = 1; i < 8; ++i) {
      int parent = std::uniform_int_distribution<int>(0, i - 1)(rng);
      std::int64_t n = std::uniform_int_distribution<std::int64_t>(0, free[static_cast<std::size_t>(parent)])(rng);
      free[static_cast<std::size_t>(parent)] -= n;
      g.push_back({n, parent});
      free.push_back(n);
    }
    int threshold = std::uniform_int_distribution<int>(3, 7)(rng);
    auto d = disclose(g, threshold);
    for (std::size_t i = 0; i < g.size(); ++i) if (d[i].shown) CHECK(g[i].respondents >= threshold);
    check_no_small_complement(g, d, threshold);
  }
}
