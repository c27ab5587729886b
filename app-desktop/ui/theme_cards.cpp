#include "theme_cards.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "sentiment_tooltip.h"

namespace debrief::desktop {
namespace {

constexpr ImU32 kNegative = IM_COL32(196, 72, 60, 255), kNeutral = IM_COL32(120, 120, 128, 255),
                kPositive = IM_COL32(62, 160, 90, 255);

// Negative, neutral and positive shares of `t`'s comments as one bar.
void sentiment_bar(const Theme& t, float width) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float height = ImGui::GetTextLineHeight() * 0.6f;
  ImGui::Dummy(ImVec2(width, height));
  const float total = static_cast<float>(std::max<std::int64_t>(t.count, 1));
  const float neg = width * static_cast<float>(t.negative) / total, pos = width * static_cast<float>(t.positive) / total;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), kNeutral);
  draw->AddRectFilled(at, ImVec2(at.x + neg, at.y + height), kNegative);
  draw->AddRectFilled(ImVec2(at.x + width - pos, at.y), ImVec2(at.x + width, at.y + height), kPositive);
}

// `total`: the comments of the theme's part, for its share.
void card(const Theme& t, std::int64_t total, float width) {
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextUnformatted(t.phrase.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%lld comments", static_cast<long long>(t.count));
  if (t.emerging) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.3f, 1), "emerging");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%.0f%% of these comments, against %.0f%% at the previous event of these teams",
                        100.0 * static_cast<double>(t.count) / static_cast<double>(std::max<std::int64_t>(total, 1)),
                        100.0 * t.share_before.value_or(0.0));
  }
  sentiment_bar(t, width);
  ImGui::TextDisabled("%lld negative, %lld neutral, %lld positive", static_cast<long long>(t.negative),
                      static_cast<long long>(t.count - t.negative - t.positive), static_cast<long long>(t.positive));
  if (!t.wordings.empty()) {
    std::string said = "said as: ";
    for (std::size_t i = 0; i < t.wordings.size(); ++i) said += (i ? ", " : "") + t.wordings[i];
    ImGui::TextDisabled("%s", said.c_str());
  }
  for (const std::string& e : t.examples) {
    ImGui::Bullet();
    ImGui::TextWrapped("\"%s\"", e.c_str());
    sentiment_tooltip(e);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace

const char* part_title(const std::string& part) {
  return part == "more" ? "More of" : part == "less" ? "Less of" : part == "stop" ? "Stop" : "Comments";
}

void theme_cards(const ScopeReview& scope) {
  const float avail = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x * 3;
  const int columns = avail > ImGui::GetFontSize() * 48 ? 3 : 2;
  const float width = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  for (const auto& [part, list] : scope.themes) {
    if (list.empty()) continue;
    ImGui::TextUnformatted(part_title(part));
    ImGui::Separator();
    ImGui::PushID(part.c_str());
    if (ImGui::BeginTable("cards", columns, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
      for (const Theme& t : list) {
        ImGui::TableNextColumn();
        const auto total = scope.comments.find(part);
        card(t, total == scope.comments.end() ? t.count : total->second, width - gap);
        ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() / 2));
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
}

}  // namespace debrief::desktop
