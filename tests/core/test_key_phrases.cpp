// Key phrases and themes of short comments.
#include "debrief/key_phrases.h"
#include "test_support.h"

using namespace debrief;

TEST_CASE("key phrases are runs of content words split at stop words and punctuation", "[themes]") {
  CHECK(key_phrases("More team lunches, and less long talks!") ==
        std::vector<std::string>{"team lunches", "long talks"});
  CHECK(key_phrases("the hike; the HIKE trail") == std::vector<std::string>{"hike", "hike trail"});
  CHECK(key_phrases("").empty());
  CHECK(key_phrases("don't stop the 3 o'clock check-in") == std::vector<std::string>{"o'clock check-in"});
}

namespace {

std::vector<ThemeComment> plain(const std::vector<std::string>& texts) {
  std::vector<ThemeComment> out;
  for (const std::string& t : texts) out.push_back({t, true, std::nullopt});
  return out;
}

std::vector<std::string> names(const std::vector<Theme>& themes) {
  std::vector<std::string> out;
  for (const Theme& t : themes) out.push_back(t.phrase);
  return out;
}

}  // namespace

TEST_CASE("themes count the comments that share a phrase and quote only quotable ones", "[themes]") {
  std::vector<ThemeComment> comments = plain({"origami night", "an origami night outside", "the origami night", "chess"});
  comments[0].quotable = false;
  auto themes = themes_of(comments, 2, 5);
  REQUIRE(themes.size() == 2);
  CHECK(themes[0].phrase == "origami night");
  CHECK(themes[0].count == 2);  // "karaoke night outside" is a phrase of its own
  CHECK(themes[0].examples == std::vector<std::string>{"the origami night"});
}

TEST_CASE("a theme quotes each distinct comment once", "[themes]") {
  auto themes = themes_of(plain({"karaoke", "karaoke", "more karaoke"}), 1, 5);
  CHECK(themes[0].count == 3);
  CHECK(themes[0].examples == std::vector<std::string>{"karaoke", "more karaoke"});
}

TEST_CASE("near-synonyms are one theme, named for their group, with the wordings met", "[themes]") {
  auto themes =
      themes_of(plain({"The agenda ran late", "timing", "a better schedule", "the agenda", "agenda", "karaoke"}), 5, 2);
  REQUIRE(!themes.empty());
  CHECK(themes[0].phrase == "schedule");
  CHECK(themes[0].count == 5);
  CHECK(themes[0].wordings == std::vector<std::string>{"agenda", "agenda ran late", "timing"});
}

TEST_CASE("words are compared by their base forms", "[themes]") {
  auto themes = themes_of(plain({"origami nights", "the origami night", "Origami Nights!"}), 5, 2);
  REQUIRE(themes.size() == 1);
  CHECK(themes[0].count == 3);
  CHECK(themes[0].phrase == "origami nights");  // as most comments write it
  CHECK(themes[0].wordings.empty());
}

TEST_CASE("words of feeling name no theme", "[themes]") {
  CHECK(names(themes_of(plain({"great workshop lol", "boring workshop"}))) == std::vector<std::string>{"workshop"});
}

TEST_CASE("a phrase belongs to the group of its last word first", "[themes]") {
  CHECK(names(themes_of(plain({"longer coffee breaks"}))) == std::vector<std::string>{"breaks"});
  CHECK(names(themes_of(plain({"better coffee"}))) == std::vector<std::string>{"food and drink"});
  CHECK(names(themes_of(plain({"the meeting room"}))) == std::vector<std::string>{"venue"});
  CHECK(names(themes_of(plain({"long talks after lunch"}))) == std::vector<std::string>{"speakers"});
  CHECK(names(themes_of(plain({"the escape room"}))) == std::vector<std::string>{"activities"});  // two words first
}

TEST_CASE("a theme counts its comments that read positive and negative", "[themes]") {
  std::vector<ThemeComment> comments{{"The coach broke down", true, SentimentLabel::negative},
                                     {"the train", true, SentimentLabel::positive},
                                     {"bus tickets", true, SentimentLabel::neutral},
                                     {"the taxi", true, std::nullopt}};
  auto themes = themes_of(comments);
  REQUIRE(themes.size() == 1);
  CHECK(themes[0].phrase == "travel");
  CHECK(themes[0].count == 4);
  CHECK(themes[0].negative == 1);
  CHECK(themes[0].positive == 1);
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

TEST_CASE("themes found in the same comments are one, a group before a phrase", "[themes]") {
  std::vector<std::string> praise(3, "rewrote the onboarding checklist so new starters find the tools on day one");
  praise.push_back("fixed the onboarding checklist, and the laptops too");
  auto themes = themes_of(plain(praise), 5, 1);
  // "fixed" and "laptops" (equipment) are in the same one comment: the group names them.
  CHECK(names(themes) == std::vector<std::string>{"onboarding checklist", "colleagues", "equipment"});
  CHECK(themes[0].count == 4);
  CHECK(themes[1].count == 3);
}
