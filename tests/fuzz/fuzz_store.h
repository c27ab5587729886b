// The server store the pushed-change target applies pushes to, made the
// same in every process (the seed generator's too, so its seeds name the
// records the target's store holds): a small demo organisation (demo.h) in
// a temporary directory, on a seeded clock that then stands still.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "debrief/env.h"
#include "debrief/id.h"
#include "debrief/store.h"

namespace fuzz {

// The clock's time once the store is made: after everything the demo
// stamps (its events span a year from the seeded start), so changes stamped
// now are within the hour ahead a server allows.
inline constexpr std::int64_t kStartMs = 1764000000000;  // 2025-11-24T16:00:00Z
inline constexpr std::int64_t kNowMs = kStartMs + 400LL * 86400 * 1000;

class FuzzStore {
 public:
  // Makes the store; aborts, saying why, when it cannot (nothing to fuzz).
  FuzzStore();
  // Removes the directory.
  ~FuzzStore();
  FuzzStore(const FuzzStore&) = delete;
  FuzzStore& operator=(const FuzzStore&) = delete;

  // The temporary directory (the store is its store/), removed with it.
  const std::filesystem::path& dir() const { return dir_; }
  debrief::Store& store() { return *store_; }
  debrief::SeededEnv& env() { return env_; }
  // Who may push: the first participant, manager, organiser and admin of
  // the directory, then a person the store does not hold.
  const std::vector<debrief::Id>& pushers() const { return pushers_; }

 private:
  std::filesystem::path dir_;
  debrief::SeededEnv env_;
  std::unique_ptr<debrief::Store> store_;
  std::vector<debrief::Id> pushers_;
};

}  // namespace fuzz
