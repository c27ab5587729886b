// A device that lies: it speaks raw frames, as a client written against
// the protocol could, and pushes what the rules forbid, stamped with its
// own device and a plausible clock: another person's reflection shared
// (refused: `authorship` notices if not), or an anonymous answer that
// names its device and exact time (kept without them: `anonymity`
// notices if not).
#pragma once

#include <memory>

#include "directory.h"
#include "rng.h"
#include "sim_device.h"
#include "sim_server.h"
#include "trace.h"

namespace debrief::sim {

// Opens a connection for `d` and queues hello, the forged push and bye on
// it; the server serves them in later steps.
void push_forgery(SimDevice& d, SimServer& server, const Directory& dir, Rng& rng, Trace& trace);

}  // namespace debrief::sim
