// The organisation every world starts from: the tests' Acme
// (tests/support/directory.h), and a second team, Field, managed by Olga
// the organiser, that the admin moves people to and from.
#pragma once

#include <vector>

#include "organisation.h"

namespace debrief::sim {

struct Directory : testorg::Directory {
  Id field;
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
