#include "output.h"

#include <algorithm>
#include <iostream>
#include <map>

namespace debrief::cli {
namespace {

// Display width of UTF-8 text, counting each code point as one column.
std::size_t width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

// At most `max` code points, with an ellipsis when cut.
std::string shorten(const std::string& s, std::size_t max) {
  if (width(s) <= max) return s;
  std::size_t cps = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++cps == max) break;
  }
  return s.substr(0, i) + "…";
}

std::string short_id(const std::string& hex, std::size_t length = 8) { return hex.substr(0, length); }

// The shortest prefix length (at least 8) that tells these ids apart. Ids
// begin with their creation time, so records made together share long
// prefixes.
std::size_t distinct_prefix(const std::vector<Json>& records) {
  std::vector<std::string> ids;
  for (const Json& r : records) ids.push_back(r["id"].get<std::string>());
  std::sort(ids.begin(), ids.end());
  std::size_t length = 8;
  for (std::size_t i = 1; i < ids.size(); ++i) {
    std::size_t common = 0;
    while (common < ids[i].size() && ids[i][common] == ids[i - 1][common]) ++common;
    length = std::max(length, common + 1);
  }
  return std::min<std::size_t>(length, 32);
}

// A record's member that is not one of its fields ("created_at", "deleted").
std::string display_member(std::string_view name, const Json& value) {
  if (name == "created_at" && value.is_string()) return display_time(value.get<std::string>());
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

std::string display_time(const std::string& iso) {
  if (iso.size() < 16) return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

void print_table(const Row& header, const std::vector<Row>& rows) {
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) widths[c] = width(header[c]);
  for (const Row& r : rows)
    for (std::size_t c = 0; c < r.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], width(r[c]));
  auto line = [&](const Row& r) {
    for (std::size_t c = 0; c < r.size(); ++c) {
      std::cout << r[c];
      if (c + 1 < r.size()) std::cout << std::string(widths[c] - width(r[c]) + 2, ' ');
    }
    std::cout << "\n";
  };
  line(header);
  for (const Row& r : rows) line(r);
  if (rows.empty()) std::cout << "(none)\n";
}

std::string record_label(Store& store, Kind kind, const std::string& id_hex) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(id_hex);
  if (it != cache.end()) return it->second;
  std::string label = short_id(id_hex);
  Result<Id> id = Id::parse(id_hex);
  if (id.is_ok()) {
    Result<Json> r = get(store, kind, *id);
    const FieldSpec* name = name_field(spec_of(kind));
    if (r.is_ok() && name && r->value(std::string(name->name), Json()).is_string())
      label = (*r)[std::string(name->name)].get<std::string>();
  }
  cache.emplace(id_hex, label);
  return label;
}

std::string display_value(Store& store, const FieldSpec& field, const Json& value,
                          std::size_t max_width) {
  if (value.is_null()) return "-";
  switch (field.type) {
    case FieldType::ref: return shorten(record_label(store, field.ref_kind, value.get<std::string>()), max_width);
    case FieldType::ref_list: {
      std::string out;
      for (const Json& v : value) out += (out.empty() ? "" : ", ") + record_label(store, field.ref_kind, v.get<std::string>());
      return shorten(out, max_width);
    }
    case FieldType::text_list: {
      std::string out;
      for (const Json& v : value) out += (out.empty() ? "" : "; ") + v.get<std::string>();
      return shorten(out, max_width);
    }
    case FieldType::boolean: return value.get<bool>() ? "yes" : "no";
    case FieldType::time: return display_time(value.get<std::string>());
    case FieldType::document: return shorten(value.dump(), max_width);
    case FieldType::integer: return std::to_string(value.get<std::int64_t>());
    case FieldType::text:
    case FieldType::choice: return shorten(value.get<std::string>(), max_width);
  }
  return value.dump();
}

void print_records(Context& ctx, Kind kind, const std::vector<Json>& records) {
  if (ctx.json) {
    std::cout << Json(records).dump(2) << "\n";
    return;
  }
  const KindSpec& spec = spec_of(kind);
  Row header{"id"};
  for (std::string_view c : spec.list_columns) header.emplace_back(c);
  std::vector<Row> rows;
  std::size_t id_length = distinct_prefix(records);
  for (const Json& r : records) {
    Row row{short_id(r["id"].get<std::string>(), id_length)};
    for (std::string_view c : spec.list_columns) {
      const FieldSpec* f = field_named(spec, c);
      const Json& v = r.value(std::string(c), Json());
      row.push_back(f ? display_value(ctx.store(), *f, v) : display_member(c, v));
    }
    rows.push_back(std::move(row));
  }
  print_table(header, rows);
}

void print_record(Context& ctx, Kind kind, const Json& record) {
  if (ctx.json) {
    std::cout << record.dump(2) << "\n";
    return;
  }
  const KindSpec& spec = spec_of(kind);
  std::cout << "id: " << record["id"].get<std::string>() << "\n";
  for (const auto& [key, value] : record.items()) {
    if (key == "id") continue;
    const FieldSpec* f = field_named(spec, key);
    std::string shown = f && f->type != FieldType::document ? display_value(ctx.store(), *f, value, 2000)
                        : f ? (value.is_string() ? value.get<std::string>() : value.dump())
                            : display_member(key, value);
    std::cout << key << ": " << shown << "\n";
  }
}

}  // namespace debrief::cli
