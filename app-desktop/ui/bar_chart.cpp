#include "bar_chart.h"

#include <imgui.h>

#include <algorithm>

namespace debrief::desktop {

void bar_chart(const std::vector<Bar>& bars, float width, float height) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, height));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float base = origin.y + height - line - 2;  // the baseline, with the labels under it
  const float room = base - origin.y - line - 2;     // the tallest bar, with its count above it
  std::int64_t most = 1;
  for (const Bar& b : bars) most = std::max(most, b.count);
  const float slot = width / static_cast<float>(std::max<std::size_t>(bars.size(), 1));
  const ImU32 bar = ImGui::GetColorU32(ImGuiCol_PlotHistogram), text = ImGui::GetColorU32(ImGuiCol_Text),
              axis = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const float left = origin.x + slot * static_cast<float>(i), centre = left + slot / 2;
    const float top = base - room * static_cast<float>(bars[i].count) / static_cast<float>(most);
    draw->AddRectFilled(ImVec2(left + slot * 0.15f, top), ImVec2(left + slot * 0.85f, base), bar);
    const std::string count = std::to_string(bars[i].count);
    draw->AddText(ImVec2(centre - ImGui::CalcTextSize(count.c_str()).x / 2, top - line - 1), text, count.c_str());
    draw->AddText(ImVec2(centre - ImGui::CalcTextSize(bars[i].label.c_str()).x / 2, base + 2), axis,
                  bars[i].label.c_str());
  }
  draw->AddLine(ImVec2(origin.x, base), ImVec2(origin.x + width, base), axis);
}

}  // namespace debrief::desktop
