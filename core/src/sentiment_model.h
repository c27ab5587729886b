// The sentiment model: a logistic regression (one-vs-rest, as LIBLINEAR
// trains it) over the features in sentiment_features.h, trained at build
// time by core/tools/sentiment_train.cpp on the `train` rows of
// data/corpus/workplace_feedback.tsv and compiled in. Scoring is a table
// lookup and a dot product: no library and no file at run time. Internal to
// the core.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "debrief/sentiment.h"
#include "sentiment_features.h"

namespace debrief::sentiment_internal {

// Classes in this order everywhere: negative, neutral, positive.
inline constexpr std::size_t kClasses = 3;
using ClassValues = std::array<double, kClasses>;

struct ModelEntry {
  std::uint64_t key;                // Feature::key
  float weight[kClasses];
};

struct GeneratedModel {
  std::span<const ModelEntry> entries;  // one per key
  float bias[kClasses];
  std::uint32_t fingerprint;            // changes whenever a weight does
  std::string_view trained_on;          // corpus rows, features, C and cross-validated agreement
};

// Defined in the source the trainer writes into the build directory.
const GeneratedModel& generated_model();

// The feature's weights, or null for a feature the model never saw.
const ModelEntry* model_entry(std::uint64_t key);

// What each class's score gains from one feature.
ClassValues contribution(const ModelEntry& entry, float value);

// How likely each class is: each class's logistic, normalised to add up to 1
// (LIBLINEAR's own estimate for one-vs-rest).
ClassValues class_probabilities(const std::vector<Feature>& features);

// The compound score and shares the public API reports: compound is
// P(positive) - P(negative), moved just past the +-0.05 thresholds where the
// most likely class says otherwise, so sentiment_label(compound) is always
// the most likely class.
SentimentScore score_from(const ClassValues& probability);

}  // namespace debrief::sentiment_internal
