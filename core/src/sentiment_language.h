// Whether text reads as English, so the analyzer does not score words of
// other languages that happen to be English words with a valence (German
// "war", "die"; Spanish "sin"). Internal to the core.
#pragma once

#include <vector>

#include "sentiment_tokens.h"

namespace debrief::sentiment_internal {

// False when the tokens hold at least one common function word of German,
// French, Spanish, Italian, Portuguese or Dutch that is not also an English
// word, and more of those than English function words. Text with neither
// (short praise, emoji only) counts as English.
bool looks_english(const std::vector<Token>& tokens);

}  // namespace debrief::sentiment_internal
