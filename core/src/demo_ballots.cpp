#include "demo_ballots.h"

#include <algorithm>

namespace debrief {

DemoBallots::DemoBallots(std::size_t places, const std::vector<Id>& invited, std::mt19937_64& rng)
    : waiting_(places, invited) {
  for (std::vector<Id>& w : waiting_) std::shuffle(w.begin(), w.end(), rng);
}

std::optional<std::pair<std::size_t, Id>> DemoBallots::next(std::size_t place) {
  for (std::size_t tried = 0; tried < waiting_.size(); ++tried, place = (place + 1) % waiting_.size()) {
    std::vector<Id>& w = waiting_[place];
    if (w.empty()) continue;
    Id person = w.back();
    w.pop_back();
    return std::make_pair(place, person);
  }
  return std::nullopt;
}

}  // namespace debrief
