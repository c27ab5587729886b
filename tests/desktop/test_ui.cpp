// The real screens on a headless ImGui context, driven with the simulated
// mouse and keyboard as a user would: the wizard follows a branch and
// saves, a vague kudos is refused inline, the anonymous toggle keeps the
// name off the response.
#include <imgui.h>

#include <algorithm>
#include <fstream>

#include "debrief/demo.h"
#include "debrief/insights.h"
#include "debrief/records.h"
#include "debrief/store.h"
#include "test_support.h"
#include "ui_driver.h"

using namespace debrief;
using namespace debrief::desktop;
using test::ok;

namespace {

// The responses the store in `w` holds, read after the app has closed.
std::vector<Json> responses(test::World& w) {
  w.reopen();
  return ok(list(*w.store, Kind::response));
}

// Answers the rating with `score`, then goes through the rest to the end.
void rate_and_finish(test::UiDriver& ui, const std::string& score) {
  ui.click(score);
  ui.click("Next");
  while (!ui.shows("Submit")) {
    REQUIRE(ui.shows("Next"));
    ui.click("Next");
  }
}

}  // namespace

TEST_CASE("the wizard on screen follows the branch the answers choose and saves on submit", "[desktop][ui]") {
  test::World w;
  w.store.reset();
  {
    test::UiDriver ui(w.store_dir(), Screen::feedback);
    ui.click("The whole event");
    CHECK(ui.says("How was it?"));
    ui.click("Next");
    CHECK(ui.says("this question needs an answer"));  // inline, and the wizard stays
    CHECK(ui.says("How was it?"));
    ui.click("2");
    ui.click("Next");
    CHECK(ui.says("What went wrong?"));  // a low score's branch
    ui.click("Back");
    ui.click("5");
    ui.click("Next");
    CHECK(ui.says("What should we keep?"));  // a high score's branch
    ui.type("##text", "the hike");
    ui.click("Next");
    CHECK(ui.says("Best parts?"));
    ui.click("games");
    ui.click("Next");
    ui.type("##more", "walks");
    ui.click("Next");
    ui.click("Submit");
    CHECK_FALSE(ui.shows("Submit"));
    CHECK(ui.shows("The whole event"));  // back at the list of targets
  }
  std::vector<Json> saved = responses(w);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0]["answers"] == Json{{"score", 5}, {"keep", "the hike"}, {"parts", {"games"}}, {"triad", {{"more", "walks"}}}});
  CHECK(saved[0]["author"] == w.me.hex());
}

TEST_CASE("a kudos without the specific action is refused inline and the dialog keeps what was typed", "[desktop][ui]") {
  test::World w;
  w.store.reset();
  {
    test::UiDriver ui(w.store_dir(), Screen::kudos);
    ui.click("Give kudos");
    REQUIRE(ui.shows("##action"));  // the dialog is open
    ui.click("To");
    ui.click("Ben Ode");
    ui.type("##action", "great job");
    ui.type("##outcome", "thanks");
    ui.click("Give kudos");
    CHECK(ui.says("the kudos needs the specific action"));
    REQUIRE(ui.shows("##action"));  // still open, to be made specific
    ui.type("##action", ", rebuilt the demo after the server crashed at midnight");
    ui.type("##outcome", ": the client signed the same day");
    ui.click("Give kudos");
    CHECK_FALSE(ui.shows("##action"));  // given: the dialog closed
  }
  w.reopen();
  std::vector<Json> kudos = ok(list(*w.store, Kind::kudos));
  REQUIRE(kudos.size() == 1);  // the refused one was never saved
  CHECK(kudos[0]["action"] == "great job, rebuilt the demo after the server crashed at midnight");
  CHECK(kudos[0]["to"] == Json{w.other.hex()});
}

TEST_CASE("the anonymous toggle says the name is not kept, and the saved response has none", "[desktop][ui]") {
  test::World w;
  w.store.reset();
  {
    test::UiDriver ui(w.store_dir(), Screen::feedback);
    ui.click("The whole event");
    CHECK(ui.says("(your name is kept with these answers)"));
    ui.click("Answer anonymously");
    CHECK(ui.says("(your name is not kept with these answers)"));
    rate_and_finish(ui, "4");
    ui.click("Submit");
  }
  std::vector<Json> saved = responses(w);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0]["anonymous"] == true);
  CHECK(saved[0]["author"].is_null());
}

