// Small building blocks: times, UTF-8, ids and the hybrid logical clock.
#include "debrief/hlc.h"
#include "debrief/text.h"
#include "debrief/time.h"
#include "fixture.h"

using namespace debrief;
using test::ok;

TEST_CASE("times parse in the accepted forms and print as UTC", "[time]") {
  CHECK(format_time(ok(parse_time("2026-12-03"))) == "2026-12-03T00:00:00Z");
  CHECK(format_time(ok(parse_time("2026-12-03T09:30"))) == "2026-12-03T09:30:00Z");
  CHECK(format_time(ok(parse_time("2026-12-03 09:30:15Z"))) == "2026-12-03T09:30:15Z");
  CHECK(format_time(ok(parse_time("2026-12-03T09:30:00+01:00"))) == "2026-12-03T08:30:00Z");
  CHECK(format_time(ok(parse_time("2024-02-29"))) == "2024-02-29T00:00:00Z");
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-12-03T24:00", "03/12/2026", "2026-12-03Tnoon", "1969-12-31", ""})
    CHECK(!parse_time(bad).is_ok());
}

TEST_CASE("UTF-8 validation refuses malformed sequences", "[text]") {
  CHECK(is_valid_utf8("héllo wörld ✓ 😀"));
  CHECK(!is_valid_utf8("\xC0\xAF"));          // overlong
  CHECK(!is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK(!is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK(!is_valid_utf8("abc\xE2\x82"));       // truncated
  CHECK(!is_valid_utf8("\x80"));              // stray continuation
}

TEST_CASE("ids round-trip through hex and sort by creation time", "[id]") {
  SeededEnv env(1, 1000);
  Id a = Id::make(env);
  env.advance_ms(1);
  Id b = Id::make(env);
  CHECK(a < b);
  CHECK(ok(Id::parse(a.hex())) == a);
  CHECK(!Id::parse("xyz").is_ok());
}

TEST_CASE("the hybrid logical clock never goes backwards and follows what it observes", "[hlc]") {
  HlcClock clock;
  Hlc t1 = clock.tick(5000);
  Hlc t2 = clock.tick(4000);  // the wall clock went back
  CHECK(t2 > t1);
  CHECK(t2.physical_ms() == 5000);
  clock.observe(Hlc::from_parts(9000, 7), 5000);
  Hlc t3 = clock.tick(5000);
  CHECK(t3 > Hlc::from_parts(9000, 7));
  CHECK(clock.tick(10000) == Hlc::from_parts(10000, 0));
}

TEST_CASE("the same seed and the same actions give the same records", "[determinism]") {
  auto build = [](const std::filesystem::path& dir) {
    SeededEnv env(7, 1764000000000);
    auto store = ok(Store::open(dir, {.env = &env}));
    Id team = ok(create(*store, Kind::team, {{"name", "Support"}}));
    ok(create(*store, Kind::person, {{"name", "Ana"}, {"team", team.hex()}}));
    return Json(ok(list(*store, Kind::person))).dump();
  };
  test::TempDir a, b;
  CHECK(build(a.path()) == build(b.path()));
}

TEST_CASE("status codes have stable names", "[status]") {
  CHECK(std::string(code_name(Code::not_found)) == "not_found");
  CHECK(std::string(code_name(Code::unsupported_version)) == "unsupported_version");
  Status s = invalid("bad");
  CHECK(!s.is_ok());
  CHECK(!s.is_transient());
  CHECK(Status(Code::io_error, "disk").is_transient());
}
