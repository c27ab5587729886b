// `debrief demo generate`: realistic, varied, and the same for the same seed.
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <catch2/catch.hpp>

#include "cli_runner.h"

using nlohmann::json;

TEST_CASE("demo generate gives the same store for the same seed", "[cli][demo]") {
  CliStore a, b, c;
  std::vector<std::string> gen{"demo", "generate", "--people", "30", "--events", "3", "--responses", "120", "--seed", "9"};
  a.ok(gen);
  b.ok(gen);
  gen.back() = "10";
  c.ok(gen);
  for (const char* kind : {"event", "response", "kudos"}) {
    std::string la = a.ok({"--json", kind, "list"}), lb = b.ok({"--json", kind, "list"});
    CHECK(la == lb);
    CHECK(la != c.ok({"--json", kind, "list"}));
  }
}

TEST_CASE("demo data is varied and follows the survey branches", "[cli][demo]") {
  CliStore s;
  // Seed 2: its events went both well and badly, so both branches are taken.
  s.ok({"demo", "generate", "--people", "40", "--events", "4", "--responses", "400", "--seed", "2"});
  json status = json::parse(s.ok({"--json", "status"}));
  CHECK(status["counts"]["responses"] == 400);
  // One voice per person, survey and event, activity or pulse window
  // (before or after): every response is one participation, and a named
  // answer's author answered that survey there once, as an invited person.
  CHECK(status["counts"]["participations"] == 400);
  std::map<std::string, std::set<std::string>> invited;  // event -> team
  for (const json& e : json::parse(s.ok({"--json", "event", "list"})))
    for (const json& t : e["teams"]) invited[e["id"]].insert(t.get<std::string>());
  std::map<std::string, std::string> team_of;
  for (const json& p : json::parse(s.ok({"--json", "person", "list"}))) team_of[p["id"]] = p["team"];
  std::set<std::string> named_voices;
  std::size_t named = 0;
  for (const json& r : json::parse(s.ok({"--json", "response", "list"}))) {
    if (r["anonymous"].get<bool>()) continue;
    ++named;
    CHECK(invited[r["event"]].count(team_of[r["author"]]) == 1);
    std::string day = r["created_at"].get<std::string>().substr(0, 10);  // pulses: before and after differ by day
    named_voices.insert(r["author"].dump() + r["survey"].dump() + r["event"].dump() + r["activity"].dump() + day);
  }
  CHECK(named > 100);
  CHECK(named_voices.size() == named);
  CHECK(status["counts"]["kudos"].get<int>() > 0);
  json responses = json::parse(s.ok({"--json", "response", "list"}));
  int anonymous = 0, low = 0, high = 0;
  for (const json& r : responses) {
    anonymous += r["anonymous"].get<bool>();
    CHECK(r["anonymous"].get<bool>() == r["author"].is_null());
    const json& a = r["answers"];
    if (!a.contains("overall")) continue;
    int overall = a["overall"].get<int>();
    low += overall <= 2;
    high += overall >= 4;
    CHECK(a.contains("wrong") == (overall <= 2));
    CHECK(a.contains("keep") == (overall >= 4));
  }
  CHECK(anonymous > 0);
  CHECK(low > 0);
  CHECK(high > 0);
}

TEST_CASE("demo generate refuses a store that is not empty", "[cli][demo]") {
  CliStore s;
  s.ok({"organisation", "create", "--name", "Acme"});
  CliResult r = s.run({"demo", "generate", "--seed", "1"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("empty store") != std::string::npos);
}

TEST_CASE("demo generate reports what the store holds, its time rounded", "[cli][demo]") {
  CliStore s;
  std::vector<std::string> gen{"demo", "generate", "--people", "30", "--events", "3", "--responses", "300", "--seed", "4"};
  CliResult r = s.run(gen);
  REQUIRE(r.exit_code == 0);
  json counts = json::parse(s.ok({"--json", "status"}))["counts"];
  CHECK(counts["kudos"] == 300 / 8);  // every planned kudos is made: none skipped
  std::string kudos_progress = "kudos        " + counts["kudos"].dump() + "/" + counts["kudos"].dump();
  CHECK(r.err.find(kudos_progress) != std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex("^generated (\\d+) people, (\\d+) events, (\\d+) responses and (\\d+) kudos in \\d+\\.\\d s\n$")));
  CHECK(m[1] == counts["people"].dump());
  CHECK(m[2] == counts["events"].dump());
  CHECK(m[3] == counts["responses"].dump());
  CHECK(m[4] == counts["kudos"].dump());
}

TEST_CASE("demo generate is all or nothing: killed midway or refused, it leaves an empty store, and runs again",
          "[cli][demo]") {
  CliStore s;
  std::filesystem::path store = s.dir() / "store", partial = s.dir() / "store.demo-partial";
  // Killed a second in, long before 300,000 responses are made.
  std::string killed = "timeout -s KILL 1 '" + std::string(DEBRIEF_CLI) + "' --data '" + store.string() +
                       "' demo generate --people 1000 --events 10 --responses 300000 --seed 2 >/dev/null 2>&1";
  CHECK(std::system(killed.c_str()) != 0);
  json status = json::parse(s.ok({"--json", "status"}));
  for (const char* kind : {"organisations", "people", "events", "responses", "kudos"}) CHECK(status["counts"][kind] == 0);
  // Refused: more responses than the people can give, found after the people are made.
  CliResult refused = s.run({"demo", "generate", "--people", "10", "--events", "1", "--responses", "5000"});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("need more people") != std::string::npos);
  CHECK(json::parse(s.ok({"--json", "status"}))["counts"]["people"] == 0);
  CHECK_FALSE(std::filesystem::exists(partial));
  // And again, whole.
  s.ok({"demo", "generate", "--people", "30", "--events", "2", "--responses", "60", "--seed", "4"});
  CHECK(json::parse(s.ok({"--json", "status"}))["counts"]["responses"] == 60);
  CHECK_FALSE(std::filesystem::exists(partial));
}
