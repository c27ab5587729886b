// Small text helpers for the writing checks (named_criticism, text_check).
// Internal to the core.
#pragma once

#include <string>
#include <string_view>

namespace debrief {

// `s` in lower case (ASCII letters only).
std::string lower_ascii(std::string_view s);

// Replaces every occurrence of the words `from` (lower case) in `text`,
// matched ignoring case and only as whole words ("tom", not "tomorrow"), by
// `to`; returns whether it did.
bool replace_words(std::string& text, const std::string& from, const std::string& to);

}  // namespace debrief
