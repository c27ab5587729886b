// Every output keeps the privacy rules: the review, every export and the
// summary draft, checked on a small organisation whose every figure is
// worked out by hand below, at thresholds 3, 5 and 6, with the reader
// outside and inside the groups; then random organisations, where every
// subtraction of a shown group's shown parts is tried.
//
// Ops has three subteams: North (4 people, rating 1, 2, 2, 3: mean 2.0),
// South (5: 4, 4, 3, 5, 4: mean 4.0) and East (6: 5, 4, 4, 3, 5, 3: mean
// 4.0); 15 people, sum 52, mean 52/15. East also answers a second survey,
// so the event has 21 responses from 15 people.
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "debrief/export.h"
#include "debrief/insights.h"
#include "debrief/summary_draft.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

struct Org : test::SeededStore {
  Id ops, event, survey, extra;
  std::map<std::string, Id> teams;
  std::map<std::string, std::vector<Id>> people;

  explicit Org(int threshold) {
    ok(create(*store, Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", threshold}}));
    ops = ok(create(*store, Kind::team, {{"name", "Ops"}}));
    event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00:00Z"},
                                            {"ends_at", "2026-12-03T17:00:00Z"}, {"teams", {ops.hex()}}}));
    survey = make_survey("How was it", R"([{"id":"score","type":"rating","text":"How was it?"}])");
    extra = make_survey("Logistics", R"([{"id":"travel","type":"rating","text":"The travel?"}])");
    team("North", {1, 2, 2, 3});
    team("South", {4, 4, 3, 5, 4});
    team("East", {5, 4, 4, 3, 5, 3});
    for (const Id& who : people["East"]) answer(who, extra, {{"travel", 2}});
    act_as(me);
  }

  Id make_survey(const char* title, const char* questions) {
    return ok(create(*store, Kind::survey, {{"title", title}, {"kind", "post_event"}, {"allow_anonymous", true},
                                            {"questions", Json::parse(questions)}}));
  }
  void team(const std::string& name, const std::vector<int>& ratings) {
    teams[name] = ok(create(*store, Kind::team, {{"name", name}, {"parent", ops.hex()}}));
    for (int rating : ratings) {
      Id who = ok(create(*store, Kind::person,
                         {{"name", name + " " + std::to_string(people[name].size())}, {"team", teams[name].hex()}}));
      people[name].push_back(who);
      answer(who, survey, {{"score", rating}});
    }
  }
  void answer(const Id& who, const Id& which, Json answers) {
    act_as(who);
    ok(create(*store, Kind::response,
              {{"survey", which.hex()}, {"event", event.hex()}, {"anonymous", true}, {"answers", answers}}));
  }

  std::map<std::string, GroupResults> groups() {
    std::map<std::string, GroupResults> by_name;
    for (GroupResults& g : ok(review_event(*store, event)).event.groups) by_name[g.name] = g;
    return by_name;
  }
  std::string exported(ExportTable table, ExportFormat format = ExportFormat::json) {
    std::ostringstream out;
    ok(export_table(*store, table, format, event, out));
    return out.str();
  }
  // The raw export's responses per group label.
  std::map<std::string, std::set<std::int64_t>> responses_by_label() {
    std::map<std::string, std::set<std::int64_t>> by;
    for (const Json& row : Json::parse(exported(ExportTable::responses))) by[row["group"]].insert(row["response"].get<std::int64_t>());
    return by;
  }
  std::set<std::string> shown() {
    std::set<std::string> names;
    for (const auto& [name, g] : groups())
      if (g.disclosure.shown) names.insert(name);
    return names;
  }
};

using Names = std::set<std::string>;

}  // namespace

