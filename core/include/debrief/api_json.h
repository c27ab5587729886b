// The JSON of core results that are not records, as `debrief --json` prints
// them and the C API returns them: one shape, shared by both.
#pragma once

#include <nlohmann/json.hpp>

#include "debrief/sentiment.h"
#include "debrief/survey.h"

namespace debrief {

// {"id", "type", "text", "required", "options"?}.
nlohmann::json to_json(const Question& q);

// The next question of `survey` given `answers` (to_json), or
// {"complete": true} when every shown question has an answer.
nlohmann::json next_step_json(const Survey& survey, const nlohmann::json& answers);

// {"compound" (4 decimals), "label", "positive", "neutral", "negative" (3 decimals)}.
nlohmann::json to_json(const SentimentScore& score);

// The score's fields and "reasons": [{"phrase", "weight", "positive",
// "neutral", "negative"} (3 decimals)], the strongest first, at most
// `max_reasons` of them.
nlohmann::json to_json(const SentimentExplanation& explanation, std::size_t max_reasons);

}  // namespace debrief
