// A new user's path through the command line: directory, an event with its
// agenda, a branching survey walked and answered, kudos, and the errors a
// user meets on the way.
#include <catch2/catch.hpp>
#include <fstream>

#include "cli_runner.h"

using nlohmann::json;

namespace {

// A store with an organisation, a team, two people (acting as the first),
// an event and a branching survey. Ids in the members.
struct Seeded {
  CliStore cli;
  std::string team, ana, ben, event, survey;

  Seeded() {
    cli.ok({"organisation", "create", "--name", "Acme"});
    team = cli.ok({"team", "create", "--name", "Support"});
    ana = cli.ok({"person", "create", "--name", "Ana Lima", "--team", team});
    ben = cli.ok({"person", "create", "--name", "Ben Ode", "--team", team, "--role", "manager"});
    cli.ok({"whoami", "Ana Lima"});
    event = cli.ok({"event", "create", "--title", "Offsite", "--starts-at", "2026-12-03T09:00",
                    "--ends-at", "2026-12-03T17:00", "--offsite", "--speakers", "Dr. Park", "--crew", ben});
    json questions = json::parse(R"([
      {"id":"score","type":"rating","text":"How was it?","required":true},
      {"id":"wrong","type":"text","text":"What went wrong?","show_if":{"q":"score","op":"<=","value":2}},
      {"id":"keep","type":"text","text":"What should we keep?","show_if":{"q":"score","op":">=","value":4}}])");
    survey = cli.ok({"survey", "create", "--title", "After", "--kind", "post_event", "--questions", questions.dump()});
  }
};

}  // namespace

TEST_CASE("a user builds an event with an agenda and sees it", "[cli]") {
  Seeded s;
  s.cli.ok({"activity", "create", "--event", s.event.substr(0, 8), "--title", "Escape room", "--kind", "game",
            "--starts-at", "2026-12-03T10:00", "--ends-at", "2026-12-03T11:00"});
  json shown = json::parse(s.cli.ok({"--json", "event", "show", s.event}));
  CHECK(shown["title"] == "Offsite");
  CHECK(shown["offsite"] == true);
  CHECK(shown["crew"] == json::array({s.ben}));
  REQUIRE(shown["agenda"].size() == 1);
  CHECK(shown["agenda"][0]["title"] == "Escape room");
  std::string table = s.cli.ok({"event", "show", s.event});
  CHECK(table.find("Escape room") != std::string::npos);
  CHECK(table.find("Ben Ode") != std::string::npos);  // refs shown by name
}

TEST_CASE("an activity outside its event's dates is refused", "[cli]") {
  Seeded s;
  CliResult r = s.cli.run({"activity", "create", "--event", s.event, "--title", "Late", "--starts-at",
                           "2026-12-04T10:00", "--ends-at", "2026-12-04T11:00"});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("must fall within its event") != std::string::npos);
}

TEST_CASE("survey next follows the branch the answers take", "[cli]") {
  Seeded s;
  CHECK(s.cli.ok({"--json", "survey", "next", s.survey}).find("\"score\"") != std::string::npos);
  CHECK(json::parse(s.cli.ok({"--json", "survey", "next", s.survey, "--answers", R"({"score":1})"}))["id"] == "wrong");
  CHECK(json::parse(s.cli.ok({"--json", "survey", "next", s.survey, "--answers", R"({"score":5})"}))["id"] == "keep");
  CHECK(json::parse(s.cli.ok({"--json", "survey", "next", s.survey, "--answers", R"({"score":3})"}))["complete"] == true);
}

TEST_CASE("survey walk asks question by question and saves the response", "[cli]") {
  Seeded s;
  // "9" is out of range and asked again; 2 leads to "what went wrong".
  std::string out = s.cli.ok({"--json", "survey", "walk", s.survey, "--event", s.event}, "9\n2\nthe bus was late\n");
  json saved = json::parse(out);
  CHECK(saved["answers"] == json{{"score", 2}, {"wrong", "the bus was late"}});
  json response = json::parse(s.cli.ok({"--json", "response", "show", saved["id"]}));
  CHECK(response["author"] == s.ana);
  CHECK(response["answers"]["wrong"] == "the bus was late");
}

