#include "sentiment_model.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace debrief::sentiment_internal {
namespace {

constexpr std::uint32_t kEmpty = UINT32_MAX;

// An open-addressing index over the model's entries, built once: the keys
// are already hashes, so their low bits pick the slot, and a table at most
// half full keeps the probes short. A binary search cost more than all the
// rest of scoring.
class EntryIndex {
 public:
  explicit EntryIndex(std::span<const ModelEntry> entries)
      : entries_(entries), slots_(std::bit_ceil(entries.size() * 2 + 2), kEmpty), mask_(slots_.size() - 1) {
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
      std::size_t s = entries[i].key & mask_;
      while (slots_[s] != kEmpty) s = (s + 1) & mask_;
      slots_[s] = i;
    }
  }

  const ModelEntry* find(std::uint64_t key) const {
    for (std::size_t s = key & mask_;; s = (s + 1) & mask_) {
      if (slots_[s] == kEmpty) return nullptr;
      if (entries_[slots_[s]].key == key) return &entries_[slots_[s]];
    }
  }

 private:
  std::span<const ModelEntry> entries_;
  std::vector<std::uint32_t> slots_;
  std::size_t mask_;
};

}  // namespace

const ModelEntry* model_entry(std::uint64_t key) {
  static const EntryIndex index(generated_model().entries);
  return index.find(key);
}

ClassValues contribution(const ModelEntry& entry, float value) {
  ClassValues c{};
  for (std::size_t k = 0; k < kClasses; ++k) c[k] = static_cast<double>(entry.weight[k]) * value;
  return c;
}

ClassValues class_probabilities(const std::vector<Feature>& features) {
  const GeneratedModel& model = generated_model();
  ClassValues z{};
  for (std::size_t k = 0; k < kClasses; ++k) z[k] = model.bias[k];
  for (const Feature& f : features) {
    if (const ModelEntry* e = model_entry(f.key)) {
      const ClassValues c = contribution(*e, f.value);
      for (std::size_t k = 0; k < kClasses; ++k) z[k] += c[k];
    }
  }
  double sum = 0;
  for (double& v : z) sum += (v = 1 / (1 + std::exp(-v)));
  for (double& v : z) v /= sum;
  return z;
}

SentimentScore score_from(const ClassValues& p) {
  constexpr double kEdge = 0.05;  // sentiment_label's thresholds
  SentimentScore s;
  s.negative = p[0];
  s.neutral = p[1];
  s.positive = p[2];
  const double lean = s.positive - s.negative;
  if (s.positive > s.neutral && s.positive > s.negative) {
    s.compound = std::max(lean, kEdge);
  } else if (s.negative > s.neutral && s.negative >= s.positive) {
    s.compound = std::min(lean, -kEdge);
  } else {
    s.compound = lean * (kEdge - 0.001);  // inside (-0.05, 0.05), in the same order
  }
  s.label = sentiment_label(s.compound);
  return s;
}

}  // namespace debrief::sentiment_internal
