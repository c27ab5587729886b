#include "draft.h"

#include <cassert>

#include "debrief/records.h"
#include "debrief/store.h"
#include "debrief/text.h"
#include "debrief/time.h"
#include "kind_rules.h"
#include "store_impl.h"
#include "table_sql.h"

namespace debrief {
namespace {

std::size_t index_of(const KindSpec& spec, std::string_view field) {
  for (std::size_t i = 0; i < spec.fields.size(); ++i)
    if (spec.fields[i].name == field) return i;
  assert(false && "unknown field");
  return 0;
}

std::string label(const FieldSpec& f) { return std::string(f.name); }

Result<DbValue> decode_ref(Store& store, const FieldSpec& f, const Json& v) {
  if (!v.is_string()) return invalid(label(f) + " must be an id (text)");
  // A full id needs only the liveness lookup below; a prefix is resolved first.
  const std::string& text = v.get_ref<const std::string&>();
  Result<Id> id = text.size() == 32 ? Id::parse(text) : resolve_id(store, f.ref_kind, text);
  if (!id.is_ok()) return Status(id.status().code(), label(f) + ": " + id.status().message());
  Result<bool> live = is_live(store, f.ref_kind, *id);
  DEBRIEF_TRY(live.status());
  if (!*live) {
    return not_found(label(f) + ": no " + std::string(spec_of(f.ref_kind).name) + " with id " +
                     id->hex() + " (or it was deleted)");
  }
  return DbValue(*id);
}

Result<DbValue> decode_list(Store& store, const FieldSpec& f, const Json& v) {
  if (!v.is_array()) return invalid(label(f) + " must be a list");
  if (v.size() > 1000) return Status(Code::too_large, label(f) + " lists at most 1000 items");
  Json out = Json::array();
  for (const Json& item : v) {
    if (f.type == FieldType::ref_list) {
      Result<DbValue> id = decode_ref(store, f, item);
      DEBRIEF_TRY(id.status());
      std::string hex = std::get<Id>(*id).hex();
      if (std::find(out.begin(), out.end(), hex) == out.end()) out.push_back(hex);
    } else {
      if (!item.is_string()) return invalid(label(f) + " must be a list of texts");
      DEBRIEF_TRY(check_text(label(f), item.get_ref<const std::string&>(),
                             static_cast<std::size_t>(f.max), true));
      out.push_back(item);
    }
  }
  return DbValue(out.dump());
}

Result<DbValue> decode_choice(const FieldSpec& f, const Json& v) {
  if (v.is_string()) {
    for (std::string_view c : f.choices)
      if (c == v.get_ref<const std::string&>()) return DbValue(std::string(c));
  }
  std::string options;
  for (std::string_view c : f.choices) options += (options.empty() ? "" : ", ") + std::string(c);
  return invalid(label(f) + " must be one of: " + options);
}

}  // namespace

DbValue& Draft::at(std::string_view field) { return values[index_of(*spec, field)]; }
const DbValue& Draft::at(std::string_view field) const { return values[index_of(*spec, field)]; }
bool Draft::has(std::string_view field) const {
  return !std::holds_alternative<std::monostate>(at(field));
}
std::int64_t Draft::integer(std::string_view field) const {
  const DbValue& v = at(field);
  return std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : 0;
}
std::string Draft::text(std::string_view field) const {
  const DbValue& v = at(field);
  return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : std::string();
}
std::optional<Id> Draft::ref(std::string_view field) const {
  const DbValue& v = at(field);
  if (std::holds_alternative<Id>(v)) return std::get<Id>(v);
  return std::nullopt;
}

void bind_value(sql::Stmt& stmt, int i, const DbValue& value) {
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::monostate>) stmt.bind_null(i);
        else stmt.bind(i, v);
      },
      value);
}

DbValue read_value(const sql::Stmt& stmt, int i) {
  switch (stmt.column_type(i)) {
    case SQLITE_INTEGER: return stmt.int64(i);
    case SQLITE_TEXT: return stmt.text(i);
    case SQLITE_BLOB: return stmt.id(i);
    default: return std::monostate{};
  }
}

Result<DbValue> decode_field(Store& store, const FieldSpec& f, const Json& v) {
  if (v.is_null()) {
    if (f.required) return invalid(label(f) + " is required");
    return DbValue(std::monostate{});
  }
  switch (f.type) {
    case FieldType::text: {
      if (!v.is_string()) return invalid(label(f) + " must be text");
      const auto& s = v.get_ref<const std::string&>();
      DEBRIEF_TRY(check_text(label(f), s, static_cast<std::size_t>(f.max), f.required));
      return DbValue(std::string(trim(s)));
    }
    case FieldType::integer: {
      if (!v.is_number_integer()) return invalid(label(f) + " must be a whole number");
      auto n = v.get<std::int64_t>();
      if (n < f.min || n > f.max) {
        return invalid(label(f) + " must be between " + std::to_string(f.min) + " and " +
                       std::to_string(f.max) + ", not " + std::to_string(n));
      }
      return DbValue(n);
    }
    case FieldType::boolean:
      if (!v.is_boolean()) return invalid(label(f) + " must be true or false");
      return DbValue(std::int64_t{v.get<bool>() ? 1 : 0});
    case FieldType::time: {
      if (!v.is_string()) return invalid(label(f) + " must be a date and time (text)");
      Result<std::int64_t> t = parse_time(v.get_ref<const std::string&>());
      if (!t.is_ok()) return invalid(label(f) + ": " + t.status().message());
      return DbValue(*t);
    }
    case FieldType::ref: return decode_ref(store, f, v);
    case FieldType::ref_list:
    case FieldType::text_list: return decode_list(store, f, v);
    case FieldType::choice: return decode_choice(f, v);
    case FieldType::document: {
      std::string text;
      try {
        text = v.dump();
      } catch (const Json::type_error&) {  // dump() refuses invalid UTF-8
        return invalid(label(f) + " holds text that is not valid UTF-8");
      }
      if (f.max > 0 && static_cast<std::int64_t>(text.size()) > f.max)
        return invalid(label(f) + " may be at most " + std::to_string(f.max >> 10) + " KiB, not " +
                       std::to_string(text.size() >> 10) + " KiB");
      return DbValue(std::move(text));
    }
  }
  return invalid(label(f) + ": unsupported field type");
}

