#include "scope_tallies.h"

#include "debrief/sentiment.h"
#include "store_impl.h"
#include "survey_cache.h"
#include "versioned_rebuild.h"

namespace debrief {
namespace {

// Bump when what the tables hold changes meaning: stores then rebuild on open.
// 2: scope_comments holds text answers too; 3: pulse_tallies
constexpr const char* kTalliesVersion = "3";
// Gathered rows are written early past this many, to bound memory in bulk work.
constexpr std::size_t kFlushAt = 100'000;

// Responses with their answers (a response with none: one row of NULLs), a
// response's rows together.
constexpr const char* kSelectResponses =
    "SELECT r.id, r.survey, r.event, r.activity, r.team, a.question, a.part, a.num, a.text, a.sentiment, "
    "r.created_at "
    "FROM responses r LEFT JOIN answers a ON a.response = r.id ";

bool is_triad_part(std::string_view part) { return part == "more" || part == "less" || part == "stop"; }

std::string_view scope_kind_of(const TalliedResponse& r) { return r.activity ? "activity" : "event"; }
const Id& scope_of(const TalliedResponse& r) { return r.activity ? *r.activity : *r.event; }

void count_answer(TallyCounts& c, QuestionType type, const TalliedAnswer& a, int sign) {
  if (type == QuestionType::rating && a.num && *a.num >= 1 && *a.num <= 5)
    c.ratings[static_cast<std::size_t>(*a.num - 1)] += sign;
  if (type == QuestionType::enps && a.num && *a.num >= 0 && *a.num <= 10)
    c.enps[static_cast<std::size_t>(*a.num)] += sign;
  if ((type != QuestionType::text && type != QuestionType::triad) || !a.sentiment) return;
  switch (sentiment_label(*a.sentiment)) {
    case SentimentLabel::positive: c.positive += sign; break;
    case SentimentLabel::negative: c.negative += sign; break;
    case SentimentLabel::neutral: c.neutral += sign; break;
  }
}

// A free text the review groups into themes: a triad part, or the answer to
// a text question (part '').
bool is_comment(const TalliedAnswer& a, const Survey* survey) {
  if (!a.text) return false;
  if (is_triad_part(a.part)) return true;
  const Question* q = survey ? survey->find(a.question) : nullptr;
  return q && q->type == QuestionType::text;
}

Status write_comments(sql::Db& db, const TalliedResponse& r, const Survey* survey, int sign) {
  if (sign < 0) {
    return db.cached("DELETE FROM scope_comments WHERE scope_kind = ? AND scope = ? AND response = ?")
        .bind(1, scope_kind_of(r)).bind(2, scope_of(r)).bind(3, r.id).exec();
  }
  sql::Stmt& s = db.cached(
      "INSERT INTO scope_comments(scope_kind, scope, response, question, part, survey, text) "
      "VALUES(?, ?, ?, ?, ?, ?, ?)");
  for (const TalliedAnswer& a : r.answers) {
    if (!is_comment(a, survey)) continue;
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
  return {s.id(0), s.id(1), s.maybe_id(2), s.maybe_id(3), s.maybe_id(4), {}, s.int64(10)};
}

// Calls `use(response, survey)` for each live response that `filter` (SQL
// over r, `survey` at ?1 when given) selects, in rowid order.
template <class F>
Status each_response(Store& store, const std::string& filter, const std::optional<Id>& survey, F&& use) {
  sql::Stmt& s = impl_of(store).db->cached(std::string(kSelectResponses) + "WHERE r.deleted = 0 AND " + filter +
                                         " ORDER BY r.rowid");
  if (survey) s.bind(1, *survey);
  SurveyLookup surveys;
  std::optional<TalliedResponse> r;
  auto finish = [&]() -> Status {
    if (!r) return Status::ok();
    Result<const Survey*> parsed = surveys.find(store, r->survey);
    Status st = use(*r, parsed.is_ok() ? *parsed : nullptr);
    r.reset();
    return st;
  };
  Status st;
  while (st.is_ok() && s.step()) {
    if (r && r->id != s.id(0)) st = finish();
    if (!r) r = response_of(s);
    read_answer(s, *r);
  }
  if (st.is_ok()) st = s.status();
  s.reset();
  DEBRIEF_TRY(st);
  return finish();
}

}  // namespace

TallyCounts read_tally_counts(const sql::Stmt& row, int first) {
  TallyCounts c;
  int col = first;
  c.responses = row.int64(col++);
  for (std::int64_t& n : c.ratings) n = row.int64(col++);
  for (std::int64_t& n : c.enps) n = row.int64(col++);
  c.positive = row.int64(col++);
  c.neutral = row.int64(col++);
  c.negative = row.int64(col);
  return c;
}

Status ScopeTallies::count(sql::Db& db, const TalliedResponse& r, const Survey* survey, int sign) {
  DEBRIEF_TRY(pulses_.add(db, r, survey, sign));
  if (r.event || r.activity) {
    TallyCounts& c = pending_[Key{scope_kind_of(r), scope_of(r), r.survey, r.team}];
    c.responses += sign;
    if (survey) {
      for (const TalliedAnswer& a : r.answers)
        if (const Question* q = survey->find(a.question)) count_answer(c, q->type, a, sign);
    }
  }
  return pending_.size() + pulses_.pending() >= kFlushAt ? flush(db) : Status::ok();
}

Status ScopeTallies::add(sql::Db& db, const TalliedResponse& r, const Survey* survey, int sign) {
  if (r.event || r.activity) DEBRIEF_TRY(write_comments(db, r, survey, sign));
  return count(db, r, survey, sign);
}

Status ScopeTallies::flush(sql::Db& db) {
  static const std::string kUpsert =
      std::string("INSERT INTO scope_tallies(scope_kind, scope, survey, team, ") + kTallyCountColumns +
      ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT DO UPDATE SET responses = responses + excluded.responses, "
      "r1 = r1 + excluded.r1, r2 = r2 + excluded.r2, r3 = r3 + excluded.r3, r4 = r4 + excluded.r4, "
      "r5 = r5 + excluded.r5, e0 = e0 + excluded.e0, e1 = e1 + excluded.e1, e2 = e2 + excluded.e2, "
      "e3 = e3 + excluded.e3, e4 = e4 + excluded.e4, e5 = e5 + excluded.e5, e6 = e6 + excluded.e6, "
      "e7 = e7 + excluded.e7, e8 = e8 + excluded.e8, e9 = e9 + excluded.e9, e10 = e10 + excluded.e10, "
      "positive = positive + excluded.positive, neutral = neutral + excluded.neutral, "
      "negative = negative + excluded.negative";
  sql::Stmt& upsert = db.cached(kUpsert);
  sql::Stmt& prune = db.cached(
      "DELETE FROM scope_tallies WHERE scope_kind = ? AND scope = ? AND survey = ? AND team = ? AND responses <= 0");
  for (const auto& [key, c] : pending_) {
    if (c == TallyCounts{}) continue;  // counted and taken back in the same batch
    const auto& [kind, scope, survey, team] = key;
    upsert.reset().bind(1, kind).bind(2, scope).bind(3, survey);
    upsert.bind_key(4, team);
    int p = 5;
    upsert.bind(p++, c.responses);
    for (std::int64_t n : c.ratings) upsert.bind(p++, n);
    for (std::int64_t n : c.enps) upsert.bind(p++, n);
    DEBRIEF_TRY(upsert.bind(p, c.positive).bind(p + 1, c.neutral).bind(p + 2, c.negative).exec());
    if (c.responses >= 0) continue;
    prune.reset().bind(1, kind).bind(2, scope).bind(3, survey);
    DEBRIEF_TRY(prune.bind_key(4, team).exec());
  }
  pending_.clear();
  return pulses_.flush(db);
}

Result<TalliedResponse> load_tallied_response(Store& store, const Id& id) {
  sql::Stmt& s = impl_of(store).db->cached(std::string(kSelectResponses) + "WHERE r.id = ?");
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

Status recount_survey(Store& store, const Id& survey) {
  sql::Db& db = *impl_of(store).db;
  ScopeTallies& tallies = impl_of(store).tallies;
  DEBRIEF_TRY(tallies.flush(db));
  DEBRIEF_TRY(db.cached("DELETE FROM scope_tallies WHERE survey = ?").bind(1, survey).exec());
  DEBRIEF_TRY(db.cached("DELETE FROM pulse_tallies WHERE survey = ?").bind(1, survey).exec());
  return each_response(store, "r.survey = ?1", survey, [&](const TalliedResponse& r, const Survey* parsed) {
    return tallies.count(db, r, parsed, +1);
  });
}

Status rebuild_scope_tallies(Store& store) {
  sql::Db& db = *impl_of(store).db;
  DEBRIEF_TRY(db.exec("DELETE FROM scope_tallies; DELETE FROM scope_comments; DELETE FROM pulse_tallies;"));
  ScopeTallies& tallies = impl_of(store).tallies;
  DEBRIEF_TRY(each_response(store, "1", std::nullopt, [&](const TalliedResponse& r, const Survey* survey) {
    return tallies.add(db, r, survey, +1);
  }));
  return tallies.flush(db);
}

Status rebuild_scope_tallies_if_stale(Store& store) {
  // Labels come from the analyzer: a new one changes the counts too.
  Status s = rebuild_if_version_changed(*impl_of(store).db, "tallies_version",
                                        std::string(kTalliesVersion) + "/" + sentiment_version(),
                                        [&] { return rebuild_scope_tallies(store); });
  if (!s.is_ok()) impl_of(store).tallies.discard();
  return s;
}

}  // namespace debrief
