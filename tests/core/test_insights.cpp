// The manager's review checked against a small data set computed by hand
// (the figures are worked out in the comments), at threshold 3 where every
// group shows and at the default 5 where teams are withheld.
#include <sstream>

#include "debrief/export.h"
#include "debrief/heatmap.h"
#include "debrief/insights.h"
#include "debrief/percent.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

constexpr std::int64_t kBefore = 1795608000000;  // 2026-11-25T12:00Z, a week before the event
constexpr std::int64_t kDuring = 1796299200000;  // 2026-12-03T12:00Z, the event's day
constexpr std::int64_t kAfter = 1796904000000;   // 2026-12-10T12:00Z, a week after

// Support: s1-s5 (s5 does not answer); Sales: a1-a3. Both teams invited.
struct Fixture : test::SeededStore {
  Id support, sales, event, survey, pulse, activity, activity_survey;
  std::vector<Id> s, a;

  explicit Fixture(bool lax_threshold) {
    if (lax_threshold) ok(create(*store, Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", 3}}));
    support = ok(create(*store, Kind::team, {{"name", "Support"}}));
    sales = ok(create(*store, Kind::team, {{"name", "Sales"}}));
    for (int i = 0; i < 5; ++i) s.push_back(person("s" + std::to_string(i), support));
    for (int i = 0; i < 3; ++i) a.push_back(person("a" + std::to_string(i), sales));
    event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00:00Z"},
                                            {"ends_at", "2026-12-03T17:00:00Z"},
                                            {"teams", {support.hex(), sales.hex()}}}));
    activity = ok(create(*store, Kind::activity, {{"event", event.hex()}, {"title", "Hike"},
                                                  {"starts_at", "2026-12-03T10:00:00Z"},
                                                  {"ends_at", "2026-12-03T12:00:00Z"}}));
    survey = make_survey("post_event", R"([{"id":"score","type":"rating","text":"How was it?"},
        {"id":"nps","type":"enps","text":"Recommend?"},{"id":"triad","type":"triad","text":"More, less, stop?"}])");
    activity_survey = make_survey("post_activity", R"([{"id":"score","type":"rating","text":"Hike?"}])");
    pulse = make_survey("pulse", R"([{"id":"spirit","type":"rating","text":"Team spirit?"}])");
  }

  Id person(const std::string& name, const Id& team) {
    return ok(create(*store, Kind::person, {{"name", name}, {"team", team.hex()}}));
  }
  Id make_survey(const char* kind, const char* questions) {
    return ok(create(*store, Kind::survey, {{"title", kind}, {"kind", kind}, {"allow_anonymous", true},
                                            {"questions", Json::parse(questions)}}));
  }
  void answer(const Id& who, Json fields, bool anonymous = true) {
    act_as(who);
    fields["anonymous"] = anonymous;
    ok(create(*store, Kind::response, fields));
  }
  void rate_event(const Id& who, int score, int nps, Json triad = nullptr) {
    Json answers{{"score", score}, {"nps", nps}};
    if (!triad.is_null()) answers["triad"] = triad;
    answer(who, {{"survey", survey.hex()}, {"event", event.hex()}, {"answers", answers}});
  }
  void rate_spirit(const Id& who, int spirit, std::int64_t at_ms) {
    env.set_now_ms(at_ms);
    answer(who, {{"survey", pulse.hex()}, {"answers", {{"spirit", spirit}}}});
  }

  void answer_everything() {
    rate_event(s[0], 5, 10, {{"more", "a team lunch"}});
    rate_event(s[1], 4, 9, {{"more", "the team lunch, outdoors"}});
    rate_event(s[2], 2, 5, {{"less", "long talks"}});
    rate_event(s[3], 4, 8);
    rate_event(a[0], 3, 6);
    rate_event(a[1], 5, 10);
    rate_event(a[2], 1, 0, {{"stop", "long talks after lunch"}});
    for (const Id& who : {s[0], s[1]})
      answer(who, {{"survey", activity_survey.hex()}, {"event", event.hex()}, {"activity", activity.hex()},
                   {"answers", {{"score", 5}}}});
    rate_spirit(s[0], 2, kBefore);
    rate_spirit(s[1], 3, kBefore);
    rate_spirit(a[0], 2, kBefore);
    rate_spirit(s[2], 1, kDuring);  // the event's own day: on neither side
    rate_spirit(s[0], 4, kAfter);
    rate_spirit(s[1], 4, kAfter);
    rate_spirit(a[0], 5, kAfter);
    act_as(me);
  }
};

