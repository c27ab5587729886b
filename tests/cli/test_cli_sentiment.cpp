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
  CliResult r = cli.run({"--json", "sentiment"}, "good\nbad \xFF\ngreat day\n");
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

TEST_CASE("sentiment --explain follows each score with what moved it", "[cli][sentiment]") {
  CliStore cli;
  std::vector<std::string> out = lines_of(cli.ok({"sentiment", "--explain"}, "The coach left an hour late\n"));
  REQUIRE(out.size() >= 3);
  CHECK(out[0].find("\tnegative") != std::string::npos);
  // "  <weight>\t<phrase>" lines, strongest first, then a blank line.
  if (out.back().empty()) out.pop_back();
  REQUIRE(out.size() <= 9);
  double previous = 1e9;
  for (std::size_t i = 1; i < out.size(); ++i) {
    INFO(out[i]);
    REQUIRE(out[i].rfind("  ", 0) == 0);
    const std::size_t tab = out[i].find('\t');
    REQUIRE(tab != std::string::npos);
    const double weight = std::abs(std::stod(out[i].substr(2, tab - 2)));
    CHECK(weight <= previous + 0.005);
    previous = weight;
  }
  json j = json::parse(lines_of(cli.ok({"--json", "sentiment", "--explain"}, "The coach left an hour late\n"))[0]);
  CHECK(j["label"] == "negative");
  REQUIRE(j["reasons"].is_array());
  REQUIRE(!j["reasons"].empty());
  CHECK(j["reasons"].size() <= 8);
  for (const char* key : {"phrase", "weight", "positive", "neutral", "negative"}) CHECK(j["reasons"][0].contains(key));
}
