// Writes what the window shows to a PNG file (stb_image_write).
#pragma once

#include <string>

#include "debrief/status.h"

struct GLFWwindow;

namespace debrief::desktop {

// Reads the back buffer of `window`'s current OpenGL context after a frame
// has been drawn (before the swap) and writes it to `file`.
Status write_screenshot(GLFWwindow* window, const std::string& file);

}  // namespace debrief::desktop
