#include "stored_sentiment.h"

#include <array>
#include <string>

#include "debrief/sentiment.h"
#include "store_impl.h"

namespace debrief {
namespace {

constexpr const char* kVersionKey = "sentiment_version";

// Where free text is kept and which columns make up one scored text; the
// only place that says so, for writing and rescoring alike.
struct ScoredTable {
  const char* table;
  const char* texts;  // arguments to debrief_sentiment()
};
constexpr std::array<ScoredTable, 3> kScored{{
    {"answers", "text"}, {"reflections", "text"}, {"kudos", "action, outcome"}}};

void sentiment_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  std::string text;
  bool any = false;
  for (int i = 0; i < argc; ++i) {
    const unsigned char* p = sqlite3_value_text(argv[i]);
    if (!p) continue;
    if (any) text += ".\n";
    text += reinterpret_cast<const char*>(p);
    any = true;
  }
  if (!any) return sqlite3_result_null(ctx);
  Result<SentimentScore> score = score_sentiment(text);
  if (!score.is_ok()) return sqlite3_result_null(ctx);
  sqlite3_result_double(ctx, score->compound);
}

const ScoredTable* scored_table_of(Kind kind) {
  if (kind == Kind::reflection) return &kScored[1];
  if (kind == Kind::kudos) return &kScored[2];
  return nullptr;
}

Status rescore_all(sql::Db& db) {
  for (const ScoredTable& t : kScored) {
    DEBRIEF_TRY(db.exec(std::string("UPDATE ") + t.table + " SET sentiment = debrief_sentiment(" +
                        t.texts + ")"));
  }
  return db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)")
      .bind(1, kVersionKey)
      .bind(2, sentiment_version())
      .exec();
}

Result<bool> analyzer_changed(sql::Db& db) {
  sql::Stmt& s = db.cached("SELECT value FROM meta WHERE key = ?");
  s.bind(1, kVersionKey);
  bool same = s.step() && s.text(0) == sentiment_version();
  DEBRIEF_TRY(s.status());
  s.reset();
  return !same;
}

}  // namespace

Status register_sentiment_function(sql::Db& db) {
  int rc = sqlite3_create_function_v2(db.raw(), "debrief_sentiment", -1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                      sentiment_function, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return db.error("cannot register debrief_sentiment()");
  return Status::ok();
}

std::string answer_sentiment_sql(int param) {
  return std::string("debrief_sentiment(?") + std::to_string(param) + ")";
}

Status store_record_sentiment(Store& store, const Draft& draft) {
  const ScoredTable* t = scored_table_of(draft.spec->kind);
  if (!t) return Status::ok();
  sql::Db& db = *store.impl().db;
  return db.cached(std::string("UPDATE ") + t->table + " SET sentiment = debrief_sentiment(" +
                   t->texts + ") WHERE id = ?")
      .bind(1, draft.id)
      .exec();
}

Status rescore_if_analyzer_changed(sql::Db& db) {
  Result<bool> changed = analyzer_changed(db);
  DEBRIEF_TRY(changed.status());
  if (!*changed) return Status::ok();
  DEBRIEF_TRY(db.exec("BEGIN IMMEDIATE"));
  changed = analyzer_changed(db);  // another process may have just done it
  Status s = changed.status();
  if (s.is_ok() && *changed) s = rescore_all(db);
  if (s.is_ok()) s = db.exec("COMMIT");
  if (!s.is_ok()) (void)db.exec("ROLLBACK");
  return s;
}

}  // namespace debrief
