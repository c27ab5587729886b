// Replication: changes as they travel between a device and a server, and how
// a store applies changes made elsewhere.
//
// Merge rules, the same on every replica:
// - Each field of an editable record takes the value of the change with the
//   highest (hlc, device) — last writer wins, ties broken by device id.
// - Append-only records never conflict: a record id is created once. A
//   reflection's "shared" flag follows the newest whole-record change.
// - A delete is final: it wins over edits, older or newer (tombstones stay).
// - A +1 has an id derived from its kudos and person, so +1s merge as a set.
// - A change already applied (same device and hlc, or an append-only record
//   already present) changes nothing: replays are harmless.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/change_log.h"

namespace debrief {

class Store;

struct WireChange {
  Id device;  // nil for anonymous records, which travel without their device
  Hlc hlc;    // for anonymous records, only the day they were written
  Kind kind{};
  Id record;
  std::optional<std::string> field;  // none: the whole record
  nlohmann::json value;              // the field's value, or the record's JSON; null for deletes
  ChangeOp op = ChangeOp::upsert;
};

// The change as it travels: field values and whole records in their JSON
// form (records.h); participations and anonymous responses with no device
// and only the day of their time.
Result<WireChange> to_wire(Store& store, const Change& change);

// Every change after local sequence number `after_seq`, of any device, oldest
// first, at most `limit` (0: all).
Result<std::vector<Change>> changes_after(Store& store, std::int64_t after_seq, std::int64_t limit = 0);

// Who a feed is for. Changes to records that belong to someone — responses,
// participations, reflections, devices, summaries — are kept only when the
// record is the person's own, belongs to one of `teams` (responses and the
// participations of team members), or is shared or published; other kinds
// pass. Replies pass too: whether a reply is visible depends on its target,
// which the caller checks. A coarse filter done in SQL, so a feed is not
// read record by record; finer rules (thresholds) stay with the caller.
struct FeedScope {
  Id person;
  std::vector<Id> teams;
};

struct FeedPage {
  std::vector<Change> changes;
  std::int64_t scanned_to = 0;  // the cursor for the next page
  bool more = false;
};

// A page of the feed looks at no more than this many rows per change it
// may hold: a reader who may see little of a long stretch (others'
// private records) is served in several pages, each of bounded work.
inline constexpr std::int64_t kFeedScanPerChange = 16;

// The changes after `after_seq` that pass `scope`, at most `limit`, among
// the next limit × kFeedScanPerChange rows of the feed.
Result<FeedPage> feed_after(Store& store, std::int64_t after_seq, std::int64_t limit, const FeedScope& scope);

// Applies changes made elsewhere, in order, in one transaction, by the rules
// above, and records them in the change log. With a non-empty `cursor_key`,
// also stores `cursor` in the store's settings in the same transaction, so a
// pull that breaks never skips or repeats a batch. Malformed changes fail the
// whole batch with invalid_argument, changing nothing.
Status apply_remote(Store& store, const std::vector<WireChange>& changes,
                    std::string_view cursor_key = {}, std::int64_t cursor = 0);

// apply_remote with more inside its transaction: `before` runs first (a
// server checks the batch against the records there), `after` last (a
// server announces what the batch released, or writes it elsewhere too).
// Any of them failing rolls the whole transaction back.
//
// With `as_person`, the changes are a device's push and the store a
// server's: each is checked, in order, as the same write made on a device
// acting for that person would be (records.h: types, limits, references,
// the kinds' rules, roles, and authorship against the stored record), and
// applied in its checked form: fields the core sets are set again from the
// store (author, a response's team), an anonymous response keeps no device
// and only the day of its time, a +1 must have the id derived from its
// kudos and person, and each new response records its person's
// participation, one per survey and event or activity (a second answer is
// refused). A change that is harmless to drop (a participation recorded
// already, an edit of a deleted record) is dropped. A refusal fails the
// batch with the reason and the code the same local write fails with
// (invalid_argument; not_found for a reference to a record the store does
// not hold, already_exists, too_large); a change stamped over an hour
// ahead of the store's clock fails it with io_error (transient).
// `divert` may keep a checked change out of the store: the caller holds it
// instead (a server pools anonymous responses), and the participation it
// records is written all the same; or the caller holds it already (a
// replay), and nothing more is recorded.
enum class Diverted { no, held, held_already };
struct ApplyOptions {
  std::string_view cursor_key = {};
  std::int64_t cursor = 0;
  std::function<Status()> before = {}, after = {};
  std::optional<Id> as_person = {};
  std::function<Result<Diverted>(const WireChange&)> divert = {};
  // When a change fails, set to its position in `changes` (1-based).
  std::size_t* failed_at = nullptr;
};
Status apply_remote(Store& store, const std::vector<WireChange>& changes, const ApplyOptions& options);

// A setting stored with apply_remote (a pull cursor), or 0.
Result<std::int64_t> stored_cursor(Store& store, std::string_view cursor_key);
// Stores such a setting itself (inside a transaction, or as one).
Status save_cursor(Store& store, std::string_view cursor_key, std::int64_t cursor);

// The highest local sequence number in the change log.
Result<std::int64_t> last_seq(Store& store);

// Appends a fresh whole-record change (no device) for an append-only record
// already in the store, so that devices pulling after it receive the record
// again. A server uses it when a group's results become visible to its
// managers. Devices that have the record already ignore it. An anonymous
// response's is stamped with the day only.
Status reannounce(Store& store, Kind kind, const Id& record);

// A SHA-256 over every record this store holds and lists (tombstones
// included), kind by kind in id order: two replicas that hold the same
// shared state for the same person have the same digest. 64 hex digits.
Result<std::string> content_digest(Store& store);

}  // namespace debrief
