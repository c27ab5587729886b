// The organisation every world starts from, made on the server's records
// the way an admin makes it: Acme, two teams (Support, managed by Max;
// Field, by Olga the organiser) with everyone in Support, an admin, an
// organiser and four participants, anonymity threshold 3, an event and
// its post-event survey.
#pragma once

#include <vector>

#include "debrief/store.h"

namespace debrief::sim {

struct Directory {
  Id team, field, admin, organiser, manager, p1, p2, p3, p4, event, survey;
  int threshold = 3;
  // Who the world's devices belong to, device i to people[i % size]: the
  // manager first (who may see groups), p1 twice (two devices of one
  // person must agree), the admin among the first six (who changes teams,
  // managers and roles).
  std::vector<Id> people() const { return {manager, p1, p2, admin, p1, organiser, p3, p4}; }
  // Whom the admin moves between teams.
  std::vector<Id> movable() const { return {p1, p2, p3, p4}; }
};

// Writes the organisation into `records` (not yet published).
Result<Directory> make_directory(Store& records);

}  // namespace debrief::sim
