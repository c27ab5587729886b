// Derived data kept in the store (stored sentiment, scope tallies) that is
// rebuilt when the code deriving it changes. Internal to the core.
#pragma once

#include <functional>
#include <string>

#include "sqlite.h"

namespace debrief {

// Runs `rebuild` in one transaction when meta `key` differs from `version`
// (or is absent, as in a store just migrated), then keeps `version` there.
// Does nothing when they match, or on a read-only store (whose derived data
// is read as it was made); checks again inside the transaction, since
// another process may have just done it.
Status rebuild_if_version_changed(sql::Db& db, const char* key, const std::string& version,
                                  const std::function<Status()>& rebuild);

}  // namespace debrief
