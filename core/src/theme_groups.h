// Near-synonyms that make one theme: "agenda", "timing" and "ran late" are
// all about the schedule. Debrief's own table of what team-event feedback
// talks about; a word outside it is a theme of its own. Internal to the core.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace debrief {

// The group of a phrase's words (lower case, as theme_phrases gives them),
// or none. Words are compared by their stems, so "delays" and "delayed" find
// "delay". The words before the first preposition come first ("long talks
// after lunch" is about talks); within them, a two-word entry ("escape
// room") before one word, and the last word (its head, in English) before
// the words before it: "coffee break" is about breaks, "coffee" about food.
std::optional<std::string_view> theme_group_of(const std::vector<std::string>& words);

}  // namespace debrief
