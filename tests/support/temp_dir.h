// A unique directory under the system's temp dir, made when a test needs
// it and removed, with all it holds, when the test is done. Every test
// program uses this one.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

namespace testsupport {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("debrief-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace testsupport
