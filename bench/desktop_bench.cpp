// desktop_bench: the desktop app against the desktop issue's targets, on
// the shared demo store of a million responses (125k kudos).
//
//   xvfb-run -s "-screen 0 1280x800x24" desktop_bench [--dir DIR] [--responses N] [--runs R]
//
// Prints:
//  - start to first frame: debrief-desktop started R times as a new process
//    on the store (home screen), the wall time from launching it to its
//    first frame on screen, and to the first frame with the screen's data;
//    then the same started on the kudos wall, to its first page shown;
//  - frame time: the kudos wall and the manager's dashboard in a 1280x800
//    window in this process, each loaded, then 300 frames scrolling down
//    through it (the mouse wheel simulated), timed from the frame's start
//    to its pixels done (glFinish after the swap); median and 95th
//    percentile.
// Needs a display (Xvfb: Mesa llvmpipe draws). Medians, no assertions:
// figures go in the README.
#include <GL/gl.h>
#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app.h"
#include "bench_support.h"
#include "window.h"

namespace fs = std::filesystem;
using namespace debrief;
using namespace debrief::desktop;
using bench::Clock;

namespace {

constexpr int kFrames = 300;
constexpr int kWidth = 1280, kHeight = 800;

double ms_since(Clock::time_point t) { return bench::seconds_since(t) * 1000; }

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// Launches debrief-desktop --report-startup on `dir` and `screen`; returns
// the wall milliseconds from launch to its first frame and to its loaded frame.
std::pair<double, double> start_once(const fs::path& dir, const char* screen) {
  std::string command = std::string(DEBRIEF_DESKTOP) + " --report-startup --screen " + screen + " --data '" + dir.string() + "'";
  auto t = Clock::now();
  FILE* app = popen(command.c_str(), "r");
  if (!app) bench::check(Status(Code::io_error, "cannot start " + command));
  double first = 0, loaded = 0;
  char line[128];
  while (std::fgets(line, sizeof line, app)) {
    std::string l = line;
    if (l.rfind("first_frame_ms", 0) == 0) first = ms_since(t);
    if (l.rfind("loaded_ms", 0) == 0) loaded = ms_since(t);
  }
  if (pclose(app) != 0 || first == 0 || loaded == 0)
    bench::check(Status(Code::internal, "debrief-desktop --report-startup failed: " + command));
  return {first, loaded};
}

void startup(const fs::path& dir, int runs) {
  std::vector<double> first, loaded, wall;
  for (int i = 0; i < runs; ++i) {
    auto [f, l] = start_once(dir, "home");
    first.push_back(f);
    loaded.push_back(l);
    wall.push_back(start_once(dir, "kudos").second);
  }
  std::printf("start to first frame:             %7.1f ms  (median of %d; target <= 500)\n", bench::median(first), runs);
  std::printf("start to first frame with data:   %7.1f ms\n", bench::median(loaded));
  std::printf("start to kudos wall's first page: %7.1f ms  (target <= 1000)\n", bench::median(wall));
}

// Draws `screen` until its data has loaded, then kFrames frames scrolling
// down, and prints their median and 95th percentile times.
void frame_times(Window& window, App& app, Screen screen, const char* name) {
  app.show(screen);
  for (int settled = 0; settled < 4;) {
    window.draw(app);
    window.swap();
    settled = app.worker().settle(std::chrono::milliseconds(10)) ? settled + 1 : 0;
  }
  auto scroll = [](ImGuiIO& io) {
    io.MousePos = ImVec2(kWidth * 0.6f, kHeight * 0.6f);  // over the screen's list
    io.MouseWheel -= 1.0f;
  };
  std::vector<double> ms;
  for (int i = 0; i < kFrames; ++i) {
    auto t = Clock::now();
    window.draw(app, scroll);
    window.swap();
    glFinish();
    ms.push_back(ms_since(t));
  }
  std::printf("frame time, %-22s %7.2f ms median, %.2f ms p95  (target <= 16)\n", name, bench::median(ms),
              percentile(ms, 0.95));
}

}  // namespace

int main(int argc, char** argv) {
  auto [responses, runs, dir] = bench::parse_store_args("desktop_bench", argc, argv);
  bench::ensure_demo(dir, responses);
  startup(dir, runs);
  auto window = bench::check(Window::open(kWidth, kHeight, 1.0f, false));
  App app(dir, 1.0f, &window->textures());
  frame_times(*window, app, Screen::kudos, "kudos wall:");
  frame_times(*window, app, Screen::dashboard, "dashboard:");
  return 0;
}
