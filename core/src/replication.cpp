#include "debrief/replication.h"

#include <algorithm>
#include <memory>

#include "debrief/mutation.h"
#include "debrief/records.h"
#include "debrief/text.h"
#include "debrief/store.h"
#include "debrief/time.h"
#include "change_row.h"
#include "day_stamp.h"
#include "draft.h"
#include "kind_rules.h"
#include "pushed_change.h"
#include "store_impl.h"
#include "table_sql.h"

namespace debrief {
namespace {

// (hlc, device): the order in which concurrent writes win.
struct Version {
  Hlc hlc;
  Id device;
  auto operator<=>(const Version&) const = default;
};

// A logged field value (as change_log.h gives it) back in its stored form.
DbValue logged_to_stored(const FieldSpec& f, const Json& v) {
  if (v.is_null()) return std::monostate{};
  if (v.is_number_integer()) return v.get<std::int64_t>();
  const auto& s = v.get_ref<const std::string&>();
  if (f.type == FieldType::ref) {
    Result<Id> id = Id::parse(s);
    if (id.is_ok()) return *id;
  }
  return s;
}

// A JSON value from another replica in its stored form. Checks types only:
// references may point at records that arrive later in the same batch.
Result<DbValue> stored_form(const FieldSpec& f, const Json& v) {
  const std::string bad = "a synced " + std::string(f.name) + " has the wrong type";
  if (v.is_null()) return DbValue(std::monostate{});
  switch (f.type) {
    case FieldType::text:
    case FieldType::choice:
      if (!v.is_string()) return invalid(bad);
      return DbValue(v.get<std::string>());
    case FieldType::integer:
      if (!v.is_number_integer()) return invalid(bad);
      return DbValue(v.get<std::int64_t>());
    case FieldType::boolean:
      if (!v.is_boolean()) return invalid(bad);
      return DbValue(std::int64_t{v.get<bool>() ? 1 : 0});
    case FieldType::time: {
      if (!v.is_string()) return invalid(bad);
      Result<std::int64_t> t = parse_time(v.get<std::string>());
      DEBRIEF_TRY(t.status());
      return DbValue(*t);
    }
    case FieldType::ref: {
      if (!v.is_string()) return invalid(bad);
      Result<Id> id = Id::parse(v.get<std::string>());
      DEBRIEF_TRY(id.status());
      return DbValue(*id);
    }
    case FieldType::ref_list:
    case FieldType::text_list:
      if (!v.is_array()) return invalid(bad);
      return DbValue(v.dump());
    case FieldType::document: return DbValue(v.dump());
  }
  return invalid(bad);
}

bool indexed_versions(const KindSpec& spec) {
  return spec.merge == Merge::per_field || !spec.mutable_fields.empty();
}

// The newest change to `field` of the record (or to the whole record).
Result<std::optional<Version>> version_of(Store::Impl& impl, const Id& record, const std::string* field) {
  sql::Stmt& s = impl.db->cached(
      "SELECT hlc, device FROM changes WHERE record = ?1 AND (field IS NULL OR field = ?2) "
      "AND kind IN (1, 2, 3, 4, 5, 6, 7, 10, 14) ORDER BY hlc DESC, device DESC LIMIT 1");
  s.bind(1, record);
  if (field) s.bind(2, *field);
  else s.bind_null(2);
  std::optional<Version> v;
  if (s.step()) v = Version{Hlc{static_cast<std::uint64_t>(s.int64(0))}, s.id(1)};
  DEBRIEF_TRY(s.status());
  s.reset();
  return v;
}

Result<bool> seen(Store::Impl& impl, const WireChange& c) {
  sql::Stmt& s = impl.db->cached(
      "SELECT 1 FROM changes WHERE record = ? AND field IS ? AND hlc = ? AND device = ? "
      "AND kind IN (1, 2, 3, 4, 5, 6, 7, 10, 14)");
  s.bind(1, c.record).bind(3, static_cast<std::int64_t>(c.hlc.value)).bind(4, c.device);
  if (c.field) s.bind(2, *c.field);
  else s.bind_null(2);
  bool found = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

Result<bool> has_row(Store::Impl& impl, const KindSpec& spec, const Id& record) {
  sql::Stmt& s = impl.db->cached("SELECT 1 FROM " + quoted(spec.table) + " WHERE id = ?");
  s.bind(1, record);
  bool found = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

Result<Draft> draft_from_json(const KindSpec& spec, const WireChange& c) {
  if (!c.value.is_object()) return invalid("a synced " + std::string(spec.name) + " is not a JSON object");
  Draft d(spec);
  d.id = c.record;
  d.input = c.value;
  Result<std::int64_t> created = parse_time(c.value.value("created_at", std::string("1970-01-01")));
  DEBRIEF_TRY(created.status());
  d.created_at = *created;
  for (std::size_t i : table_sql(spec.kind).column_fields) {
    const FieldSpec& f = spec.fields[i];
    Result<DbValue> v = stored_form(f, c.value.value(std::string(f.name), Json()));
    DEBRIEF_TRY(v.status());
    d.values[i] = std::move(*v);
  }
  return d;
}

Status insert_new(Store& store, const Draft& record) {
  DEBRIEF_TRY(insert_row(store, record));
  if (auto extra = rules_of(record.spec->kind).write_extra) DEBRIEF_TRY(extra(store, record));
  return Status::ok();
}

// Whole-record upsert: creates the record, or merges it into the one here.
Status apply_record(Store& store, const KindSpec& spec, const WireChange& c, const Version& v) {
  Result<Draft> incoming = draft_from_json(spec, c);
  DEBRIEF_TRY(incoming.status());
  Result<Draft> here = load_draft(store, spec, c.record);
  if (!here.is_ok()) {
    if (here.status().code() != Code::not_found) return here.status();
    return insert_new(store, *incoming);
  }
  if (here->deleted || !indexed_versions(spec)) return Status::ok();
  for (std::size_t i : table_sql(spec.kind).column_fields) {
    const FieldSpec& f = spec.fields[i];
    if (!may_change(spec, f.name)) continue;
    std::string name(f.name);
    Result<std::optional<Version>> current = version_of(impl_of(store), c.record, spec.merge == Merge::per_field ? &name : nullptr);
    DEBRIEF_TRY(current.status());
    if (*current && **current > v && !mutated("lww_by_clock")) continue;
    if (here->values[i] != incoming->values[i]) DEBRIEF_TRY(set_field(store, spec, c.record, f, incoming->values[i]));
  }
  return Status::ok();
}

Status apply_field(Store& store, const KindSpec& spec, const WireChange& c, const Version& v) {
  const FieldSpec* f = field_named(spec, *c.field);
  if (!f || !f->column) return invalid("a synced change names an unknown field '" + *c.field + "'");
  Result<Draft> here = load_draft(store, spec, c.record);
  if (!here.is_ok() || here->deleted) return here.is_ok() || here.status().code() == Code::not_found ? Status::ok() : here.status();
  Result<std::optional<Version>> current = version_of(impl_of(store), c.record, &*c.field);
  DEBRIEF_TRY(current.status());
  if (*current && **current > v && !mutated("lww_by_clock")) return Status::ok();
  Result<DbValue> value = stored_form(*f, c.value);
  DEBRIEF_TRY(value.status());
  return set_field(store, spec, c.record, *f, *value);
}

Status apply_checked(Store& store, const WireChange& c, const std::optional<Draft>& created = std::nullopt);

// The creation time of adopt_server_form.
Status adopt_creation_time(Store& store, const KindSpec& spec, const WireChange& c) {
  auto at = c.value.is_object() ? c.value.find("created_at") : c.value.end();
  if (at == c.value.end() || !at->is_string()) return Status::ok();
  Result<std::int64_t> t = parse_time(at->get_ref<const std::string&>());
  DEBRIEF_TRY(t.status());
  // Most echoes agree already: no write for them.
  return impl_of(store).db->cached("UPDATE " + quoted(spec.table) + " SET created_at = ?1 WHERE id = ?2 AND created_at <> ?1")
      .bind(1, *t).bind(2, c.record).exec();
}

// The team of adopt_server_form: the server sets it from the directory as
// it holds it, which a device that answered before it heard of a move does
// not.
Status adopt_response_team(Store& store, const WireChange& c) {
  auto team = c.value.is_object() ? c.value.find("team") : c.value.end();
  if (team == c.value.end()) return Status::ok();
  std::optional<Id> theirs;
  if (team->is_string()) {
    Result<Id> id = Id::parse(team->get_ref<const std::string&>());
    DEBRIEF_TRY(id.status());
    theirs = *id;
  } else if (!team->is_null()) {
    return invalid("a synced response's team is a team's id or null");
  }
  sql::Stmt& s = impl_of(store).db->cached("SELECT team FROM responses WHERE id = ?");
  s.bind(1, c.record);
  std::optional<Id> mine = s.step() ? s.maybe_id(0) : std::nullopt;
  DEBRIEF_TRY(s.status());
  s.reset();
  return mine == theirs ? Status::ok() : set_response_team(store, c.record, theirs);
}

// An append-only record this store holds already arrives from the server:
// the echo of its own, or the copy another device of its person made under
// the same id (a +1 or a participation, whose ids follow from who and
// what). The server's checked form is the one every device keeps: the copy
// that reached it first, with the fields the core sets as the server set
// them (the creation time; a response's team), so that devices agree.
Status adopt_server_form(Store& store, const KindSpec& spec, const WireChange& c) {
  DEBRIEF_TRY(adopt_creation_time(store, spec, c));
  return spec.kind == Kind::response ? adopt_response_team(store, c) : Status::ok();
}

Status apply_one(Store& store, const WireChange& pushed, const ApplyOptions& options) {
  const KindSpec& spec = spec_of(pushed.kind);
  if (spec.kind != pushed.kind) return invalid("a synced change has an unknown kind");
  Store::Impl& impl = impl_of(store);
  if (!indexed_versions(spec) && pushed.op == ChangeOp::upsert && !impl.acting) {  // check_pushed looks itself
    Result<bool> exists = has_row(impl, spec, pushed.record);  // append-only: created once
    DEBRIEF_TRY(exists.status());
    if (*exists) return adopt_server_form(store, spec, pushed);
  }
  if (pushed.device == impl.device) return Status::ok();  // our own change, echoed back
  Result<bool> done = indexed_versions(spec) ? seen(impl, pushed) : Result<bool>(false);
  DEBRIEF_TRY(done.status());
  if (*done) return Status::ok();
  if (!impl.acting) return apply_checked(store, pushed);
  Result<std::optional<CheckedChange>> checked = check_pushed(store, pushed);
  DEBRIEF_TRY(checked.status());
  if (!*checked) return Status::ok();
  const WireChange& c = (*checked)->change;
  const std::optional<Draft>& created = (*checked)->created;
  Result<Diverted> diverted = options.divert ? options.divert(c) : Result<Diverted>(Diverted::no);
  DEBRIEF_TRY(diverted.status());
  if (*diverted == Diverted::held_already) return Status::ok();
  if (*diverted == Diverted::no) DEBRIEF_TRY(apply_checked(store, c, created));
  // A new response records who answered, as a local one does.
  return created && c.kind == Kind::response ? record_voice(store, *created) : Status::ok();
}

// Applies a change (checked, when pushed) and logs it; `created` is the
// record a checked creation makes, inserted as it is.
Status apply_checked(Store& store, const WireChange& c, const std::optional<Draft>& created) {
  const KindSpec& spec = spec_of(c.kind);
  Store::Impl& impl = impl_of(store);
  Version v{c.hlc, c.device};
  Status applied;
  if (c.op == ChangeOp::remove) {
    applied = tombstone(store, spec, c.record);
  } else if (c.field) {
    applied = apply_field(store, spec, c, v);
  } else {
    applied = created ? insert_new(store, *created) : apply_record(store, spec, c, v);
  }
  DEBRIEF_TRY(applied);
  const FieldSpec* f = c.field ? field_named(spec, *c.field) : nullptr;
  return impl.append_change(c.device, c.hlc, c.kind, c.record, c.field, c.op, [&](sql::Stmt& s, int p) {
    if (!f) return s.bind_null(p), void();
    Result<DbValue> stored = stored_form(*f, c.value);
    bind_value(s, p, stored.is_ok() ? *stored : DbValue(std::monostate{}));
  });
}

}  // namespace

Result<WireChange> to_wire(Store& store, const Change& change) {
  const KindSpec& spec = spec_of(change.kind);
  WireChange w{change.device, change.hlc, change.kind, change.record, change.field, nullptr, change.op};
  if (change.op == ChangeOp::remove) return w;
  if (change.field) {
    const FieldSpec* f = field_named(spec, *change.field);
    if (!f) return Status(Code::corrupt, "the change log names an unknown field " + *change.field);
    w.value = encode_field(*f, logged_to_stored(*f, change.value));
    return w;
  }
  Result<Json> record = get(store, change.kind, change.record);
  DEBRIEF_TRY(record.status());
  w.value = std::move(*record);
  // Who answered and what an anonymous author answered travel with the day
  // only: neither says when, nor from which device.
  if (change.kind == Kind::participation || (change.kind == Kind::response && w.value.value("anonymous", false))) {
    w.device = Id{};
    w.hlc = day_only(change.hlc);
  }
  return w;
}

namespace {
Status apply_in_transaction(Store& store, const std::vector<WireChange>& changes, const ApplyOptions& options);
}  // namespace

Status apply_remote(Store& store, const std::vector<WireChange>& changes, std::string_view cursor_key,
                    std::int64_t cursor) {
  return apply_remote(store, changes, ApplyOptions{cursor_key, cursor});
}

Status apply_remote(Store& store, const std::vector<WireChange>& changes, const ApplyOptions& options) {
  Store::Impl& impl = impl_of(store);
  // Synced records may name records that arrive in a later batch (a team's
  // manager is created after the team), so references are not enforced
  // here; local writes check every reference themselves.
  if (impl.tx_depth > 0) return invalid("apply_remote cannot run inside another transaction");
  if (mutated("cursor_with_batch") && !options.cursor_key.empty()) {
    DEBRIEF_TRY(save_cursor(store, options.cursor_key, options.cursor));
    ApplyOptions without = options;
    without.cursor_key = {};
    return apply_remote(store, changes, without);
  }
  DEBRIEF_TRY(impl.db->cached("PRAGMA foreign_keys = OFF").exec());
  Status applied = Status::ok();
  try {
    applied = apply_in_transaction(store, changes, options);
  } catch (...) {  // whatever threw, the connection keeps checking references
    (void)impl.db->cached("PRAGMA foreign_keys = ON").exec();
    throw;
  }
  Status restored = impl.db->cached("PRAGMA foreign_keys = ON").exec();
  return applied.is_ok() ? restored : applied;
}

namespace {

// Makes the store's writes checked as `person`'s while it lives.
class Acting {
 public:
  Acting(Store::Impl& impl, std::optional<Actor> actor) : impl_(impl) { impl_.acting = std::move(actor); }
  ~Acting() { impl_.acting.reset(); }
  Acting(const Acting&) = delete;
  Acting& operator=(const Acting&) = delete;

 private:
  Store::Impl& impl_;
};

Status apply_in_transaction(Store& store, const std::vector<WireChange>& changes, const ApplyOptions& options) {
  Store::Impl& impl = impl_of(store);
  Tx tx(impl);
  DEBRIEF_TRY(tx.status());
  if (options.before) DEBRIEF_TRY(options.before());
  std::optional<Actor> actor;
  if (options.as_person) {
    Result<Actor> a = actor_of(store, *options.as_person);
    DEBRIEF_TRY(a.status());
    actor = *a;
  }
  Acting acting(impl, actor);
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const WireChange& c = changes[i];
    if (options.failed_at) *options.failed_at = i + 1;
    Status s = impl.acting ? clock_in_bounds(store, c) : Status::ok();
    if (s.is_ok()) {
      impl.clock.observe(c.hlc, impl.env->now_ms());
      s = apply_one(store, c, options);
    }
    if (!s.is_ok()) return Status(s.code(), "cannot apply a synced change to " + c.record.hex() + ": " + s.message());
  }
  if (options.failed_at) *options.failed_at = 0;
  DEBRIEF_TRY(impl.set_meta("hlc_observed", std::to_string(impl.clock.last().value)));
  if (!options.cursor_key.empty()) DEBRIEF_TRY(impl.set_meta(options.cursor_key, std::to_string(options.cursor)));
  if (options.after) DEBRIEF_TRY(options.after());
  return tx.commit();
}

}  // namespace

Result<std::int64_t> stored_cursor(Store& store, std::string_view cursor_key) {
  Result<std::string> v = impl_of(store).meta_text(cursor_key);
  DEBRIEF_TRY(v.status());
  return v->empty() ? std::int64_t{0} : static_cast<std::int64_t>(std::stoll(*v));
}

Status save_cursor(Store& store, std::string_view cursor_key, std::int64_t cursor) {
  return impl_of(store).set_meta(cursor_key, std::to_string(cursor));
}

}  // namespace debrief
