#include "debrief/change_log.h"

#include <algorithm>

#include "change_row.h"
#include "draft.h"
#include "store_impl.h"

namespace debrief {
namespace {

std::int64_t acked_seq(Store::Impl& impl, Status& status) {
  Result<std::string> acked = impl.meta_text("acked_seq");
  status = acked.status();
  return acked.is_ok() && !acked->empty() ? static_cast<std::int64_t>(std::stoll(*acked)) : 0;
}

// One number from `sql`, its parameters bound by `bind`.
template <class Bind>
Result<std::int64_t> count_of(Store::Impl& impl, const char* sql, Bind&& bind) {
  sql::Stmt& s = impl.db->cached(sql);
  bind(s);
  std::int64_t n = s.step() ? s.int64(0) : 0;
  DEBRIEF_TRY(s.status());
  s.reset();
  return n;
}

// This device's changes in (after, upto], by the index on (device, seq).
Result<std::int64_t> own_changes_between(Store::Impl& impl, std::int64_t after, std::int64_t upto) {
  return count_of(impl, "SELECT count(*) FROM changes WHERE device = ? AND seq > ? AND seq <= ?",
                  [&](sql::Stmt& s) { s.bind(1, impl.device).bind(2, after).bind(3, upto); });
}

// How many of this device's changes are acknowledged: kept in meta as
// acknowledge_changes moves on, counted once when a store has none yet.
Result<std::int64_t> acked_own(Store::Impl& impl, std::int64_t acked) {
  Result<std::string> kept = impl.meta_text("acked_own");
  DEBRIEF_TRY(kept.status());
  if (!kept->empty()) return static_cast<std::int64_t>(std::stoll(*kept));
  return own_changes_between(impl, 0, acked);
}

}  // namespace

Result<std::int64_t> count_pending_changes(Store& store) {
  Store::Impl& impl = impl_of(store);
  Status st;
  std::int64_t acked = acked_seq(impl, st);
  DEBRIEF_TRY(st);
  Result<std::int64_t> own = count_of(impl, "SELECT coalesce(sum(n), 0) FROM change_counts WHERE device = ?",
                                      [&](sql::Stmt& s) { s.bind(1, impl.device); });
  DEBRIEF_TRY(own.status());
  Result<std::int64_t> done = acked_own(impl, acked);
  DEBRIEF_TRY(done.status());
  Result<std::int64_t> aside = count_of(
      impl,  // read from the few set aside, not from this device's many changes
      "SELECT count(*) FROM refused_changes r WHERE r.seq > ?2 AND (SELECT device FROM changes WHERE seq = r.seq) = ?1",
      [&](sql::Stmt& s) { s.bind(1, impl.device).bind(2, acked); });
  DEBRIEF_TRY(aside.status());
  return *own - *done - *aside;
}

Change change_from_row(const sql::Stmt& s) {
  Change c;
  c.seq = s.int64(0);
  c.device = s.id(1);
  c.hlc = Hlc{static_cast<std::uint64_t>(s.int64(2))};
  c.kind = static_cast<Kind>(s.int64(3));
  c.record = s.id(4);
  if (!s.is_null(5)) c.field = s.text(5);
  DbValue v = read_value(s, 6);
  if (auto* n = std::get_if<std::int64_t>(&v)) c.value = *n;
  else if (auto* t = std::get_if<std::string>(&v)) c.value = *t;
  else if (auto* id = std::get_if<Id>(&v)) c.value = id->hex();
  c.op = static_cast<ChangeOp>(s.int64(7));
  return c;
}

Result<std::vector<Change>> pending_changes(Store& store, std::int64_t limit) {
  Store::Impl& impl = impl_of(store);
  Status st;
  std::int64_t after = acked_seq(impl, st);
  DEBRIEF_TRY(st);
  sql::Stmt& s = impl.db->cached(
      std::string("SELECT ") + kChangeColumns +
      " FROM changes WHERE device = ? AND seq > ? AND seq NOT IN (SELECT seq FROM refused_changes) ORDER BY seq LIMIT ?");
  s.bind(1, impl.device).bind(2, after).bind(3, limit > 0 ? limit : std::int64_t{-1});
  std::vector<Change> out;
  while (s.step()) out.push_back(change_from_row(s));
  DEBRIEF_TRY(s.status());
  s.reset();
  return out;
}

Status set_aside(Store& store, std::int64_t seq, std::string_view reason) {
  Store::Impl& impl = impl_of(store);
  return impl.db->cached("INSERT OR REPLACE INTO refused_changes(seq, reason, at) VALUES(?, ?, ?)")
      .bind(1, seq).bind(2, std::string(reason)).bind(3, impl.now_s()).exec();
}

Result<std::vector<RefusedChange>> refused_changes(Store& store) {
  // CROSS JOIN keeps this order: the few set aside, then their changes.
  sql::Stmt& s = impl_of(store).db->cached(std::string("SELECT ") + kChangeColumns +
                                         ", r.reason, r.at FROM refused_changes r CROSS JOIN changes USING (seq) "
                                         "WHERE r.discarded = 0 ORDER BY seq");
  std::vector<RefusedChange> out;
  while (s.step()) out.push_back({change_from_row(s), s.text(8), s.int64(9)});
  DEBRIEF_TRY(s.status());
  s.reset();
  return out;
}

Status discard_refused(Store& store, std::int64_t seq) {
  sql::Db& db = *impl_of(store).db;
  DEBRIEF_TRY(db.cached("UPDATE refused_changes SET discarded = 1 WHERE seq = ? AND discarded = 0").bind(1, seq).exec());
  if (db.changes() == 0) return not_found("no refused change " + std::to_string(seq));
  return Status::ok();
}

Status acknowledge_changes(Store& store, std::int64_t seq) {
  Store::Impl& impl = impl_of(store);
  Status st;
  std::int64_t before = acked_seq(impl, st);
  DEBRIEF_TRY(st);
  if (seq <= before) return Status::ok();
  // Never past the latest local change: changes made later must stay pending.
  Result<std::int64_t> latest = count_of(impl, "SELECT coalesce(max(seq), 0) FROM changes WHERE device = ?",
                                         [&](sql::Stmt& s) { s.bind(1, impl.device); });
  DEBRIEF_TRY(latest.status());
  std::int64_t upto = std::min(seq, *latest);
  if (upto <= before) return Status::ok();
  Result<std::int64_t> done = acked_own(impl, before);
  DEBRIEF_TRY(done.status());
  Result<std::int64_t> more = own_changes_between(impl, before, upto);
  DEBRIEF_TRY(more.status());
  // One statement, so the two never disagree, even if the process dies here.
  return impl.db->cached("INSERT OR REPLACE INTO meta(key, value) VALUES('acked_seq', ?), ('acked_own', ?)")
      .bind(1, std::to_string(upto))
      .bind(2, std::to_string(*done + *more))
      .exec();
}

}  // namespace debrief
