#include "sentiment_note.h"

#include <cstdio>

#include "debrief/sentiment.h"

namespace debrief::desktop {

SentimentNote sentiment_note(std::string_view text, std::size_t max_reasons) {
  Result<SentimentExplanation> e = explain_sentiment(text);
  if (!e.is_ok()) return {"Cannot be scored: " + e.status().message(), {}};
  char headline[64];
  std::snprintf(headline, sizeof headline, "Reads %s (score %+.2f)", sentiment_label_name(e->score.label),
                e->score.compound);
  SentimentNote note{headline, {}};
  for (std::size_t i = 0; i < e->reasons.size() && i < max_reasons; ++i) {
    char weight[16];
    std::snprintf(weight, sizeof weight, "%+.2f  ", e->reasons[i].weight);
    note.lines.push_back(weight + e->reasons[i].phrase);
  }
  return note;
}

}  // namespace debrief::desktop
