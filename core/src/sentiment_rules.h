// The grammar the sentiment analyzer knows: negations, intensifiers and
// dampeners, and contrast words. Function words, not a lexicon: they carry
// no sentiment of their own but change the words after them. Internal to the
// core; every function takes a lower-case token.
#pragma once

#include <string_view>

namespace debrief::sentiment_internal {

// What a word does to the words after it.
struct WordRule {
  // "not", "never", "without", "no" and the like, and any "...n't"
  // contraction, with or without its apostrophe ("didnt").
  bool negation = false;
  // +1 for an intensifier ("very", "really", "extremely"), -1 for a dampener
  // ("slightly", "kind of", "a bit"), 0 otherwise. Phrases are joined by one
  // space, as the tokenizer merges them.
  int booster = 0;
  // Makes the clause after it outweigh the one before ("but", "however").
  bool contrast = false;
  // Some booster phrase of two or more words starts with this word.
  bool starts_phrase = false;
};

// One hash lookup; a word with no rule gets all false.
WordRule rule_of(std::string_view word);

}  // namespace debrief::sentiment_internal
