// The organisation every world starts from, made on the server's records
// the way an admin makes it: Acme, one team (Support) with its manager,
// an admin, an organiser and four participants, anonymity threshold 3, an
// event and its post-event survey.
#pragma once

#include <vector>

#include "debrief/store.h"

namespace debrief::sim {

struct Directory {
  Id team, admin, organiser, manager, p1, p2, p3, p4, event, survey;
  int threshold = 3;
  // Who the world's devices belong to, device i to people[i % size]: the
  // manager first (who may see groups), p1 twice (two devices of one
  // person must agree).
  std::vector<Id> people() const { return {manager, p1, p2, p3, p1, organiser, p4, admin}; }
};

// Writes the organisation into `records` (not yet published).
Result<Directory> make_directory(Store& records);

}  // namespace debrief::sim
