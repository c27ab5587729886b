// The lexicon scorer. The constants are the empirical ones Hutto & Gilbert
// report for VADER (ICWSM 2014); the code is ours. Differences from VADER, on
// purpose: negation and boosters do not reach across a clause break ("It
// wasn't me. Great day" is positive), lexicon phrases of any length are
// matched as one token (so "not burnt out" negates the phrase), the last
// "but" or "however" splits the text rather than the first, "less"/"little"
// negate rather than dampen, and text that reads as another language scores
// only its emoji and emoticons.
#include "sentiment_lexicon_score.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "sentiment_language.h"
#include "sentiment_lexicon.h"
#include "sentiment_rules.h"

namespace debrief::sentiment_internal {
namespace {

constexpr double kBoosterStep = 0.293;     // one intensifier or dampener, next to the word
constexpr double kCapsStep = 0.733;        // a word in capitals among words that are not
constexpr double kNegationScale = -0.74;   // a negated word keeps 74% of its force, flipped
constexpr double kExclamationStep = 0.292; // each '!', up to 4
constexpr int kMaxExclamations = 4;
constexpr double kQuestionStep = 0.18;     // each '?' of 2 or 3
constexpr double kManyQuestions = 0.96;    // 4 or more '?'
constexpr double kBeforeContrast = 0.5;    // "good, but ..." : the clause before counts half
constexpr double kAfterContrast = 1.5;     // ... and the clause after half as much again
constexpr double kNormAlpha = 15;          // compound = sum / sqrt(sum^2 + alpha)
constexpr std::size_t kScope = 3;          // how far back negations and boosters reach
constexpr double kBoosterDecay[kScope] = {1.0, 0.95, 0.9};  // by distance

// What each token is, looked up once.
struct Role {
  std::optional<float> lexicon;
  WordRule rule;
};

// Text that is not English keeps only its emoji and emoticons.
std::vector<Role> roles_of(const std::vector<Token>& tokens, bool english) {
  std::vector<Role> roles(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].text;
    if (!english && !tokens[i].symbol) continue;
    roles[i] = {lexicon_valence(w), rule_of(w)};
  }
  return roles;
}

class Scorer {
 public:
  explicit Scorer(const Tokens& t)
      : tokens_(t.tokens), english_(looks_english(t.tokens)), roles_(roles_of(t.tokens, english_)),
        caps_differ_(caps_differ()) {}

  bool english() const { return english_; }

  // Whether a negation within kScope tokens before i, in i's clause, reaches it.
  bool negated(std::size_t i) const {
    for (std::size_t d = 1; d <= kScope && d <= i && !tokens_[i - d + 1].starts_clause; ++d) {
      if (negates(i - d)) return true;
    }
    return false;
  }

  // The adjusted valence of every token (0 for tokens without sentiment).
  std::vector<double> valences() const {
    std::vector<double> v(tokens_.size());
    for (std::size_t i = 0; i < tokens_.size(); ++i) v[i] = valence(i);
    weigh_contrast(v);
    return v;
  }

 private:
  // Capitals stand out only when some words are in capitals and some not.
  bool caps_differ() const {
    const auto caps = std::count_if(tokens_.begin(), tokens_.end(), [](const Token& t) { return t.all_caps; });
    return caps > 0 && static_cast<std::size_t>(caps) < tokens_.size();
  }

  bool carries_sentiment(std::size_t i) const {
    const Role& r = roles_[i];
    return r.lexicon && *r.lexicon != 0 && !r.rule.negation && r.rule.booster == 0 && !r.rule.contrast;
  }

  // Whether token j negates what follows it. "least" negates except in "at
  // least" and "very least".
  bool negates(std::size_t j) const {
    if (roles_[j].rule.negation) return true;
    if (tokens_[j].text != "least") return false;
    return j == 0 || (tokens_[j - 1].text != "at" && tokens_[j - 1].text != "very");
  }

