#include "sentiment_lexicon.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace debrief::sentiment_internal {
namespace {

// Both sources merged into hash tables once; the keys view static strings.
struct Index {
  std::unordered_map<std::string_view, float> valence;
  std::unordered_set<std::string_view> phrase_starts;
  std::size_t longest_phrase = 1;

  Index() {
    valence.reserve(generated_lexicon().size() + workplace_overlay().size());
    for (const LexiconEntry& e : generated_lexicon()) add(e);
    for (const LexiconEntry& e : workplace_overlay()) add(e);
  }

  void add(const LexiconEntry& e) {
    valence[e.key] = e.valence;  // later sources (the overlay) win
    const std::size_t space = e.key.find(' ');
    if (space == std::string_view::npos || space == 0) return;
    phrase_starts.insert(e.key.substr(0, space));
    const auto words = static_cast<std::size_t>(std::count(e.key.begin(), e.key.end(), ' ')) + 1;
    longest_phrase = std::max(longest_phrase, words);
  }
};

const Index& index() {
  static const Index built;
  return built;
}

}  // namespace

std::optional<float> lexicon_valence(std::string_view key) {
  const auto& table = index().valence;
  auto it = table.find(key);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

bool starts_lexicon_phrase(std::string_view word) { return index().phrase_starts.contains(word); }

std::size_t longest_lexicon_phrase() { return index().longest_phrase; }

}  // namespace debrief::sentiment_internal
