// Enrolment and sync from the command line against the real debrief-server,
// as a user runs them: enrol with a code, see the server in status, sync
// what was written offline, stay connected with --live, and the errors met
// on the way.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>

#include "../support/server_process.h"
#include "cli_runner.h"

using nlohmann::json;

namespace {

// A demo organisation on a running server, and a person's enrolment code.
struct Org {
  CliStore scratch;  // holds the server's data
  std::string data = (scratch.dir() / "server").string();
  json people = json::parse(testproc::server_command(data, {"admin", "demo-seed"}));
  testproc::ServerProcess server{data};

  std::string address() const { return "127.0.0.1:" + std::to_string(server.port()); }
  std::string code_for(const std::string& role) const {
    for (const json& p : people)
      if (p["role"] == role) return p["code"];
    FAIL("no demo person with role " << role);
    return {};
  }
};

std::string text_of(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("a user enrols, writes offline, and syncs from the command line", "[cli][sync]") {
  Org org;
  CliStore cli;
  CliResult enrolled = cli.run({"enroll", "--server", org.address(), "--code", org.code_for("participant"), "--name", "laptop"});
  INFO("stderr: " << enrolled.err);
  REQUIRE(enrolled.exit_code == 0);
  CHECK(enrolled.out.find("in sync with " + org.address()) != std::string::npos);
  json me = json::parse(cli.ok({"--json", "whoami"}));
  CHECK(enrolled.out.find("enrolled as " + me["name"].get<std::string>() + " (participant)\n") != std::string::npos);

  // The secret is in the private credentials file, not in sync.json.
  std::filesystem::path store = cli.dir() / "store";
  struct stat st{};
  REQUIRE(::stat((store / "credentials.json").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  json keys = json::parse(text_of(store / "credentials.json"));
  REQUIRE(keys.size() == 1);
  CHECK(text_of(store / "sync.json").find(keys.begin().value().get<std::string>()) == std::string::npos);

  json status = json::parse(cli.ok({"status", "--json"}));
  CHECK(status["server"] == org.address());
  CHECK(status["last_sync"].is_string());
  CHECK(status["pending_changes"] == 0);
  std::string event = json::parse(cli.ok({"--json", "event", "list"}))[0]["id"];
  cli.ok({"reflection", "create", "--event", event, "--text", "Written on the train, no coverage", "--shared"});
  CHECK(json::parse(cli.ok({"status", "--json"}))["pending_changes"].get<int>() > 0);

  CHECK(cli.ok({"status"}).find(" (to send at the next sync: debrief sync)\n") != std::string::npos);

  json pass = json::parse(cli.ok({"sync", "--json"}));
  CHECK(pass["pushed"].get<int>() > 0);
  CHECK(pass["pulled"] == 0);  // its own changes coming back are no news
  CHECK(pass["server"] == org.address());
  CHECK(json::parse(cli.ok({"status", "--json"}))["pending_changes"] == 0);
  std::string shown = cli.ok({"status"});
  INFO(shown);
  CHECK(shown.find("pending changes: 0 (the server has everything)\n") != std::string::npos);
  CHECK(shown.find("server:          " + org.address() + ", last sync ") != std::string::npos);
  CHECK(shown.find(" UTC\n") != std::string::npos);
}

TEST_CASE("a photo attached on one device reaches another person's device through sync", "[cli][sync]") {
  Org org;
  CliStore field, office;
  field.ok({"enroll", "--server", org.address(), "--code", org.code_for("participant")});
  office.ok({"enroll", "--server", org.address(), "--code", org.code_for("manager")});
  std::string event = json::parse(field.ok({"--json", "event", "list"}))[0]["id"];
  std::filesystem::path photo = field.dir() / "stage.jpg";
  std::string bytes;
  for (unsigned i = 0; i < 300000; ++i) bytes += static_cast<char>(i * 7919u % 251u);
  std::ofstream(photo, std::ios::binary) << bytes;
  json media = json::parse(field.ok({"--json", "media", "add", photo.string(), "--to", "event:" + event}));

  json up = json::parse(field.ok({"sync", "--json"}));
  CHECK(up["media_sent"] == 1);
  json down = json::parse(office.ok({"sync", "--json"}));
  CHECK(down["media_received"] == 1);
  std::string sha = media["sha256"];
  CHECK(text_of(office.dir() / "store" / "media" / sha.substr(0, 2) / sha) == bytes);
  std::string said = office.ok({"sync"});
  CHECK(said.find("received 0 media files") != std::string::npos);
}

TEST_CASE("sync --live stays connected, reports its states, and ends cleanly on SIGTERM", "[cli][sync]") {
  Org org;
  CliStore cli;
  cli.ok({"enroll", "--server", org.address(), "--code", org.code_for("participant")});
  testproc::Child live(DEBRIEF_CLI, {"--data", (cli.dir() / "store").string(), "sync", "--live"});
  std::string line, seen;
  for (int i = 0; i < 20 && live.read_line(line); ++i) {  // a handful of state lines, then it idles
    seen += line + "\n";
    if (line == "idle") break;
  }
  INFO("sync --live printed:\n" << seen);
  CHECK(line == "idle");
  CHECK(live.stop(SIGTERM) == 0);
}

TEST_CASE("enrolment errors say what went wrong and leave the device unenrolled", "[cli][sync]") {
  Org org;
  CliStore cli;
  CliResult bad_code = cli.run({"enroll", "--server", org.address(), "--code", "nonsense"});
  CHECK(bad_code.exit_code != 0);
  CHECK(bad_code.err.find("SECRET-FINGERPRINT") != std::string::npos);
  CliResult bad_port = cli.run({"enroll", "--server", "127.0.0.1:http", "--code", org.code_for("participant")});
  CHECK(bad_port.exit_code != 0);
  CHECK(bad_port.err.find("not a port") != std::string::npos);
  std::string code = org.code_for("participant");
  std::string wrong_secret = (code[0] == '0' ? "1" : "0") + code.substr(1);
  CliResult refused = cli.run({"enroll", "--server", org.address(), "--code", wrong_secret});
  CHECK(refused.exit_code != 0);
  CHECK(!refused.err.empty());
  CliResult not_enrolled = cli.run({"sync"});
  CHECK(not_enrolled.exit_code != 0);
  CHECK(not_enrolled.err.find("not enrolled") != std::string::npos);
  CHECK(!std::filesystem::exists(cli.dir() / "store" / "credentials.json"));
}

TEST_CASE("sync --live says when the server closed the connection, and that it retries", "[cli][sync]") {
  Org org;
  CliStore cli;
  cli.ok({"enroll", "--server", org.address(), "--code", org.code_for("participant")});
  testproc::Child live(DEBRIEF_CLI, {"--data", (cli.dir() / "store").string(), "sync", "--live"});
  std::string line, seen;
  for (int i = 0; i < 20 && live.read_line(line) && line != "idle"; ++i) seen += line + "\n";
  REQUIRE(line == "idle");
  org.server.kill_now();
  for (int i = 0; i < 20 && live.read_line(line) && line.rfind("error: ", 0) != 0; ++i) seen += line + "\n";
  INFO("sync --live printed:\n" << seen << line);
  CHECK(std::regex_match(line, std::regex("error: the server closed the connection; retrying in \\d+ s")));
  CHECK(live.stop(SIGTERM) == 0);
}

namespace {

// The QR code drawn by `enroll-code --qr` as modules, true for dark: each
// character is two modules, one above the other; blocks are light.
std::vector<std::vector<bool>> modules_of(const std::string& art) {
  std::vector<std::vector<bool>> rows;
  std::istringstream lines(art);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<bool> top, bottom;
    for (std::size_t i = 0; i < line.size();) {
      bool space = line[i] == ' ';
      std::string ch = line.substr(i, space ? 1 : 3);  // the blocks are three bytes of UTF-8
      i += ch.size();
      top.push_back(ch == " " || ch == "▄");
      bottom.push_back(ch == " " || ch == "▀");
      REQUIRE((space || ch == "█" || ch == "▀" || ch == "▄"));
    }
    rows.push_back(top);
    rows.push_back(bottom);
  }
  return rows;
}

// A finder pattern's 7x7 rings at (x, y): dark, light, then a dark 3x3 core.
bool finder_at(const std::vector<std::vector<bool>>& m, std::size_t x, std::size_t y) {
  for (std::size_t dy = 0; dy < 7; ++dy)
    for (std::size_t dx = 0; dx < 7; ++dx) {
      std::size_t ring = std::min({dx, dy, 6 - dx, 6 - dy});
      if (m.at(y + dy).at(x + dx) != (ring != 1)) return false;
    }
  return true;
}

}  // namespace

TEST_CASE("admin enroll-code --qr draws the code as a QR code, and the code works", "[cli][sync]") {
  CliStore scratch;
  std::string data = (scratch.dir() / "server").string();
  json people = json::parse(testproc::server_command(data, {"admin", "demo-seed"}));
  std::string person = people[0]["person"];
  std::string out = testproc::server_command(data, {"admin", "enroll-code", "--person", person, "--qr"});
  std::size_t end = out.find('\n');
  std::string code = out.substr(0, end);
  REQUIRE(out.substr(end, 2) == "\n\n");
  std::vector<std::vector<bool>> m = modules_of(out.substr(end + 2));
  std::size_t size = m.at(0).size() - 8;  // less the quiet zone, four modules a side
  CHECK((size >= 21 && (size - 21) % 4 == 0));  // a QR version's size
  CHECK(m.size() >= size + 8);
  CHECK(finder_at(m, 4, 4));
  CHECK(finder_at(m, 4 + size - 7, 4));
  CHECK(finder_at(m, 4, 4 + size - 7));
  CHECK(!finder_at(m, 4 + size - 7, 4 + size - 7));
  testproc::ServerProcess server{data};
  CliStore device;
  device.ok({"enroll", "--server", "127.0.0.1:" + std::to_string(server.port()), "--code", code});
  CHECK(json::parse(device.ok({"--json", "whoami"}))["id"] == person);
}
