#include "debrief/key_phrases.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "stem.h"
#include "theme_groups.h"

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
      "what", "when", "which", "while", "who", "will", "with", "would", "you", "your",
      // How people felt, not what about: a theme names a subject ("great
      // workshop" is about the workshop), and the sentiment shares say how
      // it went. Fillers of typed comments too.
      "amazing", "awesome", "awful", "bad", "best", "better", "boring", "brilliant", "cheers", "decent",
      "dull", "enjoyable", "enjoyed", "excellent", "fab", "fantastic", "fine", "fun", "good", "great",
      "hated", "helpful", "honestly", "horrible", "imo", "interesting", "liked", "lol", "loved", "lovely",
      "ngl", "nice", "ok", "okay", "overall", "perfect", "poor", "pretty", "quite", "solid", "super",
      "superb", "tbh", "terrible", "thank", "thanks", "useful", "useless", "well", "wonderful", "worse",
      "worst",
      // The verbs and adverbs of a request ("keep inviting customers",
      // "maybe try again next year"): what is asked for is the subject.
      "actually", "again", "bit", "bring", "definitely", "especially", "even", "give", "keep", "let", "make",
      "maybe", "need", "next", "still", "tell", "try", "want"};
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

std::vector<ThemeKey> comment_themes(std::string_view text) {
  std::vector<ThemeKey> out;
  for (const std::string& phrase : theme_phrases(text)) {
    std::vector<std::string> words;
    for (std::size_t at = 0; at <= phrase.size();) {
      const std::size_t space = std::min(phrase.find(' ', at), phrase.size());
      words.push_back(phrase.substr(at, space - at));
      at = space + 1;
    }
    ThemeKey k;
    if (std::optional<std::string_view> group = theme_group_of(words)) {
      k = {"group:" + std::string(*group), std::string(*group), phrase};
    } else {
      std::string base;
      for (const std::string& w : words) base += (base.empty() ? "" : " ") + stem(w);
      k = {std::move(base), phrase, phrase};
    }
    const bool seen = std::any_of(out.begin(), out.end(), [&](const ThemeKey& o) { return o.key == k.key; });
    if (!seen) out.push_back(std::move(k));
  }
  return out;
}

namespace {

struct Found {
  Theme theme;
  bool group = false;
  std::vector<std::size_t> in;           // the comments that speak to it
  std::size_t position = 0;              // its place among the first one's themes
  std::map<std::string, std::size_t> wordings;  // how often each wording was met
  std::vector<std::string> wording_order;       // in the order first met
};

// The wordings met most often, ties in the order first met.
std::vector<std::string> most_met(const Found& f, std::size_t n) {
  std::vector<std::string> w = f.wording_order;
  std::stable_sort(w.begin(), w.end(), [&](const std::string& a, const std::string& b) {
    return f.wordings.at(a) > f.wordings.at(b);
  });
  if (w.size() > n) w.resize(n);
  return w;
}

void count_in(Found& f, const ThemeKey& k, const ThemeComment& c, std::size_t i, std::size_t max_examples) {
  if (f.in.empty()) f.group = k.key.rfind("group:", 0) == 0;
  f.in.push_back(i);
  ++f.theme.count;
  if (c.sentiment == SentimentLabel::positive) ++f.theme.positive;
  if (c.sentiment == SentimentLabel::negative) ++f.theme.negative;
  if (f.wordings[k.wording]++ == 0) f.wording_order.push_back(k.wording);
  std::vector<std::string>& examples = f.theme.examples;
  const bool fresh = std::find(examples.begin(), examples.end(), c.text) == examples.end();
  if (c.quotable && fresh && examples.size() < max_examples) examples.push_back(c.text);
}

// Which of two themes found in exactly the same comments names them: a
// group, then a phrase of two words or more, then the first met.
bool names_better(const Found& a, const Found& b) {
  if (a.group != b.group) return a.group;
  const bool a_long = a.theme.phrase.find(' ') != std::string::npos;
  const bool b_long = b.theme.phrase.find(' ') != std::string::npos;
  return a_long != b_long ? a_long : a.position < b.position;
}

}  // namespace

std::vector<Theme> themes_of(const std::vector<ThemeComment>& comments, std::size_t max_themes,
                             std::size_t max_examples) {
  std::map<std::string, Found> by_key;
  for (std::size_t i = 0; i < comments.size(); ++i) {
    const std::vector<ThemeKey> keys = comment_themes(comments[i].text);
    for (std::size_t at = 0; at < keys.size(); ++at) {
      Found& f = by_key[keys[at].key];
      if (f.in.empty()) f.position = at;
      count_in(f, keys[at], comments[i], i, max_examples);
    }
  }
  for (auto& [key, f] : by_key) {
    f.theme.key = key;
    const std::vector<std::string> top = most_met(f, 3);
    f.theme.phrase = f.group ? key.substr(6) : top.front();
    if (f.group) f.theme.wordings = top;
  }
  std::map<std::vector<std::size_t>, const Found*> one_per_set;
  for (const auto& [key, f] : by_key) {
    const Found*& kept = one_per_set[f.in];
    if (!kept || names_better(f, *kept)) kept = &f;
  }
  std::vector<Theme> themes;
  for (const auto& [key, f] : by_key)
    if (one_per_set[f.in] == &f) themes.push_back(f.theme);
  std::stable_sort(themes.begin(), themes.end(), [](const Theme& a, const Theme& b) {
    return a.count != b.count ? a.count > b.count : a.phrase < b.phrase;
  });
  if (themes.size() > max_themes) themes.resize(max_themes);
  return themes;
}

}  // namespace debrief
