// A store's status as `debrief status --json` prints it and the C API
// returns it: {"data", "schema_version", "device_id", "me", "counts",
// "pending_changes", "refused_changes", "total_changes", "server",
// "last_sync"}, and "digest" when asked for.
#pragma once

#include <nlohmann/json.hpp>

#include "debrief/store.h"

namespace debrief::platform {

// What `debrief status --json` prints and dbf_store_status returns: the
// store, its counts, pending changes, the changes a server refused and
// set aside ("refused_changes": seq, kind, record, field, op, reason, at),
// the server and the last sync. `with_digest` adds the content digest
// (replication.h), which reads every record: seconds on a large store, so
// only on request.
Result<nlohmann::json> store_status(Store& store, bool with_digest = false);

}  // namespace debrief::platform
