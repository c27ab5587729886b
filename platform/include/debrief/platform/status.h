// A store's status as `debrief status --json` prints it and the C API
// returns it: {"data", "schema_version", "device_id", "me", "counts",
// "pending_changes", "total_changes", "digest", "server", "last_sync"}.
#pragma once

#include <nlohmann/json.hpp>

#include "debrief/store.h"

namespace debrief::platform {

Result<nlohmann::json> store_status(Store& store);

}  // namespace debrief::platform
