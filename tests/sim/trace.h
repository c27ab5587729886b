// A world's trace: one line per step, frame, crash and check, with times
// as offsets from the world's start and ids cut to their last 8 hex digits, and no
// wall-clock time or path in it, so that a seed prints the same trace on
// every run.
#pragma once

#include <string>
#include <vector>

#include "debrief/id.h"

namespace debrief::sim {

class Trace {
 public:
  void step(std::int64_t step) { step_ = step; }
  void at(std::int64_t offset_ms) { at_ms_ = offset_ms; }
  void say(const std::string& line) {
    lines_.push_back("#" + std::to_string(step_) + " +" + std::to_string(at_ms_) + "ms " + line);
  }
  const std::vector<std::string>& lines() const { return lines_; }
  std::int64_t current_step() const { return step_; }

 private:
  std::vector<std::string> lines_;
  std::int64_t step_ = 0;
  std::int64_t at_ms_ = 0;
};

// The last 8 hex digits: random, where the first are the time an id was made.
inline std::string short_id(const Id& id) { return id.hex().substr(24); }

}  // namespace debrief::sim
