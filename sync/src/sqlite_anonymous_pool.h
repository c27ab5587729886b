// The SQLite server store's pool of anonymous responses (anonymous_pool.h),
// in one file.
#pragma once

#include <filesystem>
#include <memory>

#include "debrief/sync/anonymous_pool.h"

namespace debrief::sync {

// Opens pool.db at `file`, creating it when missing.
Result<std::unique_ptr<AnonymousPool>> open_sqlite_anonymous_pool(const std::filesystem::path& file);

}  // namespace debrief::sync
