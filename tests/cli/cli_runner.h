// Runs the real `debrief` binary on a temporary store, as a user would.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../support/temp_dir.h"

struct CliResult {
  int exit_code = -1;
  std::string out, err;
  nlohmann::json json() const { return nlohmann::json::parse(out); }
};

class CliStore {
 public:
  // Runs `debrief --data <dir> args...`, with `input` on standard input.
  CliResult run(const std::vector<std::string>& args, const std::string& input = "") const;
  // Runs and requires success; returns standard output without the last newline.
  std::string ok(const std::vector<std::string>& args, const std::string& input = "") const;
  const std::filesystem::path& dir() const { return tmp_.path(); }

 private:
  testsupport::TempDir tmp_;
};
