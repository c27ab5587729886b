// The survey wizard follows the branches one question at a time, checks
// each answer inline, goes back with the answer kept, and saves locally on
// submit; the anonymous choice keeps the name off the response.
#include "feedback_wizard.h"
#include "test_support.h"

using namespace debrief;
using namespace debrief::desktop;
using test::ok;

namespace {

FeedbackWizard start(test::World& w) {
  return ok(FeedbackWizard::start(*w.store, {w.survey.hex(), w.event.hex(), "", "Offsite"}));
}

std::string at(const FeedbackWizard& wizard) { return wizard.current() ? wizard.current()->id : "(end)"; }

}  // namespace

TEST_CASE("the wizard follows a branch, goes back, and saves the walk it ends on", "[desktop]") {
  test::World w;
  FeedbackWizard wizard = start(w);
  CHECK(at(wizard) == "score");
  CHECK_FALSE(wizard.next());  // required, nothing chosen
  CHECK(wizard.message() == "this question needs an answer");
  wizard.value() = 9;
  CHECK_FALSE(wizard.next());  // out of range
  CHECK_FALSE(wizard.message().empty());
  wizard.value() = 2;
  REQUIRE(wizard.next());
  CHECK(at(wizard) == "wrong");  // a low score asks what went wrong
  REQUIRE(wizard.back());
  CHECK(at(wizard) == "score");
  CHECK(wizard.value() == 2);  // the answer kept for editing
  wizard.value() = 5;
  REQUIRE(wizard.next());
  CHECK(at(wizard) == "keep");  // a high score takes the other branch
  wizard.value() = "the hike";
  REQUIRE(wizard.next());
  CHECK(at(wizard) == "parts");
  REQUIRE(wizard.next());  // optional: skipped
  CHECK(at(wizard) == "triad");
  wizard.value() = {{"more", "walks"}};
  REQUIRE(wizard.next());
  CHECK(at(wizard) == "(end)");
  Id saved = ok(wizard.submit(*w.store));
  Json response = ok(get(*w.store, Kind::response, saved));
  CHECK(response["answers"] == Json{{"score", 5}, {"keep", "the hike"}, {"triad", {{"more", "walks"}}}});
  CHECK(response["author"] == w.me.hex());
  CHECK(response["event"] == w.event.hex());
}

TEST_CASE("answering anonymously keeps the name off the saved response", "[desktop]") {
  test::World w;
  FeedbackWizard wizard = start(w);
  REQUIRE(wizard.allows_anonymous());
  wizard.anonymous = true;
  wizard.value() = 4;
  REQUIRE(wizard.next());
  while (wizard.current()) REQUIRE(wizard.next());
  Json response = ok(get(*w.store, Kind::response, ok(wizard.submit(*w.store))));
  CHECK(response["anonymous"] == true);
  CHECK(response["author"].is_null());
}

TEST_CASE("feedback targets list each event's survey and each activity with one", "[desktop]") {
  test::World w;
  Id activity = ok(create(*w.store, Kind::activity, {{"event", w.event.hex()}, {"title", "Hike"}, {"survey", w.survey.hex()},
                                                     {"starts_at", "2026-12-03T10:00:00Z"}, {"ends_at", "2026-12-03T12:00:00Z"}}));
  std::vector<FeedbackTarget> targets = ok(load_feedback_targets(*w.store));
  REQUIRE(targets.size() == 2);
  CHECK(targets[0].title == "Offsite");
  CHECK(targets[1].title == "Offsite: Hike");
  CHECK(targets[1].activity == activity.hex());
}
