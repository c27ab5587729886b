// Writes what the window shows to a PNG file (stb_image_write).
#pragma once

#include <optional>
#include <string>

#include "debrief/status.h"

struct GLFWwindow;

namespace debrief::desktop {

// A part of the window, in window coordinates (ImGui's), corners included.
struct WindowRegion {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// Reads the back buffer of `window`'s current OpenGL context after a frame
// has been drawn (before the swap) and writes it, or the part of it in
// `region` (at the framebuffer's resolution, clipped to the window), to
// `file`.
Status write_screenshot(GLFWwindow* window, const std::string& file, const std::optional<WindowRegion>& region = {});

}  // namespace debrief::desktop
