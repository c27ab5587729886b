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

SentimentLabel sentiment_label(double compound) {
  if (compound >= 0.05) return SentimentLabel::positive;
  if (compound <= -0.05) return SentimentLabel::negative;
  return SentimentLabel::neutral;
}

}  // namespace debrief