TEST_CASE("hand-computed: the review counts people, not answers, and shows only what the threshold allows",
          "[privacy][insights][output]") {
  Org org(5);
  auto g = org.groups();
  CHECK(g["everyone"].people == 15);
  CHECK(g["everyone"].responses == 21);
  CHECK(g["everyone"].invited == 15);
  CHECK(g["everyone"].participated == 15);
  CHECK(*g["everyone"].mean_rating == Approx((52.0 + 6 * 2) / 21));  // every rating answer
  CHECK(g["Ops"].disclosure.shown);
  CHECK(g["East"].disclosure.shown);
  CHECK(g["East"].people == 6);
  CHECK(*g["East"].mean_rating == Approx((24.0 + 12) / 12));
  CHECK_FALSE(g["North"].disclosure.shown);
  CHECK(g["North"].disclosure.reason.find("fewer than 5 people answered") != std::string::npos);
  CHECK_FALSE(g["South"].disclosure.shown);  // 4 would be Ops minus South and East
  CHECK(g["South"].disclosure.reason.find("subtraction") != std::string::npos);
  CHECK(g["South"].people == 0);
  CHECK_FALSE(g["South"].mean_rating);
}

TEST_CASE("hand-computed: thresholds 3 and 6 move the line", "[privacy][insights][output]") {
  CHECK(Org(3).shown() == Names{"everyone", "Ops", "North", "South", "East"});
  // At 6: North (4) and South (5) are too few, and hide 9 together.
  CHECK(Org(6).shown() == Names{"everyone", "Ops", "East"});
}

TEST_CASE("hand-computed: the reader's own answer leaves her the threshold of others or nothing",
          "[privacy][insights][output]") {
  SECTION("a reader in East at 6 sees East withheld: 5 others") {
    Org org(6);
    org.act_as(org.people["East"][0]);
    auto g = org.groups();
    CHECK_FALSE(g["East"].disclosure.shown);
    CHECK(g["East"].disclosure.reason.find("besides you") != std::string::npos);
    CHECK(org.shown() == Names{"everyone", "Ops"});
    CHECK(org.responses_by_label().count("East") == 0);
  }
  SECTION("a reader in South at 5 leaves 4 others there: withheld, and North with it") {
    Org org(5);
    org.act_as(org.people["South"][0]);
    CHECK(org.shown() == Names{"everyone", "Ops", "East"});
  }
  SECTION("a reader in North at 3 still has 3 others there") {
    Org org(3);
    org.act_as(org.people["North"][0]);
    CHECK(org.shown() == Names{"everyone", "Ops", "North", "South", "East"});
  }
  SECTION("a reader in East at 5 still has 5 others there") {
    Org org(5);
    org.act_as(org.people["East"][0]);
    CHECK(org.shown() == Names{"everyone", "Ops", "East"});
  }
}

TEST_CASE("hand-computed: the raw export labels each answer with its smallest shown group, never a withheld one",
          "[privacy][export][output]") {
  for (int threshold : {3, 5, 6}) {
    INFO("threshold " << threshold);
    Org org(threshold);
    auto by = org.responses_by_label();
    Names labels;
    for (const auto& [label, responses] : by) labels.insert(label);
    if (threshold == 3) {
      CHECK(labels == Names{"North", "South", "East"});
      CHECK(by["North"].size() == 4);
      CHECK(by["East"].size() == 12);
    } else {
      // North and South together under Ops: 9 people, not the 4 of North.
      CHECK(labels == Names{"Ops", "East"});
      CHECK(by["Ops"].size() == 9);
      CHECK(by["East"].size() == 12);
    }
    // No answer goes without a group: a blank would single the withheld out.
    for (const Json& row : Json::parse(org.exported(ExportTable::responses))) CHECK(row["group"].is_string());
    // The CSV says the same.
    std::string csv = org.exported(ExportTable::responses, ExportFormat::csv);
    CHECK((csv.find(",North,") != std::string::npos) == (threshold == 3));
  }
}

