// The sentiment lexicon: words, phrases, emoticons and emoji with a valence
// on VADER's scale (-4 extremely negative .. +4 extremely positive). Internal
// to the core.
//
// Two sources: the table generated at build time from the published lexicons
// in data/node_modules (core/tools/lexicon_gen.cpp), and our own workplace
// overlay (sentiment_overlay.cpp), which wins where both list a key.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace debrief::sentiment_internal {

struct LexiconEntry {
  std::string_view key;  // lower case, except emoticons such as ":D"; phrases joined by one space
  float valence;
};

// Generated (build dir): every entry, sorted by key, keys unique.
std::span<const LexiconEntry> generated_lexicon();
// The packages and versions the generated table was made from.
std::string_view generated_lexicon_sources();
// A hash of the generated table: changes whenever any key or valence does.
std::uint32_t generated_lexicon_fingerprint();

// Our workplace overlay (sentiment_overlay.cpp), in no particular order.
std::span<const LexiconEntry> workplace_overlay();

// The valence of `key` (exactly as given), overlay first; nullopt when
// neither source lists it. A listed key may have valence 0 (a word known to
// be neutral here). Thread-safe; the first call builds an index (~1 ms).
std::optional<float> lexicon_valence(std::string_view key);

// True when some phrase of two or more words in the lexicon starts with
// `word`, so a tokenizer knows when to try joining the next words.
bool starts_lexicon_phrase(std::string_view word);

// The most words any lexicon phrase has.
std::size_t longest_lexicon_phrase();

}  // namespace debrief::sentiment_internal
