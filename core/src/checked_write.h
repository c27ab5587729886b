// The checks of a write, apart from the write itself: a local create,
// update or remove (records.cpp) and a change pushed to a server
// (pushed_change.cpp) pass the same ones, as the person the write is made
// for (draft.h, current_actor). Internal to the core.
#pragma once

#include <optional>

#include "draft.h"

namespace debrief {

// What a record made elsewhere brings that a local creation makes itself.
struct NewRecord {
  std::optional<Id> id;                   // none: a local creation, given a new id
  std::optional<std::int64_t> created_at; // none: now
};

// The record that creating `fields` as a `kind` would write, every rule
// checked; writes nothing. With `pushed.id`, `fields` is the record's JSON
// as another replica sent it (records.h), and the fields the core sets are
// set again here.
Result<Draft> checked_create(Store& store, Kind kind, const Json& fields, const NewRecord& pushed);
// The record that setting `fields` of the live record `before` would leave.
Result<Draft> checked_update(Store& store, const Draft& before, const Json& fields);
// Ok when the record `before` may be deleted.
Status checked_remove(Store& store, const Draft& before);

}  // namespace debrief
