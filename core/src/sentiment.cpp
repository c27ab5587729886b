// The sentiment analyzer: the lexicon's verdict and the text's words, read
// by the model trained on Debrief's workplace feedback corpus.
#include "debrief/sentiment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "debrief/text.h"
#include "sentiment_features.h"
#include "sentiment_lexicon.h"
#include "sentiment_lexicon_score.h"
#include "sentiment_model.h"
#include "sentiment_tokens.h"

namespace debrief {
namespace {

using namespace sentiment_internal;

// At most kSentimentMaxBytes, cut before a continuation byte.
std::string_view capped(std::string_view text) {
  if (text.size() <= kSentimentMaxBytes) return text;
  std::size_t n = kSentimentMaxBytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

std::uint32_t overlay_fingerprint() {
  std::uint32_t h = 2166136261u;
  for (const LexiconEntry& e : workplace_overlay()) {
    for (char c : e.key) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    h = (h ^ static_cast<std::uint32_t>(std::lround(e.valence * 1000) & 0xFFFF)) * 16777619u;
  }
  return h;
}

std::size_t class_index(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::negative: return 0;
    case SentimentLabel::neutral: return 1;
    case SentimentLabel::positive: return 2;
  }
  return 1;
}

// How far a feature's contribution moves the text toward `label`: its gain
// for that class less the mean of its gains for the other two.
double toward(const ClassValues& c, SentimentLabel label) {
  const std::size_t k = class_index(label);
  double others = 0;
  for (std::size_t j = 0; j < kClasses; ++j) others += j == k ? 0 : c[j];
  return c[k] - others / (kClasses - 1);
}

void sort_strongest_first(std::vector<SentimentReason>& reasons) {
  std::stable_sort(reasons.begin(), reasons.end(), [](const SentimentReason& a, const SentimentReason& b) {
    return std::abs(a.weight) > std::abs(b.weight);
  });
}

// The model reads English words. Text with none (empty, blank, only marks,
// or another language) keeps the lexicon's verdict, which then comes from
// its emoji and emoticons alone, as it did before the model.
bool model_reads(const Tokens& tokens, const LexiconScore& lexicon) {
  return lexicon.english && !tokens.tokens.empty();
}

}  // namespace

Result<SentimentScore> score_sentiment(std::string_view text) {
  if (!is_valid_utf8(text)) return invalid("text is not valid UTF-8");
  const Tokens tokens = tokenize(capped(text));
  const LexiconScore lexicon = lexicon_score(tokens);
  if (!model_reads(tokens, lexicon)) return lexicon.score;
  return score_from(class_probabilities(sentiment_features(tokens, lexicon)));
}

Result<SentimentExplanation> explain_sentiment(std::string_view text) {
  if (!is_valid_utf8(text)) return invalid("text is not valid UTF-8");
  const Tokens tokens = tokenize(capped(text));
  const LexiconScore lexicon = lexicon_score(tokens);
  SentimentExplanation out;
  if (!model_reads(tokens, lexicon)) {
    out.score = lexicon.score;
    for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
      const double v = lexicon.valences[i];
      if (v != 0) out.reasons.push_back({tokens.tokens[i].text, out.score.label == SentimentLabel::negative ? -v : v,
                                         std::max(v, 0.0), 0, std::max(-v, 0.0)});
    }
    sort_strongest_first(out.reasons);
    return out;
  }
  const std::vector<Feature> features = sentiment_features(tokens, lexicon);
  out.score = score_from(class_probabilities(features));
  for (const Feature& f : features) {
    const ModelEntry* e = model_entry(f.key);
    if (!e) continue;
    const ClassValues c = contribution(*e, f.value);
    out.reasons.push_back({feature_name(f, tokens, lexicon), toward(c, out.score.label), c[2], c[1], c[0]});
  }
  sort_strongest_first(out.reasons);
  return out;
}

std::string sentiment_version() {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d.%08x", kSentimentAnalyzerVersion,
                generated_lexicon_fingerprint() ^ overlay_fingerprint() ^ generated_model().fingerprint);
  return buf;
}

std::string_view sentiment_lexicon_sources() { return generated_lexicon_sources(); }

std::string_view sentiment_model_source() { return generated_model().trained_on; }

}  // namespace debrief