const GroupResults& group(const ScopeReview& r, const std::string& name) {
  for (const GroupResults& g : r.groups) if (g.name == name) return g;
  FAIL("no group " << name);
  return r.groups[0];
}

void check_withheld(const GroupResults& g) {
  INFO(g.name);
  CHECK_FALSE(g.disclosure.shown);
  CHECK_FALSE(g.disclosure.reason.empty());
  CHECK(g.responses == 0);
  CHECK(g.invited == 0);
  CHECK_FALSE(g.response_rate);
  CHECK_FALSE(g.mean_rating);
  CHECK(g.ratings == std::array<std::int64_t, 5>{});
  CHECK_FALSE(g.enps);
  CHECK(g.positive + g.neutral + g.negative == 0);
}

}  // namespace

TEST_CASE("an event's review matches the figures worked out by hand", "[insights]") {
  Fixture f(true);
  f.answer_everything();
  EventReview r = ok(review_event(*f.store, f.event));
  CHECK(r.threshold == 3);
  const GroupResults& all = group(r.event, "everyone");
  // Ratings 5 4 2 4 3 5 1: sum 24 over 7.
  CHECK(all.responses == 7);
  CHECK(*all.mean_rating == Approx(24.0 / 7));
  CHECK(all.ratings == std::array<std::int64_t, 5>{1, 1, 1, 2, 2});
  // eNPS 10 9 5 8 6 10 0: promoters 3, detractors 3 (5, 6, 0), passive 1.
  CHECK(*all.enps == Approx(0.0));
  CHECK(all.enps_answers == 7);
  // Invited: 8 members, 7 answered.
  CHECK(all.invited == 8);
  CHECK(*all.response_rate == Approx(7.0 / 8));
  CHECK(all.positive + all.neutral + all.negative == 4);  // the four triad texts
  const GroupResults& support = group(r.event, "Support");
  CHECK(support.responses == 4);
  CHECK(*support.mean_rating == Approx(15.0 / 4));
  CHECK(*support.enps == Approx(25.0));  // 2 promoters, 1 detractor, of 4
  CHECK(*support.response_rate == Approx(4.0 / 5));
  const GroupResults& sales = group(r.event, "Sales");
  CHECK(*sales.mean_rating == Approx(3.0));
  CHECK(*sales.enps == Approx(-100.0 / 3));  // 1 promoter, 2 detractors, of 3
  CHECK(*sales.response_rate == Approx(1.0));
  // Themes: "team lunch" in two "more" answers, about food; the stop answer
  // is short, so it is one phrase whole, about talks.
  REQUIRE(!r.event.themes["more"].empty());
  CHECK(r.event.themes["more"][0].phrase == "food and drink");
  CHECK(r.event.themes["more"][0].wordings[0] == "team lunch");
  CHECK(r.event.themes["more"][0].count == 2);
  CHECK(r.event.themes["more"][0].examples.size() == 2);
  CHECK(r.event.themes["stop"][0].phrase == "speakers");
  CHECK(r.event.themes["stop"][0].wordings == std::vector<std::string>{"long talks after lunch"});
  // The activity had two answers: below 3, withheld.
  REQUIRE(r.activities.size() == 1);
  check_withheld(r.activities[0].groups[0]);
  CHECK(r.activities[0].themes.empty());
  // Spirit: before 2 3 2 (7/3), after 4 4 5 (13/3); the event's day is out.
  CHECK(r.spirit.before.responses == 3);
  CHECK(*r.spirit.before.mean_rating == Approx(7.0 / 3));
  CHECK(*r.spirit.after.mean_rating == Approx(13.0 / 3));
  CHECK(*r.spirit.change == Approx(2.0));
}

