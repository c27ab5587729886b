// Privacy of group results: the threshold and complementary suppression.
#include <algorithm>
#include <random>

#include "debrief/privacy.h"
#include "debrief/insights.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// A group that answered one survey: `n` people, under `parent`.
GroupSize one(std::int64_t n, int parent) { return {{n}, parent, {}}; }

// For every shown group: what is left once every shown group below it that
// no shown group sits between is subtracted (its withheld parts and its
// remainder), survey by survey and without the reader's own answers, which
// subtraction would reveal.
void check_no_small_complement(const std::vector<GroupSize>& g, const std::vector<Disclosure>& d,
                               int threshold) {
  auto at = [](const std::vector<std::int64_t>& v, std::size_t k) { return k < v.size() ? v[k] : 0; };
  // Whether `c` is below `p` with only withheld groups between.
  auto subtractable = [&](std::size_t c, std::size_t p) {
    for (int x = g[c].parent; x >= 0; x = g[static_cast<std::size_t>(x)].parent) {
      if (x == static_cast<int>(p)) return true;
      if (d[static_cast<std::size_t>(x)].shown) return false;
    }
    return false;
  };
  for (std::size_t p = 0; p < g.size(); ++p) {
    if (!d[p].shown) continue;
    std::int64_t revealed = 0;
    for (std::size_t k = 0; k < g[p].answers.size(); ++k) {
      std::int64_t left = g[p].answers[k] - at(g[p].own, k);
      for (std::size_t c = 0; c < g.size(); ++c)
        if (d[c].shown && subtractable(c, p)) left -= g[c].answers[k] - at(g[c].own, k);
      revealed = std::max(revealed, left);
    }
    INFO("group " << p << ": the withheld part rests on " << revealed << " people");
    CHECK((revealed == 0 || revealed >= threshold));
  }
}

}  // namespace

TEST_CASE("a group is shown from 5 respondents by default, and withheld below with the reason", "[privacy]") {
  for (int n : {2, 3, 4, 5, 6}) {
    INFO(n << " respondents");
    Disclosure d = disclose({one(n, -1)}, kDefaultAnonymityThreshold)[0];
    CHECK(d.shown == (n >= 5));
    CHECK(d.reason.empty() == d.shown);
    if (!d.shown) {
      CHECK(d.reason.find("fewer than 5") != std::string::npos);
      CHECK(d.reason.find(std::to_string(n)) == std::string::npos);  // not even the count
    }
  }
}

TEST_CASE("a group nobody answered in says no responses yet, not withheld", "[privacy]") {
  std::vector<Disclosure> d = disclose({one(6, -1), one(0, 0), one(6, 0)}, kDefaultAnonymityThreshold);
  CHECK_FALSE(d[1].shown);
  CHECK(d[1].reason == kNoResponsesYet);
  CHECK(d[2].shown);  // an empty sibling hides nobody: nothing to subtract
  test::World w;
  EventReview r = ok(review_event(*w.store, w.event));
  CHECK(r.event.groups.at(0).disclosure.reason == "no responses yet");
}

TEST_CASE("a group whose answers are not here but whose people answered says withheld, not no responses yet",
          "[privacy]") {
  test::World w;
  ok(update(*w.store, Kind::event, w.event, {{"teams", {w.team.hex()}}}));
  ok(w.colleague_responds({{"score", 4}}));
  ok(w.colleague_responds({{"score", 2}}));
  // The manager's device, as the server serves it below the threshold: who
  // answered (two participations), and none of their answers.
  test::SeededStore manager(7);
  test::copy_changes(*w.store, *manager.store, Kind::response);
  REQUIRE(ok(count(*manager.store, Kind::participation)) == 2);
  REQUIRE(ok(count(*manager.store, Kind::response)) == 0);
  EventReview r = ok(review_event(*manager.store, w.event));
  REQUIRE(r.event.groups.size() == 2);  // everyone, and the team
  for (const GroupResults& g : r.event.groups) {
    INFO(g.name);
    CHECK_FALSE(g.disclosure.shown);
    CHECK(g.disclosure.reason.rfind("withheld: fewer than 5", 0) == 0);
  }
  // Where nobody answered, it says so.
  test::World empty;
  ok(update(*empty.store, Kind::event, empty.event, {{"teams", {empty.team.hex()}}}));
  CHECK(ok(review_event(*empty.store, empty.event)).event.groups.at(0).disclosure.reason == kNoResponsesYet);
}

