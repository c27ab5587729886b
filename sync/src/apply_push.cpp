#include "debrief/sync/server_store.h"

namespace debrief::sync {

Status apply_push(Store& records, const std::vector<WireChange>& changes, const Push& push,
                  const std::function<Status()>& then) {
  std::vector<WireChange> news;
  ApplyOptions in_tx;
  in_tx.before = [&]() -> Status {
    if (push.check) DEBRIEF_TRY(push.check(records));
    Result<std::vector<WireChange>> r = releasing(records, changes);
    DEBRIEF_TRY(r.status());
    news = std::move(*r);
    return Status::ok();
  };
  in_tx.as_person = push.person;
  in_tx.divert = push.divert;
  in_tx.failed_at = push.refused_at;
  in_tx.after = [&]() -> Status {
    DEBRIEF_TRY(release_withheld(records, news));
    if (push.settle) DEBRIEF_TRY(push.settle());
    return then ? then() : Status::ok();
  };
  return apply_remote(records, changes, in_tx);
}

}  // namespace debrief::sync
