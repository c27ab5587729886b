// Base forms of English words, by the Snowball English stemmer (Debian's
// libstemmer): "delayed", "delays" and "delaying" all read "delay". Themes
// group a comment's words by it. Internal to the core.
#pragma once

#include <string>
#include <string_view>

namespace debrief {

// The stem of a lower-case word; anything that is not a plain ASCII word of
// three letters or more (numbers, emoji, short words) comes back unchanged.
// Thread-safe: each thread has its own stemmer.
std::string stem(std::string_view word);

}  // namespace debrief
