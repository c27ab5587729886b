// Thumbnails: a photo decoded and scaled down with stb (stb_image,
// stb_image_resize) to RGBA pixels the window uploads as a texture. Runs on
// the worker: decoding a large photo takes tens of milliseconds.
#pragma once

#include <filesystem>
#include <vector>

#include "debrief/status.h"

namespace debrief::desktop {

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;  // width * height * 4 bytes, rows top to bottom
};

// The photo at `file`, scaled to fit in `max_side` x `max_side` with its
// proportions kept (never scaled up). invalid_argument for a file stb
// cannot decode (a video, a HEIC photo, a damaged file).
Result<Image> thumbnail(const std::filesystem::path& file, int max_side);

}  // namespace debrief::desktop
