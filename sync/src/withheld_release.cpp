// What a batch releases that was withheld: groups of responses, to their
// managers, when they reach the anonymity threshold; a reflection's media,
// to everyone, when it is shared.
#include <map>

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

Status release_media(Store& records, const std::vector<WireChange>& arrived) {
  for (const WireChange& c : arrived) {
    if (!shares_reflection(c)) continue;
    ListOptions attached;
    attached.where.emplace_back("owner", c.record.hex());
    Result<std::vector<Json>> media = list(records, Kind::media, attached);
    DEBRIEF_TRY(media.status());
    for (const Json& m : *media) DEBRIEF_TRY(reannounce(records, Kind::media, *Id::parse(m["id"].get<std::string>())));
  }
  return Status::ok();
}

}  // namespace

Status release_withheld(Store& records, const std::vector<WireChange>& arrived) {
  DEBRIEF_TRY(release_groups(records, arrived));
  return release_media(records, arrived);
}

}  // namespace debrief::sync
