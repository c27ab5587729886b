// The feed table: appending accepted changes under the feed lock, and
// reading them back in order.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
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

// Appends `changes` after `head` (the feed's last seq, read under the
// lock) and notifies the channel with `process`; returns the new last seq.
std::int64_t append(pqxx::transaction_base& tx, std::int64_t head, const std::vector<WireChange>& changes,
                    const std::string& process);

// Up to `limit` changes with after < seq <= upto, oldest first, with
// their seqs. Fails on a row that is not a change.
Result<std::vector<std::pair<std::int64_t, WireChange>>> read(pqxx::transaction_base& tx, std::int64_t after,
                                                              std::int64_t upto, std::int64_t limit);

// Records the current scope of records (sync::RecordScope), replacing what
// was there.
void save_scopes(pqxx::transaction_base& tx, const std::vector<std::pair<Id, RecordScope>>& scopes);

// The changes with after < seq <= upto that may concern `scope`'s person
// (the coarse filter of feed_after, by each record's saved scope), oldest
// first, with their seqs.
Result<std::vector<std::pair<std::int64_t, WireChange>>> read_scoped(pqxx::transaction_base& tx, std::int64_t after,
                                                                     std::int64_t upto, const FeedScope& scope);

// The feed's last seq (0 when empty).
std::int64_t head(pqxx::transaction_base& tx);

}  // namespace debrief::sync::pg
