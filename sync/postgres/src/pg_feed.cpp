#include "pg_feed.h"

#include <tuple>

#include "debrief/kind.h"
#include "pg_support.h"

namespace debrief::sync::pg {
namespace {

// The advisory lock that orders appends ("debrief" in ASCII).
constexpr long long kFeedLock = 0x64656272696566;

}  // namespace

void lock_feed(pqxx::transaction_base& tx) { tx.exec_params("SELECT pg_advisory_xact_lock($1)", kFeedLock); }

std::int64_t append(pqxx::transaction_base& tx, std::int64_t head, const std::vector<WireChange>& changes,
                    const std::string& process) {
  if (changes.empty()) return head;
  {
    pqxx::stream_to rows(tx, "feed", std::vector<std::string>{"seq", "device", "hlc", "kind", "record", "field", "value", "op"});
    std::int64_t seq = head;
    for (const WireChange& c : changes)
      rows << std::make_tuple(++seq, uuid(c.device), static_cast<std::int64_t>(c.hlc.value), static_cast<int>(c.kind),
                              uuid(c.record), c.field.value_or(""), c.value.dump(), static_cast<int>(c.op));
    rows.complete();
  }
  std::int64_t latest = head + static_cast<std::int64_t>(changes.size());
  tx.exec_params("SELECT pg_notify($1, $2)", kChannel, std::to_string(latest) + " " + process);
  return latest;
}

namespace {

constexpr char kColumns[] = "f.seq, f.device, f.hlc, f.kind, f.record, f.field, f.value, f.op";

Result<std::vector<std::pair<std::int64_t, WireChange>>> changes_of(const pqxx::result& rows) {
  std::vector<std::pair<std::int64_t, WireChange>> out;
  out.reserve(rows.size());
  for (const pqxx::row& r : rows) {
    WireChange c;
    Result<Id> device = id_of(r[1].c_str()), record = id_of(r[4].c_str());
    DEBRIEF_TRY(device.status());
    DEBRIEF_TRY(record.status());
    int kind = r[3].as<int>(), op = r[7].as<int>();
    if (!kind_numbered(kind) || (op != 0 && op != 1))
      return Status(Code::corrupt, "feed row " + r[0].as<std::string>() + " is not a change");
    c.device = *device;
    c.hlc.value = static_cast<std::uint64_t>(r[2].as<std::int64_t>());
    c.kind = *kind_numbered(kind);
    c.record = *record;
    if (std::string field = r[5].as<std::string>(); !field.empty()) c.field = field;
    c.value = nlohmann::json::parse(r[6].as<std::string>());
    c.op = static_cast<ChangeOp>(op);
    out.emplace_back(r[0].as<std::int64_t>(), std::move(c));
  }
  return out;
}

// A PostgreSQL array literal of uuids.
std::string uuid_array(const std::vector<Id>& ids) {
  std::string out = "{";
  for (const Id& id : ids) out += (out.size() > 1 ? "," : "") + uuid(id);
  return out + "}";
}

// An id's uuid text, or "" for none (see nullable).
std::string uuid_text(const std::optional<Id>& id) { return id ? uuid(*id) : std::string(); }

// A statement parameter that is NULL for "": libpqxx sends a null const char* as NULL.
const char* nullable(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }

}  // namespace

Result<std::vector<std::pair<std::int64_t, WireChange>>> read(pqxx::transaction_base& tx, std::int64_t after,
                                                              std::int64_t upto, std::int64_t limit) {
  return changes_of(tx.exec_params(std::string("SELECT ") + kColumns +
                                       " FROM feed f WHERE f.seq > $1 AND f.seq <= $2 ORDER BY f.seq LIMIT $3",
                                   after, upto, limit));
}

Result<std::vector<std::pair<std::int64_t, WireChange>>> read_scoped(pqxx::transaction_base& tx, std::int64_t after,
                                                                     std::int64_t upto, const FeedScope& scope) {
  // A scalar subquery per row rather than a join: it looks each record up
  // by its key, where a join's plan may read the whole scope table for one
  // page of the feed. No scope row (a kind every audience receives): kept.
  return changes_of(tx.exec_params(
      std::string("SELECT ") + kColumns +
          " FROM feed f WHERE f.seq > $1 AND f.seq <= $2 AND coalesce((SELECT s.open OR coalesce(s.owner = $3, false)"
          " OR coalesce(s.team = ANY($4::uuid[]), false) FROM record_scope s WHERE s.record = f.record), true)"
          " ORDER BY f.seq",
      after, upto, uuid(scope.person), uuid_array(scope.teams)));
}

void save_scopes(pqxx::transaction_base& tx, const std::vector<std::pair<Id, RecordScope>>& scopes) {
  for (const auto& [record, s] : scopes) {
    std::string owner = uuid_text(s.owner), team = uuid_text(s.team);
    tx.exec_params0("INSERT INTO record_scope VALUES ($1, $2, $3, $4) ON CONFLICT (record) DO UPDATE SET "
                    "owner = excluded.owner, team = excluded.team, open = excluded.open",
                    uuid(record), nullable(owner), nullable(team), s.open);
  }
}

std::int64_t head(pqxx::transaction_base& tx) { return tx.exec("SELECT coalesce(max(seq), 0) FROM feed")[0][0].as<std::int64_t>(); }

}  // namespace debrief::sync::pg
