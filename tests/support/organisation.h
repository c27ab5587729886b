// The organisation the sync tests and the simulator start from, made on
// the server's records the way an admin makes it: Acme (anonymity
// threshold 3), team Support managed by Max with everyone in it (Ada the
// admin, Olga the organiser, Max the manager, and four participants: Pia,
// Per, Pam and Pat), an event (the offsite) and its post-event survey (a
// required rating, then a text).
#pragma once

#include "debrief/store.h"

namespace testorg {

struct Directory {
  debrief::Id team, admin, organiser, manager, p1, p2, p3, p4, event, survey;
  int threshold = 3;
};

// Writes the organisation into `records` (not yet published).
debrief::Result<Directory> make_directory(debrief::Store& records);

}  // namespace testorg
