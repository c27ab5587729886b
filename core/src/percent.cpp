#include "debrief/percent.h"

#include <cmath>

namespace debrief {

std::string percent(double share) {
  // Through tenths of a percent first: 29 / 200 is 14.4999... in floating
  // point, and must read 15%.
  long long tenths = std::llround(share * 1000.0);
  return std::to_string((tenths + 5) / 10) + "%";
}

}  // namespace debrief
