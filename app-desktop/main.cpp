// debrief-desktop: Debrief in a Dear ImGui window (GLFW + OpenGL 3).
//
//   debrief-desktop [--data DIR] [--screen NAME] [--scale F]
//                   [--screenshot FILE.png] [--size WxH]
//
// With --screenshot it renders NAME's screen of the real app once its data
// has loaded, writes the window to FILE.png and exits (run it under
// xvfb-run where there is no display).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "debrief/platform/paths.h"
#include "ui/app.h"
#include "ui/screenshot.h"

using namespace debrief;
using namespace debrief::desktop;

namespace {

struct Options {
  std::string data, screen = "home", screenshot, size = "1280x800";
  float scale = 1.0f;
};

// Frames drawn before a screenshot, once the data has loaded: enough for
// ImGui to lay out windows whose size depends on their contents.
constexpr int kSettleFrames = 4;
constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";  // fonts-dejavu-core
constexpr float kFontPixels = 15.0f;

void draw_frame(GLFWwindow* window, App& app) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app.frame();
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

int run(const Options& o) {
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
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) {
    std::fprintf(stderr, "debrief-desktop: no display here; use the `debrief` command line, or run under xvfb-run\n");
    return 3;
  }
  if (!glfwInit()) {
    std::fprintf(stderr, "debrief-desktop: cannot open a window on this display; use the `debrief` command line\n");
    return 3;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(width, height, "Debrief", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "debrief-desktop: no OpenGL 3 window on this display; use the `debrief` command line\n");
    glfwTerminate();
    return 3;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(o.screenshot.empty() ? 1 : 0);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember
  ImGui::StyleColorsDark();
  // Debian's DejaVu Sans reads better than ImGui's built-in bitmap font;
  // loaded at twice its size so 2x stays sharp (FontGlobalScale brings it
  // back to the chosen scale).
  if (std::filesystem::exists(kFont)) {
    ImGui::GetIO().Fonts->AddFontFromFileTTF(kFont, 2 * kFontPixels);
    ImGui::GetIO().FontGlobalScale = 0.5f;
  }
  ImGui::GetStyle().ScaleAllSizes(o.scale);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  int code = 0;
  {
    App app(o.data.empty() ? platform::default_data_dir() : std::filesystem::path(o.data), o.scale);
    app.show(*screen);
    int settled = 0;
    while (!glfwWindowShouldClose(window)) {
      if (o.screenshot.empty()) glfwWaitEventsTimeout(0.05);  // results from the worker arrive between events
      else glfwPollEvents();
      draw_frame(window, app);
      if (!o.screenshot.empty() && app.worker().settle(std::chrono::seconds(30)) && ++settled >= kSettleFrames) {
        Status s = write_screenshot(window, o.screenshot);
        if (!s.is_ok()) std::fprintf(stderr, "debrief-desktop: %s\n", s.message().c_str());
        code = s.is_ok() ? 0 : 1;
        break;
      }
      glfwSwapBuffers(window);
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App cli{"Debrief: feedback after team events, in a window"};
  cli.add_option("--data", o.data, "the store's directory (default: the platform's data directory)");
  cli.add_option("--screen", o.screen, "the screen to open: home, events, feedback, reflections, kudos, dashboard, settings")
      ->capture_default_str();
  cli.add_option("--scale", o.scale, "interface scale, 1 to 2")->check(CLI::Range(1.0f, 2.0f))->capture_default_str();
  cli.add_option("--screenshot", o.screenshot, "render the screen once loaded, write it to this PNG file, and exit");
  cli.add_option("--size", o.size, "window size, WIDTHxHEIGHT")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);
  return run(o);
}
