#include "gl_textures.h"

#include <GL/gl.h>

#include <cstdint>

namespace debrief::desktop {

ImTextureID GlTextures::upload(const Image& image) {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  if (!texture) return nullptr;
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture));
}

void GlTextures::release(ImTextureID texture) {
  auto id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture));
  glDeleteTextures(1, &id);
}

}  // namespace debrief::desktop
