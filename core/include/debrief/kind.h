// Kinds of record and their fields: the schema the rest of the core reads.
//
// Every record Debrief keeps is of one Kind. A KindSpec lists its fields with
// their types and limits; the generic record functions (records.h), the
// change log, the CLI's commands and the exports are all driven by it, so a
// field is declared once, here, and not again in each layer.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace debrief {

enum class Kind : std::uint8_t {
  organisation = 1,
  team,
  person,
  device,
  event,
  activity,
  survey,
  response,
  participation,
  reflection,
  kudos,
  plus_one,
  reply,
  summary,
  media,
};

enum class FieldType : std::uint8_t {
  text,      // UTF-8, at most max_len bytes
  integer,   // min..max
  boolean,
  time,      // ISO 8601 in JSON, Unix seconds in the store
  ref,       // the id of a record of ref_kind
  ref_list,  // a JSON array of ids of ref_kind
  choice,    // one of `choices`
  text_list, // a JSON array of short texts
  document,  // a JSON value checked by the kind's own rules (survey questions, answers)
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool required = false;
  // Who may set the field: false for fields the core fills in itself (the
  // author of a kudos is whoever gives it).
  bool input = true;
  std::int64_t min = 0;          // integer fields
  std::int64_t max = 0;          // integer fields; bytes for text fields and documents (0: no bound)
  Kind ref_kind{};               // ref and ref_list fields
  std::span<const std::string_view> choices{};  // choice fields
  std::string_view help{};       // one line for the CLI's --help
  std::optional<std::int64_t> default_int{};    // integer and boolean fields
  std::string_view default_text{};               // choice fields
  // False for fields kept outside the record's row (a response's answers).
  bool column = true;
};

// How changes to a kind are recorded for sync and merged.
enum class Merge : std::uint8_t {
  per_field,   // editable: each changed field is a change; last writer wins per field
  per_record,  // whole: each write is one change of the whole record (the
               // SQLite feed serves it as the record now stands, a PostgreSQL
               // row as it stood when appended); only mutable_fields may
               // change, and the newest write of the record wins
};

// Who may receive a record of a kind from a server: the privacy rules of
// docs/privacy.md, described once. The SQLite feed's query (feed_after), the
// PostgreSQL store's row scopes and the server's check of each record
// (sync's record_scope and may_receive) are all derived from it.
enum class Readers : std::uint8_t {
  everyone,             // the directory, events, surveys, the kudos wall
  owner,                // only the person it belongs to (a device)
  owner_or_open,        // its owner, and everyone once a flag opens it (shared, published);
                        // such kinds travel whole (Merge::per_record), so that a reader
                        // receives the record as it stands and never what it held before
                        // it opened (a summary's drafts)
  owner_or_managers,    // its owner, and the managers of its team (and of teams above it)
  owner_or_group_managers,  // the same, and to managers only once its group
                            // reaches the anonymity threshold (answer_group.h)
  per_record,           // decided by what it points to (media, replies)
};

struct Reach {
  Readers readers = Readers::everyone;
  std::string_view owner = {};  // the field naming whose it is
  std::string_view open = {};   // owner_or_open: the flag that opens it
  std::string_view team = {};   // the field naming the team whose managers see it; empty: the owner's team
};

struct KindSpec {
  Kind kind;
  std::string_view name;    // "event": CLI noun, JSON "kind"
  std::string_view plural;  // "events"
  std::string_view table;   // SQLite table
  Merge merge;
  std::span<const FieldSpec> fields;
  std::span<const std::string_view> list_columns;  // for readable tables
  std::string_view help;
  // False for kinds that only the core creates (participation, media).
  bool creatable = true;
  // Fields an append-only record may still change (a reflection's sharing:
  // its text stays as given); editable kinds may change every input field.
  std::span<const std::string_view> mutable_fields{};
  Reach reach{};
};

// Every kind, in the order the CLI lists them.
std::span<const KindSpec> all_kinds();
// The spec of a kind. Never null.
const KindSpec& spec_of(Kind kind);
// The kind named `name` (singular or plural), or nothing.
std::optional<Kind> kind_named(std::string_view name);
// The kind whose number (its value on the wire and in databases) is `n`, or nothing.
std::optional<Kind> kind_numbered(std::int64_t n);
// The field naming who wrote a record of this kind, which the core sets to
// the writing person ("author"; "person" for participations and +1s), or
// null for kinds nobody authors (the directory, events, surveys).
const FieldSpec* author_field(const KindSpec& spec);
// Whether `field` of a record of this kind may change after it is made:
// every field of a per-field kind, and the listed mutable_fields of the
// others. Local edits, pushed edits and merges all ask this.
bool may_change(const KindSpec& spec, std::string_view field);
// The field named `name` of `spec`, or null.
const FieldSpec* field_named(const KindSpec& spec, std::string_view name);
// The field people name records of this kind by, where an id may go
// ("name", or "title" for events, activities and surveys), or null.
const FieldSpec* name_field(const KindSpec& spec);

}  // namespace debrief
