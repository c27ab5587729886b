#include "cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

CliResult CliStore::run(const std::vector<std::string>& args, const std::string& input) const {
  fs::path in = dir() / "stdin", out = dir() / "stdout", err = dir() / "stderr";
  std::ofstream(in) << input;
  std::string cmd = quote(DEBRIEF_CLI) + " --data " + quote((dir() / "store").string());
  for (const std::string& a : args) cmd += " " + quote(a);
  cmd += " <" + quote(in.string()) + " >" + quote(out.string()) + " 2>" + quote(err.string());
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

std::string CliStore::ok(const std::vector<std::string>& args, const std::string& input) const {
  CliResult r = run(args, input);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  std::string out = r.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}