TEST_CASE("at the default threshold the small teams are withheld with no numbers", "[insights][privacy]") {
  Fixture f(false);
  f.answer_everything();
  EventReview r = ok(review_event(*f.store, f.event));
  CHECK(r.threshold == 5);
  CHECK(group(r.event, "everyone").disclosure.shown);
  CHECK(group(r.event, "everyone").responses == 7);
  check_withheld(group(r.event, "Support"));  // 4 answered
  check_withheld(group(r.event, "Sales"));    // 3 answered
  CHECK_FALSE(r.spirit.before.disclosure.shown);  // 3 answered before
  CHECK_FALSE(r.spirit.before.mean_rating);
  CHECK_FALSE(r.spirit.change);
}

TEST_CASE("a team's trend lists its results event by event", "[insights]") {
  Fixture f(true);
  f.answer_everything();
  auto trends = ok(team_trends(*f.store));
  REQUIRE(trends.size() == 2);
  for (const TeamTrend& t : trends) {
    REQUIRE(t.points.size() == 1);
    CHECK(t.points[0].event == f.event);
    CHECK(t.points[0].results.name == t.name);
  }
}

TEST_CASE("kudos tied to an event are summed by category and key phrase", "[insights]") {
  Fixture f(true);
  for (const char* action : {"set up every room before the offsite", "set up every room for the workshop"}) {
    Json k = test::specific_kudos({f.s[1]});
    k["action"] = action;
    k["category"] = "behind_the_scenes";
    k["event"] = f.event.hex();
    ok(create(*f.store, Kind::kudos, k));
  }
  Praise p = ok(review_event(*f.store, f.event)).praise;
  CHECK(p.kudos == 2);
  CHECK(p.categories["behind_the_scenes"] == 2);
  REQUIRE(!p.phrases.empty());
  // "set" and "room" are in both, and only together: one theme, named for
  // the group "room" belongs to.
  CHECK(p.phrases[0].phrase == "venue");
  CHECK(p.phrases[0].count == 2);
  for (const Theme& t : p.phrases) CHECK(t.phrase != "set");
}

TEST_CASE("a deleted response leaves the review at once", "[insights]") {
  Fixture f(true);
  f.answer_everything();
  for (const Json& r : ok(list(*f.store, Kind::response)))
    if (r["answers"].value("score", 0) == 1) ok(remove(*f.store, Kind::response, ok(Id::parse(r["id"].get<std::string>()))));
  EventReview r = ok(review_event(*f.store, f.event));
  const GroupResults& all = group(r.event, "everyone");
  // Ratings 5 4 2 4 3 5 without a[2]'s 1: sum 23 over 6; eNPS 3 promoters, 2 detractors of 6.
  CHECK(all.responses == 6);
  CHECK(all.ratings == std::array<std::int64_t, 5>{0, 1, 1, 2, 2});
  CHECK(*all.mean_rating == Approx(23.0 / 6));
  CHECK(*all.enps == Approx(100.0 / 6));
  CHECK(all.positive + all.neutral + all.negative == 3);
  CHECK(r.event.themes["stop"].empty());
  CHECK_FALSE(group(r.event, "Sales").disclosure.shown);  // 2 left, below 3
}

