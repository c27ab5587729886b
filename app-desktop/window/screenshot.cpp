#include "screenshot.h"

#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace debrief::desktop {

namespace {

// The framebuffer's pixels [x, x + w) by [y, y + h), y from the bottom.
struct PixelBox {
  int x = 0, y = 0, w = 0, h = 0;
};

PixelBox box_of(GLFWwindow* window, const std::optional<WindowRegion>& region) {
  int fw = 0, fh = 0, ww = 0, wh = 0;
  glfwGetFramebufferSize(window, &fw, &fh);
  glfwGetWindowSize(window, &ww, &wh);
  if (!region || ww <= 0 || wh <= 0) return {0, 0, fw, fh};
  const float sx = static_cast<float>(fw) / static_cast<float>(ww), sy = static_cast<float>(fh) / static_cast<float>(wh);
  const int x0 = std::clamp(static_cast<int>(std::floor(region->x0 * sx)), 0, fw);
  const int x1 = std::clamp(static_cast<int>(std::ceil(region->x1 * sx)), 0, fw);
  const int top = std::clamp(static_cast<int>(std::floor(region->y0 * sy)), 0, fh);
  const int bottom = std::clamp(static_cast<int>(std::ceil(region->y1 * sy)), 0, fh);
  return {x0, fh - bottom, x1 - x0, bottom - top};
}

}  // namespace

Status write_screenshot(GLFWwindow* window, const std::string& file, const std::optional<WindowRegion>& region) {
  const PixelBox b = box_of(window, region);
  if (b.w <= 0 || b.h <= 0) return Status(Code::invalid_argument, "nothing of that part is in the window to save");
  const int w = b.w, h = b.h;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(b.x, b.y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);  // OpenGL's rows run bottom to top
  if (!stbi_write_png(file.c_str(), w, h, 4, pixels.data(), w * 4))
    return Status(Code::io_error, "cannot write the picture to " + file);
  return Status::ok();
}

}  // namespace debrief::desktop
