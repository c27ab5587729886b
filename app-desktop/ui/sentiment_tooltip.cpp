#include "sentiment_tooltip.h"

#include <imgui.h>

#include "sentiment_note.h"

namespace debrief::desktop {

void sentiment_tooltip(const std::string& comment, const std::string& preface) {
  if (!ImGui::IsItemHovered()) return;
  const SentimentNote note = sentiment_note(comment);
  ImGui::BeginTooltip();
  if (!preface.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(preface.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
  }
  ImGui::TextUnformatted(note.headline.c_str());
  for (const std::string& line : note.lines) ImGui::TextUnformatted(line.c_str());
  ImGui::EndTooltip();
}

}  // namespace debrief::desktop
