// The tallies kept per scope (core/src/scope_tallies.h) and per team and
// day for pulses (pulse_tallies.h) always equal what a rebuild from the
// live responses makes: after answers and deletes made
// here, responses and deletes arriving by sync, and a transaction that
// rolled back.
#include "debrief/demo.h"
#include "debrief/env.h"
#include "debrief/insights.h"
#include "scope_tallies.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// Every row of the three tables, in key order.
std::vector<std::string> tally_rows(const std::filesystem::path& store_dir) {
  test::RawDb raw(test::db_file(store_dir));
  std::vector<std::string> rows = raw.column(
      "SELECT json_array(scope_kind, hex(scope), hex(survey), hex(team), responses, r1, r2, r3, r4, r5, e0, e1, e2, "
      "e3, e4, e5, e6, e7, e8, e9, e10, positive, neutral, negative) FROM scope_tallies "
      "ORDER BY scope_kind, scope, survey, team");
  for (std::string& c : raw.column("SELECT json_array(scope_kind, hex(scope), hex(response), question, part, "
                                   "hex(survey), text) FROM scope_comments "
                                   "ORDER BY scope_kind, scope, response, question, part"))
    rows.push_back(std::move(c));
  for (std::string& p : raw.column("SELECT json_array('pulse', hex(team), day, hex(survey), hex(event), "
                                   "hex(activity), responses, ratings, rating_sum) FROM pulse_tallies "
                                   "ORDER BY team, day, survey, event, activity"))
    rows.push_back(std::move(p));
  return rows;
}

// The rows after rebuilding the tables from the live responses.
std::vector<std::string> rebuilt_rows(Store& store) {
  ok(store.transaction([&] { return rebuild_scope_tallies(store); }));
  return tally_rows(store.dir());
}

std::vector<Id> ids_of(Store& store, Kind kind) {
  std::vector<Id> ids;
  for (const Json& r : ok(list(store, kind))) ids.push_back(ok(Id::parse(r["id"].get<std::string>())));
  return ids;
}

