// Who answers which survey in the demo data. Every person gets one voice
// per survey and event, per activity and per pulse window (docs/privacy.md), so
// an event's answers are dealt from one shuffled list of its invited people
// per place they can answer in. Internal to the core.
#pragma once

#include <optional>
#include <random>
#include <vector>

#include "debrief/id.h"

namespace debrief {

class DemoBallots {
 public:
  // `places` places to answer in, each open to every one of `invited` once.
  DemoBallots(std::size_t places, const std::vector<Id>& invited, std::mt19937_64& rng);

  // The next person to answer in `place`, or, when everyone has, in the
  // first place after it that someone has not: the place and the person.
  // Nothing once every invited person has answered everywhere.
  std::optional<std::pair<std::size_t, Id>> next(std::size_t place);

 private:
  std::vector<std::vector<Id>> waiting_;  // per place, popped from the back
};

}  // namespace debrief
