// Pictures on the GPU for ImGui to draw. The window provides them (OpenGL
// textures); a headless ImGui context has none, and screens then show a
// file's name where its thumbnail would be.
#pragma once

#include <imgui.h>

#include "thumbnail.h"

namespace debrief::desktop {

class Textures {
 public:
  virtual ~Textures() = default;
  // A texture holding `image`; 0 when it could not be made.
  virtual ImTextureID upload(const Image& image) = 0;
  virtual void release(ImTextureID texture) = 0;
};

}  // namespace debrief::desktop
