// The indefinite article for the nouns messages are built from: kind and
// role names ("an event", "a person", "an admin").
#pragma once

#include <string>
#include <string_view>

namespace debrief {

// "an " + noun when it starts with a vowel letter, else "a " + noun. Right
// for every kind and role name; not for English at large ("an hour").
std::string with_article(std::string_view noun);

}  // namespace debrief
