#include "drivers_table.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "probe.h"

namespace debrief::desktop {
namespace {

std::string text_of(const std::optional<Correlation>& c) {
  if (!c) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%+.2f [%+.2f, %+.2f]", c->r, c->low, c->high);
  return buf;
}

// r from -1 to 1 across `width`: a bar from 0 to r, the interval as a line.
void bar(const std::optional<Correlation>& c, float width) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight(), mid = at.x + width / 2;
  ImGui::Dummy(ImVec2(width, h));
  if (!c) return;
  ImDrawList* d = ImGui::GetWindowDrawList();
  auto x = [&](double v) { return mid + static_cast<float>(v) * width / 2; };
  d->AddLine(ImVec2(mid, at.y), ImVec2(mid, at.y + h), ImGui::GetColorU32(ImGuiCol_TextDisabled));
  d->AddRectFilled(ImVec2(std::min(mid, x(c->r)), at.y + h * 0.25f), ImVec2(std::max(mid, x(c->r)), at.y + h * 0.75f),
                   ImGui::GetColorU32(ImGuiCol_PlotHistogram));
  d->AddLine(ImVec2(x(c->low), at.y + h / 2), ImVec2(x(c->high), at.y + h / 2), ImGui::GetColorU32(ImGuiCol_Text), 2);
}

}  // namespace

void drivers_table(const std::vector<GroupDrivers>& groups) {
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  std::size_t without = 0;
  for (const GroupDrivers& g : groups) {
    if (!g.disclosure.shown) {
      ++without;
      continue;
    }
    ImGui::PushID(g.name.c_str());
    ImGui::TextUnformatted(g.name.c_str());
    if (ImGui::BeginTable("drivers", 4, kFlags)) {
      ImGui::TableSetupColumn("question", ImGuiTableColumnFlags_WidthStretch);
      for (const char* h : {"r with the rating [95%]", "", "r with eNPS [95%]"}) ImGui::TableSetupColumn(h);
      ImGui::TableHeadersRow();
      const float width = 8 * ImGui::GetFontSize();
      for (const Driver& d : g.drivers) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.text.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(text_of(d.with_rating).c_str());
        probe::shown(g.name + ": " + d.text + " " + text_of(d.with_rating));
        ImGui::TableNextColumn();
        bar(d.with_rating, width);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(text_of(d.with_enps).c_str());
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
  if (without > 0) {
    ImGui::TextDisabled("%zu groups have none: fewer than %lld people answered, or withheld", without,
                        static_cast<long long>(kDriverMinPeople));
  }
}

}  // namespace debrief::desktop
