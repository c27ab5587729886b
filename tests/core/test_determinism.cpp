// The same seed and the same actions give the same store, record for record:
// what the demo generator and reproducible tests rely on.
#include "debrief/change_log.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// A World with a bit of everything, dumped whole with its change log.
Json build(std::uint64_t seed) {
  test::World w(seed);
  w.env.advance_ms(1000);
  Json to_team = test::specific_kudos({});
  to_team["to_team"] = w.team.hex();
  Id kudos = ok(create(*w.store, Kind::kudos, to_team));
  w.act_as(w.other);
  ok(create(*w.store, Kind::plus_one, {{"kudos", kudos.hex()}}));
  w.act_as(w.me);
  ok(w.respond({{"score", 1}, {"wrong", "rain"}}, true));
  ok(w.colleague_responds({{"score", 5}, {"keep", "the hike"}, {"parts", {"food"}}}));
  ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "Calmer than I expected."}, {"shared", true}}));
  ok(update(*w.store, Kind::event, w.event, {{"location", "Sintra"}}));
  Json dump = test::snapshot(*w.store);
  dump["device"] = w.store->device_id().hex();
  for (const Change& c : ok(pending_changes(*w.store))) {
    dump["changes"].push_back({c.hlc.value, c.record.hex(), c.field.value_or(""), c.value, static_cast<int>(c.op)});
  }
  return dump;
}

}  // namespace

TEST_CASE("the same seed and the same actions give the same records in two stores", "[determinism]") {
  Json first = build(7), second = build(7);
  CHECK(first == second);
  CHECK(first["records"]["response"].size() == 2);
}

TEST_CASE("another seed gives another device and other ids", "[determinism]") {
  Json first = build(7), other = build(8);
  CHECK(first["device"] != other["device"]);
  CHECK(first["records"]["kudos"][0]["id"] != other["records"]["kudos"][0]["id"]);
}
