#include "scope_tallies.h"

#include "debrief/sentiment.h"
#include "versioned_rebuild.h"

namespace debrief {
namespace {

// Bump when what the tables hold changes meaning: stores then rebuild on open.
constexpr const char* kTalliesVersion = "1";
// Gathered rows are written early past this many, to bound memory in bulk work.
constexpr std::size_t kFlushAt = 100'000;

// Responses with their answers (a response with none: one row of NULLs), a
// response's rows together.
constexpr const char* kSelectResponses =
    "SELECT r.id, r.survey, r.event, r.activity, r.team, a.question, a.part, a.num, a.text, a.sentiment "
    "FROM responses r LEFT JOIN answers a ON a.response = r.id ";

bool is_triad_part(std::string_view part) { return part == "more" || part == "less" || part == "stop"; }

std::string_view scope_kind_of(const TalliedResponse& r) { return r.activity ? "activity" : "event"; }
const Id& scope_of(const TalliedResponse& r) { return r.activity ? *r.activity : *r.event; }

// "No team" is the empty blob: key columns cannot be NULL.
sql::Stmt& bind_team(sql::Stmt& s, int i, const std::optional<Id>& team) {
  static constexpr unsigned char kNone = 0;
  return team ? s.bind(i, *team) : s.bind_blob(i, &kNone, 0);
}

void count_answer(TallyCounts& c, const TalliedAnswer& a, int sign) {
  c.n += sign;
  if (a.num && *a.num >= 0 && *a.num <= 10) c.values[static_cast<std::size_t>(*a.num)] += sign;
  if (!a.sentiment) return;
  switch (sentiment_label(*a.sentiment)) {
    case SentimentLabel::positive: c.positive += sign; break;
    case SentimentLabel::negative: c.negative += sign; break;
    case SentimentLabel::neutral: c.neutral += sign; break;
  }
}

Status write_comments(sql::Db& db, const TalliedResponse& r, int sign) {
  if (sign < 0) {
    return db.cached("DELETE FROM scope_comments WHERE scope_kind = ? AND scope = ? AND response = ?")
        .bind(1, scope_kind_of(r)).bind(2, scope_of(r)).bind(3, r.id).exec();
  }
  sql::Stmt& s = db.cached(
      "INSERT INTO scope_comments(scope_kind, scope, response, question, part, survey, text) "
      "VALUES(?, ?, ?, ?, ?, ?, ?)");
  for (const TalliedAnswer& a : r.answers) {
    if (!a.text || !is_triad_part(a.part)) continue;
    s.reset().bind(1, scope_kind_of(r)).bind(2, scope_of(r)).bind(3, r.id).bind(4, a.question);
    DEBRIEF_TRY(s.bind(5, a.part).bind(6, r.survey).bind(7, *a.text).exec());
  }
  return Status::ok();
}

// The row of `s` (kSelectResponses) as an answer of the response in hand.
void read_answer(const sql::Stmt& s, TalliedResponse& r) {
  if (s.is_null(5)) return;
  TalliedAnswer a{s.text(5), s.text(6), std::nullopt, std::nullopt, std::nullopt};
  if (!s.is_null(7)) a.num = s.int64(7);
  if (!s.is_null(8)) a.text = s.text(8);
  if (!s.is_null(9)) a.sentiment = s.real(9);
  r.answers.push_back(std::move(a));
}

TalliedResponse response_of(const sql::Stmt& s) {
  return {s.id(0), s.id(1), s.maybe_id(2), s.maybe_id(3), s.maybe_id(4), {}};
}

}  // namespace

TallyCounts read_tally_counts(const sql::Stmt& row, int first) {
  TallyCounts c;
  c.n = row.int64(first);
  for (std::size_t v = 0; v < c.values.size(); ++v) c.values[v] = row.int64(first + 1 + static_cast<int>(v));
  c.positive = row.int64(first + 12);
  c.neutral = row.int64(first + 13);
  c.negative = row.int64(first + 14);
  return c;
}

Status ScopeTallies::add(sql::Db& db, const TalliedResponse& r, int sign) {
  if (!r.event && !r.activity) return Status::ok();
  DEBRIEF_TRY(write_comments(db, r, sign));
  auto key = [&](const std::string& question) {
    return Key{scope_kind_of(r), scope_of(r), r.survey, r.team, question};
  };
  pending_[key("")].n += sign;
  for (const TalliedAnswer& a : r.answers) count_answer(pending_[key(a.question)], a, sign);
  return pending_.size() >= kFlushAt ? flush(db) : Status::ok();
}

Status ScopeTallies::flush(sql::Db& db) {
  static const std::string kUpsert =
      std::string("INSERT INTO scope_tallies(scope_kind, scope, survey, team, question, ") + kTallyCountColumns +
      ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT DO UPDATE SET n = n + excluded.n, v0 = v0 + excluded.v0, v1 = v1 + excluded.v1, "
      "v2 = v2 + excluded.v2, v3 = v3 + excluded.v3, v4 = v4 + excluded.v4, v5 = v5 + excluded.v5, "
      "v6 = v6 + excluded.v6, v7 = v7 + excluded.v7, v8 = v8 + excluded.v8, v9 = v9 + excluded.v9, "
      "v10 = v10 + excluded.v10, positive = positive + excluded.positive, "
      "neutral = neutral + excluded.neutral, negative = negative + excluded.negative";
  sql::Stmt& upsert = db.cached(kUpsert);
  sql::Stmt& prune = db.cached(
      "DELETE FROM scope_tallies WHERE scope_kind = ? AND scope = ? AND survey = ? AND team = ? "
      "AND question = ? AND n <= 0");
  for (const auto& [key, c] : pending_) {
    if (c == TallyCounts{}) continue;  // counted and taken back in the same batch
    const auto& [kind, scope, survey, team, question] = key;
    upsert.reset().bind(1, kind).bind(2, scope).bind(3, survey).bind(5, question).bind(6, c.n);
    bind_team(upsert, 4, team);
    for (std::size_t v = 0; v < c.values.size(); ++v) upsert.bind(7 + static_cast<int>(v), c.values[v]);
    DEBRIEF_TRY(upsert.bind(18, c.positive).bind(19, c.neutral).bind(20, c.negative).exec());
    if (c.n >= 0) continue;
    prune.reset().bind(1, kind).bind(2, scope).bind(3, survey).bind(5, question);
    DEBRIEF_TRY(bind_team(prune, 4, team).exec());
  }
  pending_.clear();
  return Status::ok();
}

Result<TalliedResponse> load_tallied_response(sql::Db& db, const Id& id) {
  sql::Stmt& s = db.cached(std::string(kSelectResponses) + "WHERE r.id = ?");
  s.bind(1, id);
  std::optional<TalliedResponse> r;
  while (s.step()) {
    if (!r) r = response_of(s);
    read_answer(s, *r);
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  if (!r) return not_found("no response with id " + id.hex());
  return std::move(*r);
}

Status rebuild_scope_tallies(sql::Db& db) {
  DEBRIEF_TRY(db.exec("DELETE FROM scope_tallies; DELETE FROM scope_comments;"));
  sql::Stmt& s = db.cached(std::string(kSelectResponses) +
                           "WHERE r.deleted = 0 AND coalesce(r.activity, r.event) IS NOT NULL ORDER BY r.rowid");
  ScopeTallies tallies;
  std::optional<TalliedResponse> r;
  Status st;
  while (st.is_ok() && s.step()) {
    if (r && r->id != s.id(0)) {
      st = tallies.add(db, *r, +1);
      r.reset();
    }
    if (!r) r = response_of(s);
    read_answer(s, *r);
  }
  if (st.is_ok()) st = s.status();
  s.reset();
  if (st.is_ok() && r) st = tallies.add(db, *r, +1);
  DEBRIEF_TRY(st);
  return tallies.flush(db);
}

Status rebuild_scope_tallies_if_stale(sql::Db& db) {
  // Labels come from the analyzer: a new one changes the counts too.
  return rebuild_if_version_changed(db, "tallies_version", std::string(kTalliesVersion) + "/" + sentiment_version(),
                                    [&] { return rebuild_scope_tallies(db); });
}

}  // namespace debrief
