// Record ids (time-ordered, random tail) and the hybrid logical clock.
#include "debrief/hlc.h"
#include "debrief/id.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

TEST_CASE("an id round-trips through hex, read in either case and written in lower case", "[id]") {
  SeededEnv env(1, test::kStartMs);
  Id id = Id::make(env);
  CHECK(id.hex().size() == 32);
  CHECK(id.hex().find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(ok(Id::parse(id.hex())) == id);
  CHECK(ok(Id::parse(test::upper(id.hex()))) == id);
  CHECK(ok(Id::parse("000102030405060708090a0b0c0d0eff")).hex() == "000102030405060708090a0b0c0d0eff");
}

TEST_CASE("anything but 32 hex digits is not an id, and the error shows what was given", "[id]") {
  for (const char* bad : {"", "xyz", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0",
                          "0123456789abcdef0123456789abcdeg", " 123456789abcdef0123456789abcdef"}) {
    INFO(bad);
    Result<Id> r = Id::parse(bad);
    REQUIRE(!r.is_ok());
    CHECK(r.status().code() == Code::invalid_argument);
    CHECK(r.status().message().find("'" + std::string(bad) + "'") != std::string::npos);
  }
}

TEST_CASE("an id begins with its creation time in milliseconds, so ids sort by creation", "[id]") {
  SeededEnv env(1, 0x0123456789ab);
  Id first = Id::make(env);
  CHECK(first.hex().substr(0, 12) == "0123456789ab");
  std::vector<Id> made{first};
  for (int i = 0; i < 50; ++i) {
    env.advance_ms(1);
    made.push_back(Id::make(env));
  }
  CHECK(std::is_sorted(made.begin(), made.end()));
  CHECK(made.front() < made.back());
}

TEST_CASE("ids made in the same millisecond differ in their random tail", "[id]") {
  SeededEnv env(1, test::kStartMs);
  Id a = Id::make(env), b = Id::make(env);
  CHECK(a != b);
  CHECK(a.hex().substr(0, 12) == b.hex().substr(0, 12));
  CHECK(!a.is_nil());
  CHECK(Id{}.is_nil());
}

TEST_CASE("the same seed makes the same ids; another seed does not", "[id]") {
  SeededEnv a(7, test::kStartMs), b(7, test::kStartMs), c(8, test::kStartMs);
  Id from_a = Id::make(a);
  CHECK(from_a == Id::make(b));
  CHECK(from_a != Id::make(c));
}

TEST_CASE("an HLC packs milliseconds and a logical counter and orders by both", "[hlc]") {
  Hlc t = Hlc::from_parts(1764000000123, 3);
  CHECK(t.physical_ms() == 1764000000123);
  CHECK(t.logical() == 3);
  CHECK(t.to_string() == "2025-11-24T16:00:00.123Z+3");
  CHECK(Hlc::from_parts(1000, 9) < Hlc::from_parts(1001, 0));
  CHECK(Hlc::from_parts(1000, 1) < Hlc::from_parts(1000, 2));
}

TEST_CASE("the clock follows the wall clock while it moves forward", "[hlc]") {
  HlcClock clock;
  CHECK(clock.tick(5000) == Hlc::from_parts(5000, 0));
  CHECK(clock.tick(5000) == Hlc::from_parts(5000, 1));
  CHECK(clock.tick(6000) == Hlc::from_parts(6000, 0));
  CHECK(clock.last() == Hlc::from_parts(6000, 0));
}

TEST_CASE("ticks stay strictly increasing when the wall clock goes backwards", "[hlc]") {
  HlcClock clock;
  Hlc previous = clock.tick(10000);
  const std::int64_t walls[] = {9000, 1, 10000, 0, 9999, 10001, 500};
  for (std::int64_t wall : walls) {
    Hlc next = clock.tick(wall);
    INFO("wall " << wall);
    CHECK(next > previous);
    CHECK(next.physical_ms() >= 10000);
    previous = next;
  }
}

TEST_CASE("a full logical counter borrows the next millisecond", "[hlc]") {
  HlcClock clock(Hlc::from_parts(1000, 0xffff));
  CHECK(clock.tick(1000) == Hlc::from_parts(1001, 0));
}

TEST_CASE("after observing a remote time, local ticks order after it", "[hlc]") {
  HlcClock clock;
  (void)clock.tick(5000);
  clock.observe(Hlc::from_parts(9000, 7), 5000);
  Hlc next = clock.tick(5000);
  CHECK(next > Hlc::from_parts(9000, 7));
  CHECK(next.physical_ms() == 9000);
}

TEST_CASE("observing an older remote time does not move the clock back", "[hlc]") {
  HlcClock clock;
  Hlc mine = clock.tick(8000);
  clock.observe(Hlc::from_parts(100, 0), 7000);
  CHECK(clock.last() == mine);
  CHECK(clock.tick(7000) > mine);
}

TEST_CASE("observing with a wall clock ahead of both jumps to the wall clock", "[hlc]") {
  HlcClock clock;
  (void)clock.tick(1000);
  clock.observe(Hlc::from_parts(2000, 5), 3000);
  CHECK(clock.tick(3000) == Hlc::from_parts(3000, 1));
}
