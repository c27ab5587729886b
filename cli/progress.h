// A progress bar on stderr for long work: redrawn in place on a terminal,
// a line per tenth otherwise (logs, CI).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace debrief::cli {

class ProgressBar {
 public:
  ProgressBar();
  // Shows `done` of `total` for `phase`; cheap to call often.
  void update(std::string_view phase, std::int64_t done, std::int64_t total);
  // Ends the current line.
  void finish();

 private:
  bool tty_;
  std::string phase_;
  int last_permille_ = -1;
};

}  // namespace debrief::cli
