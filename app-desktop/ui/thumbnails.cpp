#include "thumbnails.h"

#include <algorithm>
#include <memory>

#include "probe.h"
#include "worker.h"

namespace debrief::desktop {

ThumbnailCache::~ThumbnailCache() {
  if (!textures_) return;
  for (const auto& [file, shown] : kept_)
    if (shown.texture) textures_->release(shown.texture);
}

ThumbnailCache::Shown ThumbnailCache::get(const std::filesystem::path& file) {
  if (!textures_) return {};
  if (auto it = kept_.find(file); it != kept_.end()) return it->second;
  if (kept_.size() >= kMaxKept) {
    auto oldest = kept_.find(order_.front());
    if (oldest->second.texture) textures_->release(oldest->second.texture);
    kept_.erase(oldest);
    order_.erase(order_.begin());
  }
  kept_[file] = {};
  order_.push_back(file);
  // Shared, not moved through the worker's Result: GCC 12 reports a false
  // -Wfree-nonheap-object on a Result<Image> moved through std::function.
  using Shared = std::shared_ptr<const Image>;
  worker_.ask<Shared>(
      [file](Store&) -> Result<Shared> {
        Result<Image> image = thumbnail(file, kThumbnailSide * 2);  // sharp at 2x
        DEBRIEF_TRY(image.status());
        return std::make_shared<const Image>(std::move(*image));
      },
      [this, file](Result<Shared> image) {
        auto it = kept_.find(file);
        if (it == kept_.end() || !image.is_ok()) return;
        const Image& i = **image;
        it->second = {textures_->upload(i), ImVec2(static_cast<float>(i.width) / 2, static_cast<float>(i.height) / 2)};
      });
  return {};
}

void media_grid(ThumbnailCache& cache, const std::vector<MediaItem>& items, float scale) {
  const float side = kThumbnailSide * scale;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const MediaItem& m = items[i];
    ImGui::PushID(m.id.hex().c_str());
    ImGui::BeginGroup();
    // A file still on its way is not asked for: the cache would keep the miss.
    ThumbnailCache::Shown shown = m.photo() && m.here ? cache.get(m.file) : ThumbnailCache::Shown{};
    if (shown.texture) {
      ImGui::Image(shown.texture, ImVec2(shown.size.x * scale, shown.size.y * scale));
    } else {
      ImGui::Button(!m.here ? "syncing..." : m.photo() ? "photo" : "video", ImVec2(side, side * 0.75f));
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side);
    ImGui::TextDisabled("%s", m.name.c_str());
    probe::shown(m.name);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::PopID();
    if (i + 1 < items.size() && ImGui::GetItemRectMax().x + spacing + side < right) ImGui::SameLine();
  }
}

}  // namespace debrief::desktop
