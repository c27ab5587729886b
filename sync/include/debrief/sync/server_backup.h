// Backing up a server's store and restoring it, for either store, in one
// portable format; restoring a SQLite backup into PostgreSQL is how a
// server moves there.
//
// The format is JSON lines: a header {"debrief_backup": 1, ...}, the TLS
// identity {"tls": {"cert_pem", "key_pem"}} (so enrolled devices keep
// trusting the server), the registry {"device": {...}} and {"code": {...}}
// (hashes only, as stored), the anonymous responses waiting to join the
// feed {"pooled": {"group", "day", "change"}}, every change of the feed in
// order {"change": {"device", "hlc", "kind", "record", "field", "value",
// "op"}}, and {"end": {"devices", "codes", "pooled", "changes"}}, without
// which a backup is refused as cut short. Media is not in it: devices offer
// their files again to a restored server (it has a new feed), and it takes
// the chunks it lacks. It holds the server's private key: it is written
// readable by its owner only.
//
// A restored store starts a new feed (a new feed id): devices notice it
// when they next sync and pull again from the beginning, which applies
// nothing twice. Changes a device pushed after the backup was taken are
// not in it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "debrief/sync/server_store.h"

namespace debrief::sync {

struct BackupCounts {
  std::int64_t devices = 0, codes = 0, pooled = 0, changes = 0;
};
// Called now and then with the changes done so far, and the total when known (else 0).
using BackupProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Writes the store (and its TLS identity, in `tls_dir`) to `file`, whole:
// a new file renamed into place.
Result<BackupCounts> backup(ServerStore& store, const std::filesystem::path& tls_dir, const std::filesystem::path& file,
                            const BackupProgress& progress = {});

// Restores `file` into `store`, which must be empty. The whole file is
// checked first: a malformed or cut-short backup is refused and changes
// nothing.
Result<BackupCounts> restore(ServerStore& store, const std::filesystem::path& tls_dir, const std::filesystem::path& file,
                             const BackupProgress& progress = {});

}  // namespace debrief::sync
