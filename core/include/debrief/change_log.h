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
// first, at most `limit` (0: all).
Result<std::vector<Change>> pending_changes(Store& store, std::int64_t limit = 0);

// Marks every local change up to and including `seq` as acknowledged.
Status acknowledge_changes(Store& store, std::int64_t seq);

}  // namespace debrief
