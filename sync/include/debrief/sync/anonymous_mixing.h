// Anonymous responses join the feed mixed (anonymous_pool.h): what the
// server does with them when a batch brings some.
#pragma once

#include <vector>

#include "debrief/sync/server_store.h"

namespace debrief::sync {

// A whole anonymous response as pushed (not a field edit or a delete).
bool is_anonymous_response(const WireChange& change);

// How long a response may wait for company: a group holding fewer than the
// threshold is let go once its oldest response has waited this many days.
inline constexpr std::int64_t kMaxPoolDays = 2;

// Ok when `responses` would apply to the records (checked by applying them
// in a transaction that is rolled back): a response the pool takes must
// not fail when its group is released.
Status check_applies(Store& records, const std::vector<WireChange>& responses);

// Pools `responses` that the records do not hold yet (a replayed batch
// pools nothing again). Durable once it returns. `today` is in days since
// 1970.
Status pool_anonymous(ServerStore& store, const std::vector<WireChange>& responses, std::int64_t today);

// Releases every ripe group: those holding at least the anonymity
// threshold, or waiting since kMaxPoolDays ago. A released group is
// accepted into the feed in random order, then let go of. Returns the
// feed's newest position when something was released, else 0. Safe to
// repeat after a crash anywhere: accepting a response the records hold
// changes nothing.
Result<std::int64_t> release_ripe(ServerStore& store, std::int64_t today);

}  // namespace debrief::sync
