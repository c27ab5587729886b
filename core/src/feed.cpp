// The change log as a feed (replication.h): changes after a position, the
// feed a server serves a person (what their reach leaves in, read in SQL),
// its last position, and records announced again.
#include "debrief/mutation.h"
#include "debrief/records.h"
#include "debrief/replication.h"
#include "change_row.h"
#include "day_stamp.h"
#include "store_impl.h"
#include "table_sql.h"

namespace debrief {

Result<std::vector<Change>> changes_after(Store& store, std::int64_t after_seq, std::int64_t limit) {
  sql::Stmt& s = impl_of(store).db->cached(
      std::string("SELECT ") + kChangeColumns + " FROM changes WHERE seq > ? ORDER BY seq LIMIT ?");
  s.bind(1, after_seq).bind(2, limit > 0 ? limit : std::int64_t{-1});
  std::vector<Change> out;
  while (s.step()) out.push_back(change_from_row(s));
  DEBRIEF_TRY(s.status());
  s.reset();
  return out;
}

namespace {

// The condition on a change row `c` that its record is in reach of person
// ?2 with managed teams ?3 (hex, a JSON array), by its kind's Reach.
std::string in_reach(const KindSpec& spec) {
  const Reach& r = spec.reach;
  std::string owner = "x." + quoted(r.owner);
  std::string from = quoted(spec.table) + " x";
  std::string cond = owner + " = ?2";
  if (r.readers == Readers::owner_or_open) cond += " OR x." + quoted(r.open) + " = 1";
  if (mutated("reach_rule")) cond = "1";
  if (r.readers == Readers::owner_or_managers || r.readers == Readers::owner_or_group_managers) {
    std::string team = r.team.empty() ? "pp.team" : "x." + quoted(r.team);
    if (r.team.empty()) from += " LEFT JOIN people pp ON pp.id = " + owner;
    cond += " OR lower(hex(" + team + ")) IN (SELECT value FROM json_each(?3))";
  }
  return "(kind = " + std::to_string(static_cast<int>(spec.kind)) + " AND EXISTS (SELECT 1 FROM " + from +
         " WHERE x.id = c.record AND (" + cond + ")))";
}

// The feed's query: every change of a kind everyone may receive, and those
// of the other kinds in reach (kind.h, Reach); the server's may_receive
// looks at each row that is left.
std::string feed_query() {
  std::string scoped, any;
  for (const KindSpec& spec : all_kinds()) {
    Readers who = spec.reach.readers;
    if (who == Readers::everyone || who == Readers::per_record) continue;
    scoped += (scoped.empty() ? "" : ", ") + std::to_string(static_cast<int>(spec.kind));
    any += " OR " + in_reach(spec);
  }
  return std::string("SELECT ") + kChangeColumns + " FROM changes c WHERE seq > ?1 AND seq <= ?5 AND (kind NOT IN (" +
         scoped + ")" + any + ") ORDER BY seq LIMIT ?4";
}

}  // namespace

Result<FeedPage> feed_after(Store& store, std::int64_t after_seq, std::int64_t limit, const FeedScope& scope) {
  Json teams = Json::array();
  for (const Id& t : scope.teams) teams.push_back(t.hex());
  static const std::string query = feed_query();
  sql::Stmt& s = impl_of(store).db->cached(query);
  Result<std::int64_t> last = last_seq(store);
  DEBRIEF_TRY(last.status());
  std::int64_t upto = std::min(*last, after_seq + limit * kFeedScanPerChange);
  s.bind(1, after_seq).bind(2, scope.person).bind(3, teams.dump()).bind(4, limit).bind(5, upto);
  FeedPage page;
  while (s.step()) page.changes.push_back(change_from_row(s));
  DEBRIEF_TRY(s.status());
  s.reset();
  bool full = static_cast<std::int64_t>(page.changes.size()) == limit;
  page.scanned_to = full ? page.changes.back().seq : std::max(after_seq, upto);  // everything up to here was scanned
  page.more = page.scanned_to < *last;
  return page;
}

Result<std::int64_t> last_seq(Store& store) {
  sql::Stmt& s = impl_of(store).db->cached("SELECT coalesce(max(seq), 0) FROM changes");
  std::int64_t seq = s.step() ? s.int64(0) : 0;
  DEBRIEF_TRY(s.status());
  s.reset();
  return seq;
}

Status reannounce(Store& store, Kind kind, const Id& record) {
  Store::Impl& impl = impl_of(store);
  Hlc hlc = impl.clock.tick(impl.env->now_ms());
  if (kind == Kind::response) {
    Result<Json> r = get(store, kind, record);
    DEBRIEF_TRY(r.status());
    if (r->value("anonymous", false))  // no exact time beside an anonymous response, as to_wire sends it
      hlc = day_only(hlc);
  }
  return impl.append_change(Id{}, hlc, kind, record, std::nullopt, ChangeOp::upsert, nullptr);
}

}  // namespace debrief
