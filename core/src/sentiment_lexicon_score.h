// The lexicon half of the sentiment analyzer: VADER's way of scoring a text
// from its words' human-rated valences, adjusted for negation, intensifiers,
// contrast, capitals and exclamation marks. The model (sentiment_model.h)
// takes its result as features beside the text's words. Internal to the core.
#pragma once

#include <vector>

#include "debrief/sentiment.h"
#include "sentiment_tokens.h"

namespace debrief::sentiment_internal {

struct LexiconScore {
  SentimentScore score;          // VADER-style compound, label and shares
  std::vector<double> valences;  // each token's adjusted valence; 0 for tokens without sentiment
  std::vector<bool> negated;     // each token is in the reach of a negation before it
  bool english = true;           // false: only emoji and emoticons were scored
};

LexiconScore lexicon_score(const Tokens& tokens);

}  // namespace debrief::sentiment_internal