TEST_CASE("hand-computed: the group exports carry exactly the review's figures", "[privacy][export][output]") {
  Org org(5);
  std::map<std::string, Json> rows;
  for (const Json& row : Json::parse(org.exported(ExportTable::events))) rows[row["group"]] = row;
  CHECK(rows["East"]["responses"] == 12);
  CHECK(rows["East"]["mean_rating"].get<double>() == Approx(3.0));
  for (const char* hidden : {"North", "South"}) {
    INFO(hidden);
    CHECK(rows[hidden]["responses"].is_null());
    CHECK(rows[hidden]["mean_rating"].is_null());
    CHECK_FALSE(rows[hidden]["withheld"].is_null());
  }
  for (const Json& row : Json::parse(org.exported(ExportTable::teams)))
    if (row["group"] == "North" || row["group"] == "South") CHECK(row["mean_rating"].is_null());
}

TEST_CASE("hand-computed: the summary draft counts people once and keeps the threshold", "[privacy][summary][output]") {
  Org org(5);
  Id id = ok(save_summary_draft(*org.store, org.event));
  Json note = ok(get(*org.store, Kind::summary, id));
  std::string heard = note["heard"];
  CHECK(heard.rfind("15 people answered, 15 of the 15 people invited (100%).", 0) == 0);
  CHECK(heard.find("The average rating was 3.0 out of 5.") != std::string::npos);  // (52 + 6 * 2) / 21
  // Drafting again rewrites the one draft.
  CHECK(ok(save_summary_draft(*org.store, org.event)) == id);
  CHECK(test::live_count(*org.store, Kind::summary) == 1);
}

TEST_CASE("pulse spirit counts people: two people answering every week are two", "[privacy][insights][output]") {
  Org org(5);
  Id pulse = org.make_survey("Pulse", R"([{"id":"spirit","type":"rating","text":"Spirit?"}])");
  ok(update(*org.store, Kind::survey, pulse, {{"kind", "pulse"}}));
  // Two people of North, every week of the four before the event: 7 answers.
  const std::int64_t week = 7 * 86400 * 1000LL, first = 1794398400000;  // 2026-11-11T12:00Z
  for (int w = 0; w < 4; ++w)
    for (std::size_t p = 0; p < (w < 3 ? 2u : 1u); ++p) {
      org.env.set_now_ms(first + w * week);
      org.act_as(org.people["North"][p]);
      ok(create(*org.store, Kind::response,
                {{"survey", pulse.hex()}, {"anonymous", true}, {"answers", {{"spirit", 2}}}}));
    }
  org.act_as(org.me);
  SpiritChange spirit = ok(review_event(*org.store, org.event)).spirit;
  CHECK_FALSE(spirit.before.disclosure.shown);
  CHECK(spirit.before.disclosure.reason.find("fewer than 5") != std::string::npos);
  CHECK_FALSE(spirit.before.mean_rating);
}

namespace {

// A random organisation: teams in a random tree, people in them (and some
// in none), two surveys each answered by some of them, anonymously.
struct RandomOrg : test::SeededStore {
  struct Person {
    Id id;
    int team = -1;  // index into team_ids, -1 for none
    bool answered = false;
  };
  std::vector<Id> team_ids;
  std::vector<int> parent;  // index, -1 for a top-level team
  std::vector<Person> people;
  Id event;

