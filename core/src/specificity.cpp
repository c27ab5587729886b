#include "specificity.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

namespace debrief {
namespace {

// Generic praise and filler: words that fit any kudos and so say nothing
// about this one. Sorted, for binary search.
constexpr std::string_view kGenericList[] = {
    "about",     "all",     "always",    "amazing",   "and",       "another",  "any",
    "appreciate", "appreciated", "are",  "as",        "awesome",   "being",    "best",
    "brilliant", "but",     "can",       "cool",      "day",       "did",      "does",
    "done",      "effort",  "efforts",   "ever",      "everyone",  "everything", "excellent",
    "fab",       "fabulous", "fantastic", "for",      "from",      "good",     "great",
    "guys",      "had",     "has",       "have",      "her",       "hero",     "him",
    "his",       "incredible", "its",    "job",       "just",      "keep",     "kudos",
    "legend",    "lot",     "lots",      "love",      "make",      "much",     "nice",
    "not",       "our",     "outstanding", "perfect", "person",    "player",   "really",
    "rock",      "rockstar", "shoutout", "she",       "so",        "some",     "star",
    "stuff",     "super",   "superb",    "support",   "team",      "terrific", "thank",
    "thanks",    "that",    "the",       "their",     "them",      "they",     "thing",
    "things",    "this",    "too",       "usual",     "very",      "was",      "way",
    "well",      "were",    "what",      "with",      "wonderful", "work",     "wow",
    "you",       "your",    "yours",     "yourself", "amazingly", "awesomeness"};

bool generic(const std::string& w) {
  static const auto sorted = [] {
    std::vector<std::string_view> a(std::begin(kGenericList), std::end(kGenericList));
    std::sort(a.begin(), a.end());
    return a;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), w);
}

}  // namespace

int specific_words(std::string_view text) {
  int count = 0;
  std::string word;
  auto flush = [&] {
    // Non-ASCII letters count as letters: specific words in any language.
    if (word.size() >= 3 && !generic(word)) ++count;
    word.clear();
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '\'') {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  return count;
}

}  // namespace debrief
