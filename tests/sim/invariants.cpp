#include "invariants.h"

#include "debrief/change_log.h"
#include "debrief/media.h"
#include "debrief/records.h"
#include "sim_disk.h"

namespace debrief::sim {
namespace {

std::string device_name(int device) { return "device " + std::to_string(device); }

std::optional<Json> record_on(Store& store, Kind kind, const Id& id) {
  Result<Json> r = get(store, kind, id);
  if (!r.is_ok()) return std::nullopt;
  return *r;
}

// Every live record of every kind, by kind and id.
std::map<std::pair<Kind, Id>, Json> everything(Store& store) {
  std::map<std::pair<Kind, Id>, Json> all;
  for (const KindSpec& spec : all_kinds()) {
    Kind kind = spec.kind;
    Result<std::vector<Json>> records = list(store, kind);
    if (!records.is_ok()) continue;
    for (Json& r : *records) {
      Id id = *Id::parse(r.value("id", ""));  // before the move: Json's operator= takes its argument by value
      all.emplace(std::pair{kind, id}, std::move(r));
    }
  }
  return all;
}

// Whether `person` may see reflection `r`: they wrote it, or it is shared.
bool may_see_reflection(const Json& r, const Id& person) { return r.value("author", "") == person.hex() || r.value("shared", false); }

// Whether `person` may see what media record `m` is attached to, by the
// rules: a reflection's as the reflection; kudos and events, everyone's.
bool may_see_owner(Store& records, const Id& person, const Json& m) {
  if (m.value("owner_kind", "") != "reflection") return true;
  std::optional<Json> r = record_on(records, Kind::reflection, *Id::parse(m.value("owner", "")));
  return r && may_see_reflection(*r, person);
}

}  // namespace

void Invariants::fail(const std::string& invariant, const std::string& detail) {
  if (failed()) return;  // the first broken invariant is the one to debug
  failure_ = {invariant, detail, trace_.current_step()};
  trace_.say("FAILED " + invariant + ": " + detail);
}

void Invariants::check_anonymous(const std::string& where, const WireChange& c) {
  if (c.kind != Kind::response || c.field || !c.value.is_object() || c.value.value("anonymous", false) != true) return;
  if (!c.device.is_nil()) fail("anonymity", where + ": an anonymous response " + short_id(c.record) + " names its device");
  if (c.value.contains("author") && !c.value["author"].is_null())
    fail("anonymity", where + ": an anonymous response " + short_id(c.record) + " names its author");
  if (c.hlc.physical_ms() % 86'400'000 != 0 || c.hlc.logical() != 0)
    fail("anonymity", where + ": an anonymous response " + short_id(c.record) + " carries its exact time");
}

// One change as a trace shows it: kind, record, field or "whole", value.
std::string traced(const WireChange& c) {
  std::string value = c.value.dump();
  if (value.size() > 60) value = value.substr(0, 57) + "...";
  return std::string(spec_of(c.kind).name) + " " + short_id(c.record) + " " + (c.field ? *c.field : "whole") + "=" + value +
         " @" + c.hlc.to_string() + " by " + (c.device.is_nil() ? "nobody" : short_id(c.device));
}

void Invariants::heard(int device, const sync::pb::Frame& f) {
  if (!f.has_push()) return;
  pushed_[device] = f.push();
  trace_.say("server hears " + device_name(device) + " push batch " + std::to_string(f.push().batch_id()));
  for (const auto& p : f.push().changes()) {
    Result<WireChange> c = sync::from_proto(p);
    if (!c.is_ok()) continue;
    trace_.say("  " + traced(*c));
    check_anonymous("pushed by " + device_name(device), *c);
  }
}

std::int64_t Invariants::group_size(const Json& response) {
  ListOptions where{.where = {{"survey", response.value("survey", "")}}};
  for (const char* field : {"team", "event", "activity"})
    if (response.contains(field) && response[field].is_string()) where.where.emplace_back(field, response[field].get<std::string>());
  Result<std::vector<Json>> group = list(server_.store().records(), Kind::response, where);
  if (!group.is_ok()) return 0;
  std::int64_t n = 0;
  for (const Json& r : *group) {
    bool same_activity = r.value("activity", Json()) == response.value("activity", Json());
    if (same_activity) ++n;
  }
  return n;
}

void Invariants::check_pulled(int device, const WireChange& c) {
  const Id& person = people_.at(device);
  std::string to = "sent to " + device_name(device) + " (" + short_id(person) + ")";
  check_anonymous(to, c);
  Store& records = server_.store().records();
  if (c.kind == Kind::reflection) {
    std::optional<Json> r = record_on(records, Kind::reflection, c.record);
    if (r && !may_see_reflection(*r, person))
      fail("private_reflection", to + ": reflection " + short_id(c.record) + " of " + r->value("author", "").substr(24) + ", not shared");
  }
  if (c.kind == Kind::summary && c.op == ChangeOp::upsert) {  // to others: whole, and only as published
    std::optional<Json> r = record_on(records, Kind::summary, c.record);
    bool published = !c.field && c.value.is_object() && c.value.value("published", false);
    if (r && r->value("author", "") != person.hex() && !published)
      fail("private_summary", to + ": summary " + short_id(c.record) + " of " + r->value("author", "").substr(24) +
                                  (c.field ? ", a field of it as logged" : ", unpublished"));
  }
  if (c.kind == Kind::media) {
    std::optional<Json> m = record_on(records, Kind::media, c.record);
    if (m && !may_see_owner(records, person, *m))
      fail("private_reflection", to + ": media " + short_id(c.record) + " of a reflection they may not see");
  }
  if (c.kind == Kind::response) {
    std::optional<Json> r = record_on(records, Kind::response, c.record);
    if (!r || r->value("author", Json()) == Json(person.hex())) return;
    std::optional<Json> team = r->contains("team") && (*r)["team"].is_string()
                                   ? record_on(records, Kind::team, *Id::parse((*r)["team"].get<std::string>()))
                                   : std::nullopt;
    if (!team || team->value("manager", "") != person.hex())
      fail("response_reach", to + ": response " + short_id(c.record) + " of a team they do not manage");
    else if (group_size(*r) < dir_.threshold)
      fail("anonymity_threshold", to + ": response " + short_id(c.record) + " in a group of " + std::to_string(group_size(*r)) +
                                      ", under the threshold of " + std::to_string(dir_.threshold));
  }
}

void Invariants::says(int device, const sync::pb::Frame& f) {
  if (f.has_error()) trace_.say("server tells " + device_name(device) + ": " + f.error().message());
  if (f.has_push_ack()) trace_.say("server acks " + device_name(device) + "'s batch " + std::to_string(f.push_ack().batch_id()));
  if (f.has_pull_batch())
    trace_.say("server sends " + device_name(device) + " " + std::to_string(f.pull_batch().changes_size()) + " changes up to " +
               std::to_string(f.pull_batch().cursor()));
  if (f.has_error() && f.error().code() == sync::pb::Error::INTERNAL && !disk::struck(server_.dir()))
    fail("server_error", "the server told " + device_name(device) + ": " + f.error().message());
  if (revoked_.count(device) && (f.has_welcome() || f.has_pull_batch() || f.has_push_ack()))
    fail("revocation", "the server answered " + device_name(device) + ", revoked, with more than an error");
  if (f.has_media_manifest() && f.media_manifest().available()) check_blob_reach(device, f.media_manifest().sha256());
  if (f.has_pull_batch()) {
    for (const auto& p : f.pull_batch().changes()) {
      Result<WireChange> c = sync::from_proto(p);
      if (!c.is_ok()) fail("server_error", "the server sent a change that does not decode: " + c.status().message());
      else trace_.say("  " + traced(*c)), check_pulled(device, *c);
    }
  }
  if (f.has_error() && !f.error().transient() && f.error().refused_change() > 0) {
    auto batch = pushed_.find(device);
    int at = static_cast<int>(f.error().refused_change()) - 1;
    if (batch != pushed_.end() && at < batch->second.changes_size()) {
      Result<WireChange> c = sync::from_proto(batch->second.changes(at));
      if (c.is_ok()) refused_[device].insert({c->kind, c->record});
    }
  }
  if (f.has_push_ack()) {
    auto batch = pushed_.find(device);
    if (batch == pushed_.end() || batch->second.batch_id() != f.push_ack().batch_id()) return;
    for (const auto& p : batch->second.changes()) {
      Result<WireChange> c = sync::from_proto(p);
      if (c.is_ok() && !c->field && c->op == ChangeOp::upsert) acked_.insert({c->kind, c->record});
    }
    pushed_.erase(batch);
  }
}

// A blob goes only to whom may see a media record naming it.
void Invariants::check_blob_reach(int device, const std::string& sha256) {
  Store& records = server_.store().records();
  Result<std::vector<Json>> naming = list(records, Kind::media, ListOptions{.where = {{"sha256", sha256}}});
  if (!naming.is_ok()) return fail("server_store", "cannot read media: " + naming.status().message());
  for (const Json& m : *naming)
    if (may_see_owner(records, people_.at(device), m)) return;
  fail("media_reach", "the server offered " + device_name(device) + " the blob " + sha256.substr(0, 12) +
                          " of media attached only to what they may not see");
}

// Every blob a device holds is whole (its content has the hash it is named
// by), and it holds every blob its witness received.
void Invariants::check_blobs(SimDevice& device, SimDevice& witness) {
  Result<std::vector<Json>> media = list(witness.store(), Kind::media);
  if (!media.is_ok()) return fail("device_store", "cannot list media: " + media.status().message());
  for (const Json& m : *media) {
    std::string sha = m.value("sha256", "");
    for (SimDevice* d : {&device, &witness}) {
      std::filesystem::path blob = media_path(d->store(), sha);
      if (!std::filesystem::exists(blob)) continue;
      Result<std::string> held = sha256_file(blob);
      if (!held.is_ok() || *held != sha) return fail("media_whole", device_name(d->index()) + " holds blob " + sha.substr(0, 12) + " damaged");
    }
    if (std::filesystem::exists(media_path(witness.store(), sha)) && !std::filesystem::exists(media_path(device.store(), sha)))
      fail("convergence", device_name(device.index()) + " lacks the blob of media " + m.value("id", "").substr(24) +
                              " that a fresh device of its person received");
  }
}

void Invariants::after_step(std::vector<SimDevice*> devices) {
  for (SimDevice* d : devices) {
    if (!d->up()) continue;
    Result<std::int64_t> feed = stored_cursor(d->store(), "pull_feed");
    Result<std::int64_t> cursor = stored_cursor(d->store(), "pull_cursor");
    if (!feed.is_ok() || !cursor.is_ok()) {
      fail("device_store", device_name(d->index()) + " cannot read its cursor");
      continue;
    }
    auto [it, first] = cursors_.try_emplace(d->index(), *feed, *cursor);
    if (!first && it->second.first == *feed && *cursor < it->second.second)
      fail("cursor", device_name(d->index()) + "'s pull cursor went back from " + std::to_string(it->second.second) + " to " +
                         std::to_string(*cursor));
    it->second = {*feed, *cursor};
  }
}

// A device holds what a fresh device of its person receives, as the
// server holds it, but for the records it changed in a way the server
// refused for good: by design (change_log.h) the device keeps its own
// version of those, and shows the refusal. It sets aside only changes the
// server refused.
void Invariants::check_converged(SimDevice& device, SimDevice& witness) {
  std::map<std::pair<Kind, Id>, Json> mine = everything(device.store());
  std::set<std::pair<Kind, Id>> refused;
  Result<std::vector<RefusedChange>> set_aside = refused_changes(device.store());
  if (!set_aside.is_ok()) return fail("device_store", device_name(device.index()) + " cannot read its refused changes");
  const std::set<std::pair<Kind, Id>>& by_server = refused_[device.index()];
  for (const RefusedChange& r : *set_aside) {
    std::pair<Kind, Id> key{r.change.kind, r.change.record};
    if (!by_server.count(key))
      return fail("refusal", device_name(device.index()) + " set aside a change to " + std::string(spec_of(key.first).name) + " " +
                                 short_id(key.second) + " that the server never refused");
    refused.insert(key);
  }
  for (const auto& [key, record] : everything(witness.store())) {
    auto held = mine.find(key);
    if (held == mine.end())
      fail("convergence", device_name(device.index()) + " lacks " + std::string(spec_of(key.first).name) + " " + short_id(key.second) +
                              " that a fresh device of its person received");
    else if (held->second != record && !refused.count(key))
      fail("convergence", device_name(device.index()) + " holds " + std::string(spec_of(key.first).name) + " " + short_id(key.second) + " as " +
                              held->second.dump() + ", the server as " + record.dump());
  }
}

// The server's change log as stored: an anonymous response's changes keep
// no device and only their day; every change to an authored record comes
// from a device of its author.
void Invariants::check_change_log() {
  Store& records = server_.store().records();
  Result<std::vector<Change>> log = changes_after(records, 0);
  if (!log.is_ok()) return fail("server_store", "cannot read the change log: " + log.status().message());
  for (const Change& ch : *log) {
    const FieldSpec* author = author_field(spec_of(ch.kind));
    std::optional<Json> r = author ? record_on(records, ch.kind, ch.record) : std::nullopt;
    if (!r) continue;
    std::string what = std::string(spec_of(ch.kind).name) + " " + short_id(ch.record);
    if (ch.kind == Kind::response && r->value("anonymous", false)) {
      if (!ch.device.is_nil() || ch.hlc.physical_ms() % 86'400'000 != 0)
        fail("anonymity", "the server's change log keeps the device or the time of anonymous " + what);
      continue;
    }
    auto owner = owners_.find(ch.device);
    Json wrote = r->value(std::string(author->name), Json());
    if (owner != owners_.end() && wrote.is_string() && wrote != Json(owner->second.hex()))
      fail("authorship", "the server accepted a change to " + what + " of " + wrote.get<std::string>().substr(24) + " from a device of " +
                             short_id(owner->second));
  }
}

// The feed as the server stores it (on PostgreSQL, the database's table;
// on SQLite, the replica's log), unfiltered: no anonymous response in it
// names its device or author, or keeps its exact time.
void Invariants::check_feed() {
  constexpr std::int64_t kPage = 1000;
  for (std::int64_t cursor = 0;;) {
    Result<sync::FeedBatch> batch = server_.store().dump_feed(cursor, kPage);
    if (!batch.is_ok()) return fail("server_store", "cannot read the feed: " + batch.status().message());
    for (const WireChange& c : batch->changes) check_anonymous("the server's feed", c);
    if (!batch->more || batch->cursor <= cursor) return;
    cursor = batch->cursor;
  }
}

// Server processes that each keep a cache of the records (PostgreSQL) all
// hold the same records once caught up.
void Invariants::check_caches() {
  std::vector<sync::ServerStore*> stores = server_.stores();
  if (stores.size() < 2) return;
  std::map<std::pair<Kind, Id>, Json> first = everything(stores[0]->records());
  for (std::size_t i = 1; i < stores.size(); ++i) {
    std::map<std::pair<Kind, Id>, Json> other = everything(stores[i]->records());
    for (const auto& [key, record] : first) {
      auto held = other.find(key);
      std::string what = std::string(spec_of(key.first).name) + " " + short_id(key.second);
      if (held == other.end()) return fail("caches", "a server process lacks " + what + " after catching up with the feed");
      if (held->second != record)
        return fail("caches", "two server processes hold " + what + " as " + record.dump() + " and " + held->second.dump());
    }
    if (other.size() != first.size()) return fail("caches", "a server process holds records another lacks");
  }
}

// Numbers are true: the server holds as many answers (in its records or
// waiting in the pool) as people answered (participations, one per voice):
// an answer is never lost once its voice is recorded, nor counted twice.
// The pool writes in the batch's transaction (Push::settle).
void Invariants::check_voices() {
  Store& records = server_.store().records();
  Result<std::int64_t> voices = count(records, Kind::participation), answers = count(records, Kind::response);
  Result<std::vector<std::pair<sync::PooledResponse, std::int64_t>>> pooled = server_.store().pool().dump();
  if (!voices.is_ok() || !answers.is_ok() || !pooled.is_ok()) return fail("server_store", "cannot count answers");
  std::int64_t held = *answers + static_cast<std::int64_t>(pooled->size());
  if (*voices != held) {
    auto rs = list(records, Kind::response); auto ps = list(records, Kind::participation);
    if (rs.is_ok()) for (const Json& r : *rs) trace_.say("DBG response " + r.dump().substr(0,150));
    if (ps.is_ok()) for (const Json& r : *ps) trace_.say("DBG part " + r.dump().substr(0,220));
    for (auto& p : *pooled) trace_.say("DBG pooled " + p.first.change.record.hex());
  }
  if (*voices != held)
    fail("voices", "the server holds " + std::to_string(*voices) + " people who answered and " + std::to_string(held) +
                       " answers (" + std::to_string(pooled->size()) + " in the pool)");
}

void Invariants::at_end(const std::vector<SimDevice*>& devices, const std::map<Id, SimDevice*>& witnesses) {
  Store& records = server_.store().records();
  for (const auto& [kind, id] : acked_) {
    if (record_on(records, kind, id)) continue;
    Result<bool> pooled = server_.store().pool().holds(id);
    if (!pooled.is_ok() || !*pooled)
      fail("acked_lost", "the server acknowledged " + std::string(spec_of(kind).name) + " " + short_id(id) + " and does not have it");
  }
  check_change_log();
  check_feed();
  check_caches();
  check_voices();
  for (const std::string& line : server_.log())
    for (const Id& r : anonymous_)
      if (line.find(r.hex()) != std::string::npos) fail("anonymity", "the server's log names anonymous response " + short_id(r) + ": " + line);
  for (SimDevice* d : devices) {
    auto w = witnesses.find(d->person());
    if (w != witnesses.end() && d->up()) check_converged(*d, *w->second), check_blobs(*d, *w->second);
  }
}

}  // namespace debrief::sim
