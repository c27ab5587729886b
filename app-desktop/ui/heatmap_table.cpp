#include "heatmap_table.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "debrief/percent.h"

namespace debrief::desktop {
namespace {

// Where a value sits between its measure's worse and better ends, in [0, 1].
float goodness(HeatMeasure m, double v) {
  auto scale = [](double x, double worse, double better) {
    return static_cast<float>(std::clamp((x - worse) / (better - worse), 0.0, 1.0));
  };
  switch (m) {
    case HeatMeasure::rating: return scale(v, 1, 5);
    case HeatMeasure::enps: return scale(v, -100, 100);
    case HeatMeasure::spirit_change: return scale(v, -2, 2);
    case HeatMeasure::negative_share: return scale(v, 0.5, 0);
    case HeatMeasure::response_rate: return scale(v, 0, 1);
  }
  return 0.5f;
}

// Dark red through dark amber to dark green, dark enough for white text.
ImU32 colour_of(float g) {
  const float r = g < 0.5f ? 0.62f : 0.62f * (1 - g) * 2;
  const float gr = g < 0.5f ? 0.45f * g * 2 : 0.45f;
  return ImGui::GetColorU32(ImVec4(r, gr + 0.05f, 0.12f, 1.0f));
}

std::string text_of(HeatMeasure m, double v) {
  char buf[32];
  switch (m) {
    case HeatMeasure::rating: std::snprintf(buf, sizeof buf, "%.1f", v); return buf;
    case HeatMeasure::enps: std::snprintf(buf, sizeof buf, "%+.0f", v); return buf;
    case HeatMeasure::spirit_change: std::snprintf(buf, sizeof buf, "%+.1f", v); return buf;
    case HeatMeasure::negative_share:
    case HeatMeasure::response_rate: return percent(v);
  }
  return {};
}

void draw_cell(HeatMeasure m, const HeatCell& c) {
  if (!c.value) {
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_FrameBg));
    ImGui::TextDisabled("-");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.reason.c_str());
    return;
  }
  ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, colour_of(goodness(m, *c.value)));
  ImGui::TextUnformatted(text_of(m, *c.value).c_str());
}

}  // namespace

void heatmap_table(const Heatmap& h, float max_height) {
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
  const float row = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
  const float whole = row * static_cast<float>(h.rows.size() + 1) + 2 * ImGui::GetStyle().CellPadding.y;
  if (!ImGui::BeginTable("heatmap", 1 + static_cast<int>(kHeatMeasures), kFlags, ImVec2(0, std::min(whole, max_height))))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);  // the measures' names stay in view
  ImGui::TableSetupColumn("group", ImGuiTableColumnFlags_WidthStretch);
  for (std::size_t m = 0; m < kHeatMeasures; ++m) ImGui::TableSetupColumn(heat_measure_name(static_cast<HeatMeasure>(m)));
  ImGui::TableHeadersRow();
  for (const HeatRow& r : h.rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const float indent = ImGui::GetFontSize() * static_cast<float>(std::max(0, r.depth - 1));
    if (indent > 0) ImGui::Indent(indent);
    ImGui::TextUnformatted(r.name.c_str());
    // A group withheld as a whole says why under its name, as the groups
    // table does; a single empty cell says why on hover.
    const bool withheld = std::all_of(r.cells.begin(), r.cells.end(), [&](const HeatCell& c) {
      return !c.value && c.reason == r.cells[0].reason;
    });
    if (withheld) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", r.cells[0].reason.c_str());
      ImGui::PopTextWrapPos();
    }
    if (indent > 0) ImGui::Unindent(indent);
    for (std::size_t m = 0; m < kHeatMeasures; ++m) {
      ImGui::TableNextColumn();
      draw_cell(static_cast<HeatMeasure>(m), r.cells[m]);
    }
  }
  ImGui::EndTable();
  ImGui::TextDisabled("red: the worse end of each measure, green: the better; '-': no figure, hover for why");
}

}  // namespace debrief::desktop
