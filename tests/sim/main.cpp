// debrief_sim: runs seeded worlds of devices, a server, a faulty network,
// drifting clocks and crashes, on the product's own sync and core code,
// and checks the invariants (invariants.h) in each. See
// docs/simulation.md, and ./scripts/simulate, which runs it.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "debrief/mutation.h"
#include "sim_disk.h"
#include "world.h"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: debrief_sim [--seeds N] [--from S] [--seed S] [--devices D] [--steps K] [--servers P] [--no-faults]\n"
               "                   [--postgres URL] [--mutate NAME] [--mutations] [--first] [--check-determinism]\n"
               "  --seeds N    run N worlds, seeds S..S+N-1 (S from --from, default 1); one line per failure\n"
               "  --seed S     run one world and print its trace (the same seed prints the same trace)\n"
               "  --devices D  devices per world (default 6)\n"
               "  --steps K    steps before the world quiets down (default 300)\n"
               "  --servers P  server processes sharing the store, 1 to 3 (default: 1 to 3, by seed)\n"
               "  --no-faults  no cuts, crashes, clock jumps, days offline or forged pushes\n"
               "  --postgres URL  the server store on PostgreSQL: a database of its own per world, on the cluster at URL\n"
               "  --mutate M   turn off one rule of the product (a test build's switch); the worlds must fail\n"
               "  --mutations  list the rules --mutate can turn off, one a line\n"
               "  --first      stop at the first failing seed\n"
               "  --check-determinism  run each seed twice; a world whose two traces differ fails\n");
  return 2;
}

// Where two runs of one seed part: a world that does not replay exactly
// has some time or randomness the simulator does not drive.
debrief::sim::Failure differs(const debrief::sim::Outcome& a, const debrief::sim::Outcome& b) {
  std::size_t n = std::min(a.trace.size(), b.trace.size());
  for (std::size_t i = 0; i <= n; ++i) {
    if (i < n && a.trace[i] == b.trace[i]) continue;
    if (i == n && a.trace.size() == b.trace.size()) return {};
    return {"determinism", "two runs part at trace line " + std::to_string(i + 1) + ": " + (i < a.trace.size() ? a.trace[i] : "(end)") +
                               " | " + (i < b.trace.size() ? b.trace[i] : "(end)"), 0};
  }
  return {};
}

bool number(const char* text, std::uint64_t& out) {
  char* end = nullptr;
  out = std::strtoull(text, &end, 10);
  return end && *end == '\0' && end != text;
}

}  // namespace

int main(int argc, char** argv) {
  debrief::sim::disk::install();
  debrief::sim::WorldOptions options;
  std::uint64_t seeds = 100, from = 1, one = 0;
  bool replay = false, first = false, twice = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    std::uint64_t v = 0;
    bool has_value = i + 1 < argc && number(argv[i + 1], v);
    if (a == "--first") {
      first = true;
    } else if (a == "--check-determinism") {
      twice = true;
    } else if (a == "--no-faults") {
      options.faults = false;
    } else if (a == "--mutations") {
      for (const debrief::Mutation& m : debrief::mutations()) std::printf("%.*s\n", static_cast<int>(m.name.size()), m.name.data());
      return 0;
    } else if (a == "--postgres" && i + 1 < argc) {
      options.postgres = argv[++i];
      if (options.postgres.empty())  // as from an unset DEBRIEF_TEST_POSTGRES: never quietly SQLite
        return std::fprintf(stderr, "--postgres needs a cluster's URL (scripts/pg_cluster start DIR prints one)\n"), 2;
    } else if (a == "--mutate" && i + 1 < argc) {
      if (!debrief::set_mutation(argv[++i]))
        return std::fprintf(stderr, "no mutation '%s' in this build (--mutations lists them; cmake -DDEBRIEF_MUTATIONS=ON)\n", argv[i]), 2;
    } else if (!has_value) {
      return usage();
    } else if (a == "--seeds") {
      seeds = v, ++i;
    }
    else if (a == "--from") from = v, ++i;
    else if (a == "--seed") one = v, replay = true, ++i;
    else if (a == "--devices" && v >= 1 && v <= 32) options.devices = static_cast<int>(v), ++i;
    else if (a == "--steps" && v <= 100000) options.steps = static_cast<int>(v), ++i;
    else if (a == "--servers" && v >= 1 && v <= 3) options.servers = static_cast<int>(v), ++i;
    else return usage();
  }
  if (replay) {
    options.seed = one;
    options.keep_failed = true;
    debrief::sim::Outcome o = debrief::sim::run_world(options);
    for (const std::string& line : o.trace) std::printf("%s\n", line.c_str());
    if (o.failure.invariant.empty()) std::printf("seed %llu passed\n", static_cast<unsigned long long>(one));
    else std::printf("seed=%llu step=%lld invariant=%s: %s\nits stores are kept in %s\n", static_cast<unsigned long long>(one),
                     static_cast<long long>(o.failure.step), o.failure.invariant.c_str(), o.failure.detail.c_str(), o.kept.c_str());
    return o.failure.invariant.empty() ? 0 : 1;
  }
  std::uint64_t failed = 0;
  auto began = std::chrono::steady_clock::now();
  for (std::uint64_t s = from; s < from + seeds; ++s) {
    options.seed = s;
    debrief::sim::Outcome o = debrief::sim::run_world(options);
    if (twice && o.failure.invariant.empty()) o.failure = differs(o, debrief::sim::run_world(options));
    if (o.failure.invariant.empty()) continue;
    ++failed;
    std::printf("seed=%llu step=%lld invariant=%s: %s\n", static_cast<unsigned long long>(s),
                static_cast<long long>(o.failure.step), o.failure.invariant.c_str(), o.failure.detail.c_str());
    std::fflush(stdout);
    if (first) {
      seeds = s - from + 1;
      break;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  std::fprintf(stderr, "%.1f worlds/s on one core\n", static_cast<double>(seeds) / (seconds > 0 ? seconds : 1));
  std::error_code ec;
  std::filesystem::remove(std::filesystem::path("/dev/shm") / ("debrief-sim-" + std::to_string(::getpid())), ec);
  std::printf("%llu seeds, %llu failed\n", static_cast<unsigned long long>(seeds), static_cast<unsigned long long>(failed));
  return failed ? 1 : 0;
}
