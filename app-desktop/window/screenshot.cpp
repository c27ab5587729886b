#include "screenshot.h"

#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <vector>

namespace debrief::desktop {

Status write_screenshot(GLFWwindow* window, const std::string& file) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);  // OpenGL's rows run bottom to top
  if (!stbi_write_png(file.c_str(), w, h, 4, pixels.data(), w * 4))
    return Status(Code::io_error, "cannot write the screenshot to " + file);
  return Status::ok();
}

}  // namespace debrief::desktop
