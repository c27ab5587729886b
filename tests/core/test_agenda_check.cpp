// The agenda balance check against programmes worked out by hand.
#include "debrief/agenda_check.h"
#include "debrief/records.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

struct Programme : test::SeededStore {
  Id event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00:00Z"},
                                             {"ends_at", "2026-12-03T18:00:00Z"}}));
  void add(const std::string& title, const std::string& kind, const std::string& from, const std::string& to) {
    ok(create(*store, Kind::activity, {{"event", event.hex()}, {"title", title}, {"kind", kind},
                                       {"starts_at", "2026-12-03T" + from + ":00Z"}, {"ends_at", "2026-12-03T" + to + ":00Z"}}));
  }
  std::vector<std::string> codes(const AgendaCheck& c) {
    std::vector<std::string> out;
    for (const AgendaWarning& w : c.warnings) out.push_back(w.code);
    return out;
  }
};

}  // namespace

TEST_CASE("a programme's time by kind, its free time and its longest stretch, as worked out by hand", "[agenda]") {
  Programme p;
  p.add("Opening talk", "talk", "09:00", "10:00");
  p.add("Roadmap workshop", "workshop", "10:05", "11:30");  // 5 minutes between: not a break
  p.add("Q&A", "talk", "11:30", "12:00");
  p.add("Lunch", "meal", "12:00", "13:00");
  p.add("Escape room", "game", "13:00", "14:00");
  p.add("Quiet time", "reflection_break", "14:30", "14:45");
  p.add("Walk", "outdoor", "14:45", "15:45");
  AgendaCheck c = ok(check_agenda(*p.store, p.event));
  CHECK(c.seconds == std::map<std::string, std::int64_t>{{"talk", 90 * 60}, {"workshop", 85 * 60}, {"meal", 60 * 60},
                                                          {"game", 60 * 60}, {"reflection_break", 15 * 60},
                                                          {"outdoor", 60 * 60}, {"free", 35 * 60}});
  CHECK(c.shares.at("talk") == Approx(90.0 / 405));  // of 405 minutes, free time included
  CHECK(c.shares.at("free") == Approx(35.0 / 405));
  double sum = 0;
  for (const auto& [kind, share] : c.shares) sum += share;
  CHECK(sum == Approx(1.0));
  CHECK(c.longest_stretch == 180 * 60);  // 09:00 to 12:00
  REQUIRE(p.codes(c) == std::vector<std::string>{"long_stretch"});
  CHECK(c.warnings[0].message == "180 minutes with no break, from the start of \"Opening talk\" to the end of \"Q&A\"");
  Json j = to_json(c);
  CHECK(j["minutes"]["workshop"] == 85);
  CHECK(j["longest_stretch_minutes"] == 180);
  CHECK(j["warnings"][0]["code"] == "long_stretch");
}

TEST_CASE("a day of talks warns of every imbalance, and overlaps and empty programmes say so", "[agenda]") {
  Programme p;
  CHECK(p.codes(ok(check_agenda(*p.store, p.event))) == std::vector<std::string>{"no_activities"});
  p.add("Keynote", "talk", "09:00", "12:00");
  p.add("Panel", "talk", "11:30", "12:30");  // overlaps the keynote
  p.add("Lunch", "meal", "12:30", "13:30");
  p.add("Talks", "talk", "13:30", "17:30");
  AgendaCheck c = ok(check_agenda(*p.store, p.event));
  CHECK(c.longest_stretch == 240 * 60);  // 13:30 to 17:30; the morning's is 210
  CHECK(p.codes(c) == std::vector<std::string>{"overlap", "long_stretch", "long_stretch", "no_reflection_time",
                                                "one_kind_dominates"});
  CHECK(c.warnings[4].message == "talk takes 89% of the activities' time");  // 480 of 540 minutes
  CHECK(check_agenda(*p.store, Id::make(p.env)).status().code() == Code::not_found);
}
