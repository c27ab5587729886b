#include "thumbnail.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <memory>

namespace debrief::desktop {

Result<Image> thumbnail(const std::filesystem::path& file, int max_side) {
  int w = 0, h = 0, channels = 0;
  std::unique_ptr<unsigned char, decltype(&stbi_image_free)> pixels(stbi_load(file.c_str(), &w, &h, &channels, 4),
                                                                  stbi_image_free);
  if (!pixels) {
    return Status(Code::invalid_argument,
                  "cannot show " + file.filename().string() + ": " + (stbi_failure_reason() ? stbi_failure_reason() : "not a picture"));
  }
  double scale = std::min(1.0, static_cast<double>(max_side) / std::max(w, h));
  Image out;
  out.width = std::max(1, static_cast<int>(w * scale));
  out.height = std::max(1, static_cast<int>(h * scale));
  out.rgba.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);
  if (!stbir_resize_uint8_srgb(pixels.get(), w, h, 0, out.rgba.data(), out.width, out.height, 0, 4, 3, 0))
    return Status(Code::internal, "cannot scale " + file.filename().string());
  return out;
}

}  // namespace debrief::desktop
