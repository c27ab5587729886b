// Sentiment of free text (comments, reflections, kudos), scored on the
// device with no network.
//
// A lexicon- and rule-based analyzer in the manner of VADER (Hutto & Gilbert,
// ICWSM 2014): words, phrases, emoticons and emoji carry human-rated valences
// (VADER's lexicon, AFINN-165 for words VADER lacks, the Emoji Sentiment
// Ranking, and our workplace overlay), compiled into the core at build time.
// Rules then adjust them for negation ("not good"), intensifiers and
// dampeners ("very", "slightly"), contrast ("..., but ..."), ALL CAPS
// emphasis and exclamation marks. English only: text in other languages
// scores near neutral, not wrongly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "debrief/status.h"

namespace debrief {

// Bumped by hand whenever the rules or the workplace overlay change a score.
// Stored scores are recomputed when sentiment_version() differs from the one
// they were computed with.
inline constexpr int kSentimentAnalyzerVersion = 1;

// Text past this many bytes is not read (cut on a character boundary), so
// the work per text is bounded. Every text field Debrief stores is shorter.
inline constexpr std::size_t kSentimentMaxBytes = 32 * 1024;

enum class SentimentLabel { negative, neutral, positive };

// "negative", "neutral" or "positive".
const char* sentiment_label_name(SentimentLabel label);

// VADER's thresholds: positive from +0.05, negative from -0.05, else neutral.
SentimentLabel sentiment_label(double compound);

struct SentimentScore {
  double compound = 0;  // overall valence in [-1, 1]; 0 when nothing carries sentiment
  // Shares of the text that read positive, neutral and negative; they add up
  // to 1, or are all 0 for text with no words.
  double positive = 0, neutral = 0, negative = 0;
  SentimentLabel label = SentimentLabel::neutral;  // sentiment_label(compound)
};

// Scores `text` (UTF-8). Invalid UTF-8 is refused with invalid_argument, not
// repaired: a caller that wants replacement characters does that first.
// Empty and blank text scores neutral 0. Deterministic, thread-safe, no I/O.
Result<SentimentScore> score_sentiment(std::string_view text);

// "<kSentimentAnalyzerVersion>.<hash of the compiled lexicon, 8 hex digits>":
// changes whenever a score can change, including new lexicon packages.
std::string sentiment_version();

// The lexicon packages and versions compiled in, for --version style output.
std::string_view sentiment_lexicon_sources();

}  // namespace debrief
