// The SQLite server store's pool of anonymous responses (anonymous_pool.h),
// in the records' own database.
#pragma once

#include <filesystem>
#include <memory>

#include "debrief/store.h"
#include "debrief/sync/anonymous_pool.h"

namespace debrief::sync {

// The pool in `records`' database (its table made when missing), which
// takes in and removes `old_file`, pool.db of servers before, if there.
// `records` must outlive the pool.
Result<std::unique_ptr<AnonymousPool>> open_sqlite_anonymous_pool(Store& records, const std::filesystem::path& old_file);

}  // namespace debrief::sync
