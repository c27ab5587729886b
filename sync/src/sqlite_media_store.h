// The SQLite server store's media (media_store.h), in one file.
#pragma once

#include <filesystem>
#include <memory>

#include "debrief/sync/media_store.h"

namespace debrief::sync {

// Opens media.db at `file`, creating it when missing.
Result<std::unique_ptr<MediaStore>> open_sqlite_media_store(const std::filesystem::path& file);

}  // namespace debrief::sync
