// One person, one voice (docs/privacy.md): a survey is answered once per event
// or activity, a pulse once per window. Answering again with one's name
// replaces one's answer; any other second answer is refused and saves
// nothing.
#include <openssl/sha.h>

#include <set>

#include "debrief/insights.h"
#include "debrief/time.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

std::int64_t live(Store& store, Kind kind) { return test::live_count(store, kind); }

// Makes the store's clock read `when` (e.g. "2026-12-01T10:00:00Z").
void at(test::World& w, const char* when) { w.env.set_now_ms(ok(parse_time(when)) * 1000); }

Id pulse_survey(test::World& w) {
  return ok(create(*w.store, Kind::survey,
                   {{"title", "Pulse"}, {"kind", "pulse"}, {"questions", test::World::survey_questions()}}));
}

Result<Id> pulse(test::World& w, const Id& survey, bool anonymous, std::optional<Id> event, int score = 3) {
  Json fields = {{"survey", survey.hex()}, {"anonymous", anonymous}, {"answers", {{"score", score}}}};
  if (event) fields["event"] = event->hex();
  return create(*w.store, Kind::response, fields);
}

// A participation's id as PROTOCOL.md gives it: the first 16 bytes of
// SHA-256 over person, survey, event, activity (zeros when null) and the
// window as 8 bytes, little-endian.
std::string spec_voice_id(const Id& person, const Id& survey, const Id& event, std::int64_t window) {
  std::vector<std::uint8_t> input;
  for (const Id& id : {person, survey, event, Id{}}) input.insert(input.end(), id.bytes.begin(), id.bytes.end());
  for (int i = 0; i < 8; ++i) input.push_back(static_cast<std::uint8_t>(window >> (8 * i)));
  std::uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(input.data(), input.size(), digest);
  Id id;
  std::copy_n(digest, 16, id.bytes.begin());
  return id.hex();
}

}  // namespace

TEST_CASE("a participation's id is derived from who, what, where and the window, as the protocol says",
          "[response][voice]") {
  test::World w;
  Id survey = pulse_survey(w);
  at(w, "2026-12-05T10:00:00Z");  // after the event: window 3
  ok(pulse(w, survey, true, w.event));
  at(w, "2026-12-03T10:00:00Z");  // during it: window 2
  ok(w.respond({{"score", 4}}));  // the post-event survey: window 0
  std::set<std::string> ids;
  for (const Json& p : ok(list(*w.store, Kind::participation))) ids.insert(p["id"].get<std::string>());
  CHECK(ids == std::set<std::string>{spec_voice_id(w.me, survey, w.event, 3), spec_voice_id(w.me, w.survey, w.event, 0)});
}

TEST_CASE("answering again with one's name replaces one's answer", "[response][voice]") {
  test::World w;
  Id first = ok(w.respond({{"score", 1}, {"wrong", "too long"}}));
  Id second = ok(w.respond({{"score", 5}, {"keep", "the hike"}}));
  CHECK(live(*w.store, Kind::response) == 1);
  CHECK(ok(get(*w.store, Kind::response, first))["deleted"] == true);
  CHECK(ok(get(*w.store, Kind::response, second))["answers"]["score"] == 5);
  CHECK(live(*w.store, Kind::participation) == 1);
  ok(create(*w.store, Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", 3}}));
  for (int score : {5, 5}) ok(w.colleague_responds({{"score", score}}));
  w.act_as(w.other);  // Ana would see 2 others: too few for her
  GroupResults everyone = ok(review_event(*w.store, w.event)).event.groups.at(0);
  CHECK(everyone.responses == 3);  // Ana once, with her second answer; two colleagues
  CHECK(everyone.ratings == std::array<std::int64_t, 5>{0, 0, 0, 0, 3});
}

TEST_CASE("after an anonymous answer, answering again is refused and saves nothing", "[response][voice][privacy]") {
  test::World w;
  ok(w.respond({{"score", 2}}, true));
  for (bool anonymous : {true, false}) {
    Result<Id> again = w.respond({{"score", 4}}, anonymous);
    REQUIRE(again.status().code() == Code::invalid_argument);
    CHECK(again.status().message().find("an anonymous answer cannot be changed") != std::string::npos);
  }
  CHECK(live(*w.store, Kind::response) == 1);
  CHECK(live(*w.store, Kind::participation) == 1);
}

TEST_CASE("after a named answer, an anonymous one is refused, saying how to change it", "[response][voice]") {
  test::World w;
  Id named = ok(w.respond({{"score", 2}}));
  Result<Id> again = w.respond({{"score", 4}}, true);
  REQUIRE(again.status().code() == Code::invalid_argument);
  CHECK(again.status().message().find("answering again with your name changes that answer") != std::string::npos);
  CHECK(ok(list(*w.store, Kind::response)).size() == 1);
  CHECK(get(*w.store, Kind::response, named).is_ok());
}

TEST_CASE("a pulse is answered once before, once during and once after an event", "[response][voice]") {
  test::World w;  // the event runs on 2026-12-03, 09:00 to 17:00
  Id survey = pulse_survey(w);
  at(w, "2026-12-01T10:00:00Z");
  ok(pulse(w, survey, true, w.event));
  at(w, "2026-12-02T23:59:00Z");
  CHECK(pulse(w, survey, true, w.event).status().code() == Code::invalid_argument);  // still before
  at(w, "2026-12-03T08:00:00Z");
  ok(pulse(w, survey, true, w.event));  // its day, before it starts: during
  at(w, "2026-12-04T00:00:00Z");
  ok(pulse(w, survey, false, w.event, 2));
  at(w, "2026-12-20T00:00:00Z");
  Id replaced = ok(pulse(w, survey, false, w.event, 4));  // after, again: replaces the named one
  CHECK(live(*w.store, Kind::response) == 3);
  CHECK(live(*w.store, Kind::participation) == 3);
  CHECK(ok(get(*w.store, Kind::response, replaced))["answers"]["score"] == 4);
}

TEST_CASE("a pulse about no event is answered once a week, Monday to Sunday", "[response][voice]") {
  test::World w;
  Id survey = pulse_survey(w);
  at(w, "2026-11-30T08:00:00Z");  // a Monday
  ok(pulse(w, survey, true, std::nullopt));
  at(w, "2026-12-06T22:00:00Z");  // that Sunday
  CHECK(pulse(w, survey, true, std::nullopt).status().code() == Code::invalid_argument);
  at(w, "2026-12-07T01:00:00Z");  // the next Monday
  ok(pulse(w, survey, true, std::nullopt));
  CHECK(live(*w.store, Kind::response) == 2);
}
