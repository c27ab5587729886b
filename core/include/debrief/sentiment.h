// Sentiment of free text (comments, reflections, kudos), scored on the
// device with no network.
//
// Two halves. A lexicon- and rule-based analyzer in the manner of VADER
// (Hutto & Gilbert, ICWSM 2014): words, phrases, emoticons and emoji carry
// human-rated valences (VADER's lexicon, AFINN-165 for words VADER lacks, the
// Emoji Sentiment Ranking, and our workplace overlay), adjusted for negation
// ("not good"), intensifiers and dampeners ("very", "slightly"), contrast
// ("..., but ..."), ALL CAPS emphasis and exclamation marks. Then a logistic
// regression trained on Debrief's own labelled workplace feedback
// (data/corpus/) reads the lexicon's verdict beside the text's words and word
// pairs, so complaints and praise with no sentiment word, irony, and plain
// requests that contain loaded words are read as people read them. Both are
// compiled into the core at build time. English only: text in other
// languages scores only its emoji, not wrongly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "debrief/status.h"

namespace debrief {

// Bumped by hand whenever the rules or the workplace overlay change a score.
// Stored scores are recomputed when sentiment_version() differs from the one
// they were computed with.
inline constexpr int kSentimentAnalyzerVersion = 2;

// Text past this many bytes is not read (cut on a character boundary), so
// the work per text is bounded. Every text field Debrief stores is shorter.
inline constexpr std::size_t kSentimentMaxBytes = 32 * 1024;

enum class SentimentLabel { negative, neutral, positive };

// "negative", "neutral" or "positive".
const char* sentiment_label_name(SentimentLabel label);
// The label of that name; none for any other text.
std::optional<SentimentLabel> sentiment_label_named(std::string_view name);

// VADER's thresholds: positive from +0.05, negative from -0.05, else neutral.
SentimentLabel sentiment_label(double compound);

struct SentimentScore {
  // Overall valence in [-1, 1]: P(positive) - P(negative), moved just past
  // the +-0.05 thresholds when the most likely label is another, so that
  // sentiment_label(compound) is always the most likely label.
  double compound = 0;
  // How likely each label is, by the model; they add up to 1.
  double positive = 0, neutral = 0, negative = 0;
  SentimentLabel label = SentimentLabel::neutral;  // sentiment_label(compound)
};

// One word, phrase or signal that moved a score, and how far.
struct SentimentReason {
  // "late", "could we", "not ... helpful", "starts with more", "a question",
  // or "word list: great +2.3, late -0.9" for the lexicon's verdict.
  std::string phrase;
  // How far it moved the text toward its label (positive) or away from it
  // (negative), in log-odds: its gain for the label less the mean of its
  // gains for the other two.
  double weight = 0;
  double positive = 0, neutral = 0, negative = 0;  // its gain for each label's log-odds
};

struct SentimentExplanation {
  SentimentScore score;                 // the same as score_sentiment() gives
  // Every feature the model knows, the strongest first. For text the model
  // does not read (no English words: see score_sentiment), the words and
  // emoji the lexicon scored, each weighing its valence toward the label.
  std::vector<SentimentReason> reasons;
};

// Scores `text` (UTF-8). Invalid UTF-8 is refused with invalid_argument, not
// repaired: a caller that wants replacement characters does that first.
// Empty and blank text scores neutral 0; so does text in another language,
// but for its emoji and emoticons (the lexicon's verdict, as the model reads
// only English). Deterministic, thread-safe, no I/O.
Result<SentimentScore> score_sentiment(std::string_view text);

// The score and what moved it. Same contract as score_sentiment().
Result<SentimentExplanation> explain_sentiment(std::string_view text);

// "<kSentimentAnalyzerVersion>.<hash of the compiled lexicon and model, 8 hex
// digits>": changes whenever a score can change, including new lexicon
// packages and a retrained model.
std::string sentiment_version();

// The lexicon packages and versions compiled in, for --version style output.
std::string_view sentiment_lexicon_sources();

// What the compiled model was trained on: corpus rows, features, its
// regularisation and its cross-validated agreement on the training rows.
std::string_view sentiment_model_source();

}  // namespace debrief