TEST_CASE("chosen options are not texts: they count towards no sentiment", "[insights]") {
  test::World w;
  ok(create(*w.store, Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", 3}}));
  for (int i = 0; i < 3; ++i)
    ok(w.colleague_responds({{"score", 5}, {"keep", "wonderful, thank you"}, {"parts", {"games", "food"}}}));
  GroupResults all = ok(review_event(*w.store, w.event)).event.groups[0];
  REQUIRE(all.disclosure.shown);
  CHECK(all.positive == 3);
  CHECK(all.neutral + all.negative == 0);
}

TEST_CASE("on a device enrolled with a server, the review covers the teams its person manages, as theirs", "[insights]") {
  Fixture f(true);  // threshold 3; Support s0-s4, Sales a0-a2
  // What a device of Support's manager holds: the directory, and Support's
  // answers (the server sends nobody else's).
  f.rate_event(f.s[0], 5, 10);
  f.rate_event(f.s[1], 4, 9);
  f.rate_event(f.s[2], 2, 5);
  f.rate_event(f.s[3], 4, 8);
  Id boss = ok(create(*f.store, Kind::person, {{"name", "Boss"}}));
  f.rate_event(boss, 1, 0, {{"more", "a word from the boss"}});  // her own answer, in no team of hers
  ok(update(*f.store, Kind::team, f.support, {{"manager", boss.hex()}}));
  ok(f.store->bind_me(boss));
  EventReview r = ok(review_event(*f.store, f.event));
  std::vector<std::string> names;
  for (const GroupResults& g : r.event.groups) names.push_back(g.name);
  CHECK(names == std::vector<std::string>{"your teams", "Support"});  // no Sales, whose answers it never holds
  std::vector<std::string> rows;
  for (const HeatRow& row : ok(organisation_heatmap(*f.store)).rows) rows.push_back(row.name);
  CHECK(rows == std::vector<std::string>{"Support"});  // nor in the organisation's heatmap, as if it had no results
  for (const auto& [part, themes] : r.event.themes)
    for (const Theme& t : themes) CHECK(t.phrase.find("boss") == std::string::npos);
  std::ostringstream exported;
  ok(export_table(*f.store, ExportTable::responses, ExportFormat::csv, f.event, exported));
  CHECK(exported.str().find("boss") == std::string::npos);
  CHECK(exported.str().find("Support") != std::string::npos);
  for (const GroupResults* g : {&r.event.groups[0], &r.event.groups[1]}) {
    INFO(g->name);
    CHECK(g->responses == 4);
    CHECK(g->invited == 5);  // Support's five, not Sales' three: 4 of 8 would be a rate of nobody's answers
    CHECK(g->participated == 4);
    CHECK(*g->response_rate == Approx(0.8));
    CHECK(*g->mean_rating == Approx(15.0 / 4));  // 5 + 4 + 2 + 4
    CHECK(*g->enps == Approx(25.0));             // promoters s0, s1; detractor s2; of 4
  }
}

TEST_CASE("a share reads as people round it, the same in every output", "[insights]") {
  CHECK(percent(0.0) == "0%");
  CHECK(percent(1.0) == "100%");
  CHECK(percent(5.0 / 8) == "63%");     // 62.5
  CHECK(percent(29.0 / 200) == "15%");  // 14.5, though 14.4999... in floating point
  CHECK(percent(1.0 / 3) == "33%");
  CHECK(percent(2.0 / 3) == "67%");
  CHECK(percent(0.004) == "0%");
  CHECK(percent(5.0 / 11) == "45%");    // 45.45: rounded once, not through 45.5
  CHECK(percent(0.0045) == "0%");
}

TEST_CASE("a manager of a subteam sees it, not the team above it, which is not hers", "[insights]") {
  Fixture f(true);  // threshold 3
  Id nights = ok(create(*f.store, Kind::team, {{"name", "Nights"}, {"parent", f.support.hex()}}));
  for (int i = 2; i < 5; ++i) ok(update(*f.store, Kind::person, f.s[static_cast<std::size_t>(i)], {{"team", nights.hex()}}));
  f.rate_event(f.s[2], 2, 5);
  f.rate_event(f.s[3], 4, 8);
  f.rate_event(f.s[4], 3, 7);
  Id boss = ok(create(*f.store, Kind::person, {{"name", "Boss"}}));
  ok(update(*f.store, Kind::team, nights, {{"manager", boss.hex()}}));
  ok(f.store->bind_me(boss));
  EventReview r = ok(review_event(*f.store, f.event));
  std::vector<std::string> names;
  for (const GroupResults& g : r.event.groups) names.push_back(g.name);
  CHECK(names == std::vector<std::string>{"your teams", "Nights"});  // no Support row made of Nights' answers
  for (const GroupResults& g : r.event.groups) {
    INFO(g.name);
    CHECK(g.responses == 3);
    CHECK(g.invited == 3);
    CHECK(*g.response_rate == Approx(1.0));
    CHECK(*g.mean_rating == Approx(3.0));  // 2 + 4 + 3
  }
}

TEST_CASE("team spirit whose answers are not here but whose people answered says withheld, not no responses yet",
          "[insights][privacy]") {
  Fixture f(false);
  f.rate_spirit(f.s[0], 2, kBefore);
  f.rate_spirit(f.s[1], 3, kBefore);
  f.act_as(f.me);
  // A manager's device, as the server serves it below the threshold: who
  // answered, and none of their answers.
  test::SeededStore manager(7);
  test::copy_changes(*f.store, *manager.store, Kind::response);
  REQUIRE(ok(count(*manager.store, Kind::participation)) == 2);
  SpiritChange spirit = ok(review_event(*manager.store, f.event)).spirit;
  CHECK_FALSE(spirit.before.disclosure.shown);
  CHECK(spirit.before.disclosure.reason.rfind("withheld: fewer than 5", 0) == 0);
  CHECK(spirit.after.disclosure.reason == kNoResponsesYet);  // nobody answered after
}

TEST_CASE("an event's comments are its shown scopes' texts, by part and alphabetically, filtered by theme and sentiment",
          "[insights]") {
  Fixture f(true);
  f.answer_everything();
  std::vector<ReviewComment> all = ok(review_comments(*f.store, f.event));
  // The four triad texts of the answers above, none of who wrote them.
  std::vector<std::string> seen;
  for (const ReviewComment& c : all) seen.push_back(c.part + ": " + c.text);
  CHECK(seen == std::vector<std::string>{"less: long talks", "more: a team lunch", "more: the team lunch, outdoors",
                                         "stop: long talks after lunch"});
  for (const ReviewComment& c : all) CHECK(c.scope == "Offsite");
  // Their labels are the ones the review counts for everyone.
  const GroupResults& everyone = ok(review_event(*f.store, f.event)).event.groups.at(0);
  auto count = [&](std::optional<SentimentLabel> l) {
    return std::count_if(all.begin(), all.end(), [&](const ReviewComment& c) { return comment_matches(c, "", l); });
  };
  CHECK(count(SentimentLabel::positive) == everyone.positive);
  CHECK(count(SentimentLabel::neutral) == everyone.neutral);
  CHECK(count(SentimentLabel::negative) == everyone.negative);
  CHECK(count(std::nullopt) == 4);
  // A theme matches by key, by name and by the wording a comment uses, in any case.
  REQUIRE_FALSE(all[3].themes.empty());
  const ThemeKey& talks = all[3].themes.front();
  for (const std::string& as : {talks.key, talks.name, talks.wording}) {
    std::string upper = as;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    CHECK(comment_matches(all[3], upper, std::nullopt));
  }
  CHECK_FALSE(comment_matches(all[1], "no such theme", std::nullopt));
  CHECK(review_comments(*f.store, f.activity).status().code() == Code::not_found);  // an activity is not an event
}

TEST_CASE("a withheld event lists none of its comments", "[insights][privacy]") {
  Fixture f(false);  // threshold 5
  f.rate_event(f.s[0], 5, 10, {{"more", "a team lunch"}});
  f.rate_event(f.s[1], 2, 3, {{"stop", "long talks"}});
  f.rate_event(f.a[0], 4, 8, {{"less", "slides"}});
  f.rate_event(f.a[1], 3, 6);
  f.act_as(f.me);
  CHECK_FALSE(ok(review_event(*f.store, f.event)).event.groups.at(0).disclosure.shown);  // 4 people
  CHECK(ok(review_comments(*f.store, f.event)).empty());
  f.rate_event(f.a[2], 4, 7);  // the fifth person: shown, with its three comments
  f.act_as(f.me);
  CHECK(ok(review_comments(*f.store, f.event)).size() == 3);
}
