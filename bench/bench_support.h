// What every benchmark program needs: a clock, a median, and a way to stop
// with the core's error message when a step fails (a benchmark that goes on
// after a failure prints figures of nothing).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "debrief/demo.h"
#include "debrief/status.h"
#include "debrief/store.h"
#include "debrief/time.h"

namespace bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The value below which a fraction `p` (0 to 1) of `v` lies.
inline double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// Exits with "NAME: message" on stderr when `s` is an error; `name` is the
// program's, set once by its main (program_invocation_short_name would do,
// but is a GNU extension).
inline const char*& program_name() {
  static const char* name = "bench";
  return name;
}

inline void check(const debrief::Status& s) {
  if (s.is_ok()) return;
  std::fprintf(stderr, "%s: %s\n", program_name(), s.message().c_str());
  std::exit(1);
}

template <class T>
T check(debrief::Result<T> r) {
  check(r.status());
  return std::move(r.value());
}

// The options of the benchmarks that work on a demo store:
// [--responses N] [--runs R] [--dir DIR]; `name` is the program's name, for
// error messages and the default directory under the system's temp folder.
struct StoreArgs {
  std::int64_t responses = 1000000;
  int runs = 5;
  std::filesystem::path dir;
};

inline StoreArgs parse_store_args(const char* name, int argc, char** argv) {
  program_name() = name;
  StoreArgs args{.dir = std::filesystem::temp_directory_path() / (std::string("debrief-") + name)};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--responses") args.responses = std::stoll(argv[i + 1]);
    else if (a == "--runs") args.runs = std::stoi(argv[i + 1]);
    else if (a == "--dir") args.dir = argv[i + 1];
  }
  return args;
}

// Fills the empty `dir` with the demo store the store-wide benchmarks share:
// N responses, 5,000 people, 100 events, seed 7.
inline void generate_demo_store(const std::filesystem::path& dir, std::int64_t responses) {
  debrief::SeededEnv env(7, check(debrief::parse_time("2025-01-06")) * 1000);
  auto store = check(debrief::Store::open(dir, {.env = &env}));
  check(debrief::generate_demo(*store, {.people = 5000, .events = 100, .responses = responses, .seed = 7}));
}

// Generates that store in `dir` unless one is there.
inline void ensure_demo(const std::filesystem::path& dir, std::int64_t responses) {
  if (std::filesystem::exists(dir / "debrief.db")) return;
  std::fprintf(stderr, "%s: generating %lld responses in %s\n", program_name(), static_cast<long long>(responses),
               dir.c_str());
  generate_demo_store(dir, responses);
}

}  // namespace bench
