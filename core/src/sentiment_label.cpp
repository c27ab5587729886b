// The three labels and where the compound score's thresholds put them.
#include "debrief/sentiment.h"

namespace debrief {

const char* sentiment_label_name(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::negative: return "negative";
    case SentimentLabel::neutral: return "neutral";
    case SentimentLabel::positive: return "positive";
  }
  return "neutral";
}

std::optional<SentimentLabel> sentiment_label_named(std::string_view name) {
  for (SentimentLabel l : {SentimentLabel::negative, SentimentLabel::neutral, SentimentLabel::positive})
    if (name == sentiment_label_name(l)) return l;
  return std::nullopt;
}

SentimentLabel sentiment_label(double compound) {
  if (compound >= 0.05) return SentimentLabel::positive;
  if (compound <= -0.05) return SentimentLabel::negative;
  return SentimentLabel::neutral;
}

}  // namespace debrief
