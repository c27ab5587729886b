#include "stored_sentiment.h"

#include <array>
#include <string>
#include <unordered_map>

#include "debrief/sentiment.h"
#include "store_impl.h"
#include "versioned_rebuild.h"

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
  std::optional<double> score = any ? stored_sentiment_of(text) : std::nullopt;
  if (!score) return sqlite3_result_null(ctx);
  sqlite3_result_double(ctx, *score);
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
  return Status::ok();
}

}  // namespace

Status register_sentiment_function(sql::Db& db) {
  int rc = sqlite3_create_function_v2(db.raw(), "debrief_sentiment", -1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                      sentiment_function, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return db.error("cannot register debrief_sentiment()");
  return Status::ok();
}

std::optional<double> stored_sentiment_of(std::string_view text) {
  // Short texts repeat (option-like answers, the demo's comment banks): keep
  // the last few thousand scores. Bounded by clearing when full.
  constexpr std::size_t kRemembered = 4096, kShort = 200;
  thread_local std::unordered_map<std::string, std::optional<double>> seen;
  if (text.size() <= kShort) {
    if (auto it = seen.find(std::string(text)); it != seen.end()) return it->second;
  }
  Result<SentimentScore> score = score_sentiment(text);
  std::optional<double> compound = score.is_ok() ? std::optional<double>(score->compound) : std::nullopt;
  if (text.size() <= kShort) {
    if (seen.size() >= kRemembered) seen.clear();
    seen.emplace(text, compound);
  }
  return compound;
}

Status store_record_sentiment(Store& store, const Draft& draft) {
  const ScoredTable* t = scored_table_of(draft.spec->kind);
  if (!t) return Status::ok();
  sql::Db& db = *impl_of(store).db;
  return db.cached(std::string("UPDATE ") + t->table + " SET sentiment = debrief_sentiment(" +
                   t->texts + ") WHERE id = ?")
      .bind(1, draft.id)
      .exec();
}

Status rescore_if_analyzer_changed(sql::Db& db) {
  return rebuild_if_version_changed(db, kVersionKey, sentiment_version(), [&] { return rescore_all(db); });
}

}  // namespace debrief
