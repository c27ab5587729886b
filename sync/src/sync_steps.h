// The steps of a sync pass over a Channel: hello, records up, records
// down (media has media_transfer.h). Internal to sync; sync_pass.h runs
// them in order.
#pragma once

#include "channel.h"

namespace debrief::sync::detail {

// The device's settings that keep its place in the server's feed: the pull
// cursor, and the feed it counts in (Welcome.feed_id).
inline constexpr char kCursorKey[] = "pull_cursor";
inline constexpr char kFeedIdKey[] = "pull_feed";

// The protocol version this device speaks with these options.
std::uint32_t version_of(const SyncOptions& o);

// Authenticates this device; ok once the server has welcomed it. A server
// with a new feed (restored from a backup) makes the device pull again from
// the beginning.
asio::awaitable<Status> hello(Channel& c, Store& store, const ServerLink& link, const SyncOptions& options);

// Pushes every pending change, in batches of at most kMaxBatchBytes; a
// change the server refuses for good is set aside (change_log.h) and the
// rest go on.
asio::awaitable<Status> push_all(Channel& c, Store& store, const SyncOptions& options);

// Pulls and applies every batch the server has for this device, each with
// its cursor in the same transaction.
asio::awaitable<Status> pull_all(Channel& c, Store& store);

}  // namespace debrief::sync::detail
