// How a store merges what devices push (as the server, acting for the
// device's person) and what the server sends back (as a device): the cases
// the deterministic simulator (tests/sim) found wrong, each kept here as a
// plain test, independent of how the simulator's worlds are generated.
#include "debrief/replication.h"
#include "debrief/time.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// Two phones of one person, neither of them the store's own device.
const Id kPhoneA = *Id::parse("0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a");
const Id kPhoneB = *Id::parse("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

WireChange whole(const Id& device, std::int64_t at_ms, Kind kind, const Id& record, const Json& value) {
  return WireChange{device, Hlc::from_parts(at_ms, 0), kind, record, std::nullopt, value, ChangeOp::upsert};
}

}  // namespace

TEST_CASE("a whole reflection pushed unchanged still counts as its newest write: an older one arriving later loses",
          "[replication][merge]") {
  test::World w;
  Id r = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "Quiet day."}, {"shared", false}}));
  Json unshared = ok(get(*w.store, Kind::reflection, r));
  Json shared = unshared;
  shared["shared"] = true;
  std::int64_t now = w.env.now_ms();
  // Phone B unshared it at now+20 s (nothing to change here); phone A had
  // shared it at now+10 s, and its push arrives second.
  ok(apply_remote(*w.store, {whole(kPhoneB, now + 20'000, Kind::reflection, r, unshared)}, ApplyOptions{.as_person = w.me}));
  ok(apply_remote(*w.store, {whole(kPhoneA, now + 10'000, Kind::reflection, r, shared)}, ApplyOptions{.as_person = w.me}));
  CHECK(ok(get(*w.store, Kind::reflection, r))["shared"] == false);
}

TEST_CASE("a pushed record keeps a creation time up to the hour a clock may run ahead; later than that, it is now",
          "[replication][merge]") {
  test::World w;
  std::int64_t now_s = w.env.now_ms() / 1000;
  auto pushed = [&](std::int64_t ahead_s) {
    Id id = Id::make(w.env);
    Json value = {{"event", w.event.hex()}, {"text", "Looking back."}, {"shared", true},
                  {"created_at", format_time(now_s + ahead_s)}};
    ok(apply_remote(*w.store, {whole(kPhoneA, w.env.now_ms(), Kind::reflection, id, value)}, ApplyOptions{.as_person = w.me}));
    return ok(get(*w.store, Kind::reflection, id))["created_at"].get<std::string>();
  };
  CHECK(pushed(-600) == format_time(now_s - 600));
  CHECK(pushed(45 * 60) == format_time(now_s + 45 * 60));  // a clock 45 minutes fast: its own time stands
  CHECK(pushed(3 * 3600) == format_time(now_s));           // three hours: not believed
}

TEST_CASE("a +1 made on two devices of one person takes the server's creation time on both", "[replication][merge]") {
  test::World w;
  Id k = w.kudos_to_team();
  Id p = ok(create(*w.store, Kind::plus_one, {{"kudos", k.hex()}}));
  Json theirs = ok(get(*w.store, Kind::plus_one, p));
  std::int64_t earlier = w.env.now_ms() / 1000 - 3600;
  theirs["created_at"] = format_time(earlier);
  // The same +1 (its id follows from who and which kudos), as the other
  // phone made it an hour before and the server kept it.
  ok(apply_remote(*w.store, {whole(kPhoneA, w.env.now_ms() - 3'600'000, Kind::plus_one, p, theirs)}, ApplyOptions{}));
  CHECK(ok(get(*w.store, Kind::plus_one, p))["created_at"] == format_time(earlier));
}

TEST_CASE("a response given before its person moved team takes the team the server set, and its tallies follow",
          "[replication][merge]") {
  test::World w;
  Id r = ok(w.respond({{"score", 4}}));
  Id field = ok(create(*w.store, Kind::team, {{"name", "Field"}}));
  auto tallied = [&] {
    test::RawDb raw(test::db_file(w.store->dir()));
    return raw.column("SELECT hex(team) || ':' || responses FROM scope_tallies WHERE scope_kind = 'event'");
  };
  REQUIRE(tallied() == std::vector<std::string>{test::upper(w.team.hex()) + ":1"});
  // The server had moved the person to Field before the answer arrived: it
  // echoes the answer back with that team.
  Json theirs = ok(get(*w.store, Kind::response, r));
  theirs["team"] = field.hex();
  ok(apply_remote(*w.store, {whole(w.store->device_id(), w.env.now_ms(), Kind::response, r, theirs)}, ApplyOptions{}));
  CHECK(ok(get(*w.store, Kind::response, r))["team"] == field.hex());
  CHECK(tallied() == std::vector<std::string>{test::upper(field.hex()) + ":1"});
}

TEST_CASE("a deleted response takes the server's team without counting again", "[replication][merge]") {
  test::World w;
  Id r = ok(w.respond({{"score", 4}}));
  Id field = ok(create(*w.store, Kind::team, {{"name", "Field"}}));
  Json theirs = ok(get(*w.store, Kind::response, r));
  ok(remove(*w.store, Kind::response, r));
  theirs["team"] = field.hex();
  ok(apply_remote(*w.store, {whole(w.store->device_id(), w.env.now_ms(), Kind::response, r, theirs)}, ApplyOptions{}));
  test::RawDb raw(test::db_file(w.store->dir()));
  CHECK(raw.column("SELECT hex(team) FROM responses") == std::vector<std::string>{test::upper(field.hex())});
  CHECK(raw.column("SELECT responses FROM scope_tallies WHERE responses <> 0").empty());
}
