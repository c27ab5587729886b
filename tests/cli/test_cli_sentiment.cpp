// `debrief sentiment`: lines in, one score per line out, no store touched.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "cli_runner.h"

using nlohmann::json;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("sentiment prints a score and a label for each input line", "[cli][sentiment]") {
  CliStore cli;
  std::vector<std::string> out = lines_of(cli.ok({"sentiment"}, "The offsite was great!\n\nI felt micromanaged\n"));
  REQUIRE(out.size() == 3);
  CHECK(out[0].find("\tpositive") != std::string::npos);
  CHECK(out[1] == "0.0000\tneutral");
  CHECK(out[2].find("\tnegative") != std::string::npos);
  CHECK(std::stod(out[0]) > 0);
  CHECK(std::stod(out[2]) < 0);
}

TEST_CASE("sentiment --json prints one object per line", "[cli][sentiment]") {
  CliStore cli;
  std::vector<std::string> out = lines_of(cli.ok({"--json", "sentiment"}, "not good\nvery good :)\n"));
  REQUIRE(out.size() == 2);
  json first = json::parse(out[0]), second = json::parse(out[1]);
  CHECK(first["label"] == "negative");
  CHECK(first["compound"].get<double>() < 0);
  CHECK(second["label"] == "positive");
  CHECK(second["compound"].get<double>() > 0);
  for (const char* key : {"positive", "neutral", "negative"}) CHECK(second.contains(key));
}

TEST_CASE("sentiment reports a line of invalid UTF-8 and goes on", "[cli][sentiment]") {
  CliStore cli;
  CliResult r = cli.run({"--json", "sentiment"}, "good\nbad \xFF\nfine\n");
  CHECK(r.exit_code == 1);
  std::vector<std::string> out = lines_of(r.out);
  REQUIRE(out.size() == 3);
  CHECK(json::parse(out[1]).contains("error"));
  CHECK(json::parse(out[2])["label"] == "positive");
  CHECK(r.err.find("line 2") != std::string::npos);
  CHECK(r.err.find("UTF-8") != std::string::npos);
}

TEST_CASE("sentiment needs no store and creates none", "[cli][sentiment]") {
  CliStore cli;
  cli.ok({"sentiment"}, "good\n");
  CHECK(!std::filesystem::exists(cli.dir() / "store"));
}
