// `debrief insights` and `debrief export` on demo data: every table and
// every export withholds small groups, with the reason and no numbers.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli_runner.h"

using nlohmann::json;

namespace {

const char* kNumbers[] = {"responses", "invited", "participated", "response_rate", "mean_rating",
                          "rated_1", "rated_2", "rated_3", "rated_4", "rated_5", "enps",
                          "positive", "neutral", "negative"};

// Checks every row of an events or teams export; returns how many were withheld.
int check_group_rows(const json& rows) {
  int withheld = 0;
  for (const json& row : rows) {
    INFO(row.dump());
    if (row["withheld"].is_null()) {
      CHECK(row["responses"].get<int>() >= 5);
      continue;
    }
    ++withheld;
    for (const char* column : kNumbers) CHECK(row[column].is_null());
  }
  return withheld;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct Demo : CliStore {
  // Few enough answers that some teams' groups are withheld.
  Demo() { ok({"demo", "generate", "--people", "40", "--events", "3", "--responses", "60", "--seed", "5"}); }
  std::vector<std::string> events() const {
    std::vector<std::string> ids;
    for (const json& e : json::parse(ok({"--json", "event", "list"}))) ids.push_back(e["id"]);
    return ids;
  }
};

}  // namespace

TEST_CASE("insights event prints groups, withholding small ones with their reason", "[cli][insights]") {
  Demo d;
  int withheld = 0, shown = 0;
  for (const std::string& e : d.events()) {
    json r = json::parse(d.ok({"--json", "insights", "event", e}));
    CHECK(r["threshold"] == 5);
    std::vector<json> scopes{r["event"]};
    for (const json& a : r["activities"]) scopes.push_back(a);
    for (const json& scope : scopes) {
      for (const json& g : scope["groups"]) {
        INFO(g.dump());
        if (g.contains("withheld")) {
          ++withheld;
          CHECK_FALSE(g.contains("responses"));
          CHECK_FALSE(g.contains("mean_rating"));
        } else {
          ++shown;
          CHECK(g["responses"].get<int>() >= 5);
        }
      }
      if (scope["groups"][0].contains("withheld")) CHECK(scope["themes"].empty());
    }
    std::string table = d.ok({"insights", "event", e});
    CHECK(table.find("group") != std::string::npos);
  }
  CHECK(withheld > 0);
  CHECK(shown > 0);
  CHECK(json::parse(d.ok({"--json", "insights", "trends"})).is_array());
}

TEST_CASE("insights heatmap gives each group a value or the reason for every measure, as the review does", "[cli][insights]") {
  Demo d;
  for (const std::string& e : d.events()) {
    json review = json::parse(d.ok({"--json", "insights", "event", e}));
    json h = json::parse(d.ok({"--json", "insights", "heatmap", e}));
    REQUIRE(h["rows"].size() == review["event"]["groups"].size());
    for (std::size_t i = 0; i < h["rows"].size(); ++i) {
      const json& row = h["rows"][i];
      const json& group = review["event"]["groups"][i];
      INFO(row.dump());
      CHECK(row["name"] == group["name"]);
      REQUIRE(row["cells"].size() == h["measures"].size());
      for (const json& cell : row["cells"]) CHECK(cell.contains("value") != cell.contains("withheld"));
      if (group.contains("withheld")) {
        // Team spirit (the third measure) rests on pulses, disclosed on their own.
        for (std::size_t m = 0; m < row["cells"].size(); ++m)
          if (h["measures"][m] != "team spirit change") CHECK(row["cells"][m]["withheld"] == group["withheld"]);
      } else if (!group["mean_rating"].is_null()) {
        CHECK(row["cells"][0]["value"].get<double>() == Approx(group["mean_rating"].get<double>()));
      }
    }
    std::string table = d.ok({"insights", "heatmap", e});
    CHECK(table.find("team spirit change") != std::string::npos);
  }
}

TEST_CASE("insights comments lists a shown event's comments, as many as its review counts, filtered", "[cli][insights]") {
  Demo d;
  for (const std::string& e : d.events()) {
    json review = json::parse(d.ok({"--json", "insights", "event", e}));
    json all = json::parse(d.ok({"--json", "insights", "comments", e}));
    // As many as the review counts in each scope it shows (the event's own,
    // each activity's), and none of a withheld one.
    std::map<std::string, std::int64_t> counted, listed;
    std::vector<json> scopes{review["event"]};
    for (const json& a : review["activities"]) scopes.push_back(a);
    for (const json& scope : scopes) {
      if (scope["groups"][0].contains("withheld")) continue;
      for (const auto& [part, n] : scope["comments"].items())
        if (n.get<std::int64_t>() > 0) counted[scope["title"]] += n.get<std::int64_t>();
    }
    for (const json& c : all) ++listed[c["scope"]];
    CHECK(listed == counted);
    json negative = json::parse(d.ok({"--json", "insights", "comments", e, "--sentiment", "negative"}));
    for (const json& c : negative) CHECK(c["sentiment"] == "negative");
    std::size_t expected = 0;
    for (const json& c : all) expected += c["sentiment"] == "negative";
    CHECK(negative.size() == expected);
    if (all.empty() || all[0]["themes"].empty()) continue;
    const std::string theme = all[0]["themes"][0]["name"];
    json on_theme = json::parse(d.ok({"--json", "insights", "comments", e, "--theme", theme}));
    CHECK_FALSE(on_theme.empty());
    CHECK(on_theme.size() <= all.size());
    std::string text = d.ok({"insights", "comments", e, "--theme", theme});
    const std::string count_line = std::to_string(on_theme.size()) + (on_theme.size() == 1 ? " comment" : " comments");
    CHECK(lines(text).back() == count_line);
  }
  CliResult bad = d.run({"insights", "comments", d.events().at(0), "--sentiment", "angry"});
  CHECK(bad.exit_code != 0);
  CHECK(bad.err.find("angry") != std::string::npos);
}

TEST_CASE("event check gives each event's time by kind of activity, summing to the whole, and its warnings", "[cli][agenda]") {
  Demo d;
  for (const std::string& e : d.events()) {
    json c = json::parse(d.ok({"--json", "event", "check", e}));
    double sum = 0;
    for (const auto& [kind, share] : c["shares"].items()) sum += share.get<double>();
    CHECK(sum == Approx(1.0));
    CHECK(c["minutes"].size() == c["shares"].size());
    for (const json& w : c["warnings"]) CHECK((w["code"].is_string() && w["message"].is_string()));
    std::string text = d.ok({"event", "check", e});
    CHECK(text.find("longest stretch with no break: " + std::to_string(c["longest_stretch_minutes"].get<int>()) +
                    " minutes") != std::string::npos);
  }
  CliResult missing = d.run({"event", "check", "no-such-event"});
  CHECK(missing.exit_code != 0);
}

TEST_CASE("text check reads each line against the store's people and says what to change", "[cli][have_their_backs]") {
  Demo d;
  const json person = json::parse(d.ok({"--json", "person", "list"})).at(0);
  const std::string name = person["name"];
  const std::string lines = name + " ruined the launch and wasted everyone's afternoon.\n"
                            "Thanks to my leadership the launch went well.\n"
                            "Great job everyone, thanks for all your hard work!\n";
  std::vector<json> checks;
  for (const std::string& l : ::lines(d.ok({"--json", "text", "check"}, lines))) checks.push_back(json::parse(l));
  REQUIRE(checks.size() == 3);
  CHECK(checks[0]["criticises"] == json::array({person["id"]}));
  CHECK(checks[0]["rewording"] == "We ruined the launch and wasted everyone's afternoon.");
  CHECK(checks[1]["takes_credit"] == true);
  CHECK(checks[1]["criticises"].empty());
  CHECK(checks[2]["vague"] == true);
  const std::string text = d.ok({"text", "check"}, lines);
  CHECK(text.find("this criticises " + name + " by name") != std::string::npos);
  CHECK(text.find("perhaps: Thanks to the team's work the launch went well.") != std::string::npos);
}

TEST_CASE("event and team exports, CSV and JSON, carry no numbers for withheld groups", "[cli][export][privacy]") {
  Demo d;
  for (const char* table : {"events", "teams"}) {
    INFO(table);
    json rows = json::parse(d.ok({"export", table, "--format", "json"}));
    REQUIRE(rows.size() > 0);
    CHECK(check_group_rows(rows) > 0);
    std::vector<std::string> csv = lines(d.ok({"export", table}));
    REQUIRE(csv.size() == rows.size() + 1);  // a header, then the same rows
    for (const std::string& line : csv)
      if (line.find("withheld:") != std::string::npos) CHECK(line.substr(line.size() - 15) == ",,,,,,,,,,,,,,\r");
  }
}

TEST_CASE("the raw responses export leaves out withheld scopes and names only shown groups", "[cli][export][privacy]") {
  Demo d;
  std::set<std::string> shown_scopes, shown_teams;
  for (const json& row : json::parse(d.ok({"export", "events", "--format", "json"}))) {
    if (!row["withheld"].is_null()) continue;
    if (row["group"] == "everyone") shown_scopes.insert(row["scope_id"]);
    else shown_teams.insert(row["group"]);
  }
  json rows = json::parse(d.ok({"export", "responses", "--format", "json"}));
  for (const json& row : rows) {
    INFO(row.dump());
    CHECK(shown_scopes.count(row["scope_id"]) == 1);
    if (row["group"] != "everyone") CHECK(shown_teams.count(row["group"]) == 1);
    CHECK_FALSE(row.contains("author"));
  }
  std::string file = (d.dir() / "responses.csv").string();
  d.ok({"export", "responses", "--out", file});
  std::ifstream written(file, std::ios::binary);
  std::string whole((std::istreambuf_iterator<char>(written)), std::istreambuf_iterator<char>());
  CHECK(lines(whole) == lines(d.ok({"export", "responses"})));
  CHECK(lines(whole).size() == rows.size() + 1);  // the header, then one line a row
  CHECK_FALSE(std::filesystem::exists(file + ".partial"));
  std::string nowhere = (d.dir() / "no-such-dir" / "responses.csv").string();
  CHECK(d.run({"export", "responses", "--out", nowhere}).exit_code != 0);
  CHECK_FALSE(std::filesystem::exists(nowhere));
  CHECK(d.run({"export", "responses", "--event", "ffffffff"}).exit_code != 0);
}

TEST_CASE("summary draft writes an unpublished note from the results, published by update", "[cli][summary]") {
  Demo d;
  std::string me = json::parse(d.ok({"--json", "person", "list", "--limit", "1"}))[0]["id"];
  d.ok({"whoami", me});
  json s = json::parse(d.ok({"--json", "summary", "draft", "--event", d.events()[0]}));
  CHECK(s["published"] == false);
  CHECK_FALSE(s["heard"].get<std::string>().empty());
  d.ok({"summary", "update", s["id"], "--published", "true"});
  CHECK(json::parse(d.ok({"--json", "summary", "show", s["id"]}))["published"] == true);
  std::string help = d.ok({"summary", "update", "--help"});  // it offers what may change, and only that
  CHECK(help.find("--will-do") != std::string::npos);
  CHECK(help.find("--published") != std::string::npos);
  CHECK(help.find("--event") == std::string::npos);
}

namespace {

// Ops with North (4 people, ratings 1 2 2 3), South (5: 4 4 3 5 4) and East
// (6: 5 4 4 3 5 3), every answer anonymous; a reader, Rita, in no team.
struct HandOrg : CliStore {
  std::map<std::string, std::vector<std::string>> people;
  explicit HandOrg(int threshold) {
    ok({"organisation", "create", "--name", "Acme", "--anonymity-threshold", std::to_string(threshold)});
    ok({"team", "create", "--name", "Ops"});
    ok({"person", "create", "--name", "Rita Reader"});
    ok({"event", "create", "--title", "Offsite", "--starts-at", "2026-12-03T09:00", "--ends-at", "2026-12-03T17:00",
        "--teams", "Ops"});
    ok({"survey", "create", "--title", "How was it", "--kind", "post_event", "--questions",
        R"([{"id":"score","type":"rating","text":"How was it?"}])"});
    for (const auto& [team, ratings] : std::vector<std::pair<std::string, std::vector<int>>>{
             {"North", {1, 2, 2, 3}}, {"South", {4, 4, 3, 5, 4}}, {"East", {5, 4, 4, 3, 5, 3}}}) {
      ok({"team", "create", "--name", team, "--parent", "Ops"});
      for (int rating : ratings) {
        std::string name = team + " " + std::to_string(people[team].size());
        people[team].push_back(name);
        ok({"person", "create", "--name", name, "--team", team});
        ok({"whoami", name});
        ok({"response", "create", "--survey", "How was it", "--event", "Offsite", "--anonymous", "true", "--answers",
            "{\"score\":" + std::to_string(rating) + "}"});
      }
    }
    ok({"whoami", "Rita Reader"});
  }
  std::map<std::string, json> groups() const {
    json review = json::parse(ok({"--json", "insights", "event", "Offsite"}));
    std::map<std::string, json> by;
    for (const json& g : review["event"]["groups"]) by[g["name"]] = g;
    return by;
  }
};

}  // namespace

TEST_CASE("hand-computed, through the command line: insights, their tables and the raw export keep the rules",
          "[cli][insights][privacy]") {
  HandOrg org(5);
  auto g = org.groups();
  CHECK(g["everyone"]["people"] == 15);
  CHECK(g["everyone"]["mean_rating"].get<double>() == Approx(52.0 / 15));
  CHECK(g["East"]["mean_rating"].get<double>() == Approx(4.0));
  for (const char* hidden : {"North", "South"}) {
    INFO(hidden);
    CHECK(g[hidden].contains("withheld"));
    CHECK_FALSE(g[hidden].contains("mean_rating"));
  }
  // The table: subteams indented under Ops; a withheld row shows dashes and its reason, no figure.
  int withheld_rows = 0;
  for (const std::string& line : lines(org.ok({"insights", "event", "Offsite"}))) {
    if (line.rfind("Ops ", 0) == 0) CHECK(line.find("withheld") == std::string::npos);
    if (line.rfind("  North ", 0) == 0 || line.rfind("  South ", 0) == 0) {
      ++withheld_rows;
      CHECK(line.find("withheld") != std::string::npos);
      for (const char* figure : {" 1 ", " 2 ", " 3 ", "2.00", "4.00"}) CHECK(line.find(figure) == std::string::npos);
    }
  }
  CHECK(withheld_rows == 2);
  std::map<std::string, std::set<int>> labels;
  for (const json& row : json::parse(org.ok({"export", "responses", "--format", "json"}))) labels[row["group"]].insert(row["response"].get<int>());
  CHECK(labels.size() == 2);
  CHECK(labels["Ops"].size() == 9);  // North and South together, never North alone
  CHECK(labels["East"].size() == 6);
  // One of East reads: five others there, enough at 5.
  org.ok({"whoami", org.people["East"][0]});
  CHECK_FALSE(org.groups()["East"].contains("withheld"));
}

TEST_CASE("hand-computed, through the command line: at 6, a reader in East sees East withheld", "[cli][insights][privacy]") {
  HandOrg org(6);
  CHECK_FALSE(org.groups()["East"].contains("withheld"));  // 6 people, the reader not among them
  org.ok({"whoami", org.people["East"][0]});
  auto g = org.groups();
  CHECK(g["East"]["withheld"].get<std::string>().find("besides you") != std::string::npos);
  CHECK_FALSE(g["everyone"].contains("withheld"));
}
