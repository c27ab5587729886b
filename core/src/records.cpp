#include "debrief/records.h"

#include <algorithm>

#include "debrief/article.h"
#include "debrief/mutation.h"
#include "debrief/store.h"
#include "checked_write.h"
#include "draft.h"
#include "kind_rules.h"
#include "store_impl.h"
#include "table_sql.h"

namespace debrief {
namespace {

std::string field_names(const KindSpec& spec) {
  std::string out;
  for (const FieldSpec& f : spec.fields)
    if (f.input) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

// The members every record's JSON has beside its fields (records.h).
bool is_record_member(std::string_view name) {
  return name == "id" || name == "kind" || name == "created_at" || name == "deleted";
}

// Decodes the members of `fields` into `draft`, refusing unknown fields,
// fields the core sets, and (when updating) fields that may not change. A
// pushed record (`pushed`) carries the members every replica shows: "id",
// "kind", "created_at" and "deleted" are skipped, and so are the fields the
// core sets, which the kind's rules set again here (author, a response's
// team), except on kinds only the core makes (media, participations), whose
// fields but the author come from the device that made them.
Status apply_input(Store& store, Draft& draft, const Json& fields, bool updating, bool pushed) {
  const KindSpec& spec = *draft.spec;
  if (!fields.is_object()) return invalid("the fields of " + with_article(spec.name) + " must be a JSON object");
  const FieldSpec* author = author_field(spec);
  for (const auto& [name, value] : fields.items()) {
    const FieldSpec* f = field_named(spec, name);
    if (pushed && (!f ? is_record_member(name) : (!f->input && (spec.creatable || f == author)))) continue;
    if (!f || (!f->input && !pushed)) {
      return invalid(with_article(spec.name) + " has no field '" + name +
                     "' you can set; its fields are: " + field_names(spec));
    }
    if (updating && !may_change(spec, name)) {
      return invalid("the " + name + " of " + with_article(spec.name) + " cannot change once given");
    }
    if (!f->column) continue;  // kept outside the row; the kind's rules read draft.input
    Result<DbValue> v = decode_field(store, *f, value);
    DEBRIEF_TRY(v.status());
    draft.at(name) = std::move(*v);
  }
  return Status::ok();
}

void fill_defaults(Draft& draft) {
  for (std::size_t i = 0; i < draft.spec->fields.size(); ++i) {
    const FieldSpec& f = draft.spec->fields[i];
    if (!std::holds_alternative<std::monostate>(draft.values[i])) continue;
    if (f.default_int) draft.values[i] = *f.default_int;
    else if (!f.default_text.empty()) draft.values[i] = std::string(f.default_text);
  }
}

Status check_required(const Draft& draft) {
  for (std::size_t i = 0; i < draft.spec->fields.size(); ++i) {
    const FieldSpec& f = draft.spec->fields[i];
    if (!f.required || !f.input) continue;
    bool missing = f.column ? std::holds_alternative<std::monostate>(draft.values[i])
                            : !draft.input.contains(f.name);
    if (missing) return invalid(std::string(f.name) + " is required for " + with_article(draft.spec->name));
  }
  return Status::ok();
}

Result<Draft> load_live(Store& store, const KindSpec& spec, Id id) {
  Result<Draft> d = load_draft(store, spec, id);
  DEBRIEF_TRY(d.status());
  if (d->deleted) return not_found("the " + std::string(spec.name) + " " + id.hex() + " was deleted");
  return d;
}

// Whether the person whose rights limit a write may make it (actor.h,
// limiting_actor): their role allows the kind, and only a record's author
// changes or deletes it.
Status check_actor(Store& store, const KindSpec& spec, const Draft* before) {
  Result<std::optional<Actor>> actor = limiting_actor(store);
  DEBRIEF_TRY(actor.status());
  if (!*actor) return Status::ok();
  if (!role_may_write((*actor)->role, spec.kind))
    return invalid(with_article(role_name((*actor)->role)) + " may not change " + std::string(spec.plural));
  const FieldSpec* author = author_field(spec);
  if (!before || !author) return Status::ok();
  std::optional<Id> wrote = before->ref(author->name);
  if (!wrote) return invalid("nobody can show this " + std::string(spec.name) + " is theirs, so it cannot be changed or deleted");
  if (*wrote != (*actor)->person && !mutated("author_check"))
    return invalid("only its author can change or delete this " + std::string(spec.name));
  return Status::ok();
}

// Writes the changed columns of `after` and logs them: one change per field
// for editable kinds, one for the whole record otherwise.
Status write_update(Store& store, const Draft& before, const Draft& after) {
  const KindSpec& spec = *after.spec;
  Store::Impl& impl = impl_of(store);
  bool any = false;
  for (std::size_t i : table_sql(spec.kind).column_fields) {
    if (before.values[i] == after.values[i]) continue;
    any = true;
    DEBRIEF_TRY(set_field(store, spec, after.id, spec.fields[i], after.values[i]));
    if (spec.merge == Merge::per_field) {
      DEBRIEF_TRY(impl.log_change(spec.kind, after.id, spec.fields[i].name, ChangeOp::upsert,
                                  [&](sql::Stmt& st, int p) { bind_value(st, p, after.values[i]); }));
    }
  }
  if (any && spec.merge == Merge::per_record)
    return impl.log_change(spec.kind, after.id, std::nullopt, ChangeOp::upsert, nullptr);
  return Status::ok();
}

}  // namespace

Result<Draft> checked_create(Store& store, Kind kind, const Json& fields, const NewRecord& pushed) {
  const KindSpec& spec = spec_of(kind);
  if (!spec.creatable && !pushed.id) return invalid(std::string(spec.plural) + " are made by Debrief itself, not created directly");
  Draft draft(spec);
  draft.input = fields;
  DEBRIEF_TRY(apply_input(store, draft, fields, false, pushed.id.has_value()));
  fill_defaults(draft);
  DEBRIEF_TRY(check_required(draft));
  DEBRIEF_TRY(check_actor(store, spec, nullptr));
  const KindRules& rules = rules_of(kind);
  draft.created_at = pushed.created_at.value_or(impl_of(store).now_s());
  draft.id = pushed.id.value_or(Id{});
  if (rules.check) DEBRIEF_TRY(rules.check(store, draft, nullptr));
  if (pushed.id && rules.derived_id) {
    Result<Id> id = rules.derived_id(store, draft);
    DEBRIEF_TRY(id.status());
    if (*id != *pushed.id) return invalid(with_article(spec.name) + "'s id is derived from what it names and who wrote it; this one is not");
  } else if (!pushed.id) {
    Result<Id> id = rules.derived_id ? rules.derived_id(store, draft)
                    : rules.make_id  ? rules.make_id(store, draft)
                                     : Result<Id>(Id::make(store.env()));
    DEBRIEF_TRY(id.status());
    draft.id = *id;
  }
  return draft;
}

Result<Draft> checked_update(Store& store, const Draft& before, const Json& fields) {
  const KindSpec& spec = *before.spec;
  if (!spec.creatable) return invalid(std::string(spec.plural) + " cannot be edited");
  if (before.deleted) return not_found("the " + std::string(spec.name) + " " + before.id.hex() + " was deleted");
  Draft after = before;
  after.input = fields;
  DEBRIEF_TRY(apply_input(store, after, fields, true, false));
  DEBRIEF_TRY(check_actor(store, spec, &before));
  if (auto check = rules_of(spec.kind).check) DEBRIEF_TRY(check(store, after, &before));
  return after;
}

Status checked_remove(Store& store, const Draft& before) {
  // Who answered is kept for response rates and one voice (docs/privacy.md).
  if (before.spec->kind == Kind::participation) return invalid("a participation is kept: who answered cannot be deleted");
  return check_actor(store, *before.spec, &before);
}

Result<Id> create(Store& store, Kind kind, const Json& fields) {
  Result<Draft> draft = checked_create(store, kind, fields, {});
  DEBRIEF_TRY(draft.status());
  const KindRules& rules = rules_of(kind);
  Tx tx(impl_of(store));
  DEBRIEF_TRY(tx.status());
  DEBRIEF_TRY(insert_draft(store, *draft));
  if (rules.write_extra) DEBRIEF_TRY(rules.write_extra(store, *draft));
  if (rules.after_local_create) DEBRIEF_TRY(rules.after_local_create(store, *draft));
  DEBRIEF_TRY(tx.commit());
  return draft->id;
}

Status update(Store& store, Kind kind, Id id, const Json& fields) {
  Result<Draft> before = load_live(store, spec_of(kind), id);
  DEBRIEF_TRY(before.status());
  Result<Draft> after = checked_update(store, *before, fields);
  DEBRIEF_TRY(after.status());
  Tx tx(impl_of(store));
  DEBRIEF_TRY(tx.status());
  DEBRIEF_TRY(write_update(store, *before, *after));
  return tx.commit();
}

Status remove(Store& store, Kind kind, Id id) {
  const KindSpec& spec = spec_of(kind);
  Result<Draft> before = load_live(store, spec, id);
  DEBRIEF_TRY(before.status());
  DEBRIEF_TRY(checked_remove(store, *before));
  Store::Impl& impl = impl_of(store);
  Tx tx(impl);
  DEBRIEF_TRY(tx.status());
  DEBRIEF_TRY(tombstone(store, spec, id));
  DEBRIEF_TRY(impl.log_change(kind, id, std::nullopt, ChangeOp::remove, nullptr));
  return tx.commit();
}

std::optional<Id> id_member(const Json& record, std::string_view name) {
  auto it = record.find(std::string(name));
  if (it == record.end() || !it->is_string()) return std::nullopt;
  Result<Id> id = Id::parse(it->get<std::string>());
  return id.is_ok() ? std::optional<Id>(*id) : std::nullopt;
}

Result<Json> get_readable(Store& store, Kind kind, Id id) {
  Result<Json> r = get(store, kind, id);
  DEBRIEF_TRY(r.status());
  const Reach& reach = spec_of(kind).reach;
  if (reach.readers != Readers::owner_or_open || r->value(std::string(reach.open), false)) return r;
  std::optional<Id> me = store.me(), owner = id_member(*r, reach.owner);
  if (me && owner && *me == *owner) return r;
  return not_found("no " + std::string(spec_of(kind).name) + " with id " + id.hex() + " that you may read (it is private to " +
                   "its author)");
}

Result<Json> get(Store& store, Kind kind, Id id) {
  Result<Draft> d = load_draft(store, spec_of(kind), id);
  DEBRIEF_TRY(d.status());
  return draft_to_json(store, *d);
}

namespace {

// The statement selecting `what` from the records `options` describe,
// parameters bound: list() and count() share it.
Result<std::unique_ptr<sql::Stmt>> select(Store& store, Kind kind, const ListOptions& options, const std::string& what,
                                          bool ordered) {
  const KindSpec& spec = spec_of(kind);
  if (options.limit < 0)
    return invalid("a limit of " + std::to_string(options.limit) + " lists nothing: give 1 or more, or no limit to list all");
  const TableSql& t = table_sql(kind);
  std::string sql = "SELECT " + what + " FROM " + t.table + " WHERE 1";
  if (!options.include_deleted) sql += " AND deleted = 0";
  std::vector<DbValue> params;
  for (const auto& [name, value] : options.where) {
    const FieldSpec* f = field_named(spec, name);
    if (!f || !f->column) return invalid(std::string(spec.plural) + " cannot be filtered by '" + name + "'");
    if (f->type == FieldType::ref_list) {
      Result<Id> id = resolve_id(store, f->ref_kind, value);
      DEBRIEF_TRY(id.status());
      sql += " AND EXISTS (SELECT 1 FROM json_each(" + quoted(f->name) + ") WHERE value = ?)";
      params.emplace_back(id->hex());
      continue;
    }
    Json typed = value;
    if (f->type == FieldType::boolean) typed = value == "true" || value == "1";
    else if (f->type == FieldType::integer) typed = Json::parse(value, nullptr, false);
    Result<DbValue> v = decode_field(store, *f, typed);
    DEBRIEF_TRY(v.status());
    sql += " AND " + quoted(f->name) + " = ?";
    params.push_back(std::move(*v));
  }
  if (const Reach& reach = spec.reach; reach.readers == Readers::owner_or_open) {
    // Private to their owner until opened (shared, published): get_readable's rule.
    std::optional<Id> me = store.me();
    sql += " AND (" + quoted(reach.open) + " = 1 OR " + quoted(reach.owner) + " = ?)";
    params.emplace_back(me ? DbValue(*me) : DbValue(std::monostate{}));
  }
  if (options.start_after) {
    sql += options.newest_first ? " AND id < ?" : " AND id > ?";
    params.emplace_back(*options.start_after);
  }
  if (ordered) sql += options.newest_first ? " ORDER BY id DESC" : " ORDER BY id";
  if (options.limit > 0) sql += " LIMIT " + std::to_string(options.limit);
  auto stmt = impl_of(store).db->prepare(sql);
  DEBRIEF_TRY(stmt.status());
  for (std::size_t i = 0; i < params.size(); ++i) bind_value(**stmt, static_cast<int>(i + 1), params[i]);
  return stmt;
}

}  // namespace

Result<std::vector<Json>> list(Store& store, Kind kind, const ListOptions& options) {
  auto stmt = select(store, kind, options, table_sql(kind).columns, true);
  DEBRIEF_TRY(stmt.status());
  std::vector<Json> out;
  while ((*stmt)->step()) {
    Result<Json> j = draft_to_json(store, draft_from_row(spec_of(kind), **stmt));
    DEBRIEF_TRY(j.status());
    out.push_back(std::move(*j));
  }
  DEBRIEF_TRY((*stmt)->status());
  return out;
}

Result<std::int64_t> count(Store& store, Kind kind, const ListOptions& options) {
  ListOptions unlimited = options;
  unlimited.limit = 0;
  auto stmt = select(store, kind, unlimited, "count(*)", false);
  DEBRIEF_TRY(stmt.status());
  std::int64_t n = (*stmt)->step() ? (*stmt)->int64(0) : 0;
  DEBRIEF_TRY((*stmt)->status());
  return n;
}

namespace {

bool is_id_prefix(std::string_view text) {
  return text.size() >= 4 && text.size() <= 32 && text.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

// The record whose hex id is or starts with `text` (is_id_prefix).
Result<Id> resolve_id_prefix(Store& store, Kind kind, std::string_view text) {
  const std::string what = std::string(spec_of(kind).name);
  // The ids starting with the prefix lie between prefix+000... and prefix+fff...
  Result<Id> low = Id::parse(std::string(text) + std::string(32 - text.size(), '0'));
  Result<Id> high = Id::parse(std::string(text) + std::string(32 - text.size(), 'f'));
  DEBRIEF_TRY(low.status());
  DEBRIEF_TRY(high.status());
  sql::Stmt& s = impl_of(store).db->cached("SELECT id FROM " + table_sql(kind).table +
                                         " WHERE id BETWEEN ? AND ? LIMIT 2");
  s.bind(1, *low).bind(2, *high);
  std::vector<Id> found;
  while (s.step()) found.push_back(s.id(0));
  DEBRIEF_TRY(s.status());
  s.reset();
  if (found.empty())
    return not_found("no " + what + (text.size() == 32 ? " with id " : " with an id starting ") + std::string(text));
  if (found.size() > 1) return invalid("more than one " + what + " has an id starting " + std::string(text) + "; give more digits");
  return found[0];
}

// The live records of `kind` whose name is `text`, ignoring ASCII case, as
// (id, name) pairs; at most 5.
Result<std::vector<std::pair<Id, std::string>>> named(Store& store, Kind kind, const FieldSpec& name,
                                                      std::string_view text) {
  sql::Stmt& s = impl_of(store).db->cached("SELECT id, " + quoted(name.name) + " FROM " + table_sql(kind).table +
                                         " WHERE deleted = 0 AND " + quoted(name.name) + " = ? COLLATE NOCASE LIMIT 5");
  s.bind(1, text);
  std::vector<std::pair<Id, std::string>> found;
  while (s.step()) found.emplace_back(s.id(0), s.text(1));
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

// The one live record of `kind` named `text`; nothing when none is.
Result<std::optional<Id>> resolve_name(Store& store, Kind kind, const FieldSpec& name, std::string_view text) {
  auto found = named(store, kind, name, text);
  DEBRIEF_TRY(found.status());
  if (found->empty()) return std::optional<Id>();
  if (found->size() == 1) return std::optional<Id>(found->front().first);
  std::string matches;
  for (const auto& [id, shown] : *found) matches += (matches.empty() ? "" : ", ") + id.hex() + " (" + shown + ")";
  return invalid("more than one " + std::string(spec_of(kind).name) + " is called '" + std::string(text) +
                 "': " + matches + (found->size() == 5 ? ", ..." : "") + "; give the id instead");
}

}  // namespace

Result<Id> resolve_id(Store& store, Kind kind, std::string_view text) {
  const KindSpec& spec = spec_of(kind);
  const FieldSpec* name = name_field(spec);
  if (is_id_prefix(text)) {
    Result<Id> by_id = resolve_id_prefix(store, kind, text);
    if (by_id.status().code() != Code::not_found || !name || text.size() == 32) return by_id;
  }
  std::string shown = std::string(text.substr(0, 40));
  if (name) {
    Result<std::optional<Id>> by_name = resolve_name(store, kind, *name, text);
    DEBRIEF_TRY(by_name.status());
    if (*by_name) return **by_name;
    if (is_id_prefix(text))
      return not_found("no " + std::string(spec.name) + " with an id starting " + shown + ", nor one called '" + shown + "'");
  }
  return invalid("'" + shown + "' is not " + with_article(spec.name) + " id (32 hex digits, or a unique prefix of at least 4)" +
                 (name ? " nor the " + std::string(name->name) + " of one" : ""));
}

}  // namespace debrief