  // A negation with a valence of its own ("no", "lacking") keeps it unless it
  // negates a sentiment word after it in the same clause.
  bool negates_something(std::size_t i) const {
    for (std::size_t j = i + 1; j < tokens_.size() && j <= i + kScope && !tokens_[j].starts_clause; ++j) {
      if (carries_sentiment(j)) return true;
    }
    return false;
  }

  double valence(std::size_t i) const {
    const Role& r = roles_[i];
    if (!r.lexicon || *r.lexicon == 0 || r.rule.booster != 0 || r.rule.contrast) return 0;
    if (r.rule.negation && negates_something(i)) return 0;
    double v = *r.lexicon;
    const double sign = v > 0 ? 1 : -1;
    if (caps_differ_ && tokens_[i].all_caps) v += sign * kCapsStep;
    if (tokens_[i].starts_clause) return v;
    for (std::size_t d = 1; d <= kScope && d <= i; ++d) {
      const std::size_t j = i - d;
      v += sign * booster(j, d);
      if (negates(j)) v *= kNegationScale;
      if (tokens_[j].starts_clause) break;
    }
    return v;
  }

  // How much booster token j, d tokens back, adds to a word's force.
  double booster(std::size_t j, std::size_t d) const {
    if (roles_[j].rule.booster == 0 || roles_[j].lexicon.value_or(0) != 0) return 0;
    double s = roles_[j].rule.booster * kBoosterStep * kBoosterDecay[d - 1];
    if (caps_differ_ && tokens_[j].all_caps) s += roles_[j].rule.booster * kCapsStep;
    return s;
  }

  void weigh_contrast(std::vector<double>& v) const {
    auto last = std::find_if(roles_.rbegin(), roles_.rend(), [](const Role& r) { return r.rule.contrast; });
    if (last == roles_.rend()) return;
    const auto c = static_cast<std::size_t>(std::distance(last, roles_.rend())) - 1;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i < c) v[i] *= kBeforeContrast;
      if (i > c) v[i] *= kAfterContrast;
    }
  }

  const std::vector<Token>& tokens_;
  bool english_;
  std::vector<Role> roles_;
  bool caps_differ_;
};

// Emphasis from exclamation and question marks, added in the direction the
// text already leans.
double punctuation_emphasis(const Tokens& t) {
  double e = std::min(t.exclamations, kMaxExclamations) * kExclamationStep;
  if (t.questions > 3) e += kManyQuestions;
  else if (t.questions > 1) e += t.questions * kQuestionStep;
  return e;
}

SentimentScore summarise(const std::vector<double>& v, double emphasis) {
  SentimentScore s;
  if (v.empty()) return s;
  double sum = 0, pos = 0, neg = 0, neu = 0;
  for (double x : v) {
    sum += x;
    if (x > 0) pos += x + 1;  // +1 and -1 weigh sentiment words against
    if (x < 0) neg += x - 1;  // neutral ones, which count 1 each
    if (x == 0) neu += 1;
  }
  if (sum != 0) sum += sum > 0 ? emphasis : -emphasis;
  if (pos > -neg) pos += emphasis;
  if (pos < -neg) neg -= emphasis;
  s.compound = std::clamp(sum / std::sqrt(sum * sum + kNormAlpha), -1.0, 1.0);
  const double total = pos - neg + neu;
  s.positive = pos / total;
  s.negative = -neg / total;
  s.neutral = neu / total;
  s.label = sentiment_label(s.compound);
  return s;
}

}  // namespace

LexiconScore lexicon_score(const Tokens& tokens) {
  const Scorer scorer(tokens);
  LexiconScore out;
  out.valences = scorer.valences();
  out.score = summarise(out.valences, punctuation_emphasis(tokens));
  out.negated.resize(tokens.tokens.size());
  for (std::size_t i = 0; i < out.negated.size(); ++i) out.negated[i] = scorer.negated(i);
  out.english = scorer.english();
  return out;
}

}  // namespace debrief::sentiment_internal
