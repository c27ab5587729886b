#include "widgets.h"

#include <imgui.h>

#include <algorithm>

#include "probe.h"

namespace debrief::desktop {

void heading(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.75f, 1.0f, 1.0f));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

void error_line(const std::string& message) {
  if (message.empty()) return;
  probe::shown(message);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
  ImGui::TextWrapped("%s", message.c_str());
  ImGui::PopStyleColor();
}

bool ready(bool loaded, const Status& status) {
  if (!status.is_ok()) {
    error_line(status.message());
    return false;
  }
  if (!loaded) ImGui::TextDisabled("loading...");
  return loaded;
}

void same_line_if_fits(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

std::string words(std::string code) {
  std::replace(code.begin(), code.end(), '_', ' ');
  return code;
}

std::string when(const std::string& iso) {
  if (iso.size() < 16) return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

}  // namespace debrief::desktop
