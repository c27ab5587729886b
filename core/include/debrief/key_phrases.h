// Key phrases of comments, grouped into themes: what people comment on, want
// more of, less of, or stopped, and what kudos praise.
//
// A phrase is a run of one to three content words between stop words and
// punctuation (the candidate phrases of RAKE, Rose et al. 2010), lower-cased.
// A theme is either a group of near-synonyms ("schedule": agenda, timing,
// ran late; core/src/theme_groups.cpp) that one of a phrase's words belongs
// to, or, for a phrase outside every group, the phrase itself with its words
// reduced to their base forms ("team lunches" and "team lunch" are one).
// Each theme has the number of comments that speak to it, how many of them
// read positive and negative, and a few of them as examples. Deterministic;
// no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "debrief/sentiment.h"

namespace debrief {

// The candidate key phrases of `text`, in order, each once.
std::vector<std::string> key_phrases(std::string_view text);

// The phrases one comment speaks to, for its themes: a short answer of
// one phrase (up to six words, no punctuation inside, as the answers to
// "more of, less of, stop" mostly are) is one phrase, whole, without the
// stop words at its ends ("scheduling events on release weeks", not
// "release weeks"); a longer comment gives its key phrases.
std::vector<std::string> theme_phrases(std::string_view text);

// One theme a comment speaks to.
struct ThemeKey {
  std::string key;      // "group:<name>", or the phrase's base forms ("team lunch")
  std::string name;     // the group's name, or the phrase as written
  std::string wording;  // the phrase as written in this comment
};

// The themes `text` speaks to, each once, in the order its phrases come.
std::vector<ThemeKey> comment_themes(std::string_view text);

struct ThemeComment {
  std::string text;
  bool quotable = true;  // false: counted, never quoted (privacy.h)
  std::optional<SentimentLabel> sentiment;  // its stored label; none: in no share
};

struct Theme {
  std::string key;     // ThemeKey::key: the same theme at another event has the same key
  std::string phrase;  // the group's name, or the phrase as most comments write it
  // For a group, up to three of the phrases met in it, the most frequent
  // first ("agenda", "late start"); empty for a phrase of its own.
  std::vector<std::string> wordings;
  std::int64_t count = 0;               // comments that speak to it
  std::int64_t positive = 0, negative = 0;  // of those, how many read so
  std::vector<std::string> examples;    // up to `max_examples` distinct quotable comments, first seen first
  // Set by the review (insights.h): the share of the same part's comments
  // that spoke to it at the previous event, and whether it is emerging.
  std::optional<double> share_before;
  bool emerging = false;
};

// The `max_themes` themes found in most comments (ties: by name), with
// themes found in exactly the same comments taken as one (a group before a
// phrase, then a phrase of two words or more, then the first met).
std::vector<Theme> themes_of(const std::vector<ThemeComment>& comments, std::size_t max_themes = 5,
                             std::size_t max_examples = 2);

}  // namespace debrief
