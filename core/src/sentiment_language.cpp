#include "sentiment_language.h"

#include <array>
#include <string_view>
#include <unordered_map>

namespace debrief::sentiment_internal {
namespace {

using sv = std::string_view;

constexpr std::array<sv, 40> kEnglish{
    "the", "a",    "an",   "and",  "is",   "was",  "are",  "were", "to",    "of",
    "it",  "i",    "we",   "you",  "they", "in",   "on",   "for",  "with",  "that",
    "this", "but", "not",  "very", "have", "had",  "be",   "been", "my",    "our",
    "at",  "so",   "all",  "me",   "us",   "from", "what", "there", "would", "could"};

// Frequent function words of six European languages, none an English word.
constexpr std::array<sv, 56> kForeign{
    "der",  "das",  "und",   "ist",  "nicht", "eine", "ein",  "sehr", "ich",  "wir",  "mit", "auch",
    "les",  "et",   "est",   "une",  "pas",   "tr\xc3\xa8s", "nous", "je", "avec", "mais", "pour", "c'est",
    "el",   "los",  "las",   "es",   "una",   "que",  "muy",  "pero", "y",    "fue",  "zu",  "auf",
    "il",   "sie",  "che",   "molto", "sono", "della", "non", "muito", "foi", "uma",  "n\xc3\xa3o", "mas",
    "het",  "een",  "niet",  "zeer", "ik",    "wij",  "ook",  "maar"};

// +1 for an English function word, -1 for a foreign one, 0 for any other.
int language_of(sv word) {
  static const std::unordered_map<sv, int> table = [] {
    std::unordered_map<sv, int> t;
    for (sv w : kEnglish) t[w] = 1;
    for (sv w : kForeign) t[w] = -1;
    return t;
  }();
  auto it = table.find(word);
  return it == table.end() ? 0 : it->second;
}

}  // namespace

bool looks_english(const std::vector<Token>& tokens) {
  int english = 0, foreign = 0;
  for (const Token& t : tokens) {
    const int l = language_of(t.text);
    english += l > 0;
    foreign += l < 0;
  }
  return foreign == 0 || foreign <= english;
}

}  // namespace debrief::sentiment_internal
