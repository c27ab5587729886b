// The demo generator: a realistic organisation with varied data, for demos,
// tests and benchmarks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

#include "debrief/status.h"

namespace debrief {

class Env;
class Store;

struct DemoOptions {
  int people = 50;
  int events = 6;
  std::int64_t responses = 300;  // across all events
  std::uint64_t seed = 1;
};

// Called now and then with the phase ("people", "responses", ...) and how
// much of it is done.
using DemoProgress = std::function<void(std::string_view phase, std::int64_t done, std::int64_t total)>;

// Fills `store` with teams (nested) and managers, people, events with
// agendas, speakers and crew, surveys with branches, responses that follow
// the branches (some anonymous), comments of every tone, reflections, and
// kudos naming specific actions with +1s. The same options on an empty store
// opened with SeededEnv(seed, ...) give the same store. Requires an empty
// store; writes in large transactions, so it is all or nothing per phase.
Status generate_demo(Store& store, const DemoOptions& options, const DemoProgress& progress = {});

// The same, as a whole store in the directory `dir`, all or nothing: it is
// made beside it (in `dir` + ".demo-partial", cleared first, since a run
// that was killed leaves one) and its database file replaces the one in
// `dir` in one rename once complete. A killed or refused run leaves `dir` as
// it was. Refuses a store in `dir` that holds anything. `env` must be a
// SeededEnv for the same seed, and outlive the call.
Status generate_demo_store(const std::filesystem::path& dir, Env& env, const DemoOptions& options,
                           const DemoProgress& progress = {});

}  // namespace debrief
