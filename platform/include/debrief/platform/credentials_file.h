// The desktop's secure storage for device credentials: one JSON file of
// account -> secret that only its owner may read or write (mode 0600),
// beside the store by default. Phones use the Keychain or the Keystore
// instead, through the C API's dbf_credentials.
#pragma once

#include <filesystem>
#include <memory>

#include "debrief/sync/credentials.h"

namespace debrief::platform {

// Credentials kept in `file`. Each write lands whole (a new file renamed
// over the old one, flushed to disk) with mode 0600. A file that others
// may read is refused, not used: someone changed its mode, and the secret
// may have leaked (enrol the device again after fixing it). Thread-safe.
std::shared_ptr<sync::Credentials> file_credentials(std::filesystem::path file);

// The default file for a store's device: DIR/credentials.json.
std::filesystem::path credentials_file(const std::filesystem::path& store_dir);

}  // namespace debrief::platform
