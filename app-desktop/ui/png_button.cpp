#include "png_button.h"

#include <imgui.h>

#include "probe.h"
#include "probed.h"

namespace debrief::desktop {

void png_button(UiContext& ui, const char* label, const std::filesystem::path& file, std::string& said) {
  const float pad = ImGui::GetStyle().ItemSpacing.y;  // a margin, so no label touches the edge
  const ImVec2 min(ImGui::GetItemRectMin().x - pad, ImGui::GetItemRectMin().y - pad);
  const ImVec2 max(ImGui::GetItemRectMax().x + pad, ImGui::GetItemRectMax().y + pad);
  if (probed::small_button(label) && ui.save_png) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
      said = "cannot make " + file.parent_path().string() + ": " + ec.message();
    } else {
      said = "saving...";
      ui.save_png({min.x, min.y, max.x, max.y, file, [&said, file](const Status& s) {
                     said = s.is_ok() ? "saved to " + file.string() : s.message();
                   }});
    }
  }
  if (!said.empty()) {
    ImGui::SameLine();
    probe::shown(said);
    ImGui::TextDisabled("%s", said.c_str());
  }
}

}  // namespace debrief::desktop