TEST_CASE("Tab moves from one text box of the dialog to the next", "[desktop][ui]") {
  test::World w;
  w.store.reset();
  {
    test::UiDriver ui(w.store_dir(), Screen::kudos);
    ui.click("Give kudos");
    ui.click("To");
    ui.click("Ben Ode");
    ui.type("##action", "covered the night shift queue while two colleagues were ill");
    ui.press(ImGuiKey_Tab);
    ui.type_here("we avoided forty refund calls on Monday");
    ui.click("Give kudos");
    CHECK_FALSE(ui.shows("##action"));
  }
  w.reopen();
  std::vector<Json> kudos = ok(list(*w.store, Kind::kudos));
  REQUIRE(kudos.size() == 1);
  CHECK(kudos[0]["outcome"] == "we avoided forty refund calls on Monday");
}

TEST_CASE("files dropped onto the window open Media and are attached to the record chosen there", "[desktop][ui][media]") {
  test::World w;
  w.store.reset();
  test::TempDir files;
  std::filesystem::path photo = test::write_file(files.path(), "team.jpg", "jpeg bytes");
  {
    test::UiDriver ui(w.store_dir(), Screen::home);
    ui.drop({photo, test::write_file(files.path(), "notes.txt", "text")});
    CHECK(ui.shows("Add photos or videos..."));  // on the Media screen, the newest event chosen
    CHECK(ui.says("notes.txt: "));               // the refused one, with its reason
    CHECK(ui.says("team.jpg"));                  // the attached one (no GPU here: shown by name)
  }
  w.reopen();
  std::vector<Json> media = ok(list(*w.store, Kind::media));
  REQUIRE(media.size() == 1);
  CHECK(media[0]["owner"] == w.event.hex());
  CHECK(media[0]["name"] == "team.jpg");
}

TEST_CASE("the file picker browses into a folder and attaches the files ticked there", "[desktop][ui][media]") {
  test::World w;
  w.store.reset();
  test::TempDir home;
  std::filesystem::create_directory(home.path() / "trip");
  test::write_file(home.path() / "trip", "beach.png", "png bytes");
  test::write_file(home.path() / "trip", "hike.png", "png bytes too");
  const std::string saved_home = std::getenv("HOME") ? std::getenv("HOME") : "";
  setenv("HOME", home.path().c_str(), 1);  // where the picker starts
  {
    test::UiDriver ui(w.store_dir(), Screen::media);
    ui.click("Add photos or videos...");
    ui.click("trip/");
    ui.click("hike.png");
    ui.click("Attach 1 file");
    CHECK_FALSE(ui.shows("##folder"));  // the picker closed
  }
  setenv("HOME", saved_home.c_str(), 1);
  w.reopen();
  std::vector<Json> media = ok(list(*w.store, Kind::media));
  REQUIRE(media.size() == 1);
  CHECK(media[0]["name"] == "hike.png");
  CHECK(media[0]["owner"] == w.event.hex());
}

TEST_CASE("an empty store's screens say what they are for and offer the way on", "[desktop][ui]") {
  test::TempDir dir;
  const std::pair<Screen, const char*> expected[] = {{Screen::home, "Enrol this device"},
                                                     {Screen::events, "Sync settings"},
                                                     {Screen::feedback, "See events"},
                                                     {Screen::reflections, "See events"},
                                                     {Screen::kudos, "Give the first kudos"}};
  for (const auto& [screen, action] : expected) {
    INFO(screen_name(screen));
    test::UiDriver ui(dir.path(), screen);
    CHECK(ui.shows(action));
  }
  test::UiDriver ui(dir.path(), Screen::kudos);
  ui.click("Give the first kudos");
  CHECK(ui.shows("##action"));  // the give-kudos dialog
}

TEST_CASE("a damaged store is said once, with what to do, in place of the screens", "[desktop][ui]") {
  test::TempDir dir;
  std::ofstream(dir.path() / "debrief.db") << std::string(8192, 'x');  // not a database
  test::UiDriver ui(dir.path(), Screen::kudos);
  CHECK(ui.says("Debrief cannot open its data in " + dir.path().string()));
  CHECK(ui.says("move the folder aside"));
  CHECK_FALSE(ui.says("the store could not be opened"));  // no screen repeats it
  CHECK_FALSE(ui.shows("Give kudos"));
}

