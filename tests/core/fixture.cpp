#include "fixture.h"

#include <random>
#include <unistd.h>

namespace test {

using namespace debrief;

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("debrief-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

World::World() {
  store = ok(Store::open(dir.path() / "store", {.env = &env}));
  team = ok(create(*store, Kind::team, {{"name", "Support"}}));
  me = ok(create(*store, Kind::person, {{"name", "Ana Lima"}, {"team", team.hex()}}));
  other = ok(create(*store, Kind::person, {{"name", "Ben Ode"}, {"team", team.hex()}}));
  ok(store->set_me(me));
  event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00"},
                                          {"ends_at", "2026-12-03T17:00"}}));
  survey = ok(create(*store, Kind::survey, {{"title", "After"}, {"kind", "post_event"}, {"questions", survey_questions()}}));
}

Json World::survey_questions() const {
  return Json::parse(R"([
    {"id":"score","type":"rating","text":"How was it?","required":true},
    {"id":"wrong","type":"text","text":"What went wrong?","show_if":{"q":"score","op":"<=","value":2}},
    {"id":"keep","type":"text","text":"What should we keep?","show_if":{"q":"score","op":">=","value":4}},
    {"id":"parts","type":"multi","text":"Best parts?","options":["talks","games","food"]},
    {"id":"triad","type":"triad","text":"More, less, stop?"}])");
}

Result<Id> World::respond(const Json& answers, bool anonymous) {
  return create(*store, Kind::response, {{"survey", survey.hex()}, {"event", event.hex()},
                                         {"anonymous", anonymous}, {"answers", answers}});
}

Snapshot::Snapshot(Store& store) {
  StoreInfo info = ok(store.info());
  for (const KindCount& c : info.counts) counts.push_back(c.live);
  changes = info.total_changes;
}

}  // namespace test
