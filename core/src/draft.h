// A record on its way into or out of the store, with its fields in their
// stored form. Internal to the core.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/actor.h"
#include "debrief/id.h"
#include "debrief/kind.h"
#include "debrief/status.h"
#include "sqlite.h"

namespace debrief {

using Json = nlohmann::json;
class Store;

// What a column holds: nothing, an integer (also booleans and times), text
// (also lists and documents as JSON), or an id.
using DbValue = std::variant<std::monostate, std::int64_t, std::string, Id>;

struct Draft {
  const KindSpec* spec = nullptr;
  Id id;
  std::int64_t created_at = 0;
  bool deleted = false;
  std::vector<DbValue> values;  // one per spec->fields, in order
  Json input;                   // what the caller gave, for fields kept outside the row

  explicit Draft(const KindSpec& s) : spec(&s), values(s.fields.size()) {}
  DbValue& at(std::string_view field);
  const DbValue& at(std::string_view field) const;
  bool has(std::string_view field) const;
  std::int64_t integer(std::string_view field) const;  // 0 when empty
  std::string text(std::string_view field) const;      // "" when empty
  std::optional<Id> ref(std::string_view field) const;
};

// Binds a stored value to parameter i.
void bind_value(sql::Stmt& stmt, int i, const DbValue& value);
// Reads column i as a stored value.
DbValue read_value(const sql::Stmt& stmt, int i);

// Converts the JSON a caller gave for `field` into its stored form, checking
// its type and limits and that referenced records exist (ids may be unique
// prefixes). `label` names the field in errors.
Result<DbValue> decode_field(Store& store, const FieldSpec& field, const Json& value);
// The JSON form of a stored value.
Json encode_field(const FieldSpec& field, const DbValue& value);

// Inserts a complete draft's row only, inside the caller's Tx.
Status insert_row(Store& store, const Draft& draft);
// Inserts a complete draft and logs its creation, inside the caller's Tx.
Status insert_draft(Store& store, const Draft& draft);
// Marks the record deleted, inside the caller's Tx, after undoing what its
// kind keeps beside it (KindRules::before_tombstone). Nothing happens to a
// record already deleted or not here; the caller logs the change.
Status tombstone(Store& store, const KindSpec& spec, const Id& id);
// Writes one column of the record inside the caller's Tx, then keeps what
// depends on it current (KindRules::after_set); the caller logs the change.
Status set_field(Store& store, const KindSpec& spec, const Id& id, const FieldSpec& field, const DbValue& value);
// The draft of the record `id` of `spec` (deleted or not); not_found if none.
Result<Draft> load_draft(Store& store, const KindSpec& spec, const Id& id);
// A draft from a row selected as TableSql::select_* does.
Draft draft_from_row(const KindSpec& spec, const sql::Stmt& row);
// Whether a live record of `kind` has this id.
Result<bool> is_live(Store& store, Kind kind, const Id& id);
// The JSON of a loaded draft, with the kind's extra members.
Result<Json> draft_to_json(Store& store, const Draft& draft);

// The person a write is made for (the pushing person while a pushed batch
// is applied, else the person this device acts for), or an error saying it
// must be set.
Result<Id> require_me(Store& store);
// Who a write is made for: as require_me, with their role; nothing on a
// store that acts for nobody.
Result<std::optional<Actor>> current_actor(Store& store);
// Whose rights limit a write (their role, authorship): the pushing person
// on a server, the enrolled person on a device enrolled with a server
// (Store::bind_me); nobody on a standalone store, which its owner runs as
// they like, and whose writes only the kinds' own rules limit.
Result<std::optional<Actor>> limiting_actor(Store& store);

}  // namespace debrief
