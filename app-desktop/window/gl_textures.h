// Thumbnails as OpenGL textures, for the window's ImGui OpenGL 3 backend.
// Call on the thread that owns the window's context (the UI thread).
#pragma once

#include "textures.h"

namespace debrief::desktop {

class GlTextures final : public Textures {
 public:
  ImTextureID upload(const Image& image) override;
  void release(ImTextureID texture) override;
};

}  // namespace debrief::desktop
