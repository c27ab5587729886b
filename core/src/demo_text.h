// The words the demo generator draws from: names, places, and feedback of
// every tone. Internal to the core.
#pragma once

#include <span>
#include <string_view>

namespace debrief::demo_text {

using Bank = std::span<const std::string_view>;

extern const Bank first_names, last_names, departments, sub_teams, event_themes, event_kinds,
    locations, speakers, activity_titles, positive_comments, neutral_comments, negative_comments,
    keep_comments, wrong_comments, more_of, less_of, stop_doing, reflections, kudos_actions,
    kudos_outcomes, favourite_parts;

}  // namespace debrief::demo_text
