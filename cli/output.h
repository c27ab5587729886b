// How records look on the terminal: readable tables and key/value lists, or
// JSON with --json.
#pragma once

#include <string>
#include <vector>

#include "context.h"

namespace debrief::cli {

using Row = std::vector<std::string>;

// Prints rows under a header, columns padded to fit (UTF-8 aware).
void print_table(const Row& header, const std::vector<Row>& rows);

// A time as the store gives it ("2026-12-03T09:00:00Z") for people, its
// zone explicit: "2026-12-03 09:00 UTC".
std::string display_time(const std::string& iso);

// A field's value for people: names instead of ids, short texts.
std::string display_value(Store& store, const FieldSpec& field, const Json& value,
                          std::size_t max_width = 48);

// The records as a table of the kind's list columns, or a JSON array.
void print_records(Context& ctx, Kind kind, const std::vector<Json>& records);

// One record as "field: value" lines, or a JSON object.
void print_record(Context& ctx, Kind kind, const Json& record);

// "name" or "title" of a record, else its short id.
std::string record_label(Store& store, Kind kind, const std::string& id_hex);

}  // namespace debrief::cli