// A survey of `store` with a rating, a text and a triad question.
Id small_survey(Store& store, const std::string& kind = "post_event") {
  return ok(create(store, Kind::survey,
                   {{"title", "Quick"}, {"kind", kind}, {"allow_anonymous", true},
                    {"questions", Json::parse(R"([{"id":"r","type":"rating","text":"R?"},
                      {"id":"t","type":"text","text":"T?"},{"id":"m","type":"triad","text":"M?"}])")}}));
}

// A device's store, empty, on a seeded clock.
struct Device {
  explicit Device(std::uint64_t seed) : env(seed, test::kStartMs), store(test::open_store(dir.path(), env)) {}
  test::TempDir dir;
  SeededEnv env;
  std::unique_ptr<Store> store;
};

}  // namespace

TEST_CASE("tallies kept through local and synced answers and deletes equal a rebuild, on both devices",
          "[insights][store]") {
  Device a(11), b(12);
  ok(generate_demo(*a.store, {.people = 40, .events = 3, .responses = 300, .seed = 5}));
  std::vector<Id> responses = ids_of(*a.store, Kind::response);
  REQUIRE(responses.size() == 300);
  for (std::size_t i = 0; i < responses.size(); i += 15) ok(remove(*a.store, Kind::response, responses[i]));

  test::copy_changes(*a.store, *b.store);  // b gets the responses, then their tombstones
  Id survey = small_survey(*b.store);
  Id event = ids_of(*b.store, Kind::event).front();
  std::vector<Id> people = ids_of(*b.store, Kind::person);
  std::vector<Id> fresh;
  for (int i = 0; i < 6; ++i) {
    ok(b.store->set_me(people[static_cast<std::size_t>(i)]));  // one voice each
    fresh.push_back(ok(create(*b.store, Kind::response,
                              {{"survey", survey.hex()}, {"event", event.hex()}, {"anonymous", i % 2 == 0},
                               {"answers", {{"r", 1 + i % 5}, {"t", i % 2 ? "great, thank you" : "awful"},
                                            {"m", {{"more", "walks"}, {"stop", "late finishes"}}}}}})));
  }
  Id pulse = small_survey(*b.store, "pulse");
  for (int i = 0; i < 4; ++i) {  // a team pulse about no event, over two days
    ok(b.store->set_me(people[static_cast<std::size_t>(i)]));
    fresh.push_back(ok(create(*b.store, Kind::response,
                              {{"survey", pulse.hex()}, {"anonymous", i % 2 == 0}, {"answers", {{"r", 2 + i}}}})));
    if (i == 1) b.env.advance_ms(86'400'000);
  }
  ok(b.store->set_me(people[0]));
  ok(remove(*b.store, Kind::response, fresh[0]));
  ok(remove(*b.store, Kind::response, fresh[6]));
  ok(remove(*b.store, Kind::response, responses[1]));  // one of a's, deleted here
  test::copy_changes(*b.store, *a.store);

  std::vector<std::string> on_a = tally_rows(a.dir.path()), on_b = tally_rows(b.dir.path());
  CHECK(on_a.size() > 100);
  test::RawDb raw(test::db_file(a.dir.path()));
  CHECK(raw.scalar("SELECT count(DISTINCT day) FROM pulse_tallies WHERE survey = x'" + pulse.hex() + "'") == "2");
  CHECK(raw.scalar("SELECT sum(responses) FROM pulse_tallies WHERE survey = x'" + pulse.hex() + "'") == "3");
  CHECK(std::stoi(raw.scalar("SELECT count(*) FROM pulse_tallies")) > 10);  // the demo's pulses too
  CHECK(on_a == on_b);
  CHECK(rebuilt_rows(*a.store) == on_a);
  CHECK(rebuilt_rows(*b.store) == on_b);
}

TEST_CASE("a transaction that rolls back leaves the tallies as they were", "[insights][store]") {
  test::World w;
  ok(w.respond({{"score", 5}, {"keep", "the pace"}}));
  std::vector<std::string> before = tally_rows(w.store_dir());
  Status s = w.store->transaction([&] {
    ok(w.respond({{"score", 1}, {"wrong", "too long"}}));
    return Status(Code::invalid_argument, "changed my mind");
  });
  CHECK(s.code() == Code::invalid_argument);
  CHECK(tally_rows(w.store_dir()) == before);
  ok(w.respond({{"score", 2}, {"wrong", "too short"}}));  // and the next one counts alone
  std::vector<std::string> kept = tally_rows(w.store_dir());
  CHECK(rebuilt_rows(*w.store) == kept);
}

TEST_CASE("answers are counted again by their new type when a survey's questions change, here or by sync",
          "[insights][store]") {
  test::World w;
  ok(create(*w.store, Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", 3}}));
  for (int score : {5, 4, 1}) ok(w.colleague_responds({{"score", score}}));
  auto everyone = [&] { return ok(review_event(*w.store, w.event)).event.groups.at(0); };
  CHECK(everyone().ratings == std::array<std::int64_t, 5>{1, 0, 0, 1, 1});
  CHECK(everyone().enps_answers == 0);
  Json questions = test::World::survey_questions();
  questions[0]["type"] = "enps";  // the same answers, read as 0-10
  ok(update(*w.store, Kind::survey, w.survey, {{"questions", questions}}));
  CHECK(everyone().ratings == std::array<std::int64_t, 5>{});
  CHECK(everyone().enps_answers == 3);
  CHECK(*everyone().enps == Approx(-100.0));  // 5, 4 and 1 are all detractors
  std::vector<std::string> kept = tally_rows(w.store_dir());
  CHECK(rebuilt_rows(*w.store) == kept);

  test::SeededStore other(43);  // a device that learns both the answers and the change by sync
  test::copy_changes(*w.store, *other.store);
  CHECK(tally_rows(other.store_dir()) == kept);
}
