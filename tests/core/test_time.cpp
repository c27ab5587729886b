// Dates and times as users type them, and as the store prints them.
#include "debrief/time.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// The UTC form of what `text` parses to.
std::string as_utc(const char* text) { return format_time(ok(parse_time(text))); }

}  // namespace

TEST_CASE("every accepted form of a time parses to the same UTC instant", "[time]") {
  CHECK(as_utc("2026-12-03") == "2026-12-03T00:00:00Z");
  CHECK(as_utc("2026-12-03T09:30") == "2026-12-03T09:30:00Z");
  CHECK(as_utc("2026-12-03T09:30:15") == "2026-12-03T09:30:15Z");
  CHECK(as_utc("2026-12-03 09:30:15Z") == "2026-12-03T09:30:15Z");
  CHECK(as_utc("2026-12-03T09:30Z") == "2026-12-03T09:30:00Z");
}

TEST_CASE("an offset is converted to UTC, across the day boundary too", "[time]") {
  CHECK(as_utc("2026-12-03T09:30:00+01:00") == "2026-12-03T08:30:00Z");
  CHECK(as_utc("2026-12-03T22:30-05:30") == "2026-12-04T04:00:00Z");
  CHECK(as_utc("2026-01-01T00:30+01:00") == "2025-12-31T23:30:00Z");
}

TEST_CASE("the epoch and leap days are where they belong", "[time]") {
  CHECK(ok(parse_time("1970-01-01")) == 0);
  CHECK(ok(parse_time("1970-01-02T00:00:01")) == 86401);
  CHECK(as_utc("2024-02-29") == "2024-02-29T00:00:00Z");
  CHECK(as_utc("2000-02-29") == "2000-02-29T00:00:00Z");
  CHECK(as_utc("9999-12-31T23:59:59") == "9999-12-31T23:59:59Z");
}

TEST_CASE("formatting and parsing round-trip", "[time]") {
  for (std::int64_t t : {std::int64_t{0}, std::int64_t{951782400}, std::int64_t{1764000000},
                         std::int64_t{253402300799}}) {
    CHECK(ok(parse_time(format_time(t))) == t);
  }
}

TEST_CASE("impossible dates, bad forms and trailing text are refused saying what was expected", "[time]") {
  const char* bad[] = {"",  "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                       "2026-12-00", "2026-12-03T24:00", "2026-12-03T23:60", "2026-12-03T23:59:60",
                       "03/12/2026", "2026-12-03Tnoon", "2026-12-03T", "2026-12-03T09:30:",
                       "2026-12-03T09:30+15:00", "2026-12-03T09:30+0100", "2026-12-03x",
                       "2026-12-03T09:30Z junk", "1969-12-31", "10000-01-01", "2026-1-3"};
  for (const char* text : bad) {
    INFO(text);
    Result<std::int64_t> r = parse_time(text);
    REQUIRE(!r.is_ok());
    CHECK(r.status().code() == Code::invalid_argument);
    CHECK(r.status().message().find("e.g. 2026-12-03") != std::string::npos);
  }
}
