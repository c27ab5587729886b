#include "debrief/sync/visibility.h"

#include "debrief/answer_group.h"
#include "debrief/fields.h"
#include "debrief/mutation.h"
#include "debrief/records.h"

namespace debrief::sync {
namespace {

bool is(const std::optional<Id>& id, const Id& person) { return id && *id == person; }

// The scope of `r`, a record of `kind` whose reach is not everyone's or
// decided per record, read by its Reach (kind.h).
RecordScope scope_of(Store& records, Kind kind, const Json& r) {
  const Reach& reach = spec_of(kind).reach;
  RecordScope scope;
  scope.owner = id_member(r, reach.owner);
  if (!reach.open.empty()) scope.open = r.value(std::string(reach.open), false);
  if (reach.readers == Readers::owner_or_managers || reach.readers == Readers::owner_or_group_managers) {
    if (!reach.team.empty()) {
      scope.team = id_member(r, reach.team);
    } else if (scope.owner) {  // the owner's team in the directory
      Result<Json> p = get(records, Kind::person, *scope.owner);
      if (p.is_ok()) scope.team = RecordView<Kind::person>(*p).ref("team");
    }
  }
  return scope;
}

}  // namespace

Result<ResponseGroup> response_group(Store& replica, AnswerGroup group) {
  ResponseGroup g;
  Result<int> threshold = anonymity_threshold(replica);
  DEBRIEF_TRY(threshold.status());
  g.threshold = *threshold;
  Result<std::vector<Id>> in = responses_in(replica, group);
  DEBRIEF_TRY(in.status());
  g.group = std::move(group);
  g.responses = std::move(*in);
  return g;
}

// Media: seen by whoever sees what it is attached to. Replies: by their
// author, by everyone on a kudos, else by the author of what they answer.
Result<bool> ReaderView::per_record(Kind kind, const Json& r) {
  if (kind == Kind::media) {
    RecordView<Kind::media> media(r);
    std::optional<Kind> owner_kind = kind_named(media.text("owner_kind"));
    std::optional<Id> owner = media.id_in("owner");
    if (!owner_kind || !owner) return false;
    Change owner_change;
    owner_change.kind = *owner_kind;
    owner_change.record = *owner;
    return may_receive(owner_change);
  }
  RecordView<Kind::reply> reply(r);
  if (is(reply.ref("author"), who_.person) || reply.is({"target_kind", "kudos"})) return true;
  std::optional<Kind> target_kind = kind_named(reply.text("target_kind"));
  std::optional<Id> target = reply.id_in("target");
  if (!target_kind || !target) return false;
  Result<Json> t = get(replica_, *target_kind, *target);
  const FieldSpec* author = author_field(spec_of(*target_kind));
  return t.is_ok() && author && is(id_member(*t, author->name), who_.person);
}

Result<bool> ReaderView::group_shown(const Json& response) {
  Result<std::optional<AnswerGroup>> group = answer_group_of(replica_, response);
  DEBRIEF_TRY(group.status());
  if (!*group || !(*group)->event) return false;  // in no group: never shown to managers
  std::string key = (*group)->key();
  if (auto known = shown_.find(key); known != shown_.end()) return known->second;
  Result<ResponseGroup> g = response_group(replica_, std::move(**group));
  DEBRIEF_TRY(g.status());
  bool shown = g->shown();
  if (shown) {
    Result<bool> answered = answered_in(replica_, *g->group, who_.person);
    DEBRIEF_TRY(answered.status());
    shown = g->shown(*answered);
  }
  shown_.emplace(std::move(key), shown);
  return shown;
}

Result<bool> in_directory(Store& replica, const Id& person) {
  Result<Json> p = get(replica, Kind::person, person);
  if (!p.is_ok()) return p.status().code() == Code::not_found ? Result<bool>(false) : Result<bool>(p.status());
  return !RecordView<Kind::person>(*p).deleted();
}

Result<Audience> Audience::of(Store& replica, const Id& person) {
  Audience a;
  a.person = person;
  Result<bool> listed = in_directory(replica, person);
  DEBRIEF_TRY(listed.status());
  if (!*listed) return a;  // someone no longer in the directory manages nobody
  Result<std::vector<Json>> teams = list(replica, Kind::team);
  DEBRIEF_TRY(teams.status());
  // Teams managed directly, then every team below one already managed.
  for (const Json& t : *teams)
    if (RecordView<Kind::team> team(t); is(team.ref("manager"), person)) a.managed.insert(team.id());
  for (bool grew = true; grew;) {
    grew = false;
    for (const Json& t : *teams) {
      RecordView<Kind::team> team(t);
      std::optional<Id> parent = team.ref("parent");
      if (parent && a.managed.count(*parent) && !a.managed.count(team.id())) grew = a.managed.insert(team.id()).second;
    }
  }
  return a;
}

Result<ResponseGroup> response_group(Store& replica, const Json& r) {
  Result<std::optional<AnswerGroup>> group = answer_group_of(replica, r);
  DEBRIEF_TRY(group.status());
  if (*group && (*group)->event) return response_group(replica, std::move(**group));
  ResponseGroup none;
  Result<int> threshold = anonymity_threshold(replica);
  DEBRIEF_TRY(threshold.status());
  none.threshold = *threshold;
  return none;
}

Result<bool> ReaderView::may_receive(const Change& change) {
  const Reach& reach = spec_of(change.kind).reach;
  if (reach.readers == Readers::everyone) return true;
  Result<Json> r = get(replica_, change.kind, change.record);
  if (!r.is_ok()) return r.status().code() == Code::not_found ? Result<bool>(false) : Result<bool>(r.status());
  if (reach.readers == Readers::per_record) return per_record(change.kind, *r);
  RecordScope s = scope_of(replica_, change.kind, *r);
  if (is(s.owner, who_.person) || s.open || mutated("reach_rule")) return true;
  if (!who_.manages(s.team)) return false;
  if (reach.readers != Readers::owner_or_group_managers) return true;
  return group_shown(*r);
}

Result<bool> may_receive(Store& replica, const Audience& who, const Change& change) {
  return ReaderView(replica, who).may_receive(change);
}

Result<std::optional<RecordScope>> record_scope(Store& records, Kind kind, const Id& record) {
  Readers readers = spec_of(kind).reach.readers;
  if (readers == Readers::everyone || readers == Readers::per_record) return std::optional<RecordScope>();
  Result<Json> r = get(records, kind, record);
  DEBRIEF_TRY(r.status());
  return std::optional<RecordScope>(scope_of(records, kind, *r));
}

Status stamped_by(const Id& device, const WireChange& c) {
  // Participations and anonymous responses travel without their device (to_wire).
  bool deviceless = (c.kind == Kind::response || c.kind == Kind::participation) && c.device.is_nil() && !c.field &&
                    c.op == ChangeOp::upsert;
  if (c.device != device && !deviceless) return invalid("a change is stamped with another device");
  return Status::ok();
}

}  // namespace debrief::sync
