// Key phrases of short comments, grouped into themes: what people want more
// of, less of, or stopped, and what kudos praise.
//
// A phrase is a run of one to three content words between stop words and
// punctuation (the candidate phrases of RAKE, Rose et al. 2010), lower-cased.
// A theme is a phrase with the number of comments that speak to it
// (theme_phrases) and a few of them as examples. Deterministic; no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace debrief {

// The candidate key phrases of `text`, in order, each once.
std::vector<std::string> key_phrases(std::string_view text);

// The phrases one comment speaks to, for its themes: a short answer of
// one phrase (up to six words, no punctuation inside, as the answers to
// "more of, less of, stop" mostly are) is one phrase, whole, without the
// stop words at its ends ("scheduling events on release weeks", not
// "release weeks"); a longer comment gives its key phrases.
std::vector<std::string> theme_phrases(std::string_view text);

struct Theme {
  std::string phrase;
  std::int64_t count = 0;             // comments that contain the phrase
  std::vector<std::string> examples;  // up to `max_examples` distinct comments with it, first seen first
};

// The `max_themes` phrases found in most comments (ties: alphabetical), with
// phrases found in exactly the same comments taken as one (the first of two
// words or more in those comments, else the first), with
// examples taken from `quotable` comments only (quotable[i] says whether
// comments[i] may be quoted; a comment that may not be still counts).
std::vector<Theme> themes_of(const std::vector<std::string>& comments,
                             const std::vector<bool>& quotable, std::size_t max_themes = 5,
                             std::size_t max_examples = 2);

}  // namespace debrief