TEST_CASE("survey walk takes answers as flags and asks nothing more", "[cli]") {
  Seeded s;
  json saved = json::parse(s.cli.ok({"--json", "survey", "walk", s.survey, "--answer", "score=5", "--answer", "keep=the hike"}));
  CHECK(saved["answers"] == json{{"score", 5}, {"keep", "the hike"}});
  CliResult bad = s.cli.run({"survey", "walk", s.survey, "--answer", "score=5", "--answer", "wrong=x"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("skipped") != std::string::npos);
}

TEST_CASE("an answer to a skipped question is refused and nothing is saved", "[cli]") {
  Seeded s;
  CliResult r = s.cli.run({"response", "create", "--survey", s.survey, "--answers", R"({"score":5,"wrong":"x"})"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("skipped") != std::string::npos);
  CHECK(json::parse(s.cli.ok({"--json", "response", "list"})).empty());
}

TEST_CASE("a vague kudos is refused with what is missing; a specific one is on the wall", "[cli]") {
  Seeded s;
  CliResult vague = s.cli.run({"kudos", "give", "--to", s.ben, "--action", "great job!", "--outcome", "awesome"});
  CHECK(vague.exit_code == 1);
  CHECK(vague.err.find("specific action") != std::string::npos);
  s.cli.ok({"kudos", "give", "--to", s.ben, "--action", "rebuilt the demo after the server crashed",
            "--outcome", "the client signed the same day", "--category", "customer_save"});
  json wall = json::parse(s.cli.ok({"--json", "kudos", "list", "--where", "to=" + s.ben}));
  REQUIRE(wall.size() == 1);
  CHECK(wall[0]["author"] == s.ana);
}

TEST_CASE("status reports schema version, counts and pending changes", "[cli]") {
  Seeded s;
  json st = json::parse(s.cli.ok({"--json", "status"}));
  CHECK(st["schema_version"] == 10);
  CHECK(st["refused_changes"] == json::array());
  CHECK(st["counts"]["people"] == 2);
  CHECK(st["pending_changes"].get<int>() >= 6);
  CHECK(st["me"] == s.ana);
  CHECK(s.cli.ok({"status"}).find(" (kept on this device until it enrolls with a server)\n") != std::string::npos);
}

TEST_CASE("bad input gets a one-line error and a non-zero exit", "[cli]") {
  Seeded s;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"event", "create", "--title", "X", "--starts-at", "2026-02-30", "--ends-at", "2026-03-01"},
           {"person", "create", "--name", "Y", "--team", "ffff"},
           {"event", "show", "zz"},
           {"team", "create", "--name", "Z", "--colour", "red"}}) {
    CliResult r = s.cli.run(args);
    CHECK(r.exit_code != 0);
    CHECK(!r.err.empty());
  }
}

TEST_CASE("an unknown export table or format names the choices", "[cli]") {
  CliStore cli;
  CliResult table = cli.run({"export", "people"});
  CHECK(table.exit_code == 1);
  CHECK(table.err == "debrief: unknown table 'people': choose events, teams or responses\n");
  CliResult format = cli.run({"export", "events", "--format", "xml"});
  CHECK(format.exit_code == 1);
  CHECK(format.err == "debrief: unknown format 'xml': choose csv or json\n");
}

