// What the sentiment model reads from a text: its words and word pairs, the
// lexicon's verdict, and its question and exclamation marks. One function
// makes them for training (core/tools/sentiment_train.cpp) and for scoring,
// so the two can never disagree. Internal to the core.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sentiment_lexicon_score.h"
#include "sentiment_tokens.h"

namespace debrief::sentiment_internal {

enum class FeatureKind : std::uint8_t {
  word,           // a token ("late", "could", "burnt out"); numbers read as "#"
  negated_word,   // a token in the reach of a negation ("not ... helpful")
  pair,           // two tokens in a row in one clause ("could we")
  first_word,     // the text's first token ("more", "thanks")
  lexicon_up,     // the lexicon's compound score where positive
  lexicon_down,   // minus the lexicon's compound score where negative
  lexicon_positive_share,
  lexicon_negative_share,
  question,       // the text asks something
  exclamation,    // the text exclaims
};

struct Feature {
  std::uint64_t key = 0;  // hash of the kind and the tokens it names: the model's index
  float value = 0;
  FeatureKind kind = FeatureKind::word;
  std::uint32_t first = 0;  // the first token it names (words, pairs, first word)
};

// Sorted by key, one entry per key. Words, pairs and the first word take
// 1/sqrt(their number) each, so a long comment does not outvote a short one;
// the lexicon features take its compound score. Text the lexicon did not read
// as English gives only the lexicon and mark features.
std::vector<Feature> sentiment_features(const Tokens& tokens, const LexiconScore& lexicon);

// What a feature is, for people: "could we", "not helpful", "starts with
// thanks", "word list: great +2.3, late -0.9".
std::string feature_name(const Feature& feature, const Tokens& tokens, const LexiconScore& lexicon);

}  // namespace debrief::sentiment_internal
