// How a share is shown to people: one rule for every output (the CLI, the
// desktop, a summary's draft), so that one figure reads the same
// everywhere.
#pragma once

#include <string>

namespace debrief {

// `share` (0 to 1) as a whole percentage, halves rounded up as people
// round them: 0.625 is "63%".
std::string percent(double share);

}  // namespace debrief