TEST_CASE("a negative --limit is refused, not taken as no limit", "[cli]") {
  Seeded s;
  CliResult r = s.cli.run({"kudos", "list", "--limit", "-3"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("a limit of -3 lists nothing") != std::string::npos);
}

TEST_CASE("messages built from kind names take the right article", "[cli]") {
  Seeded s;
  CHECK(s.cli.ok({"organisation", "--help"}).find("create an organisation") != std::string::npos);
  CHECK(s.cli.ok({"event", "--help"}).find("show an event") != std::string::npos);
  CliResult r = s.cli.run({"event", "show", "zz"});
  CHECK(r.err.find("is not an event id") != std::string::npos);
}

TEST_CASE("a long-text option reads @FILE; a missing file writes nothing; @@ is a literal @", "[cli]") {
  Seeded s;
  std::string file = (s.cli.dir() / "looking-back.txt").string();
  std::ofstream(file) << "I listened more than I talked.\nNext time: fewer slides.\n";
  std::string id = s.cli.ok({"reflection", "create", "--event", s.event, "--text", "@" + file});
  CHECK(json::parse(s.cli.ok({"--json", "reflection", "show", id}))["text"] == "I listened more than I talked.\nNext time: fewer slides.");
  CliResult missing = s.cli.run({"reflection", "create", "--event", s.event, "--text", "@/no/such/notes.txt"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("--text @/no/such/notes.txt: cannot read the file /no/such/notes.txt; give a readable file after @") !=
        std::string::npos);
  CHECK(json::parse(s.cli.ok({"--json", "reflection", "list"})).size() == 1);
  std::string literal = s.cli.ok({"reflection", "create", "--event", s.event, "--text", "@@team: well done"});
  CHECK(json::parse(s.cli.ok({"--json", "reflection", "show", literal}))["text"] == "@team: well done");
  CHECK(s.cli.ok({"team", "create", "--name", "@ops"}).size() == 32);  // a name is never a file
  std::string help = s.cli.ok({"reflection", "create", "--help"});
  CHECK(help.find("TEXT|@FILE") != std::string::npos);
  CHECK(help.find("@@ starts a value") != std::string::npos);
}

TEST_CASE("a name goes where an id goes; a shared name lists the ids to choose from", "[cli]") {
  Seeded s;
  std::string cleo = s.cli.ok({"person", "create", "--name", "Cleo Park", "--team", "Support"});
  CHECK(json::parse(s.cli.ok({"--json", "person", "show", "cleo park"}))["team"] == s.team);
  s.cli.ok({"kudos", "give", "--to", "Cleo Park", "--action", "rebuilt the demo after the server crashed",
            "--outcome", "the client signed the same day"});
  CHECK(json::parse(s.cli.ok({"--json", "kudos", "list", "--where", "to=Cleo Park"})).size() == 1);
  std::string twin = s.cli.ok({"person", "create", "--name", "Cleo Park"});
  CliResult r = s.cli.run({"person", "show", "Cleo Park"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("more than one person is called 'Cleo Park'") != std::string::npos);
  CHECK(r.err.find(cleo) != std::string::npos);
  CHECK(r.err.find(twin) != std::string::npos);
}

TEST_CASE("an e-mail that is not one is refused with what to give", "[cli]") {
  Seeded s;
  CliResult r = s.cli.run({"person", "create", "--name", "Dan Wu", "--email", "not-an-email"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "debrief: email: 'not-an-email' is not an e-mail address; give one like name@example.com, or none\n");
  CHECK(json::parse(s.cli.ok({"--json", "person", "list"})).size() == 2);
}

TEST_CASE("times are taken with or without a zone and shown with one", "[cli]") {
  Seeded s;
  std::string offset = s.cli.ok({"event", "create", "--title", "Late", "--starts-at", "2026-12-03T11:00+02:00",
                                 "--ends-at", "2026-12-03 17:00Z"});
  json stored = json::parse(s.cli.ok({"--json", "event", "show", offset}));
  CHECK(stored["starts_at"] == "2026-12-03T09:00:00Z");
  CHECK(stored["ends_at"] == "2026-12-03T17:00:00Z");
  std::string shown = s.cli.ok({"event", "show", offset});
  CHECK(shown.find("starts_at: 2026-12-03 09:00 UTC\n") != std::string::npos);
  CHECK(shown.find("created_at: ") != std::string::npos);
  CHECK(shown.find(" UTC\n", shown.find("created_at: ")) != std::string::npos);
  CHECK(s.cli.ok({"event", "list"}).find("2026-12-03 09:00 UTC") != std::string::npos);  // the Seeded event, no zone given
}

TEST_CASE("survey walk lists a question's choices readably", "[cli]") {
  Seeded s;
  json questions = json::parse(R"([
    {"id":"best","type":"single","text":"Best part?","options":["talks","games","food"],"required":true},
    {"id":"more","type":"multi","text":"More of?","options":["talks","games"]}])");
  std::string survey = s.cli.ok({"survey", "create", "--title", "Parts", "--kind", "post_event", "--questions", questions.dump()});
  CliResult r = s.cli.run({"survey", "walk", survey, "--event", s.event}, "games\ntalks, games\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("[one of: talks, games, food] > ") != std::string::npos);
  CHECK(r.err.find("[comma-separated, from: talks, games] > ") != std::string::npos);
  CHECK(r.err.find("[\"") == std::string::npos);
}

TEST_CASE("a reflection on nothing is refused with what to give", "[cli]") {
  Seeded s;
  CliResult r = s.cli.run({"reflection", "create", "--text", "Quiet day."});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "debrief: a reflection looks back on something: give its activity or its event\n");
  CHECK(s.cli.ok({"reflection", "create", "--event", "Offsite", "--text", "Quiet day."}).size() == 32);
}
