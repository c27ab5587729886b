// Whether praise names something specific. Internal to the core.
#pragma once

#include <string_view>

namespace debrief {

// The number of words in `text` that say something concrete: words of three
// or more letters that are not generic praise ("great", "job", "awesome") or
// filler ("the", "really"). "Great job!" has none; "rebuilt the demo after
// the server crashed" has five.
int specific_words(std::string_view text);

}  // namespace debrief