TEST_CASE("a +1 the store refuses is said on the wall and taken back", "[desktop][ui]") {
  test::World w;
  ok(create(*w.store, Kind::kudos, {{"to", {w.other.hex()}},
                                    {"action", "rebuilt the demo after the server crashed at midnight"},
                                    {"outcome", "the client signed the same day"}}));
  w.store.reset();
  {
    test::UiDriver ui(w.store_dir(), Screen::kudos);
    ui.click("+1 (0)");  // one's own kudos: the store refuses
    CHECK(ui.says("+1 not given: you cannot +1 your own kudos"));
    CHECK(ui.shows("+1 (0)"));  // the wall reloaded: the count is taken back
  }
  w.reopen();
  CHECK(ok(list(*w.store, Kind::plus_one)).empty());
}

TEST_CASE("the dashboard opens on the heatmap, and names what moves the rating", "[desktop][ui]") {
  test::TempDir dir;
  {
    SeededEnv env(3, 1796299200000);  // 2026-12-03T12:00Z
    auto store = ok(Store::open(dir.path(), {.env = &env}));
    ok(generate_demo(*store, {.people = 400, .events = 3, .responses = 3000, .seed = 3}));
  }
  test::UiDriver ui(dir.path(), Screen::dashboard);
  CHECK(ui.shows("Heatmap"));
  CHECK_FALSE(ui.says("everyone: How was the agenda?"));
  ui.click("Heatmap");  // folded, so what follows it is on screen
  ui.click("What moves the rating and eNPS");
  CHECK(ui.says("everyone: How was the agenda?"));
}

TEST_CASE("the dashboard's comments filter by theme and sentiment, and its charts save as PNG", "[desktop][ui]") {
  test::TempDir dir;
  std::vector<std::string> totals;  // "N of N comments" for each event, as the core lists them
  std::vector<std::string> themes;  // each event's first theme, as the chooser shows it
  {
    SeededEnv env(3, 1796299200000);  // 2026-12-03T12:00Z
    auto store = ok(Store::open(dir.path(), {.env = &env}));
    ok(generate_demo(*store, {.people = 400, .events = 3, .responses = 3000, .seed = 3}));
    for (const Json& e : ok(list(*store, Kind::event))) {
      const std::size_t n = ok(review_comments(*store, ok(Id::parse(e["id"].get<std::string>())))).size();
      totals.push_back(std::to_string(n) + " of " + std::to_string(n) + " comments");
      const auto& parts = ok(review_event(*store, ok(Id::parse(e["id"].get<std::string>())))).event.themes;
      themes.push_back(parts.empty() || parts.begin()->second.empty()
                           ? ""
                           : parts.begin()->second[0].phrase);
    }
  }
  test::UiDriver ui(dir.path(), Screen::dashboard);
  ui.click("Heatmap");
  ui.click("Themes");  // folded, so the comments are on screen
  ui.click("Comments");
  const auto all = std::find_if(totals.begin(), totals.end(), [&](const std::string& t) { return ui.says(t); });
  REQUIRE(all != totals.end());
  const std::string of_all = all->substr(all->find(" of "));  // " of N comments"
  ui.click("Sentiment");
  ui.click("negative");
  CHECK(ui.says(of_all));
  CHECK_FALSE(ui.says(*all));  // fewer
  ui.click("Theme");
  ui.click(themes.at(static_cast<std::size_t>(all - totals.begin())));
  CHECK(ui.says(of_all));
  CHECK_FALSE(ui.says(*all));

  ui.click("Save these charts as PNG");
  std::vector<ChartCapture> captures = ui.take_captures();
  REQUIRE(captures.size() == 1);
  CHECK(captures[0].x1 - captures[0].x0 > 400);  // both charts, side by side
  CHECK(captures[0].y1 - captures[0].y0 > 80);
  CHECK(captures[0].file.parent_path() == dir.path() / "exports");
  CHECK(captures[0].file.extension() == ".png");
  captures[0].done(Status::ok());
  ui.settle();
  CHECK(ui.says("saved to " + captures[0].file.string()));

  ui.click("Comments");  // folded, so the teams' trend is on screen
  ui.click("Each team across events");
  CHECK(ui.shows("Teams shown"));
  ui.click("Save the trend chart as PNG");
  captures = ui.take_captures();
  REQUIRE(captures.size() == 1);
  CHECK(captures[0].file == dir.path() / "exports" / "team-trends.png");
  captures[0].done(Status(Code::io_error, "cannot write the picture to " + captures[0].file.string()));
  ui.settle();
  CHECK(ui.says("cannot write the picture to"));  // the reason, where the button is
}