Json encode_field(const FieldSpec& f, const DbValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return nullptr;
  switch (f.type) {
    case FieldType::boolean: return std::get<std::int64_t>(value) != 0;
    case FieldType::time: return format_time(std::get<std::int64_t>(value));
    case FieldType::ref: return std::get<Id>(value).hex();
    case FieldType::ref_list:
    case FieldType::text_list:
    case FieldType::document: return Json::parse(std::get<std::string>(value), nullptr, false);
    case FieldType::integer: return std::get<std::int64_t>(value);
    case FieldType::text:
    case FieldType::choice: return std::get<std::string>(value);
  }
  return nullptr;
}

Status insert_row(Store& store, const Draft& draft) {
  const TableSql& t = table_sql(draft.spec->kind);
  sql::Stmt& s = impl_of(store).db->cached(t.insert);
  s.bind(1, draft.id).bind(2, draft.created_at);
  int param = 3;
  for (std::size_t i : t.column_fields) bind_value(s, param++, draft.values[i]);
  return s.exec();
}

Status insert_draft(Store& store, const Draft& draft) {
  DEBRIEF_TRY(insert_row(store, draft));
  return impl_of(store).log_change(draft.spec->kind, draft.id, std::nullopt, ChangeOp::upsert, nullptr);
}

Status tombstone(Store& store, const KindSpec& spec, const Id& id) {
  Result<bool> live = is_live(store, spec.kind, id);
  DEBRIEF_TRY(live.status());
  if (!*live) return Status::ok();
  if (auto undo = rules_of(spec.kind).before_tombstone) DEBRIEF_TRY(undo(store, id));
  return impl_of(store).db->cached("UPDATE " + quoted(spec.table) + " SET deleted = 1 WHERE id = ?").bind(1, id).exec();
}

Status set_field(Store& store, const KindSpec& spec, const Id& id, const FieldSpec& field, const DbValue& value) {
  sql::Stmt& s = impl_of(store).db->cached("UPDATE " + quoted(spec.table) + " SET " + quoted(field.name) + " = ? WHERE id = ?");
  bind_value(s, 1, value);
  DEBRIEF_TRY(s.bind(2, id).exec());
  if (auto after = rules_of(spec.kind).after_set) return after(store, id, field);
  return Status::ok();
}

Result<Draft> load_draft(Store& store, const KindSpec& spec, const Id& id) {
  const TableSql& t = table_sql(spec.kind);
  sql::Stmt& s = impl_of(store).db->cached(t.select_one);
  s.bind(1, id);
  if (!s.step()) {
    DEBRIEF_TRY(s.status());
    return not_found("no " + std::string(spec.name) + " with id " + id.hex());
  }
  Draft d = draft_from_row(spec, s);
  s.reset();
  return d;
}

Draft draft_from_row(const KindSpec& spec, const sql::Stmt& s) {
  const TableSql& t = table_sql(spec.kind);
  Draft d(spec);
  d.id = s.id(0);
  d.created_at = s.int64(1);
  d.deleted = s.int64(2) != 0;
  int col = 3;
  for (std::size_t i : t.column_fields) d.values[i] = read_value(s, col++);
  return d;
}

Result<bool> is_live(Store& store, Kind kind, const Id& id) {
  sql::Stmt& s = impl_of(store).db->cached(table_sql(kind).is_live);
  s.bind(1, id);
  bool live = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return live;
}

Result<Json> draft_to_json(Store& store, const Draft& d) {
  Json j = Json::object();
  j["id"] = d.id.hex();
  for (std::size_t i = 0; i < d.spec->fields.size(); ++i) {
    const FieldSpec& f = d.spec->fields[i];
    if (f.column) j[std::string(f.name)] = encode_field(f, d.values[i]);
  }
  j["created_at"] = format_time(d.created_at);
  if (d.deleted) j["deleted"] = true;
  if (auto extra = rules_of(d.spec->kind).read_extra) DEBRIEF_TRY(extra(store, d, j));
  return j;
}

Result<Id> require_me(Store& store) {
  if (const std::optional<Actor>& acting = impl_of(store).acting) return acting->person;
  std::optional<Id> me = store.me();
  if (!me) {
    return invalid("this device does not know who you are yet: choose the person it acts for "
                   "first (debrief whoami PERSON)");
  }
  Result<bool> live = is_live(store, Kind::person, *me);
  DEBRIEF_TRY(live.status());
  if (!*live) return not_found("the person this device acts for was deleted; choose another");
  return *me;
}

Result<std::optional<Actor>> limiting_actor(Store& store) {
  Store::Impl& impl = impl_of(store);
  if (impl.acting || !impl.bound_me) return impl.acting;
  Result<Actor> a = actor_of(store, *impl.bound_me);
  DEBRIEF_TRY(a.status());
  return std::optional<Actor>(*a);
}

Result<std::optional<Actor>> current_actor(Store& store) {
  if (const std::optional<Actor>& acting = impl_of(store).acting) return acting;
  std::optional<Id> me = store.me();
  if (!me) return std::optional<Actor>();
  Result<Actor> a = actor_of(store, *me);
  DEBRIEF_TRY(a.status());
  return std::optional<Actor>(*a);
}

}  // namespace debrief
