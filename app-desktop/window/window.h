// The desktop window: GLFW with an OpenGL 3 context, and Dear ImGui on it
// with its GLFW and OpenGL 3 backends and Debian's DejaVu Sans. Shared by
// debrief-desktop and the desktop benchmark. One window per process.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "debrief/status.h"
#include "gl_textures.h"

struct GLFWwindow;
struct ImGuiIO;

namespace debrief::desktop {

class App;

class Window {
 public:
  // Opens a `width` x `height` window. `vsync` off draws frames as fast as
  // they come (screenshots, benchmarks). The error says why there is no
  // window here (no display, no OpenGL 3) in one line.
  static Result<std::unique_ptr<Window>> open(int width, int height, float scale, bool vsync);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  bool closing() const;
  // Handles the input that came, waiting up to `wait_seconds` for some (0:
  // not at all).
  void events(double wait_seconds);
  // Draws one frame of `app` into the back buffer; swap() shows it.
  // `simulate`, when given, runs after the backends have read the real
  // input and before the frame, to add simulated input (benchmarks).
  void draw(App& app, const std::function<void(ImGuiIO&)>& simulate = {});
  void swap();
  // The files dropped onto the window since the last call.
  std::vector<std::filesystem::path> take_dropped() { return std::exchange(dropped_, {}); }
  // Where the app's thumbnails go.
  Textures& textures() { return textures_; }
  GLFWwindow* glfw() const { return window_; }

 private:
  explicit Window(GLFWwindow* window);
  GLFWwindow* window_;
  std::vector<std::filesystem::path> dropped_;
  GlTextures textures_;
};

}  // namespace debrief::desktop