  explicit RandomOrg(std::mt19937& rng, int threshold) : test::SeededStore(rng()) {
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    ok(create(*store, Kind::organisation, {{"name", "Random"}, {"anonymity_threshold", threshold}}));
    Json invited = Json::array();
    for (int t = 0, teams = pick(2, 6); t < teams; ++t) {
      parent.push_back(t == 0 ? -1 : pick(-1, t - 1));
      Json fields{{"name", "T" + std::to_string(t)}};
      if (parent.back() >= 0) fields["parent"] = team_ids[static_cast<std::size_t>(parent.back())].hex();
      team_ids.push_back(ok(create(*store, Kind::team, fields)));
      if (parent.back() < 0) invited.push_back(team_ids.back().hex());
      for (int n = pick(0, 7); n > 0; --n) add_person(t);
    }
    for (int n = pick(0, 3); n > 0; --n) add_person(-1);
    event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00:00Z"},
                                            {"ends_at", "2026-12-03T17:00:00Z"}, {"teams", invited}}));
    for (int s = 0; s < 2; ++s) {
      Id survey = ok(create(*store, Kind::survey,
                            {{"title", "S" + std::to_string(s)}, {"kind", "post_event"}, {"allow_anonymous", true},
                             {"questions", Json::parse(R"([{"id":"q","type":"rating","text":"?"}])")}}));
      for (Person& p : people) {
        if (pick(0, 9) < 3) continue;
        act_as(p.id);
        ok(create(*store, Kind::response, {{"survey", survey.hex()}, {"event", event.hex()}, {"anonymous", true},
                                           {"answers", {{"q", pick(1, 5)}}}}));
        p.answered = true;
      }
    }
  }
  void add_person(int team) {
    Json fields{{"name", "P" + std::to_string(people.size())}};
    if (team >= 0) fields["team"] = team_ids[static_cast<std::size_t>(team)].hex();
    people.push_back({ok(create(*store, Kind::person, fields)), team, false});
  }
  // Whether the team at `t` is `group` or below it (-1: everyone).
  bool under(int t, int group) const {
    if (group < 0) return true;
    for (; t >= 0; t = parent[static_cast<std::size_t>(t)])
      if (t == group) return true;
    return false;
  }
};

}  // namespace

TEST_CASE("no random organisation lets a shown group, or a shown group minus its shown parts, rest on too few",
          "[privacy][output][property]") {
  std::mt19937 rng(2026);
  for (int round = 0; round < 40; ++round) {
    int threshold = std::uniform_int_distribution<int>(3, 6)(rng);
    RandomOrg org(rng, threshold);
    // The reader: nobody who answered, or one who did.
    std::optional<Id> reader;
    for (const auto& p : org.people)
      if (p.answered && std::uniform_int_distribution<int>(0, 3)(rng) == 0) reader = p.id;
    if (reader) org.act_as(*reader);
    else org.act_as(org.me);
    EventReview review = ok(review_event(*org.store, org.event));
    // Each group by team index (-1: everyone), and whether it is shown.
    std::map<int, bool> shown;
    for (const GroupResults& g : review.event.groups) {
      int t = -1;
      for (std::size_t i = 0; i < org.team_ids.size(); ++i)
        if (g.team == org.team_ids[i]) t = static_cast<int>(i);
      shown[t] = g.disclosure.shown;
    }
    // The people behind a part of a group, not counting the reader.
    auto others = [&](auto&& in) {
      int n = 0;
      for (const auto& p : org.people) n += p.answered && p.id != reader && in(p.team);
      return n;
    };
    std::map<std::string, int> labels;  // the export's labels, and how often
    for (const Json& row : Json::parse([&] {
           std::ostringstream out;
           ok(export_table(*org.store, ExportTable::responses, ExportFormat::json, org.event, out));
           return out.str();
         }()))
      ++labels[row["group"]];
    for (const auto& [group, is_shown] : shown) {
      INFO("round " << round << ", threshold " << threshold << ", group " << group << (reader ? ", a reader who answered" : ""));
      std::string name = group < 0 ? "everyone" : "T" + std::to_string(group);
      if (!is_shown) {
        CHECK(labels.count(name) == 0);
        continue;
      }
      CHECK(others([&](int t) { return t >= -1 && (group < 0 || (t >= 0 && org.under(t, group))); }) >= threshold);
      // What subtracting its shown subgroups leaves.
      int left = others([&](int t) {
        if (group >= 0 && (t < 0 || !org.under(t, group))) return false;
        for (const auto& [sub, sub_shown] : shown)
          if (sub_shown && sub >= 0 && sub != group && t >= 0 && org.under(t, sub) && org.under(sub, group)) return false;
        return true;
      });
      CHECK((left == 0 || left >= threshold));
    }
  }
}
