#include "sentiment_rules.h"

#include <array>
#include <unordered_map>

namespace debrief::sentiment_internal {
namespace {

using sv = std::string_view;

// Negations that are not "n't" contractions. Contractions typed without the
// apostrophe are listed, since feedback is often typed on phones. "less" and
// "little" (outside "a little") deny more than they dampen in feedback:
// "less stressful", "little support".
constexpr std::array<sv, 40> kNegations{
    "not",    "no",      "never",   "none",    "nobody",  "nothing",  "nowhere", "neither",
    "nor",    "without", "cannot",  "nope",    "nah",     "rarely",   "seldom",  "aint",
    "arent",  "cant",    "couldnt", "didnt",   "doesnt",  "dont",     "hadnt",   "hasnt",
    "havent", "isnt",    "mightnt", "mustnt",  "neednt",  "shouldnt", "wasnt",   "werent",
    "wont",   "wouldnt", "shant",   "lacking", "lacks",   "lack",     "less",    "little"};

// Degree adverbs that make what follows stronger.
constexpr std::array<sv, 48> kIntensifiers{
    "very",         "really",        "so",           "too",          "extremely",  "incredibly",
    "absolutely",   "totally",       "completely",   "utterly",      "truly",      "highly",
    "hugely",       "deeply",        "greatly",      "immensely",    "enormously", "exceptionally",
    "especially",   "particularly",  "remarkably",   "seriously",    "super",      "insanely",
    "ridiculously", "terribly",      "awfully",      "thoroughly",   "entirely",   "fully",
    "most",         "more",          "much",         "quite",        "genuinely",  "properly",
    "massively",    "tremendously",  "unbelievably", "amazingly",    "exceedingly", "decidedly",
    "majorly",      "hella",         "bloody",       "way",          "considerably", "intensely"};

// Degree adverbs and hedges that make what follows weaker.
constexpr std::array<sv, 22> kDampeners{
    "slightly", "somewhat",   "barely",  "hardly",  "scarcely", "marginally",   "partly",
    "partially", "mildly",    "moderately", "fairly", "almost", "nearly",       "occasionally",
    "kinda",    "sorta",      "kind of", "sort of", "a bit",    "a little",     "a little bit",
    "a tad"};

// First words of the dampener phrases above.
constexpr std::array<sv, 3> kPhraseStarts{"kind", "sort", "a"};

constexpr std::array<sv, 2> kContrasts{"but", "however"};

// Every list above in one hash table, built on first use: the analyzer asks
// about every token.
const std::unordered_map<sv, WordRule>& rule_table() {
  static const std::unordered_map<sv, WordRule> table = [] {
    std::unordered_map<sv, WordRule> t;
    for (sv w : kNegations) t[w].negation = true;
    for (sv w : kIntensifiers) t[w].booster = 1;
    for (sv w : kDampeners) t[w].booster = -1;
    for (sv w : kContrasts) t[w].contrast = true;
    for (sv w : kPhraseStarts) t[w].starts_phrase = true;
    return t;
  }();
  return table;
}

}  // namespace

WordRule rule_of(sv word) {
  const auto& table = rule_table();
  auto it = table.find(word);
  WordRule r = it == table.end() ? WordRule{} : it->second;
  if (word.size() > 3 && word.ends_with("n't")) r.negation = true;
  return r;
}

}  // namespace debrief::sentiment_internal
