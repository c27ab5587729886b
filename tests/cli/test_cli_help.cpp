// How the command line describes itself to a new user: the README's
// commands, --version, and what an unknown or missing command says.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli_runner.h"

namespace {

// The `debrief ...` command lines in the README, continuation lines joined
// and comments dropped.
std::vector<std::string> readme_commands() {
  std::ifstream in(DEBRIEF_README);
  std::vector<std::string> out;
  std::string line, joined;
  while (std::getline(in, line)) {
    if (joined.empty() && line.rfind("debrief ", 0) != 0) continue;
    bool more = !line.empty() && line.back() == '\\';
    joined += more ? line.substr(0, line.size() - 1) : line;
    if (more) continue;
    out.push_back(joined.substr(0, joined.find(" #")));
    joined.clear();
  }
  return out;
}

// The leading command words of a line ("summary update"), up to the first
// argument or flag.
std::vector<std::string> command_words(const std::string& line) {
  std::istringstream words(line.substr(std::string("debrief ").size()));
  std::vector<std::string> out;
  std::string w;
  while (words >> w && std::regex_match(w, std::regex("[a-z][a-z-]*"))) out.push_back(w);
  return out;
}

}  // namespace

TEST_CASE("every flag in the README's commands is one the command takes", "[cli][help]") {
  CliStore cli;
  std::string global = cli.ok({"--help"});
  std::size_t checked = 0;
  for (const std::string& line : readme_commands()) {
    std::vector<std::string> words = command_words(line);
    if (words.empty()) continue;
    std::vector<std::string> args = words;
    args.push_back("--help");
    std::string help = cli.ok(args);
    std::smatch m;
    for (std::string rest = line; std::regex_search(rest, m, std::regex("--[a-z][a-z_-]*")); rest = m.suffix()) {
      INFO(line);
      CHECK((help.find(m.str() + " ") != std::string::npos || global.find(m.str() + " ") != std::string::npos));
      ++checked;
    }
  }
  CHECK(checked > 20);
}

TEST_CASE("debrief --version prints the project's version", "[cli][help]") {
  CliStore cli;
  CHECK(cli.ok({"--version"}) == std::string("debrief ") + DEBRIEF_VERSION);
}

TEST_CASE("an unknown or missing command says which and how to list them", "[cli][help]") {
  CliStore cli;
  CliResult unknown = cli.run({"frobnicate"});
  CHECK(unknown.exit_code != 0);
  CHECK(unknown.err.find("unknown command 'frobnicate'; run `debrief --help`") != std::string::npos);
  CliResult typo = cli.run({"team", "lsit"});
  CHECK(typo.exit_code != 0);
  CHECK(typo.err.find("unknown command 'lsit'; run `debrief team --help`") != std::string::npos);
  CliResult none = cli.run({});
  CHECK(none.exit_code != 0);
  CHECK(none.err.find("`debrief` needs a command; run `debrief --help`") != std::string::npos);
  CHECK(cli.run({"team"}).err.find("`debrief team` needs a command") != std::string::npos);
}

TEST_CASE("the survey questions' format is in the README and survey create --help, its example valid", "[cli][help]") {
  CliStore cli;
  std::ifstream in(DEBRIEF_README);
  std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t section = readme.find("### Survey questions");
  REQUIRE(section != std::string::npos);
  std::size_t begin = readme.find("```json\n", section) + 8;
  nlohmann::json documented = nlohmann::json::parse(readme.substr(begin, readme.find("```", begin) - begin));
  std::string help = cli.ok({"survey", "create", "--help"});
  std::size_t example = help.find('\n', help.find("Example ("));
  REQUIRE(example != std::string::npos);
  CHECK(nlohmann::json::parse(help.substr(example)) == documented);
  for (const char* word : {"rating", "enps", "single", "multi", "text", "triad", "show_if", "includes", "answered"})
    CHECK(help.find(word) != std::string::npos);
  cli.ok({"person", "create", "--name", "Ana", "--role", "admin"});
  cli.ok({"whoami", "Ana"});
  cli.ok({"survey", "create", "--title", "After", "--kind", "post_event", "--questions", documented.dump()});
}
