// theme_agreement: how well the review's themes group comments, against 260
// comments of the workplace corpus grouped by hand.
//
//   theme_agreement
//
// Data: data/corpus/themes_by_hand.tsv (id, theme: each comment's one main
// subject, chosen by a member of the team who did not see the theme groups;
// the rules in THEMES_BY_HAND.md) and the comments' texts in
// workplace_feedback.tsv. A comment may speak to several themes
// (comment_themes); for the comparison its theme is the one of them most
// comments in the set speak to (ties: the first in the comment), as the
// largest theme is what a manager reads first. Comments with no theme at all
// form one group. Prints pairwise precision, recall and F1 (a pair of
// comments agrees when both groupings put them together) and the adjusted
// Rand index (Hubert & Arabie 1985; 0 is chance, 1 is the same grouping), for
// the themes and for the phrases alone (theme_phrases: the grouping before
// near-synonyms and base forms), then each of the largest themes with the
// hand themes of its comments. Plain main, no assertions: figures go in the
// README.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "debrief/key_phrases.h"
#include "workplace_corpus.h"

namespace {

const std::string kData = std::string(DEBRIEF_SOURCE_DIR) + "/data/corpus/";

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "theme_agreement: %s\n", message.c_str());
  std::exit(1);
}

struct Sample {
  std::vector<std::string> texts, hand;
};

Sample load() {
  std::map<std::string, std::string> text_of;
  try {
    for (const auto& c : debrief::corpus::read_workplace_corpus(kData + "workplace_feedback.tsv")) text_of[c.id] = c.text;
  } catch (const std::exception& e) {
    die(e.what());
  }
  std::ifstream in(kData + "themes_by_hand.tsv");
  if (!in) die("cannot read " + kData + "themes_by_hand.tsv");
  Sample s;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    auto it = text_of.find(line.substr(0, tab));
    if (tab == std::string::npos || it == text_of.end()) die("a row names no comment of the corpus: " + line);
    s.texts.push_back(it->second);
    s.hand.push_back(line.substr(tab + 1));
  }
  return s;
}

// Each comment's keys, reduced to one: the key most comments have.
std::vector<std::string> primary(const std::vector<std::vector<std::string>>& keys, std::vector<std::string>* names) {
  std::map<std::string, int> n;
  for (const auto& k : keys)
    for (const std::string& key : k) ++n[key];
  std::vector<std::string> out;
  for (const auto& k : keys) {
    std::string best = "(no theme)";
    for (const std::string& key : k)
      if (best == "(no theme)" || n[key] > n[best]) best = key;
    out.push_back(best);
  }
  if (names) *names = out;
  return out;
}

double choose2(double n) { return n * (n - 1) / 2; }

void agreement(const char* what, const std::vector<std::string>& a, const std::vector<std::string>& hand) {
  double together_a = 0, together_h = 0, both = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = i + 1; j < a.size(); ++j) {
      const bool sa = a[i] == a[j], sh = hand[i] == hand[j];
      together_a += sa;
      together_h += sh;
      both += sa && sh;
    }
  }
  const double precision = both / together_a, recall = both / together_h;
  const double expected = together_a * together_h / choose2(static_cast<double>(a.size()));
  const double ari = (both - expected) / ((together_a + together_h) / 2 - expected);
  std::map<std::string, int> groups(std::map<std::string, int>{});
  for (const std::string& g : a) ++groups[g];
  std::printf("%-8s %9zu %9.1f%% %9.1f%% %9.1f%% %8.3f\n", what, groups.size(), 100 * precision, 100 * recall,
              100 * 2 * precision * recall / (precision + recall), ari);
}

}  // namespace

int main() {
  const Sample s = load();
  std::vector<std::vector<std::string>> theme_keys, phrase_keys;
  std::map<std::string, std::string> name_of;
  for (const std::string& t : s.texts) {
    std::vector<std::string> k;
    for (const debrief::ThemeKey& key : debrief::comment_themes(t)) {
      k.push_back(key.key);
      name_of[key.key] = key.name;
    }
    theme_keys.push_back(k);
    phrase_keys.push_back(debrief::theme_phrases(t));
  }
  std::vector<std::string> themes = primary(theme_keys, nullptr), phrases = primary(phrase_keys, nullptr);
  std::map<std::string, int> hand_groups;
  for (const std::string& h : s.hand) ++hand_groups[h];
  std::printf("%zu comments grouped by hand into %zu themes (data/corpus/themes_by_hand.tsv)\n\n", s.hand.size(),
              hand_groups.size());
  std::printf("%-8s %9s %10s %10s %10s %8s\n", "grouping", "groups", "precision", "recall", "F1", "ARI");
  agreement("themes", themes, s.hand);
  agreement("phrases", phrases, s.hand);

  std::map<std::string, std::map<std::string, int>> inside;
  for (std::size_t i = 0; i < themes.size(); ++i) ++inside[themes[i]][s.hand[i]];
  std::vector<std::pair<int, std::string>> by_size;
  for (const auto& [key, hands] : inside) {
    int n = 0;
    for (const auto& [h, c] : hands) n += c;
    by_size.push_back({-n, key});
  }
  std::sort(by_size.begin(), by_size.end());
  std::printf("\nthe largest themes, with the hand themes of their comments\n");
  for (std::size_t i = 0; i < by_size.size() && i < 16; ++i) {
    const std::string& key = by_size[i].second;
    std::printf("%-16s %3d  ", name_of.count(key) ? name_of[key].c_str() : key.c_str(), -by_size[i].first);
    std::vector<std::pair<int, std::string>> hands;
    for (const auto& [h, c] : inside[key]) hands.push_back({-c, h});
    std::sort(hands.begin(), hands.end());
    for (std::size_t j = 0; j < hands.size() && j < 4; ++j) std::printf(" %s %d", hands[j].second.c_str(), -hands[j].first);
    std::printf("\n");
  }
  return 0;
}
