#include "correlation.h"

#include <algorithm>
#include <cmath>

namespace debrief {

std::optional<Correlation> correlation_of(const PairSums& s) {
  if (s.n < 4) return std::nullopt;
  const double n = static_cast<double>(s.n);
  const double sxx = s.xx - s.x * s.x / n, syy = s.yy - s.y * s.y / n, sxy = s.xy - s.x * s.y / n;
  // Sums of small integers: a side that never varies sums to exactly 0,
  // give or take rounding far below one answer's weight.
  constexpr double kNoSpread = 1e-9;
  if (sxx <= kNoSpread || syy <= kNoSpread) return std::nullopt;
  const double r = std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
  Correlation c{s.n, r, r, r};
  if (std::abs(r) < 1) {
    constexpr double kZ95 = 1.959963984540054;  // the normal distribution's 97.5th percentile
    const double z = std::atanh(r), half = kZ95 / std::sqrt(n - 3);
    c.low = std::tanh(z - half);
    c.high = std::tanh(z + half);
  }
  return c;
}

}  // namespace debrief
