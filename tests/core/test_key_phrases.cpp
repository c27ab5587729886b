// Key phrases and themes of short comments.
#include "debrief/key_phrases.h"
#include "test_support.h"

using namespace debrief;

TEST_CASE("key phrases are runs of content words split at stop words and punctuation", "[themes]") {
  CHECK(key_phrases("More team lunches, and less long talks!") ==
        std::vector<std::string>{"team lunches", "long talks"});
  CHECK(key_phrases("the hike; the HIKE again") == std::vector<std::string>{"hike", "hike again"});
  CHECK(key_phrases("").empty());
  CHECK(key_phrases("don't stop the 3 o'clock check-in") == std::vector<std::string>{"o'clock check-in"});
}

TEST_CASE("themes count the comments that share a phrase and quote only quotable ones", "[themes]") {
  std::vector<std::string> comments{"team lunch", "a team lunch outside", "the team lunch", "karaoke"};
  auto themes = themes_of(comments, {false, true, true, true}, 2, 5);
  REQUIRE(themes.size() == 2);
  CHECK(themes[0].phrase == "team lunch");
  CHECK(themes[0].count == 2);  // "team lunch outside" is a phrase of its own
  CHECK(themes[0].examples == std::vector<std::string>{"the team lunch"});
}

TEST_CASE("a theme quotes each distinct comment once", "[themes]") {
  auto themes = themes_of({"karaoke", "karaoke", "more karaoke"}, {true, true, true}, 1, 5);
  CHECK(themes[0].count == 3);
  CHECK(themes[0].examples == std::vector<std::string>{"karaoke", "more karaoke"});
}

TEST_CASE("a short answer is its own theme, whole; a longer comment gives its key phrases", "[themes]") {
  CHECK(theme_phrases("scheduling events on release weeks") ==
        std::vector<std::string>{"scheduling events on release weeks"});
  CHECK(theme_phrases("Reading the agenda out loud.") == std::vector<std::string>{"reading the agenda out loud"});
  CHECK(theme_phrases("more karaoke") == std::vector<std::string>{"karaoke"});
  CHECK(theme_phrases("the") == std::vector<std::string>{});
  CHECK(theme_phrases("the team lunch, outdoors") == std::vector<std::string>{"team lunch", "outdoors"});
  CHECK(theme_phrases("time to talk with other teams over a long lunch") ==
        std::vector<std::string>{"time", "talk", "other teams", "long lunch"});
}

TEST_CASE("phrases always found together are one theme, named by the first of two words or more", "[themes]") {
  std::vector<std::string> praise(3, "rewrote the onboarding checklist so new starters find the tools on day one");
  praise.push_back("fixed the onboarding checklist, and the laptops too");
  auto themes = themes_of(praise, std::vector<bool>(praise.size(), true), 5, 1);
  std::vector<std::string> phrases;
  for (const Theme& t : themes) phrases.push_back(t.phrase);
  CHECK(phrases == std::vector<std::string>{"onboarding checklist", "new starters find", "fixed"});
  CHECK(themes[0].count == 4);
}
