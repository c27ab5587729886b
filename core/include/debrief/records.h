// Records: create, read, update and delete any kind of record, as JSON.
//
// Records travel as JSON objects whose members are the fields of their
// KindSpec (kind.h), plus "id" (32 hex digits), "kind", "created_at" and, for
// deleted records, "deleted": true. Ids are given as 32 hex digits, any
// unique prefix of at least 4, or the exact name of a live record (see
// resolve_id). Times are ISO 8601 text.
//
// Every function validates its input fully before it writes: on any error
// nothing in the store has changed. Writes record their changes for sync in
// the same transaction (per field for editable kinds, per record for
// append-only ones); deletes leave a tombstone. Not thread-safe (see Store).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/id.h"
#include "debrief/kind.h"
#include "debrief/status.h"

namespace debrief {

class Store;
using Json = nlohmann::json;

// Creates a record of `kind` from `fields`, returning its new id. Unknown
// fields, missing required ones, values of the wrong type or out of range,
// references to missing records and the kind's own rules (a kudos must name a
// specific action and outcome; a response must follow its survey's branches)
// are errors that name the field.
Result<Id> create(Store& store, Kind kind, const Json& fields);

// Sets the given fields of a live record; fields not named keep their value.
// Append-only kinds accept only the fields their rules allow to change (a
// reflection's "shared"). Fails with not_found for a missing or deleted id.
Status update(Store& store, Kind kind, Id id, const Json& fields);

// Deletes a record, leaving a tombstone. Fails with not_found when missing.
Status remove(Store& store, Kind kind, Id id);

// The record with `id`, deleted or not; not_found when there is none.
Result<Json> get(Store& store, Kind kind, Id id);
// The record as this device's person may read it: as get(), but not_found
// for one kept private to someone else (a reflection not shared, a summary
// not published: kind.h, Readers::owner_or_open), which list() leaves out
// too. What a person asks to see goes through this; the core's own rules
// read with get().
Result<Json> get_readable(Store& store, Kind kind, Id id);
// The id in member `name` of a record's JSON, as get() gives it; nothing
// when it is missing, null or not an id.
std::optional<Id> id_member(const Json& record, std::string_view name);

struct ListOptions {
  // Field name -> value every listed record must have (a ref_list field
  // matches when it contains the value).
  std::vector<std::pair<std::string, std::string>> where = {};
  std::int64_t limit = 0;        // 0: no limit; negative: invalid_argument
  bool newest_first = false;     // by creation, else oldest first
  // Only the records after this one in the listed order: a page's last id
  // gives the next page, however many records are written meanwhile.
  std::optional<Id> start_after = std::nullopt;
  bool include_deleted = false;
};
Result<std::vector<Json>> list(Store& store, Kind kind, const ListOptions& options = {});

// How many records list() would return without a limit.
Result<std::int64_t> count(Store& store, Kind kind, const ListOptions& options = {});

// The id of the live or deleted record of `kind` whose hex id is `text` or
// starts with it (at least 4 digits); failing that, of the one live record
// whose name (a kind with "name" or "title") is `text`, ignoring ASCII case.
// not_found when none is; invalid_argument when the prefix is ambiguous or
// several are so named (the message lists them with their ids).
Result<Id> resolve_id(Store& store, Kind kind, std::string_view text);

}  // namespace debrief
