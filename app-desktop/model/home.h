// Home: who I am, my organisation, and this device's link to its server.
// The live sync state comes from SyncWatch (sync_watch.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "debrief/store.h"

namespace debrief::desktop {

// A local change the server refused for good (change_log.h), as Home lists it.
struct RefusedLine {
  std::int64_t seq = 0;
  std::string what;    // "kudos 0193ab12"
  std::string reason;  // the server's words
};

struct HomeView {
  std::string name, team, role;  // empty until this device acts for someone
  std::string organisation;      // empty when none is known yet
  std::int64_t pending_changes = 0;  // local changes not yet sent
  std::vector<RefusedLine> refused;  // changes the server refused and set aside
  std::string server;                // HOST:PORT, empty when not enrolled
  std::int64_t last_sync_ms = 0;     // 0: never
  std::int64_t kudos = 0, events = 0, responses = 0;
};

Result<HomeView> load_home(Store& store);
// Stops showing the refused change `seq` (Home's Discard button).
Status discard_refused_change(Store& store, std::int64_t seq);

}  // namespace debrief::desktop