TEST_CASE("a raised or lowered threshold moves the line, never below 3", "[privacy]") {
  for (int n : {2, 3, 4, 5, 6}) {
    INFO(n << " respondents");
    CHECK(disclose({one(n, -1)}, 3)[0].shown == (n >= 3));
    CHECK(disclose({one(n, -1)}, 6)[0].shown == (n >= 6));
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
  std::vector<GroupSize> g{one(12, -1), one(5, 0), one(5, 0), one(2, 0)};
  auto d = disclose(g, 5);
  CHECK(d[0].shown);
  CHECK_FALSE(d[3].shown);
  CHECK(d[1].shown != d[2].shown);  // exactly one 5 withheld with the 2
  CHECK((d[1].shown ? d[2] : d[1]).reason.find("subtraction") != std::string::npos);
  check_no_small_complement(g, d, 5);
}

TEST_CASE("respondents in no team count as a withheld remainder", "[privacy]") {
  // Event of 10, one team of 6: the other 4 would be the difference.
  auto d = disclose({one(10, -1), one(6, 0)}, 5);
  CHECK(d[0].shown);
  CHECK_FALSE(d[1].shown);
  // With a remainder of 5 or more the team may be shown.
  CHECK(disclose({one(11, -1), one(6, 0)}, 5)[1].shown);
}

TEST_CASE("groups that already hide enough together withhold nothing more", "[privacy]") {
  auto d = disclose({one(20, -1), one(10, 0), one(4, 0), one(3, 0), one(3, 0)}, 5);
  CHECK(d[1].shown);
  CHECK_FALSE(d[2].shown);
  CHECK_FALSE(d[3].shown);
  CHECK_FALSE(d[4].shown);
}

TEST_CASE("nested teams: suppression holds at every level", "[privacy]") {
  // Event 30 -> department 15 (-> team 12, team 3) and department 15.
  std::vector<GroupSize> g{one(30, -1), one(15, 0), one(15, 0), one(12, 1), one(3, 1)};
  auto d = disclose(g, 5);
  CHECK_FALSE(d[4].shown);
  CHECK_FALSE(d[3].shown);  // 15 - 12 would give the 3 away
  check_no_small_complement(g, d, 5);
}

TEST_CASE("people are counted per survey, never twice, and never from answers alone", "[privacy]") {
  // Two people who each answered two surveys are 2 people, not 4 answers.
  CHECK(people_in({{2, 2}, -1, {}}) == 2);
  CHECK_FALSE(disclose({{{2, 2, 1}, -1, {}}}, 3)[0].shown);
  // Five answers to one survey are five people.
  CHECK(disclose({{{5, 1}, -1, {}}}, 5)[0].shown);
}

TEST_CASE("the reader's own answer does not count towards what she may see", "[privacy]") {
  // A manager who answered, in a group of exactly 5: 4 others, withheld for her.
  Disclosure d = disclose({{{5}, -1, {1}}}, 5)[0];
  CHECK_FALSE(d.shown);
  CHECK(d.reason.find("fewer than 5 people besides you") != std::string::npos);
  CHECK(disclose({{{6}, -1, {1}}}, 5)[0].shown);
  CHECK(disclose({{{5}, -1, {0}}}, 5)[0].shown);  // she answered elsewhere
  // Everyone 11 (her among them), a team of 6 without her: the other 5,
  // her and 4 more, hide only 4 from her, so the team is withheld too.
  std::vector<Disclosure> v = disclose({{{11}, -1, {1}}, {{6}, 0, {}}}, 5);
  CHECK(v[0].shown);
  CHECK_FALSE(v[1].shown);
  CHECK(disclose({{{12}, -1, {1}}, {{6}, 0, {}}}, 5)[1].shown);
}

TEST_CASE("a shown grandchild is subtracted too: its withheld parent does not shield the remainder", "[privacy]") {
  // Everyone 12: P (remainder 1) -> C 5 (all in its child GC 5), D 6.
  // Withholding C alone would leave P - D - GC = 1 person.
  std::vector<GroupSize> g{one(12, -1), one(12, 0), one(5, 1), one(6, 1), one(5, 2)};
  auto d = disclose(g, 5);
  check_no_small_complement(g, d, 5);
}

TEST_CASE("no random tree of groups leaves a small group to subtraction, survey by survey, reader or not",
          "[privacy][property]") {
  std::mt19937 rng(7);
  auto pick = [&](std::int64_t lo, std::int64_t hi) { return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng); };
  for (int round = 0; round < 2000; ++round) {
    std::size_t voices = static_cast<std::size_t>(pick(1, 3));
    // Each group's answers per voice; children take theirs out of their parent's.
    std::vector<GroupSize> g(1);
    for (std::size_t k = 0; k < voices; ++k) g[0].answers.push_back(pick(0, 40));
    std::vector<std::vector<std::int64_t>> free{g[0].answers};
    for (int i = 1; i < 8; ++i) {
      int parent = static_cast<int>(pick(0, i - 1));
      GroupSize child{{}, parent, {}};
      for (std::size_t k = 0; k < voices; ++k) {
        std::int64_t n = pick(0, free[static_cast<std::size_t>(parent)][k]);
        free[static_cast<std::size_t>(parent)][k] -= n;
        child.answers.push_back(n);
      }
      free.push_back(child.answers);
      g.push_back(child);
    }
    // The reader answered some voices, as a member of one group and every group above it.
    if (pick(0, 1)) {
      int at = static_cast<int>(pick(0, 7));
      for (std::size_t k = 0; k < voices; ++k) {
        if (g[static_cast<std::size_t>(at)].answers[k] == 0 || pick(0, 1)) continue;
        for (int x = at; x >= 0; x = g[static_cast<std::size_t>(x)].parent) {
          g[static_cast<std::size_t>(x)].own.resize(voices);
          g[static_cast<std::size_t>(x)].own[k] = 1;
        }
      }
    }
    int threshold = static_cast<int>(pick(3, 7));
    auto d = disclose(g, threshold);
    for (std::size_t i = 0; i < g.size(); ++i)
      if (d[i].shown) CHECK(people_in(g[i]) >= threshold);
    INFO("round " << round);
    check_no_small_complement(g, d, threshold);
  }
}
