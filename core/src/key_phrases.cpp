#include "debrief/key_phrases.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace debrief {
namespace {

constexpr std::size_t kMaxPhraseWords = 3;
constexpr std::size_t kMaxAnswerWords = 6;

// Words that carry no theme of their own: they split phrases.
const std::set<std::string, std::less<>>& stop_words() {
  static const std::set<std::string, std::less<>> words{
      "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
      "before", "but", "by", "can", "could", "did", "do", "does", "doing", "didn't", "don't", "done", "during", "every", "for", "from", "get",
      "got", "had", "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "into",
      "is", "it", "its", "it's", "just", "less", "lot", "lots", "me", "more", "most", "much",
      "my", "no", "not", "of", "on", "one", "or", "our", "out", "over", "please", "really",
      "she", "so", "some", "stop", "than", "that", "the", "their", "them", "then", "there",
      "these", "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were",
      "what", "when", "which", "while", "who", "will", "with", "would", "you", "your"};
  return words;
}

// Lower-cased words, with an empty string standing for each phrase break
// (punctuation other than an apostrophe or hyphen inside a word).
std::vector<std::string> words_and_breaks(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80 || ((ch == '\'' || ch == '-') && !word.empty())) {
      word += static_cast<char>(std::tolower(c));
    } else {
      flush();
      if (!std::isspace(c)) out.emplace_back();
    }
  }
  flush();
  return out;
}

}  // namespace

std::vector<std::string> key_phrases(std::string_view text) {
  std::vector<std::string> phrases, run;
  auto emit = [&] {
    if (!run.empty() && run.size() <= kMaxPhraseWords) {
      std::string p = run[0];
      for (std::size_t i = 1; i < run.size(); ++i) p += " " + run[i];
      if (std::find(phrases.begin(), phrases.end(), p) == phrases.end()) phrases.push_back(p);
    }
    run.clear();
  };
  for (std::string& w : words_and_breaks(text)) {
    if (w.empty() || stop_words().count(w) || std::isdigit(static_cast<unsigned char>(w[0]))) emit();
    else run.push_back(std::move(w));
  }
  emit();
  return phrases;
}

std::vector<std::string> theme_phrases(std::string_view text) {
  std::vector<std::string> words = words_and_breaks(text);
  while (!words.empty() && words.back().empty()) words.pop_back();  // a full stop at the end
  bool one_phrase = std::find(words.begin(), words.end(), std::string()) == words.end();
  if (!one_phrase || words.size() > kMaxAnswerWords) return key_phrases(text);
  auto stop = [](const std::string& w) { return stop_words().count(w) > 0; };
  auto first = std::find_if_not(words.begin(), words.end(), stop);
  auto last = std::find_if_not(words.rbegin(), std::make_reverse_iterator(first), stop).base();
  if (first == last) return {};
  std::string whole = *first;
  for (auto w = first + 1; w != last; ++w) whole += " " + *w;
  return {whole};
}

std::vector<Theme> themes_of(const std::vector<std::string>& comments,
                             const std::vector<bool>& quotable, std::size_t max_themes,
                             std::size_t max_examples) {
  struct Found {
    Theme theme;
    std::vector<std::size_t> in;  // the comments that speak to it
    std::size_t position = 0;     // its place among the first one's phrases
  };
  std::map<std::string, Found> by_phrase;
  for (std::size_t i = 0; i < comments.size(); ++i) {
    std::vector<std::string> phrases = theme_phrases(comments[i]);
    for (std::size_t at = 0; at < phrases.size(); ++at) {
      Found& f = by_phrase[phrases[at]];
      if (f.in.empty()) f.position = at;
      f.theme.phrase = phrases[at];
      ++f.theme.count;
      f.in.push_back(i);
      std::vector<std::string>& examples = f.theme.examples;
      bool fresh = std::find(examples.begin(), examples.end(), comments[i]) == examples.end();
      if (quotable[i] && fresh && examples.size() < max_examples) examples.push_back(comments[i]);
    }
  }
  // Phrases found in exactly the same comments are one theme: the first of
  // them of two words or more, else the first ("onboarding checklist", not
  // also "rewrote" and "day" from the same praise).
  auto better = [](const Found& a, const Found& b) {
    bool a_long = a.theme.phrase.find(' ') != std::string::npos, b_long = b.theme.phrase.find(' ') != std::string::npos;
    return a_long != b_long ? a_long : a.position < b.position;
  };
  std::map<std::vector<std::size_t>, const Found*> one_per_set;
  for (const auto& [phrase, f] : by_phrase) {
    const Found*& kept = one_per_set[f.in];
    if (!kept || better(f, *kept)) kept = &f;
  }
  std::vector<Theme> themes;
  for (const auto& [phrase, f] : by_phrase)
    if (one_per_set[f.in] == &f) themes.push_back(f.theme);
  std::stable_sort(themes.begin(), themes.end(),
                   [](const Theme& a, const Theme& b) { return a.count > b.count; });
  if (themes.size() > max_themes) themes.resize(max_themes);
  return themes;
}

}  // namespace debrief
