// The feed table: appending accepted changes under the feed lock, and
// reading them back in order.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "debrief/replication.h"
#include "debrief/sync/visibility.h"

namespace debrief::sync::pg {

// The notification channel: its payload is "LATEST PROCESS" (the feed's
// newest seq, and a token of the process that appended).
inline constexpr char kChannel[] = "debrief_feed";

// Takes the lock that orders appends to the feed, for the rest of `tx`.
void lock_feed(pqxx::transaction_base& tx);

// The current scope of records (sync::RecordScope); a record without one
// is open to every audience.
using Scopes = std::map<Id, RecordScope>;

// Appends `changes` after `head` (the feed's last seq, read under the
// lock), each with its record's scope, gives earlier rows of those records
// their new owner and team and closes them if the record closed (a
// reflection unshared; never the other way), and notifies the channel
// with `process`; returns the new last seq.
std::int64_t append(pqxx::transaction_base& tx, std::int64_t head, const std::vector<WireChange>& changes,
                    const Scopes& scopes, const std::string& process);

// Up to `limit` changes with after < seq <= upto, oldest first, with
// their seqs. Fails on a row that is not a change.
Result<std::vector<std::pair<std::int64_t, WireChange>>> read(pqxx::transaction_base& tx, std::int64_t after,
                                                              std::int64_t upto, std::int64_t limit);

// Up to `limit` changes with after < seq <= upto that `scope`'s person may
// see by their records' scope (the coarse filter of feed_after), oldest
// first, with their seqs; read through the indexes, not row by row.
Result<std::vector<std::pair<std::int64_t, WireChange>>> read_visible(pqxx::transaction_base& tx, std::int64_t after,
                                                                      std::int64_t upto, const FeedScope& scope,
                                                                      std::int64_t limit);

// The feed's last seq (0 when empty).
std::int64_t head(pqxx::transaction_base& tx);

}  // namespace debrief::sync::pg
