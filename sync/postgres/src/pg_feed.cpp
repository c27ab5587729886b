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

Result<std::vector<std::pair<std::int64_t, WireChange>>> read_visible(pqxx::transaction_base& tx, std::int64_t after,
                                                                      std::int64_t upto, const FeedScope& scope,
                                                                      std::int64_t limit) {
  return changes_of(tx.exec_params(
      std::string("SELECT ") + kColumns +
          " FROM feed f WHERE f.seq > $1 AND f.seq <= $2 AND (f.open OR f.owner = $3 OR f.team = ANY($4::uuid[]))"
          " ORDER BY f.seq LIMIT $5",
      after, upto, uuid(scope.person), uuid_array(scope.teams), limit));
}

std::int64_t append(pqxx::transaction_base& tx, std::int64_t head, const std::vector<WireChange>& changes,
                    const Scopes& scopes, const std::string& process) {
  if (changes.empty()) return head;
  // Earlier rows follow their record's owner and team. They may close but
  // never open: a record that opens (kind.h, owner_or_open) is served whole
  // by the row that opens it, and what it held before stays its owner's.
  for (const auto& [record, s] : scopes) {
    std::string owner = uuid_text(s.owner), team = uuid_text(s.team);
    tx.exec_params0("UPDATE feed SET owner = $2, team = $3, open = open AND $4 WHERE record = $1 AND "
                    "(owner IS DISTINCT FROM $2::uuid OR team IS DISTINCT FROM $3::uuid OR (open AND NOT $4))",
                    uuid(record), nullable(owner), nullable(team), s.open);
  }
  {
    pqxx::stream_to rows(tx, "feed",
                         std::vector<std::string>{"seq", "device", "hlc", "kind", "record", "field", "value", "op", "owner", "team", "open"});
    std::int64_t seq = head;
    for (const WireChange& c : changes) {
      auto s = scopes.find(c.record);
      RecordScope scope = s == scopes.end() ? RecordScope{std::nullopt, std::nullopt, true} : s->second;
      std::string owner = uuid_text(scope.owner), team = uuid_text(scope.team);
      rows << std::make_tuple(++seq, uuid(c.device), static_cast<std::int64_t>(c.hlc.value), static_cast<int>(c.kind),
                              uuid(c.record), c.field.value_or(""), c.value.dump(), static_cast<int>(c.op), nullable(owner),
                              nullable(team), scope.open);
    }
    rows.complete();
  }
  std::int64_t latest = head + static_cast<std::int64_t>(changes.size());
  tx.exec_params("SELECT pg_notify($1, $2)", kChannel, std::to_string(latest) + " " + process);
  return latest;
}

std::int64_t head(pqxx::transaction_base& tx) { return tx.exec("SELECT coalesce(max(seq), 0) FROM feed")[0][0].as<std::int64_t>(); }

}  // namespace debrief::sync::pg
