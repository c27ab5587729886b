// What a comment's sentiment label rests on, for the dashboard's tooltip
// over an example comment: the label and the words and phrases that moved
// it most, with their weights (explain_sentiment).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace debrief::desktop {

struct SentimentNote {
  std::string headline;            // "Reads negative (score -0.61)"
  std::vector<std::string> lines;  // "+0.88  hour", strongest first
};

// Text that is not valid UTF-8 gets a headline saying so and no lines.
SentimentNote sentiment_note(std::string_view text, std::size_t max_reasons = 6);

}  // namespace debrief::desktop
