// The thumbnails screens show: each photo decoded and scaled on the worker
// (model/thumbnail.h), uploaded once, kept for the app's life up to a
// bound, and drawn in a wrapping grid with its name under it.
#pragma once

#include <filesystem>
#include <map>
#include <vector>

#include "media_library.h"
#include "textures.h"

namespace debrief::desktop {

class Worker;

inline constexpr int kThumbnailSide = 144;  // pixels at 1x

class ThumbnailCache {
 public:
  ThumbnailCache(Worker& worker, Textures* textures) : worker_(worker), textures_(textures) {}
  ~ThumbnailCache();
  ThumbnailCache(const ThumbnailCache&) = delete;
  ThumbnailCache& operator=(const ThumbnailCache&) = delete;

  struct Shown {
    ImTextureID texture = 0;  // 0: not ready, or none (a video, no GPU here)
    ImVec2 size;
  };
  // The thumbnail of the photo at `file`; asks the worker for it the first
  // time. UI thread only.
  Shown get(const std::filesystem::path& file);

 private:
  static constexpr std::size_t kMaxKept = 256;
  Worker& worker_;
  Textures* textures_;
  std::map<std::filesystem::path, Shown> kept_;  // asked for; texture 0 until it arrived
  std::vector<std::filesystem::path> order_;     // oldest first, for evicting
};

// Draws `items` as a grid of thumbnails (videos and pictures that cannot be
// shown as a named box), `scale` the interface scale.
void media_grid(ThumbnailCache& cache, const std::vector<MediaItem>& items, float scale);

}  // namespace debrief::desktop
