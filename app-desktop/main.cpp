// debrief-desktop: Debrief in a Dear ImGui window (GLFW + OpenGL 3).
//
//   debrief-desktop [--data DIR] [--screen NAME] [--scale F] [--size WxH]
//                   [--screenshot FILE.png] [--report-startup]
//
// With --screenshot it renders NAME's screen of the real app once its data
// has loaded, writes the window to FILE.png and exits (run it under
// xvfb-run where there is no display). With --report-startup it prints when
// the first frame and the first frame with the screen's data were shown,
// and exits.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>

#include "debrief/platform/paths.h"
#include "ui/app.h"
#include "window/screenshot.h"
#include "window/window.h"

using namespace debrief;
using namespace debrief::desktop;

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string data, screen = "home", screenshot, size = "1280x800";
  float scale = 1.0f;
  bool report_startup = false;
};

// Frames drawn before a screenshot, once the data has loaded: enough for
// ImGui to lay out windows whose size depends on their contents.
constexpr int kSettleFrames = 4;
// How long a frame waits for the worker before drawing the next one.
constexpr std::chrono::milliseconds kSettlePoll{10};

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Draws frames until the window closes, or until the data has loaded when
// a screenshot or a startup report was asked for. Returns the exit code.
int frames(Window& window, App& app, const Options& o, Clock::time_point start) {
  const bool until_loaded = !o.screenshot.empty() || o.report_startup;
  int settled = 0;
  for (bool first = true; !window.closing(); first = false) {
    window.events(until_loaded ? 0 : 0.05);  // results from the worker arrive between events
    if (std::vector<std::filesystem::path> dropped = window.take_dropped(); !dropped.empty()) app.drop(std::move(dropped));
    window.draw(app);
    for (ChartCapture& c : app.take_captures())
      c.done(write_screenshot(window.glfw(), c.file.string(), WindowRegion{c.x0, c.y0, c.x1, c.y1}));
    if (until_loaded && app.worker().settle(kSettlePoll) && ++settled >= kSettleFrames) {
      if (o.report_startup) std::printf("loaded_ms %.1f\n", ms_since(start));
      if (o.screenshot.empty()) return 0;
      Status s = write_screenshot(window.glfw(), o.screenshot);
      if (!s.is_ok()) std::fprintf(stderr, "debrief-desktop: %s\n", s.message().c_str());
      return s.is_ok() ? 0 : 1;
    }
    window.swap();
    if (first && o.report_startup) std::printf("first_frame_ms %.1f\n", ms_since(start)), std::fflush(stdout);
  }
  return 0;
}

int run(const Options& o, Clock::time_point start) {
  std::optional<Screen> screen = screen_named(o.screen);
  if (!screen) {
    std::fprintf(stderr, "debrief-desktop: no screen named '%s'\n", o.screen.c_str());
    return 2;
  }
  int width = 1280, height = 800;
  if (std::sscanf(o.size.c_str(), "%dx%d", &width, &height) != 2 || width < 640 || height < 480) {
    std::fprintf(stderr, "debrief-desktop: --size takes WIDTHxHEIGHT, at least 640x480\n");
    return 2;
  }
  Result<std::unique_ptr<Window>> window = Window::open(width, height, o.scale, o.screenshot.empty() && !o.report_startup);
  if (!window.is_ok()) {
    std::fprintf(stderr, "debrief-desktop: %s\n", window.status().message().c_str());
    return 3;
  }
  App app(o.data.empty() ? platform::default_data_dir() : std::filesystem::path(o.data), o.scale, &(*window)->textures());
  app.show(*screen);
  return frames(**window, app, o, start);
}

}  // namespace

int main(int argc, char** argv) {
  const Clock::time_point start = Clock::now();
  Options o;
  CLI::App cli{"Debrief: feedback after team events, in a window"};
  cli.add_option("--data", o.data, "the store's directory (default: the platform's data directory)");
  cli.add_option("--screen", o.screen, "the screen to open: home, events, feedback, reflections, kudos, media, dashboard, settings")
      ->capture_default_str();
  cli.add_option("--scale", o.scale, "interface scale, 1 to 2")->check(CLI::Range(1.0f, 2.0f))->capture_default_str();
  cli.add_option("--screenshot", o.screenshot, "render the screen once loaded, write it to this PNG file, and exit");
  cli.add_option("--size", o.size, "window size, WIDTHxHEIGHT")->capture_default_str();
  cli.add_flag("--report-startup", o.report_startup,
               "print the milliseconds to the first frame and to the first frame with the screen's data, and exit");
  CLI11_PARSE(cli, argc, argv);
  return run(o, start);
}
