// Whether praise names something specific. Internal to the core.
#pragma once

#include <string_view>

namespace debrief {

// The number of words in `text` that could not be said of any kudos: words
// of three or more letters that are not grammar ("the", "when") nor generic
// praise, virtue, effort, time span or result ("great", "helpful", "hard
// work", "this year", "made a difference"). Words are runs of letters,
// digits, apostrophes and non-ASCII bytes, so a word in any language counts.
// "Thanks for all your hard work this year" has none; "rebuilt the demo
// after the server crashed" has four.
int specific_words(std::string_view text);

// Whether `text` is specific enough for a kudos's action or outcome: two
// specific words at least, so one stray concrete word in generic praise
// ("your support on the project") is not enough.
bool is_specific(std::string_view text);

}  // namespace debrief
