#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace debrief::cli {

ProgressBar::ProgressBar() : tty_(isatty(STDERR_FILENO) != 0) {}

void ProgressBar::update(std::string_view phase, std::int64_t done, std::int64_t total) {
  if (phase != phase_) {
    if (!phase_.empty()) finish();
    phase_ = phase;
    last_permille_ = -1;
  }
  int permille = total > 0 ? static_cast<int>(done * 1000 / total) : 1000;
  int step = tty_ ? 1 : 100;
  if (permille / step == last_permille_ / step && done != total) return;
  last_permille_ = permille;
  constexpr int kWidth = 30;
  int filled = permille * kWidth / 1000;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::fprintf(stderr, "%s[%s] %3d%% %-12s %lld/%lld%s", tty_ ? "\r" : "", bar.c_str(), permille / 10,
               phase_.c_str(), static_cast<long long>(done), static_cast<long long>(total), tty_ ? "" : "\n");
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (tty_ && last_permille_ >= 0) std::fputc('\n', stderr);
  last_permille_ = -1;
}

}  // namespace debrief::cli
