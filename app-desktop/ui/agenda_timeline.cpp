#include "agenda_timeline.h"

#include <imgui.h>

#include <algorithm>
#include <map>
#include <string>

#include "debrief/percent.h"
#include "debrief/time.h"

namespace debrief::desktop {
namespace {

constexpr std::int64_t kDay = 86400, kHour = 3600;

ImU32 kind_colour(const std::string& kind) {
  static const std::map<std::string, ImU32> kColours{
      {"talk", IM_COL32(86, 140, 200, 255)},     {"workshop", IM_COL32(150, 110, 200, 255)},
      {"game", IM_COL32(220, 150, 40, 255)},     {"outdoor", IM_COL32(60, 160, 90, 255)},
      {"meal", IM_COL32(190, 90, 70, 255)},      {"reflection_break", IM_COL32(40, 170, 170, 255)},
      {"other", IM_COL32(130, 130, 140, 255)}};
  auto it = kColours.find(kind);
  return it == kColours.end() ? kColours.at("other") : it->second;
}

struct Block {
  const AgendaItem* item;
  std::int64_t from, to;
};

// The activities by UTC day, each with its times in seconds.
std::map<std::int64_t, std::vector<Block>> by_day(const std::vector<AgendaItem>& agenda) {
  std::map<std::int64_t, std::vector<Block>> days;
  for (const AgendaItem& a : agenda) {
    Result<std::int64_t> from = parse_time(a.starts), to = parse_time(a.ends);
    if (!from.is_ok() || !to.is_ok()) continue;
    days[*from - *from % kDay].push_back({&a, *from, std::max(*from, *to)});
  }
  return days;
}

void day_row(const std::vector<Block>& blocks, float width) {
  const float line = ImGui::GetTextLineHeight(), height = line * 1.8f;
  const std::int64_t first = blocks.front().from - blocks.front().from % kHour;
  std::int64_t last = first + kHour;
  for (const Block& b : blocks) last = std::max(last, b.to);
  last = last + (kHour - last % kHour) % kHour;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##day", ImVec2(width, height + line + 4));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  auto x_of = [&](std::int64_t t) {
    return at.x + width * static_cast<float>(t - first) / static_cast<float>(last - first);
  };
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (const Block& b : blocks) {
    const ImVec2 lo(x_of(b.from) + 1, at.y + 2), hi(x_of(b.to) - 1, at.y + height - 2);
    draw->AddRectFilled(lo, hi, kind_colour(b.item->kind), 3.0f);
    const float room = hi.x - lo.x - 6, text = ImGui::CalcTextSize(b.item->title.c_str()).x;
    if (text <= room) draw->AddText(ImVec2(lo.x + 4, lo.y + (height - 4 - line) / 2), IM_COL32_WHITE, b.item->title.c_str());
    if (ImGui::IsItemHovered() && mouse.x >= lo.x && mouse.x <= hi.x && mouse.y >= lo.y && mouse.y <= hi.y)
      ImGui::SetTooltip("%s (%s)\n%s to %s UTC", b.item->title.c_str(), b.item->kind.c_str(),
                        b.item->starts.substr(11, 5).c_str(), b.item->ends.substr(11, 5).c_str());
  }
  const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const std::int64_t step = (last - first) / kHour > 10 ? 2 * kHour : kHour;
  float free_from = at.x;  // labels never overlap: one that would is left out
  for (std::int64_t t = first; t <= last; t += step) {
    char hour[8];
    std::snprintf(hour, sizeof hour, "%02d:00", static_cast<int>(t % kDay / kHour));
    const float w = ImGui::CalcTextSize(hour).x, x = std::min(x_of(t), at.x + width - w);
    draw->AddLine(ImVec2(x_of(t), at.y + height), ImVec2(x_of(t), at.y + height + 3), axis);
    if (x < free_from) continue;
    draw->AddText(ImVec2(x, at.y + height + 3), axis, hour);
    free_from = x + w + 6;
  }
}

void legend(const std::vector<AgendaItem>& agenda) {
  std::vector<std::string> kinds;
  for (const AgendaItem& a : agenda)
    if (std::find(kinds.begin(), kinds.end(), a.kind) == kinds.end()) kinds.push_back(a.kind);
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::ColorButton(("##" + kinds[i]).c_str(), ImGui::ColorConvertU32ToFloat4(kind_colour(kinds[i])),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetTextLineHeight(), ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    ImGui::TextUnformatted(kinds[i].c_str());
  }
}

void balance_lines(const AgendaCheck& c) {
  std::string shares;
  for (const auto& [kind, share] : c.shares) shares += (shares.empty() ? "" : ", ") + kind + " " + percent(share);
  if (!shares.empty()) ImGui::TextWrapped("Time: %s. Longest stretch with no break: %lld minutes.", shares.c_str(),
                                          static_cast<long long>(c.longest_stretch / 60));
  for (const AgendaWarning& w : c.warnings) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.75f, 0.3f, 1));
    ImGui::TextWrapped("%s", w.message.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace

void agenda_timeline(const std::vector<AgendaItem>& agenda, const AgendaCheck& balance, float width) {
  for (const auto& [day, blocks] : by_day(agenda)) {
    ImGui::PushID(static_cast<int>(day / kDay));
    ImGui::TextDisabled("%s", format_time(day).substr(0, 10).c_str());
    day_row(blocks, width);
    ImGui::PopID();
  }
  legend(agenda);
  balance_lines(balance);
}

}  // namespace debrief::desktop
