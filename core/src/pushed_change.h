// A change a device pushed to a server, checked as the same write made on
// that device would be (replication.h, ApplyOptions::as_person). Internal
// to the core.
#pragma once

#include <optional>

#include "debrief/replication.h"
#include "draft.h"

namespace debrief {

// How far ahead of the server's clock a pushed change may be stamped.
inline constexpr std::int64_t kMaxClockAheadMs = 3600 * 1000;

// Ok unless `change` is stamped over kMaxClockAheadMs ahead of the store's
// clock: then io_error (transient: the device keeps the change until its
// clock is right). Checked before the clock observes the change.
Status clock_in_bounds(Store& store, const WireChange& change);

// The pushed `change` in the form to apply, every rule of a local write
// checked as the acting person (Store::Impl::acting) against what the
// store holds: fields the core sets are set again (author, a response's
// team), an anonymous response keeps neither its device nor more than the
// day of its time. Nothing when the change is harmless to drop (a
// participation recorded already, a change to a deleted record, an upsert
// that changes nothing). A refusal is invalid_argument with the reason.
struct CheckedChange {
  WireChange change;
  std::optional<Draft> created;  // a new record, checked whole: what to insert
};
Result<std::optional<CheckedChange>> check_pushed(Store& store, const WireChange& change);

}  // namespace debrief
