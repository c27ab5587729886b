#include "pushed_change.h"

#include "checked_write.h"
#include "debrief/article.h"
#include "debrief/mutation.h"
#include "debrief/time.h"
#include "kind_rules.h"
#include "store_impl.h"

namespace debrief {
namespace {

constexpr std::int64_t kDayMs = 86400 * 1000;

// The JSON of a checked record not written yet, as records.h gives records.
Json unsaved_json(const Draft& d) {
  Json j = Json::object();
  j["id"] = d.id.hex();
  for (std::size_t i = 0; i < d.spec->fields.size(); ++i) {
    const FieldSpec& f = d.spec->fields[i];
    if (f.column) j[std::string(f.name)] = encode_field(f, d.values[i]);
    else if (d.input.contains(f.name)) j[std::string(f.name)] = d.input.at(std::string(f.name));
  }
  j["created_at"] = format_time(d.created_at);
  return j;
}

// When the record says it was made; a time further ahead than a clock may
// be (the bound clock_in_bounds allows) is now. A device whose clock runs
// ahead within that bound keeps the time it shows its person: its record
// and everyone else's copy agree.
Result<std::int64_t> pushed_created_at(Store& store, const Json& record) {
  std::int64_t now = impl_of(store).now_s();
  auto it = record.find("created_at");
  if (it == record.end()) return now;
  if (!it->is_string()) return invalid("created_at must be a date and time (text)");
  Result<std::int64_t> t = parse_time(it->get_ref<const std::string&>());
  DEBRIEF_TRY(t.status());
  return *t <= now + kMaxClockAheadMs / 1000 ? *t : now;
}

Result<std::optional<CheckedChange>> check_new(Store& store, const KindSpec& spec, const WireChange& c) {
  Result<std::int64_t> created = pushed_created_at(store, c.value);
  DEBRIEF_TRY(created.status());
  Result<Draft> d = checked_create(store, spec.kind, c.value, NewRecord{c.record, *created});
  DEBRIEF_TRY(d.status());
  WireChange out = c;
  out.value = unsaved_json(*d);
  if (spec.kind == Kind::response && d->integer("anonymous") && !mutated("anonymous_device")) {
    out.device = Id{};
    out.hlc = Hlc::from_parts(c.hlc.physical_ms() - c.hlc.physical_ms() % kDayMs, 0);
  }
  return std::optional<CheckedChange>(CheckedChange{std::move(out), std::move(*d)});
}

// A whole record the store holds already: the fields it would change, as
// an update by the acting person.
Result<std::optional<CheckedChange>> check_upsert(Store& store, const Draft& here, const WireChange& c) {
  const KindSpec& spec = *here.spec;
  Json changed = Json::object();
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    const FieldSpec& f = spec.fields[i];
    auto it = c.value.find(std::string(f.name));
    if (!f.input || !f.column || it == c.value.end()) continue;
    if (may_change(spec, f.name) && *it != encode_field(f, here.values[i])) changed[std::string(f.name)] = *it;
  }
  // A record merged whole keeps the newest write of it: one that changes
  // nothing here still counts, or an older write arriving later would win
  // over it (a reflection shared on one device, then unshared on another,
  // would end shared here and unshared there).
  bool versioned = spec.merge == Merge::per_record && !spec.mutable_fields.empty();
  if (changed.empty() && !versioned) return std::optional<CheckedChange>();
  Result<Draft> after = checked_update(store, here, changed);
  DEBRIEF_TRY(after.status());
  WireChange out = c;
  out.value = unsaved_json(*after);
  return std::optional<CheckedChange>(CheckedChange{std::move(out), std::nullopt});
}

Result<std::optional<CheckedChange>> check_field(Store& store, const Draft& here, const WireChange& c) {
  const KindSpec& spec = *here.spec;
  const FieldSpec* f = field_named(spec, *c.field);
  if (!f || !f->input || !f->column) return invalid(with_article(spec.name) + " has no field '" + *c.field + "' a device may set");
  Result<Draft> after = checked_update(store, here, Json{{*c.field, c.value}});
  DEBRIEF_TRY(after.status());
  WireChange out = c;
  out.value = encode_field(*f, after->at(f->name));
  return std::optional<CheckedChange>(CheckedChange{std::move(out), std::nullopt});
}

}  // namespace

Status clock_in_bounds(Store& store, const WireChange& c) {
  std::int64_t ahead = c.hlc.physical_ms() - store.env().now_ms();
  if (ahead <= kMaxClockAheadMs) return Status::ok();
  return Status(Code::io_error, "the device's clock is " + std::to_string(ahead / 60000) +
                                    " minutes ahead of the server's: set it right, and its changes will go through");
}

Result<std::optional<CheckedChange>> check_pushed(Store& store, const WireChange& c) {
  // Who answered is recorded from the response itself (record_voice), and
  // kept: a pushed participation, new or a delete or an edit, adds nothing
  // and is dropped (devices of protocol 3 still push theirs), before any
  // lookup. Whether one exists must never change the answer: its id follows
  // from public records, so a refusal would tell whether someone answered.
  if (c.kind == Kind::participation) return std::optional<CheckedChange>();
  const KindSpec& spec = spec_of(c.kind);
  Result<Draft> here = load_draft(store, spec, c.record);
  if (!here.is_ok() && here.status().code() != Code::not_found) return here.status();
  bool held = here.is_ok();
  if (held && here->deleted) return std::optional<CheckedChange>();  // a delete is final
  if (c.op == ChangeOp::remove) {
    if (!held) return std::optional<CheckedChange>();  // nothing to delete
    DEBRIEF_TRY(checked_remove(store, *here));
    return std::optional<CheckedChange>(CheckedChange{c, std::nullopt});
  }
  if (c.field) {
    if (spec.merge != Merge::per_field) return invalid(with_article(spec.name) + " travels whole, not field by field");
    if (!held) return invalid("a change to a field of " + with_article(spec.name) + " the server does not have");
    return check_field(store, *here, c);
  }
  if (!c.value.is_object()) return invalid(with_article(spec.name) + " must be a JSON object");
  return held ? check_upsert(store, *here, c) : check_new(store, spec, c);
}

}  // namespace debrief
