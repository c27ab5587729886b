// Pearson's r from running sums, with its 95% interval by Fisher's z.
// Internal to the core (drivers).
#pragma once

#include <cstdint>
#include <optional>

#include "debrief/drivers.h"

namespace debrief {

struct PairSums {
  std::int64_t n = 0;
  double x = 0, y = 0, xx = 0, yy = 0, xy = 0;
  void add(double a, double b) {
    ++n;
    x += a, y += b, xx += a * a, yy += b * b, xy += a * b;
  }
};

// None with fewer than 4 pairs (Fisher's interval needs n - 3 > 0) or when
// either side never varies (r is undefined). At |r| = 1 the interval is
// the point itself.
std::optional<Correlation> correlation_of(const PairSums& s);

}  // namespace debrief
