#include "window.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdlib>
#include <filesystem>

#include "app.h"

namespace debrief::desktop {
namespace {

constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";  // fonts-dejavu-core
constexpr float kFontPixels = 15.0f;

Status no_window(const std::string& why) {
  return Status(Code::io_error, why + "; use the `debrief` command line, or run under xvfb-run");
}

void set_up_imgui(GLFWwindow* window, float scale) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember
  ImGui::StyleColorsDark();
  // DejaVu Sans reads better than ImGui's built-in bitmap font; loaded at
  // twice its size so 2x stays sharp (FontGlobalScale brings it back to the
  // chosen scale).
  if (std::filesystem::exists(kFont)) {
    ImGui::GetIO().Fonts->AddFontFromFileTTF(kFont, 2 * kFontPixels);
    ImGui::GetIO().FontGlobalScale = 0.5f;
  }
  ImGui::GetStyle().ScaleAllSizes(scale);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");
}

}  // namespace

Result<std::unique_ptr<Window>> Window::open(int width, int height, float scale, bool vsync) {
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) return no_window("no display here");
  if (!glfwInit()) return no_window("cannot open a window on this display");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(width, height, "Debrief", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return no_window("no OpenGL 3 window on this display");
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(vsync ? 1 : 0);
  set_up_imgui(window, scale);
  return std::unique_ptr<Window>(new Window(window));
}

Window::Window(GLFWwindow* window) : window_(window) {
  glfwSetWindowUserPointer(window, this);  // ImGui's GLFW backend keeps its own state elsewhere
  glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    for (int i = 0; i < count; ++i) self->dropped_.emplace_back(paths[i]);
  });
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::closing() const { return glfwWindowShouldClose(window_); }

void Window::events(double wait_seconds) {
  if (wait_seconds > 0) glfwWaitEventsTimeout(wait_seconds);
  else glfwPollEvents();
}

void Window::draw(App& app, const std::function<void(ImGuiIO&)>& simulate) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (simulate) simulate(ImGui::GetIO());
  ImGui::NewFrame();
  app.frame();
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::swap() { glfwSwapBuffers(window_); }

}  // namespace debrief::desktop
