// The server's store on PostgreSQL, so that several debrief-server
// processes can serve devices together from one database.
//
// The database holds what is shared: the feed (every accepted change, in
// the order devices pull it; its seq is the cursor they hold) and the
// device registry. Each process keeps a local cache of the records, a core
// Store built by applying the feed in order (the merge rules are
// deterministic, so every cache holds the same records); the privacy rules
// read it. Appends to the feed are serialised by a transaction-scoped
// advisory lock, taken before the process catches its cache up and checks
// a batch, so that seqs are given in commit order and every check sees
// every earlier change. A committed append NOTIFYs the other processes,
// which tell their subscribed devices.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "debrief/sync/server_store.h"

namespace debrief::sync {

// Opens the store in the database at `url` (postgresql://...), creating or
// migrating its schema, with its cache under `cache_dir` (rebuilt from the
// feed when missing or when it caches another database). The records
// cache runs on `env`'s clock; the registry, the secrets and the shuffles
// on `entropy`'s (as open_sqlite_server_store's: the system's unless the
// simulator seeds them).
Result<std::unique_ptr<ServerStore>> open_postgres_server_store(const std::string& url,
                                                                const std::filesystem::path& cache_dir, Env& env,
                                                                Env& entropy = system_env());

}  // namespace debrief::sync
