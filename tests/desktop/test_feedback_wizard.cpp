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
  return ok(FeedbackWizard::start(*w.store, {w.survey, w.event, std::nullopt, "Offsite"}));
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

TEST_CASE("the answers read back in words, in the order asked, before submitting", "[desktop]") {
  test::World w;
  FeedbackWizard wizard = start(w);
  wizard.value() = 5;
  REQUIRE(wizard.next());
  wizard.value() = "the hike";
  REQUIRE(wizard.next());
  wizard.value() = Json{"talks", "food"};
  REQUIRE(wizard.next());
  REQUIRE(wizard.next());  // the triad skipped
  using Lines = std::vector<std::pair<std::string, std::string>>;
  CHECK(wizard.review() == Lines{{"How was it?", "5"},
                                 {"What should we keep?", "the hike"},
                                 {"Best parts?", "talks, food"},
                                 {"More, less, stop?", "(skipped)"}});
  REQUIRE(wizard.back());
  wizard.value() = {{"more", "walks"}, {"stop", "late starts"}};
  REQUIRE(wizard.next());
  CHECK(wizard.review().back().second == "more of: walks; stop: late starts");
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

TEST_CASE("feedback targets list the latest event first, its activities in the order they run, and mark what I answered",
          "[desktop]") {
  test::World w;
  auto activity = [&](const Id& event, const char* title, const char* starts) {
    return ok(create(*w.store, Kind::activity, {{"event", event.hex()}, {"title", title}, {"survey", w.survey.hex()},
                                                {"starts_at", starts}, {"ends_at", "2026-12-03T16:00:00Z"}}));
  };
  const Id hike = activity(w.event, "Hike", "2026-12-03T14:00:00Z");
  const Id talks = activity(w.event, "Talks", "2026-12-03T10:00:00Z");  // written later, runs earlier
  const Id earlier = ok(create(*w.store, Kind::event, {{"title", "Kick-off"}, {"starts_at", "2026-11-03T09:00:00Z"},
                                                        {"ends_at", "2026-11-03T17:00:00Z"}}));
  ok(create(*w.store, Kind::response, {{"survey", w.survey.hex()}, {"activity", hike.hex()}, {"answers", {{"score", 4}}}}));
  ok(w.respond({{"score", 3}}));  // the whole Offsite

  std::vector<FeedbackTarget> targets = ok(load_feedback_targets(*w.store));
  REQUIRE(targets.size() == 4);
  CHECK(targets[0].title == "Offsite");
  CHECK(targets[0].item.empty());
  CHECK(targets[0].event_starts == "2026-12-03T09:00:00Z");
  CHECK(targets[0].answered);
  CHECK(targets[1].title == "Offsite: Talks");
  CHECK(targets[1].activity == talks);
  CHECK(targets[1].item_starts == "2026-12-03T10:00:00Z");
  CHECK_FALSE(targets[1].answered);
  CHECK(targets[2].title == "Offsite: Hike");
  CHECK(targets[2].answered);
  CHECK(targets[3].event == earlier);
  CHECK_FALSE(targets[3].answered);

  w.act_as(w.other);  // answered marks are each person's own
  for (const FeedbackTarget& t : ok(load_feedback_targets(*w.store))) CHECK_FALSE(t.answered);
}
