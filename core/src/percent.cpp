#include "debrief/percent.h"

#include <cmath>

namespace debrief {

std::string percent(double share) {
  // Once, with a hair of tolerance: 29 / 200 is 14.4999... in floating
  // point and must read 15%, while 5 / 11 (45.45...) reads 45%.
  return std::to_string(std::llround(share * 100.0 + 1e-9)) + "%";
}

}  // namespace debrief
