// What a batch releases that was withheld: groups of responses, to their
// managers, when they reach the anonymity threshold; a reflection's media,
// to everyone, when it is shared; a team's records, to its new managers.
#include <map>
#include <set>

#include "debrief/answer_group.h"
#include "debrief/records.h"
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
    if (!*in) continue;  // in no group: never shown to managers
    if (auto known = groups.find((*in)->key()); known != groups.end()) {
      ++known->second.second;  // its members were read already
      continue;
    }
    Result<ResponseGroup> g = response_group(records, *stored);
    DEBRIEF_TRY(g.status());
    if (g->key.empty()) continue;
    std::string key = g->key;
    groups.emplace(std::move(key), std::make_pair(std::move(*g), std::int64_t{1}));
  }
  for (const auto& [key, entry] : groups) {
    const ResponseGroup& g = entry.first;
    auto live = static_cast<std::int64_t>(g.responses.size());
    // Only the batch that crosses the threshold: before it the group was withheld, after it it was sent.
    if (!g.shown() || live - entry.second >= g.threshold) continue;
    for (const Id& r : g.responses) DEBRIEF_TRY(reannounce(records, Kind::response, r));
  }
  return Status::ok();
}

bool shares_reflection(const WireChange& c) {
  if (c.kind != Kind::reflection || c.op != ChangeOp::upsert) return false;
  if (c.field) return *c.field == "shared" && c.value == Json(true);
  return c.value.is_object() && c.value.value("shared", false);
}


// The teams whose managers may have changed: each team whose manager or
// parent changed, and every team below one.
Result<std::set<Id>> teams_with_new_managers(Store& records, const std::vector<WireChange>& arrived) {
  std::set<Id> teams;
  for (const WireChange& c : arrived)
    if (c.kind == Kind::team && c.op == ChangeOp::upsert && (!c.field || *c.field == "manager" || *c.field == "parent"))
      teams.insert(c.record);
  if (teams.empty()) return teams;
  Result<std::vector<Json>> all = list(records, Kind::team);
  DEBRIEF_TRY(all.status());
  for (bool grew = true; grew;) {
    grew = false;
    for (const Json& t : *all) {
      std::optional<Id> parent = id_member(t, "parent"), id = id_member(t, "id");
      if (parent && id && teams.count(*parent) && teams.insert(*id).second) grew = true;
    }
  }
  return teams;
}

// Reannounces every live record of `kind` whose `field` is `value`.
Status reannounce_where(Store& records, Kind kind, const char* field, const Id& value) {
  ListOptions where;
  where.where.emplace_back(field, value.hex());
  Result<std::vector<Json>> found = list(records, kind, where);
  DEBRIEF_TRY(found.status());
  for (const Json& r : *found)
    if (std::optional<Id> id = id_member(r, "id")) DEBRIEF_TRY(reannounce(records, kind, *id));
  return Status::ok();
}

Status release_media(Store& records, const std::vector<WireChange>& arrived) {
  for (const WireChange& c : arrived)
    if (shares_reflection(c)) DEBRIEF_TRY(reannounce_where(records, Kind::media, "owner", c.record));
  return Status::ok();
}

// A directory change that gives a team new managers (its manager or parent
// changed) or a person a new team: their new managers may now receive
// records the feed sent before without them. The team's responses and its
// people's participations are announced again; the feed still sends each
// only to whom it may reach (a group under the threshold stays withheld).
Status release_reach(Store& records, const std::vector<WireChange>& arrived) {
  Result<std::set<Id>> teams = teams_with_new_managers(records, arrived);
  DEBRIEF_TRY(teams.status());
  std::set<Id> people;
  for (const WireChange& c : arrived)
    if (c.kind == Kind::person && c.op == ChangeOp::upsert && (!c.field || *c.field == "team")) people.insert(c.record);
  for (const Id& team : *teams) {
    DEBRIEF_TRY(reannounce_where(records, Kind::response, "team", team));
    ListOptions members;
    members.where.emplace_back("team", team.hex());
    Result<std::vector<Json>> in = list(records, Kind::person, members);
    DEBRIEF_TRY(in.status());
    for (const Json& p : *in)
      if (std::optional<Id> id = id_member(p, "id")) people.insert(*id);
  }
  for (const Id& person : people) DEBRIEF_TRY(reannounce_where(records, Kind::participation, "person", person));
  return Status::ok();
}

}  // namespace

Status release_withheld(Store& records, const std::vector<WireChange>& arrived) {
  DEBRIEF_TRY(release_groups(records, arrived));
  DEBRIEF_TRY(release_media(records, arrived));
  return release_reach(records, arrived);
}

}  // namespace debrief::sync
