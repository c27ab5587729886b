// Anonymous responses join the feed mixed (anonymous_pool.h): what the
// server does with them when a batch brings some.
#pragma once

#include <set>
#include <vector>

#include "debrief/sync/server_store.h"

namespace debrief::sync {

// A whole anonymous response as pushed (not a field edit or a delete).
bool is_anonymous_response(const WireChange& change);

// Which anonymous responses of a pushed batch the pool takes: those it
// does not hold already (a replayed batch pools nothing again), in the
// form the server checked them (ApplyOptions::divert).
struct Pooling {
  std::set<Id> held_already;
  std::vector<WireChange> fresh;  // filled by divert
  // Looks up which of `pushed`'s anonymous responses the pool holds.
  static Result<Pooling> of(ServerStore& store, const std::vector<WireChange>& pushed);
  Result<Diverted> divert(const WireChange& checked);
};

// Pools `responses` that the records do not hold yet (a replayed batch
// pools nothing again). Durable once it returns. `today` is in days since
// 1970.
Status pool_anonymous(ServerStore& store, const std::vector<WireChange>& responses, std::int64_t today);

// Releases every ripe group: those holding at least the anonymity
// threshold. A smaller group waits, however long: no response is ever
// released in a group smaller than the threshold. A released group is
// accepted into the feed in random order, then let go of. Returns the
// feed's newest position when something was released, else 0. Safe to
// repeat after a crash anywhere: accepting a response the records hold
// changes nothing.
Result<std::int64_t> release_ripe(ServerStore& store);

}  // namespace debrief::sync
