#include "sentiment_features.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace debrief::sentiment_internal {
namespace {

// FNV-1a, 64 bits: fed piece by piece so no feature name is ever built.
class Key {
 public:
  explicit Key(FeatureKind kind) { add_byte(static_cast<unsigned char>(kind)); }
  Key& add(std::string_view s) {
    for (char c : s) add_byte(static_cast<unsigned char>(c));
    add_byte(0);  // "ab"+"c" and "a"+"bc" differ
    return *this;
  }
  std::uint64_t value() const { return h_; }

 private:
  void add_byte(unsigned char c) { h_ = (h_ ^ c) * 0x100000001b3ull; }
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

// The lexicon's features weigh this much more than one word's: a feature's
// scale is its prior, as a larger value needs a smaller (cheaper) weight
// under the same regularisation. The lexicon is general knowledge from
// thousands of people's ratings; a word's weight is learnt from a corpus of
// 1,800 comments, so the lexicon should cost the model less to trust.
constexpr double kLexiconScale = 3;

bool is_number(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// What a token counts as: numbers are one word ("40 minutes late" and "90
// minutes late" are alike). Stems (Snowball's) were tried and lowered the
// cross-validated agreement while costing a third of the speed.
std::string_view word_of(const Token& t) { return is_number(t.text) ? std::string_view("#") : std::string_view(t.text); }

void add_text_features(const Tokens& t, const LexiconScore& lexicon, std::vector<Feature>& out) {
  const auto& tokens = t.tokens;
  std::vector<std::string_view> words;
  words.reserve(tokens.size());
  for (const Token& token : tokens) words.push_back(word_of(token));
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    const FeatureKind kind = lexicon.negated[i] ? FeatureKind::negated_word : FeatureKind::word;
    out.push_back({Key(kind).add(words[i]).value(), 1, kind, i});
    if (i + 1 < tokens.size() && !tokens[i + 1].starts_clause) {
      out.push_back({Key(FeatureKind::pair).add(words[i]).add(words[i + 1]).value(), 1, FeatureKind::pair, i});
    }
  }
  if (!tokens.empty()) out.push_back({Key(FeatureKind::first_word).add(words[0]).value(), 1, FeatureKind::first_word, 0});
}

void add_whole_text_features(const Tokens& t, const LexiconScore& lexicon, std::vector<Feature>& out) {
  const double c = kLexiconScale * lexicon.score.compound;
  if (lexicon.score.positive > 0) out.push_back({Key(FeatureKind::lexicon_positive_share).value(), static_cast<float>(lexicon.score.positive), FeatureKind::lexicon_positive_share, 0});
  if (lexicon.score.negative > 0) out.push_back({Key(FeatureKind::lexicon_negative_share).value(), static_cast<float>(lexicon.score.negative), FeatureKind::lexicon_negative_share, 0});
  if (c > 0) out.push_back({Key(FeatureKind::lexicon_up).value(), static_cast<float>(c), FeatureKind::lexicon_up, 0});
  if (c < 0) out.push_back({Key(FeatureKind::lexicon_down).value(), static_cast<float>(-c), FeatureKind::lexicon_down, 0});
  if (t.questions > 0) out.push_back({Key(FeatureKind::question).value(), 1, FeatureKind::question, 0});
  if (t.exclamations > 0) out.push_back({Key(FeatureKind::exclamation).value(), 1, FeatureKind::exclamation, 0});
}

std::string quoted_words(const Tokens& t, std::uint32_t first, std::uint32_t count) {
  std::string s;
  for (std::uint32_t i = first; i < first + count && i < t.tokens.size(); ++i) {
    if (!s.empty()) s += ' ';
    s += t.tokens[i].text;
  }
  return s;
}

// "word list: great +2.3, late -0.9": the words the lexicon scored.
std::string lexicon_words(const Tokens& t, const LexiconScore& lexicon) {
  std::string s = "word list:";
  const char* sep = " ";
  for (std::size_t i = 0; i < lexicon.valences.size(); ++i) {
    if (lexicon.valences[i] == 0) continue;
    char v[16];
    std::snprintf(v, sizeof v, " %+.1f", lexicon.valences[i]);
    s += sep + t.tokens[i].text + v;
    sep = ", ";
  }
  return s;
}

}  // namespace

std::vector<Feature> sentiment_features(const Tokens& tokens, const LexiconScore& lexicon) {
  std::vector<Feature> out;
  out.reserve(tokens.tokens.size() * 2 + 5);
  if (lexicon.english) add_text_features(tokens, lexicon, out);
  std::sort(out.begin(), out.end(), [](const Feature& a, const Feature& b) { return a.key < b.key; });
  out.erase(std::unique(out.begin(), out.end(), [](const Feature& a, const Feature& b) { return a.key == b.key; }),
            out.end());
  const float each = out.empty() ? 0.0f : static_cast<float>(1 / std::sqrt(static_cast<double>(out.size())));
  for (Feature& f : out) f.value = each;
  const std::size_t text_features = out.size();
  add_whole_text_features(tokens, lexicon, out);
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(text_features), out.end(),
            [](const Feature& a, const Feature& b) { return a.key < b.key; });
  std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(text_features), out.end(),
                     [](const Feature& a, const Feature& b) { return a.key < b.key; });
  return out;
}

std::string feature_name(const Feature& f, const Tokens& tokens, const LexiconScore& lexicon) {
  switch (f.kind) {
    case FeatureKind::word: return quoted_words(tokens, f.first, 1);
    case FeatureKind::negated_word: return "not ... " + quoted_words(tokens, f.first, 1);
    case FeatureKind::pair: return quoted_words(tokens, f.first, 2);
    case FeatureKind::first_word: return "starts with " + quoted_words(tokens, f.first, 1);
    case FeatureKind::lexicon_positive_share:
    case FeatureKind::lexicon_negative_share:
    case FeatureKind::lexicon_up:
    case FeatureKind::lexicon_down: return lexicon_words(tokens, lexicon);
    case FeatureKind::question: return "a question";
    case FeatureKind::exclamation: return "an exclamation";
  }
  return {};
}

}  // namespace debrief::sentiment_internal
