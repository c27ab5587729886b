// A scope's themes as cards, part by part ("More of", "Less of", "Stop",
// "Comments"): each card names the theme and how many comments speak to
// it, marks it emerging, shows its share of negative, neutral and positive
// comments as a bar with the counts beside it, the wordings grouped in it,
// and its example comments with what their sentiment rests on, on hover.
#pragma once

#include "debrief/insights.h"

namespace debrief::desktop {

void theme_cards(const ScopeReview& scope);

// The title of a part of a scope's comments: "More of" for "more".
const char* part_title(const std::string& part);

}  // namespace debrief::desktop
