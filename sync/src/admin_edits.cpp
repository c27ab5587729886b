// What admin commands changed in a server store's records and no device
// has received yet (ServerStore::publish).
#include "debrief/change_log.h"
#include "debrief/sync/server_store.h"

namespace debrief::sync {

Result<AdminEdits> unpublished_edits(Store& records) {
  Result<std::vector<Change>> pending = pending_changes(records);
  DEBRIEF_TRY(pending.status());
  AdminEdits out;
  if (pending->empty()) return out;
  out.upto = pending->back().seq;
  for (const Change& c : *pending) {
    Result<WireChange> w = to_wire(records, c);
    if (w.is_ok()) out.wires.push_back(std::move(*w));  // else the record is gone again: nothing to publish
  }
  return out;
}

}  // namespace debrief::sync
