// The store's schema and its migrations. Internal to the core.
#pragma once

#include "sqlite.h"

namespace debrief {

// Brings the database at `db` from its PRAGMA user_version up to
// kSchemaVersion, one migration per version, each in its own transaction.
// Fails with unsupported_version, writing nothing, for a newer store.
Status migrate(sql::Db& db);

// The version stored in the database (0 for a new, empty one).
Result<int> schema_version(sql::Db& db);

// Runs migrations only up to `version`; for tests of upgrades from each
// earlier version.
Status migrate_to(sql::Db& db, int version);

}  // namespace debrief
