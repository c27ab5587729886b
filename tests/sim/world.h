// One simulated world, driven by one seed: a server, devices, their
// people acting, a network that cuts connections, clocks that drift and
// jump, crashes; then quiet, and the final checks. The same seed makes
// the same world, step for step.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "invariants.h"

namespace debrief::sim {

struct WorldOptions {
  std::uint64_t seed = 1;
  int devices = 6;
  int steps = 300;
  int servers = 0;           // server processes on the one store; 0: one to three, by seed
  std::string postgres;      // a PostgreSQL cluster's URL: each world's server store is a database of its own there
  bool faults = true;        // cuts, crashes, clock jumps, days offline, lying clients
  bool keep_failed = false;  // keep a failed world's files (under /dev/shm) to look into
};

struct Outcome {
  Failure failure;                  // invariant empty: the world passed
  std::vector<std::string> trace;
  std::string kept;                 // where a failed world's files are, with keep_failed
};

Outcome run_world(const WorldOptions& options);

}  // namespace debrief::sim
