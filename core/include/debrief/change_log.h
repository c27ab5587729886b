// The change log: what this store has changed, for sync.
//
// Every write appends changes in the transaction that makes it. A change is
// identified by (device, hlc): a device's clock never repeats. For per-field
// kinds a change names one field and carries its new value; a change with no
// field stands for the whole record (its creation, or for append-only kinds
// any change to it) and its content is the record as it is now. A delete is a
// change with op "delete".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/hlc.h"
#include "debrief/id.h"
#include "debrief/kind.h"
#include "debrief/status.h"

namespace debrief {

class Store;

enum class ChangeOp : std::uint8_t { upsert = 0, remove = 1 };

struct Change {
  std::int64_t seq = 0;  // local order
  Id device;
  Hlc hlc;
  Kind kind{};
  Id record;
  std::optional<std::string> field;  // none: the whole record
  nlohmann::json value;              // the field's value; null for whole-record changes
  ChangeOp op = ChangeOp::upsert;
};

// Changes made on this device that no server has acknowledged yet, oldest
// first, at most `limit` (0: all). Changes set aside are not pending.
Result<std::vector<Change>> pending_changes(Store& store, std::int64_t limit = 0);
// How many there are, without reading them: this device's changes counted
// as they are logged, less those acknowledged (counted as they are) and
// those set aside.
Result<std::int64_t> count_pending_changes(Store& store);

// A local change a server refused for a reason that will not go away
// (FORBIDDEN, INVALID): set aside, so that every other change still goes
// through, and shown to the user until they discard it.
struct RefusedChange {
  Change change;
  std::string reason;    // the server's words
  std::int64_t at = 0;   // when it was refused, Unix seconds
};
// Sets the local change `seq` aside with `reason`; it is no longer pending.
Status set_aside(Store& store, std::int64_t seq, std::string_view reason);
// The changes set aside and not discarded, oldest first.
Result<std::vector<RefusedChange>> refused_changes(Store& store);
// Stops showing the refused change `seq` (it stays set aside: the local
// record keeps what the server refused). not_found when there is none.
Status discard_refused(Store& store, std::int64_t seq);

// Marks every local change up to and including `seq` as acknowledged.
Status acknowledge_changes(Store& store, std::int64_t seq);

}  // namespace debrief
