// What a batch releases that was withheld: groups of responses, to their
// managers, when they reach the anonymity threshold; a reflection's media,
// to everyone, when it is shared; a team's records, to its new managers.
#include <map>
#include <set>
#include <tuple>

#include "debrief/answer_group.h"
#include "debrief/fields.h"
#include "debrief/sync/server_store.h"

namespace debrief::sync {

namespace {

Status release_groups(Store& records, const std::vector<WireChange>& arrived) {
  std::map<std::string, std::pair<ResponseGroup, std::int64_t>> groups;  // key -> (the group, how many came)
  for (const WireChange& c : arrived) {
    if (c.kind != Kind::response || c.field || c.op != ChangeOp::upsert) continue;
    // As stored, not as pushed: the server set its team from the directory.
    Result<Json> stored = get(records, Kind::response, c.record);
    if (!stored.is_ok()) continue;  // held in the pool, or refused: nothing arrived
    Result<std::optional<AnswerGroup>> in = answer_group_of(records, *stored);
    DEBRIEF_TRY(in.status());
    if (!*in || !(*in)->event) continue;  // in no group: never shown to managers
    std::string key = (*in)->key();
    if (auto known = groups.find(key); known != groups.end()) {
      ++known->second.second;  // its members were read already
      continue;
    }
    Result<ResponseGroup> g = response_group(records, std::move(**in));  // the group found above, not again
    DEBRIEF_TRY(g.status());
    groups.emplace(std::move(key), std::make_pair(std::move(*g), std::int64_t{1}));
  }
  for (const auto& [key, entry] : groups) {
    const ResponseGroup& g = entry.first;
    std::int64_t before = static_cast<std::int64_t>(g.responses.size()) - entry.second;
    // Only the batch that crosses the threshold, for managers who did not
    // answer in the group, or the threshold and one, for those who did
    // (ResponseGroup::shown): before it the group was withheld from them.
    if (!g.shown() || before > g.threshold) continue;
    for (const Id& r : g.responses) DEBRIEF_TRY(reannounce(records, Kind::response, r));
  }
  return Status::ok();
}

// The value `c` gives field `f` of a record of kind K: an upsert of that
// field, or the member of an upsert of the whole record; none otherwise.
template <Kind K>
const Json* given(const WireChange& c, AnyField<K> f) {
  if (c.kind != K || c.op != ChangeOp::upsert) return nullptr;
  if (c.field) return *c.field == f.name() ? &c.value : nullptr;
  if (!c.value.is_object()) return nullptr;
  auto it = c.value.find(f.name());
  return it == c.value.end() ? nullptr : &*it;
}

bool shares_reflection(const WireChange& c) {
  const Json* shared = given<Kind::reflection>(c, "shared");
  return shared && *shared == Json(true);
}

// The teams whose managers may have changed: each team whose manager or
// parent changed, and every team below one.
Result<std::set<Id>> teams_with_new_managers(Store& records, const std::vector<WireChange>& arrived) {
  std::set<Id> teams;
  for (const WireChange& c : arrived)
    if (given<Kind::team>(c, "manager") || given<Kind::team>(c, "parent")) teams.insert(c.record);
  if (teams.empty()) return teams;
  Result<std::vector<Json>> all = list(records, Kind::team);
  DEBRIEF_TRY(all.status());
  for (bool grew = true; grew;) {
    grew = false;
    for (const Json& t : *all) {
      RecordView<Kind::team> team(t);
      std::optional<Id> parent = team.ref("parent");
      if (parent && teams.count(*parent) && teams.insert(team.id()).second) grew = true;
    }
  }
  return teams;
}

// Reannounces every live record of kind K whose `field` is `value`.
template <Kind K>
Status reannounce_where(Store& records, FilterField<K> field, const Id& value) {
  Result<std::vector<Json>> found = list(records, K, {.where = {filter_by<K>(field, value)}});
  DEBRIEF_TRY(found.status());
  for (const Json& r : *found) DEBRIEF_TRY(reannounce(records, K, RecordView<K>(r).id()));
  return Status::ok();
}

Status release_media(Store& records, const std::vector<WireChange>& arrived) {
  for (const WireChange& c : arrived)
    if (shares_reflection(c)) DEBRIEF_TRY(reannounce_where<Kind::media>(records, "owner", c.record));
  return Status::ok();
}

// A directory change that gives a team new managers (its manager or parent
// changed) or a person a new team: their new managers may now receive
// records the feed sent before without them, and so may a moved manager
// the teams she manages. The team's responses and its people's
// participations are announced again; the feed still sends each
// only to whom it may reach (a group under the threshold stays withheld).
Status release_reach(Store& records, const std::vector<WireChange>& arrived) {
  Result<std::set<Id>> teams = teams_with_new_managers(records, arrived);
  DEBRIEF_TRY(teams.status());
  std::set<Id> people;
  for (const WireChange& c : arrived)
    if (given<Kind::person>(c, "team")) people.insert(c.record);
  // A manager who leaves a team she manages no longer has her own answer
  // in its groups (answered_in): they may now reach her.
  for (const Id& person : std::set<Id>(people)) {
    Result<Audience> who = Audience::of(records, person);
    DEBRIEF_TRY(who.status());
    teams->insert(who->managed.begin(), who->managed.end());
  }
  for (const Id& team : *teams) {
    DEBRIEF_TRY(reannounce_where<Kind::response>(records, "team", team));
    Result<std::vector<Json>> in = list(records, Kind::person, {.where = {filter_by<Kind::person>("team", team)}});
    DEBRIEF_TRY(in.status());
    for (const Json& p : *in) people.insert(RecordView<Kind::person>(p).id());
  }
  for (const Id& person : people) DEBRIEF_TRY(reannounce_where<Kind::participation>(records, "person", person));
  return Status::ok();
}

// Whether `c` gives field `f` a value `stored` (the record as held, if it
// is) does not hold.
template <Kind K>
bool gives_new(const Result<Json>& stored, const WireChange& c, AnyField<K> f) {
  const Json* value = given<K>(c, f);
  return value && (!stored.is_ok() || stored->value(std::string(f.name()), Json()) != *value);
}

// Whether `c`, not applied yet, changes what release_withheld looks at.
Result<bool> may_release(Store& records, const WireChange& c) {
  if (c.kind != Kind::response && c.kind != Kind::reflection && c.kind != Kind::team && c.kind != Kind::person)
    return false;
  Result<Json> stored = get(records, c.kind, c.record);
  if (!stored.is_ok() && stored.status().code() != Code::not_found) return stored.status();
  switch (c.kind) {
    case Kind::response: return !stored.is_ok() && c.op == ChangeOp::upsert && !c.field;
    case Kind::reflection: return shares_reflection(c) && !(stored.is_ok() && RecordView<Kind::reflection>(*stored).flag("shared"));
    case Kind::team: return gives_new<Kind::team>(stored, c, "manager") || gives_new<Kind::team>(stored, c, "parent");
    default: return gives_new<Kind::person>(stored, c, "team");
  }
}

}  // namespace

Result<std::vector<WireChange>> releasing(Store& records, const std::vector<WireChange>& pushed) {
  std::vector<WireChange> out;
  std::set<std::tuple<Kind, Id, std::string, std::string>> seen;
  for (const WireChange& c : pushed) {
    if (!seen.emplace(c.kind, c.record, c.field.value_or(""), c.value.dump()).second) continue;  // a replay within the batch
    Result<bool> may = may_release(records, c);
    DEBRIEF_TRY(may.status());
    if (*may) out.push_back(c);
  }
  return out;
}

Status release_withheld(Store& records, const std::vector<WireChange>& arrived) {
  DEBRIEF_TRY(release_groups(records, arrived));
  DEBRIEF_TRY(release_media(records, arrived));
  return release_reach(records, arrived);
}

}  // namespace debrief::sync
