// insights_bench: the manager's review on a large local store, against the
// insights issue's targets.
//
//   insights_bench [--dir DIR] [--responses N] [--runs R]
//
// Uses the demo store in DIR (default: a temporary directory), generating
// one of N responses (default 1,000,000; 5,000 people, 100 events, seed 7,
// as store_bench does) when DIR holds none. Then prints: the complete
// review of one event (the middle one by start), the whole organisation's
// dashboard (every team's trend across every event), and a CSV export of
// every response to a file in DIR — each the median of R runs after one warm-up, in this
// process. The store's clock reads two weeks after the last event starts, so
// the organisation's heatmap compares the last month's pulses with the
// month before, as a manager reviewing right after it would. Plain main, no
// timing assertions: figures go in the README.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "bench_support.h"
#include "debrief/env.h"
#include "debrief/export.h"
#include "debrief/heatmap.h"
#include "debrief/insights.h"
#include "debrief/records.h"
#include "debrief/store.h"
#include "debrief/time.h"

namespace fs = std::filesystem;
using namespace debrief;
using bench::check;
using bench::Clock;
using bench::median;
using bench::seconds_since;

namespace {

// Median milliseconds of `runs` calls of `work`, after one call to warm up.
template <class F>
double median_ms(int runs, F work) {
  work();
  std::vector<double> ms;
  for (int r = 0; r < runs; ++r) {
    auto t = Clock::now();
    work();
    ms.push_back(seconds_since(t) * 1000);
  }
  return median(ms);
}

// The events, by start.
std::vector<Json> events_by_start(Store& store) {
  std::vector<Json> events = check(list(store, Kind::event));
  std::sort(events.begin(), events.end(),
            [](const Json& a, const Json& b) { return a["starts_at"] < b["starts_at"]; });
  return events;
}

Id middle_event(Store& store) {
  std::vector<Json> events = events_by_start(store);
  return check(Id::parse(events.at(events.size() / 2)["id"].get<std::string>()));
}

std::int64_t count_responses(Store& store) {
  for (const KindCount& c : check(store.info()).counts)
    if (c.kind == Kind::response) return c.live;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  auto [responses, runs, dir] = bench::parse_store_args("insights_bench", argc, argv);
  bench::ensure_demo(dir, responses);
  SeededEnv clock(7, system_env().now_ms());
  auto store = check(Store::open(dir, {.env = &clock, .create = false}));
  clock.set_now_ms(check(parse_time(events_by_start(*store).back()["starts_at"].get<std::string>())) * 1000 +
                   14 * 86'400'000LL);
  Id event = middle_event(*store);
  EventReview review = check(review_event(*store, event));
  std::printf("store: %lld responses; the reviewed event's own surveys: %lld responses, %zu activities\n",
              static_cast<long long>(count_responses(*store)),
              static_cast<long long>(review.event.groups.at(0).responses), review.activities.size());
  std::printf("%-58s %12s %s\n", "measure", "figure", "target");
  double one = median_ms(runs, [&] { check(review_event(*store, event)); });
  std::printf("%-58s %9.1f ms %s\n", "complete review of one event (median)", one, "<= 50 ms");
  // Themes: the grouping alone, over every free text of the event's
  // responses (text answers and more / less / stop parts), read into memory
  // first; the review above includes them, read from the store.
  std::vector<ThemeComment> comments;
  for (const Json& r : check(list(*store, Kind::response, {.where = {{"event", event.hex()}}}))) {
    for (const auto& [q, a] : r["answers"].items()) {
      if (a.is_string()) comments.push_back({a.get<std::string>(), true, std::nullopt});
      if (a.is_object())
        for (const auto& [part, text] : a.items())
          if (text.is_string()) comments.push_back({text.get<std::string>(), true, std::nullopt});
    }
  }
  double themes = median_ms(runs, [&] { themes_of(comments); });
  std::printf("%-58s %9.1f ms %s\n", ("themes of one event's " + std::to_string(comments.size()) + " comments (median)").c_str(),
              themes, "<= 100 ms");
  double heatmap = median_ms(runs, [&] { heatmap_of(check(review_event(*store, event))); });
  std::printf("%-58s %9.1f ms %s\n", "heatmap of one event, from its review (median)", heatmap, "-");
  double organisation = median_ms(runs, [&] { check(organisation_heatmap(*store)); });
  std::printf("%-58s %9.1f ms %s\n", "heatmap of the organisation: every team (median)", organisation, "<= 500 ms");
  double dashboard = median_ms(runs, [&] { check(team_trends(*store)); });
  std::printf("%-58s %9.1f ms %s\n", "whole organisation's dashboard: every team's trend (median)", dashboard, "<= 500 ms");
  fs::path csv_file = dir / "insights_bench_export.csv";
  double csv = median_ms(std::max(1, runs / 2), [&] {
    std::ofstream out(csv_file, std::ios::binary);
    check(export_table(*store, ExportTable::responses, ExportFormat::csv, std::nullopt, out));
  });
  std::ifstream written(csv_file, std::ios::binary);
  auto rows = std::count(std::istreambuf_iterator<char>(written), std::istreambuf_iterator<char>(), '\n') - 1;
  fs::remove(csv_file);
  std::printf("%-58s %9.0f /s %s\n", ("CSV export of every response, " + std::to_string(rows) + " answer rows").c_str(),
              static_cast<double>(rows) / (csv / 1000), ">= 200,000 rows/s");
}
