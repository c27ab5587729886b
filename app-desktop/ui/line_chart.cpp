#include "line_chart.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace debrief::desktop {
namespace {

// The plot's frame in screen pixels.
struct Frame {
  float left, top, right, bottom;
};

float y_of(const Frame& f, const LineAxes& a, double v) {
  return f.bottom - static_cast<float>((v - a.y_min) / (a.y_max - a.y_min)) * (f.bottom - f.top);
}

float x_of(const Frame& f, std::size_t i, std::size_t n) {
  const float slot = (f.right - f.left) / static_cast<float>(std::max<std::size_t>(n, 1));
  return f.left + slot * (static_cast<float>(i) + 0.5f);
}

void grid(ImDrawList* draw, const Frame& f, const LineAxes& a) {
  const ImU32 line = ImGui::GetColorU32(ImGuiCol_Separator), text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float half = ImGui::GetTextLineHeight() / 2;
  for (double v = a.y_min; v <= a.y_max + 1e-9; v += a.y_step) {
    const float y = y_of(f, a, v);
    draw->AddLine(ImVec2(f.left, y), ImVec2(f.right, y), line);
    char buf[32];
    std::snprintf(buf, sizeof buf, a.y_format, v);
    draw->AddText(ImVec2(f.left - ImGui::CalcTextSize(buf).x - 6, y - half), text, buf);
  }
  // X labels, every k-th so that none overlaps the next.
  const std::size_t n = a.x_labels.size();
  float widest = 0;
  for (const std::string& l : a.x_labels) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
  const float slot = (f.right - f.left) / static_cast<float>(std::max<std::size_t>(n, 1));
  const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>((widest + 8) / std::max(slot, 1.0f)) + 1);
  for (std::size_t i = 0; i < n; i += every) {
    const float w = ImGui::CalcTextSize(a.x_labels[i].c_str()).x;
    draw->AddText(ImVec2(x_of(f, i, n) - w / 2, f.bottom + 4), text, a.x_labels[i].c_str());
  }
}

// Lines between neighbouring points that both have values, and a dot on
// each; the point under the mouse, if any, for the tooltip.
void lines(ImDrawList* draw, const Frame& f, const LineAxes& a, const std::vector<Series>& series) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float reach = ImGui::GetTextLineHeight() / 2;
  const std::size_t n = a.x_labels.size();
  for (std::size_t s = 0; s < series.size(); ++s) {
    const ImU32 colour = series_colour(s);
    const std::vector<std::optional<double>>& v = series[s].values;
    for (std::size_t i = 0; i < v.size() && i < n; ++i) {
      if (!v[i]) continue;
      const ImVec2 p(x_of(f, i, n), y_of(f, a, *v[i]));
      if (i + 1 < v.size() && i + 1 < n && v[i + 1])
        draw->AddLine(p, ImVec2(x_of(f, i + 1, n), y_of(f, a, *v[i + 1])), colour, 2.0f);
      draw->AddCircleFilled(p, 3.5f, colour);
      if (ImGui::IsItemHovered() && std::abs(mouse.x - p.x) < reach && std::abs(mouse.y - p.y) < reach) {
        ImGui::SetTooltip("%s, %s: %.2f", series[s].name.c_str(), a.x_labels[i].c_str(), *v[i]);
      }
    }
  }
}

// The legend's rows: a swatch and the name, wrapped to the width.
float legend(ImDrawList* draw, ImVec2 at, float width, const std::vector<Series>& series, bool measure_only) {
  const float line = ImGui::GetTextLineHeight(), swatch = line * 0.8f;
  float x = at.x, y = at.y;
  for (std::size_t s = 0; s < series.size(); ++s) {
    const float w = swatch + 4 + ImGui::CalcTextSize(series[s].name.c_str()).x + 14;
    if (x > at.x && x + w > at.x + width) x = at.x, y += line + 2;
    if (!measure_only) {
      draw->AddRectFilled(ImVec2(x, y + (line - swatch) / 2), ImVec2(x + swatch, y + (line + swatch) / 2), series_colour(s));
      draw->AddText(ImVec2(x + swatch + 4, y), ImGui::GetColorU32(ImGuiCol_Text), series[s].name.c_str());
    }
    x += w;
  }
  return y + line - at.y;
}

}  // namespace

unsigned series_colour(std::size_t i) {
  static const ImU32 kColours[] = {IM_COL32(86, 180, 233, 255),  IM_COL32(230, 159, 0, 255),
                                   IM_COL32(0, 158, 115, 255),   IM_COL32(240, 228, 66, 255),
                                   IM_COL32(204, 121, 167, 255), IM_COL32(213, 94, 0, 255),
                                   IM_COL32(0, 114, 178, 255),   IM_COL32(200, 200, 200, 255)};
  return kColours[i % (sizeof kColours / sizeof kColours[0])];
}

void line_chart(const LineAxes& axes, const std::vector<Series>& series, float width, float height) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float legend_height = legend(draw, origin, width, series, true);
  ImGui::InvisibleButton("##chart", ImVec2(width, height));
  char widest[32];
  std::snprintf(widest, sizeof widest, axes.y_format, axes.y_max);
  const Frame f{origin.x + ImGui::CalcTextSize(widest).x + 10, origin.y + line / 2, origin.x + width - 8,
                origin.y + height - legend_height - 2 * line - 8};
  draw->AddRectFilled(ImVec2(origin.x, origin.y), ImVec2(origin.x + width, origin.y + height),
                      ImGui::GetColorU32(ImGuiCol_ChildBg));
  grid(draw, f, axes);
  lines(draw, f, axes, series);
  legend(draw, ImVec2(f.left, f.bottom + line + 10), f.right - f.left, series, false);
}

}  // namespace debrief::desktop
