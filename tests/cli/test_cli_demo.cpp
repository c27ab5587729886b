// `debrief demo generate`: realistic, varied, and the same for the same seed.
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
  s.ok({"demo", "generate", "--people", "40", "--events", "4", "--responses", "400", "--seed", "3"});
  json status = json::parse(s.ok({"--json", "status"}));
  CHECK(status["counts"]["responses"] == 400);
  // One participation per person, survey and event or activity: fewer than
  // the responses while the demo still lets people answer again.
  json participations = json::parse(s.ok({"--json", "participation", "list"}));
  std::set<std::string> voices;
  for (const json& p : participations) voices.insert(p["person"].dump() + p["survey"].dump() + p["event"].dump() + p["activity"].dump());
  CHECK(status["counts"]["participations"] == voices.size());
  CHECK(voices.size() <= 400);
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
