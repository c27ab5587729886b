// Every bad input gets a clear error and leaves the store exactly as it was.
#include "fixture.h"

using namespace debrief;
using test::ok;

namespace {

struct BadCase {
  const char* name;
  Kind kind;
  Json fields;
  const char* message_part;
};

}  // namespace

TEST_CASE("bad input is refused with a clear message and changes nothing", "[records][errors]") {
  test::World w;
  std::string big(5000, 'x');
  std::string bad_utf8 = "caf\xC3";
  const std::vector<BadCase> cases = {
      {"unknown field", Kind::team, {{"name", "A"}, {"colour", "red"}}, "no field 'colour'"},
      {"missing required", Kind::team, Json::object(), "name is required"},
      {"blank required", Kind::team, {{"name", "   "}}, "cannot be blank"},
      {"wrong type", Kind::team, {{"name", 7}}, "must be text"},
      {"invalid UTF-8", Kind::team, {{"name", bad_utf8}}, "UTF-8"},
      {"text too long", Kind::event, {{"title", "T"}, {"description", big}, {"starts_at", "2026-01-01"}, {"ends_at", "2026-01-02"}}, "too long"},
      {"malformed date", Kind::event, {{"title", "T"}, {"starts_at", "2026-02-30"}, {"ends_at", "2026-03-01"}}, "not a valid date"},
      {"ends before it starts", Kind::event, {{"title", "T"}, {"starts_at", "2026-03-02"}, {"ends_at", "2026-03-01"}}, "before it starts"},
      {"unknown reference", Kind::person, {{"name", "P"}, {"team", "0123456789abcdef0123456789abcdef"}}, "no team"},
      {"bad choice", Kind::person, {{"name", "P"}, {"role", "king"}}, "one of"},
      {"threshold below 3", Kind::organisation, {{"name", "O"}, {"anonymity_threshold", 2}}, "between 3"},
      {"set by the core", Kind::kudos, {{"author", "x"}}, "no field 'author'"},
      {"bad survey", Kind::survey, {{"title", "S"}, {"kind", "pulse"}, {"questions", Json::array()}}, "non-empty"},
      {"rule on a later question", Kind::survey, {{"title", "S"}, {"kind", "pulse"}, {"questions", Json::parse(R"([{"id":"a","type":"text","text":"A","show_if":{"q":"b","op":"answered"}},{"id":"b","type":"rating","text":"B"}])")}}, "earlier question"},
      {"rating out of range", Kind::response, {{"survey", w.survey.hex()}, {"answers", {{"score", 6}}}}, "from 1 to 5"},
      {"answer to a skipped question", Kind::response, {{"survey", w.survey.hex()}, {"answers", {{"score", 5}, {"wrong", "x"}}}}, "skipped"},
      {"required answer missing", Kind::response, {{"survey", w.survey.hex()}, {"answers", {{"keep", "x"}}}}, "required"},
      {"unknown option", Kind::response, {{"survey", w.survey.hex()}, {"answers", {{"score", 3}, {"parts", {"naps"}}}}}, "only its options"},
      {"vague kudos", Kind::kudos, {{"to", {w.other.hex()}}, {"action", "Great job!"}, {"outcome", "the client signed the renewal"}}, "specific action"},
      {"kudos without outcome", Kind::kudos, {{"to", {w.other.hex()}}, {"action", "rebuilt the demo after the crash"}, {"outcome", "thanks so much"}}, "outcome"},
      {"kudos to nobody", Kind::kudos, {{"action", "rebuilt the demo after the crash"}, {"outcome", "the client signed"}}, "someone to thank"},
      {"kudos to yourself", Kind::kudos, {{"to", {w.me.hex()}}, {"action", "rebuilt the demo after the crash"}, {"outcome", "the client signed"}}, "yourself"},
      {"participation is the core's", Kind::participation, Json::object(), "made by Debrief"},
  };
  for (const BadCase& c : cases) {
    SECTION(c.name) {
      test::Snapshot before(*w.store);
      Result<Id> r = create(*w.store, c.kind, c.fields);
      REQUIRE(!r.is_ok());
      INFO(r.status().message());
      CHECK(r.status().message().find(c.message_part) != std::string::npos);
      CHECK(test::Snapshot(*w.store) == before);
    }
  }
}

TEST_CASE("updates and deletes of missing records are not_found and change nothing", "[records][errors]") {
  test::World w;
  test::Snapshot before(*w.store);
  Id ghost = ok(Id::parse("0123456789abcdef0123456789abcdef"));
  CHECK(update(*w.store, Kind::event, ghost, {{"title", "X"}}).code() == Code::not_found);
  CHECK(remove(*w.store, Kind::event, ghost).code() == Code::not_found);
  CHECK(update(*w.store, Kind::event, w.event, {{"ends_at", "2020-01-01"}}).code() == Code::invalid_argument);
  CHECK(test::Snapshot(*w.store) == before);
}

TEST_CASE("id prefixes resolve when unique and say so when ambiguous", "[records]") {
  test::World w;
  Id second = ok(create(*w.store, Kind::team, {{"name", "Ops"}}));
  CHECK(ok(resolve_id(*w.store, Kind::team, second.hex().substr(0, 30))) == second);
  // Both teams were made in the same simulated hour: a short shared prefix is ambiguous.
  auto r = resolve_id(*w.store, Kind::team, w.team.hex().substr(0, 4));
  REQUIRE(!r.is_ok());
  CHECK(r.status().message().find("more than one") != std::string::npos);
  CHECK(resolve_id(*w.store, Kind::team, "zz").status().code() == Code::invalid_argument);
}
