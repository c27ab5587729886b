#include "debrief/sync/visibility.h"

#include "debrief/records.h"

namespace debrief::sync {
namespace {

std::optional<Id> id_member(const Json& record, const char* name) {
  auto it = record.find(name);
  if (it == record.end() || !it->is_string()) return std::nullopt;
  Result<Id> id = Id::parse(it->get<std::string>());
  return id.is_ok() ? std::optional<Id>(*id) : std::nullopt;
}

bool is(const std::optional<Id>& id, const Id& person) { return id && *id == person; }

Result<bool> response_visible(Store& replica, const Audience& who, const Json& r) {
  if (is(id_member(r, "author"), who.person)) return true;
  if (!who.manages(id_member(r, "team"))) return false;
  Result<ResponseGroup> g = response_group(replica, r);
  DEBRIEF_TRY(g.status());
  return g->shown();
}

}  // namespace

Result<Audience> Audience::of(Store& replica, const Id& person) {
  Audience a;
  a.person = person;
  Result<Json> p = get(replica, Kind::person, person);
  if (p.is_ok()) a.role = p->value("role", std::string("participant"));
  Result<std::vector<Json>> teams = list(replica, Kind::team);
  DEBRIEF_TRY(teams.status());
  // Teams managed directly, then every team below one already managed.
  for (const Json& t : *teams)
    if (is(id_member(t, "manager"), person)) a.managed.insert(*id_member(t, "id"));
  for (bool grew = true; grew;) {
    grew = false;
    for (const Json& t : *teams) {
      std::optional<Id> parent = id_member(t, "parent"), id = id_member(t, "id");
      if (parent && a.managed.count(*parent) && !a.managed.count(*id)) grew = a.managed.insert(*id).second;
    }
  }
  return a;
}

std::string group_key(const Json& r) {
  return r.value("team", Json()).dump() + r.value("survey", Json()).dump() + r.value("event", Json()).dump();
}

Result<ResponseGroup> response_group(Store& replica, const Json& r) {
  ResponseGroup g;
  Result<int> threshold = anonymity_threshold(replica);
  DEBRIEF_TRY(threshold.status());
  g.threshold = *threshold;
  ListOptions same;
  for (const char* member : {"team", "survey", "event"}) {
    if (!r.contains(member) || r[member].is_null()) return g;  // no group: never shown to managers
    same.where.emplace_back(member, r[member].get<std::string>());
  }
  Result<std::int64_t> found = count(replica, Kind::response, same);
  DEBRIEF_TRY(found.status());
  g.responses = *found;
  return g;
}

Result<bool> may_receive(Store& replica, const Audience& who, const Change& change) {
  switch (change.kind) {
    case Kind::organisation:
    case Kind::team:
    case Kind::person:
    case Kind::event:
    case Kind::activity:
    case Kind::survey:
    case Kind::kudos:
    case Kind::plus_one: return true;
    default: break;
  }
  Result<Json> r = get(replica, change.kind, change.record);
  if (!r.is_ok()) return r.status().code() == Code::not_found ? Result<bool>(false) : Result<bool>(r.status());
  switch (change.kind) {
    case Kind::device: return is(id_member(*r, "person"), who.person);
    case Kind::response: return response_visible(replica, who, *r);
    case Kind::participation: {
      if (is(id_member(*r, "person"), who.person)) return true;
      Result<Json> p = get(replica, Kind::person, *id_member(*r, "person"));
      return p.is_ok() && who.manages(id_member(*p, "team"));
    }
    case Kind::media: {  // seen by whoever sees what it is attached to
      std::optional<Kind> owner_kind = kind_named(r->value("owner_kind", ""));
      std::optional<Id> owner = id_member(*r, "owner");
      if (!owner_kind || !owner) return false;
      Change owner_change;
      owner_change.kind = *owner_kind;
      owner_change.record = *owner;
      return may_receive(replica, who, owner_change);
    }
    case Kind::reflection: return is(id_member(*r, "author"), who.person) || r->value("shared", false);
    case Kind::summary: return is(id_member(*r, "author"), who.person) || r->value("published", false);
    case Kind::reply: {
      if (is(id_member(*r, "author"), who.person) || r->value("target_kind", "") == "kudos") return true;
      std::optional<Kind> kind = kind_named(r->value("target_kind", ""));
      std::optional<Id> target = id_member(*r, "target");
      if (!kind || !target) return false;
      Result<Json> t = get(replica, *kind, *target);
      const FieldSpec* author = author_field(spec_of(*kind));
      return t.is_ok() && author && is(id_member(*t, std::string(author->name).c_str()), who.person);
    }
    default: return false;
  }
}

Result<std::optional<RecordScope>> record_scope(Store& records, Kind kind, const Id& record) {
  if (kind != Kind::response && kind != Kind::participation && kind != Kind::reflection && kind != Kind::device &&
      kind != Kind::summary)
    return std::optional<RecordScope>();
  Result<Json> r = get(records, kind, record);
  DEBRIEF_TRY(r.status());
  RecordScope scope;
  switch (kind) {
    case Kind::response:
      scope.owner = id_member(*r, "author");
      scope.team = id_member(*r, "team");
      break;
    case Kind::participation: {
      scope.owner = id_member(*r, "person");
      Result<Json> p = scope.owner ? get(records, Kind::person, *scope.owner) : Result<Json>(not_found("no person"));
      if (p.is_ok()) scope.team = id_member(*p, "team");
      break;
    }
    case Kind::device: scope.owner = id_member(*r, "person"); break;
    default:  // reflections and summaries: their author's, or open once shared or published
      scope.owner = id_member(*r, "author");
      scope.open = r->value(kind == Kind::reflection ? "shared" : "published", false);
  }
  return std::optional<RecordScope>(scope);
}

Status stamped_by(const Id& device, const WireChange& c) {
  // Participations and anonymous responses travel without their device (to_wire).
  bool deviceless = (c.kind == Kind::response || c.kind == Kind::participation) && c.device.is_nil() && !c.field &&
                    c.op == ChangeOp::upsert;
  if (c.device != device && !deviceless) return invalid("a change is stamped with another device");
  return Status::ok();
}

}  // namespace debrief::sync
