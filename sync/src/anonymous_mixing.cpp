#include "debrief/sync/anonymous_mixing.h"

#include <algorithm>
#include <random>

#include "debrief/answer_group.h"
#include "debrief/fields.h"

namespace debrief::sync {

bool is_anonymous_response(const WireChange& c) {
  if (c.kind != Kind::response || c.field || c.op != ChangeOp::upsert || !c.value.is_object()) return false;
  return RecordView<Kind::response>(c.value).flag("anonymous");
}

namespace {

// Accepts a group's held responses into the feed in random order, and
// lets go of them in the same transaction (Push::settle).
Result<std::int64_t> release(ServerStore& store, const std::string& group) {
  Result<std::vector<WireChange>> held = store.pool().held(group);
  DEBRIEF_TRY(held.status());
  std::uint64_t seed = 0;
  store.entropy().random_bytes(reinterpret_cast<std::uint8_t*>(&seed), sizeof seed);
  std::shuffle(held->begin(), held->end(), std::mt19937_64(seed));
  std::vector<Id> released;
  for (const WireChange& c : *held) released.push_back(c.record);
  Push from_pool;  // checked when pushed
  from_pool.settle = [&] { return store.pool().remove(released); };
  return store.accept(*held, from_pool);
}

}  // namespace

Result<Pooling> Pooling::of(ServerStore& store, const std::vector<WireChange>& pushed) {
  Pooling p;
  for (const WireChange& c : pushed) {
    if (!is_anonymous_response(c)) continue;
    Result<bool> holds = store.pool().holds(c.record);
    DEBRIEF_TRY(holds.status());
    if (*holds) p.held_already.insert(c.record);
  }
  return p;
}

Result<Diverted> Pooling::divert(const WireChange& checked) {
  if (!is_anonymous_response(checked)) return Diverted::no;
  if (held_already.count(checked.record)) return Diverted::held_already;
  fresh.push_back(checked);
  return Diverted::held;
}

Status pool_anonymous(ServerStore& store, const std::vector<WireChange>& responses, std::int64_t today) {
  std::vector<PooledResponse> fresh;
  for (const WireChange& c : responses) {
    Result<Json> known = get(store.records(), Kind::response, c.record);
    if (known.is_ok()) continue;  // released already: a replay
    if (known.status().code() != Code::not_found) return known.status();
    Result<std::optional<AnswerGroup>> group = answer_group_of(store.records(), c.value);
    DEBRIEF_TRY(group.status());
    fresh.push_back({*group ? (*group)->key() : std::string(), c});  // in no group: they wait together
  }
  return fresh.empty() ? Status::ok() : store.pool().add(fresh, today);
}

Result<std::int64_t> release_ripe(ServerStore& store) {
  Result<int> threshold = anonymity_threshold(store.records());
  DEBRIEF_TRY(threshold.status());
  Result<std::vector<std::string>> ripe = store.pool().ripe_groups(*threshold);
  DEBRIEF_TRY(ripe.status());
  std::int64_t latest = 0;
  for (const std::string& group : *ripe) {
    Result<std::int64_t> after = release(store, group);
    DEBRIEF_TRY(after.status());
    latest = *after;
  }
  return latest;
}

}  // namespace debrief::sync
