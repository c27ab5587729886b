// Splitting text into the units the sentiment analyzer scores. Internal to
// the core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace debrief::sentiment_internal {

struct Token {
  // A word in lower case ("didn't"), a lexicon phrase or booster phrase
  // joined by one space ("burnt out", "kind of"), an emoticon as written
  // (":D"), or one emoji without skin tone or presentation selectors.
  std::string text;
  bool all_caps = false;      // a word of 2+ letters written in capitals ("GREAT")
  bool starts_clause = false;  // first token, or first after . , ; : ! ? or a dash
  bool symbol = false;         // an emoticon or emoji: meaningful in any language
};

struct Tokens {
  std::vector<Token> tokens;
  int exclamations = 0;  // '!' in the text read
  int questions = 0;     // '?' in the text read
};

// Precondition: `text` is valid UTF-8 of at most kSentimentMaxBytes bytes.
// Words are split on white space and punctuation (apostrophes and inner
// hyphens stay when the lexicon knows the word; otherwise it is read without
// hyphens if that is known ("under-staffed"), else as its parts
// ("well-organised" -> "well" "organised")); emoji split off the words they
// touch; curly apostrophes read as straight ones; runs of words that form a
// lexicon phrase, or a dampener phrase, are merged into one token.
Tokens tokenize(std::string_view text);

}  // namespace debrief::sentiment_internal
