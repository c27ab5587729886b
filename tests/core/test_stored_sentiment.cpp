// Each free text keeps its sentiment: scored once when written locally or
// applied from sync, and recomputed when the analyzer's version changes.
#include "debrief/replication.h"
#include "debrief/sentiment.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// The stored score of the row of `table` whose `key` column is `id`.
std::string stored(test::SeededStore& s, const std::string& table, const Id& id,
                   const std::string& key = "id") {
  test::RawDb raw(test::db_file(s.store_dir()));
  return raw.scalar("SELECT sentiment FROM " + table + " WHERE " + key + " = x'" + id.hex() + "'");
}

// The stored score of a response's answer to `question`.
std::string stored_answer(test::SeededStore& s, const Id& response, const std::string& question) {
  return stored(s, "answers", response, "question = '" + question + "' AND response");
}

double score(const std::string& text) { return ok(score_sentiment(text)).compound; }

}  // namespace

TEST_CASE("a reflection, a kudos and a response's texts are scored as they are written", "[sentiment][store]") {
  test::World w;
  Id r = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "I felt really supported today"}}));
  Id k = w.kudos_from_other();
  Id resp = ok(w.respond({{"score", 1}, {"wrong", "The agenda was rushed and exhausting"}}));
  CHECK(std::stod(stored(w, "reflections", r)) == Approx(score("I felt really supported today")));
  Json kudos = ok(get(*w.store, Kind::kudos, k));
  CHECK(std::stod(stored(w, "kudos", k)) ==
        Approx(score(kudos["action"].get<std::string>() + ".\n" + kudos["outcome"].get<std::string>())));
  CHECK(std::stod(stored_answer(w, resp, "wrong")) < -0.05);
  test::RawDb raw(test::db_file(w.store_dir()));
  CHECK(raw.scalar("SELECT count(*) FROM answers WHERE num IS NOT NULL AND sentiment IS NOT NULL") == "0");
}

TEST_CASE("records that arrive by sync are scored like local ones", "[sentiment][sync]") {
  test::World a;
  Id r = ok(create(*a.store, Kind::reflection, {{"event", a.event.hex()}, {"text", "Great day, loved the hike"}, {"shared", true}}));
  Id k = a.kudos_from_other();
  Id resp = ok(a.respond({{"score", 5}, {"keep", "the brilliant hike"}}));
  test::SeededStore b(7);
  test::copy_changes(*a.store, *b.store);
  CHECK(stored(b, "reflections", r) == stored(a, "reflections", r));
  CHECK(stored(b, "kudos", k) == stored(a, "kudos", k));
  CHECK(stored_answer(b, resp, "keep") == stored_answer(a, resp, "keep"));
  CHECK(std::stod(stored(b, "reflections", r)) > 0.05);
}

TEST_CASE("stored scores are recomputed on open when the analyzer's version changed, and only then", "[sentiment][store]") {
  test::World w;
  Id r = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "What a wonderful team"}}));
  const std::string fresh = stored(w, "reflections", r);
  {
    test::RawDb raw(test::db_file(w.store_dir()));
    CHECK(raw.scalar("SELECT value FROM meta WHERE key = 'sentiment_version'") == sentiment_version());
    raw.exec("UPDATE reflections SET sentiment = 9");
  }
  w.reopen();
  CHECK(stored(w, "reflections", r) == "9.0");  // same version: scored once, not again
  {
    test::RawDb raw(test::db_file(w.store_dir()));
    raw.exec("UPDATE meta SET value = '0.00000000' WHERE key = 'sentiment_version'");
  }
  w.reopen();
  CHECK(stored(w, "reflections", r) == fresh);
  test::RawDb raw(test::db_file(w.store_dir()));
  CHECK(raw.scalar("SELECT value FROM meta WHERE key = 'sentiment_version'") == sentiment_version());
}
