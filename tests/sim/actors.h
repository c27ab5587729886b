// What people do on their devices, at random but plausibly, through the
// core's public API as the device's person: give kudos and +1s, answer the
// survey by name or anonymously, write reflections and share or unshare
// them, and (organisers) edit the event. A refusal (a second +1, a vague
// kudos) is part of a plausible day: traced, never a failure.
#pragma once

#include <functional>

#include "debrief/records.h"
#include "directory.h"
#include "rng.h"
#include "sim_device.h"
#include "trace.h"

namespace debrief::sim {

// What acting created, for the invariants: the id of a record, and
// whether it is an anonymous response.
struct Acted {
  Id record;
  bool anonymous = false;
};

Acted act(SimDevice& device, const Directory& dir, Rng& rng, Trace& trace);

// Makes one change to the directory, by calling `updated(what, kind, id,
// fields)`: a person moves team, Support changes manager, or Per changes
// role. A device's person does it through act(); the admin also through
// debrief-server's commands, on the server's records (world.cpp).
using Update = std::function<Acted(const std::string& what, Kind kind, const std::string& id, const Json& fields)>;
Acted change_directory(const Directory& dir, Rng& rng, const Update& updated);

}  // namespace debrief::sim
