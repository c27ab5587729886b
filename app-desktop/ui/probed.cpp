#include "probed.h"

#include <imgui_stdlib.h>

#include "probe.h"

namespace debrief::desktop::probed {
namespace {

bool noted(const char* label, bool result) {
  probe::item(label);
  return result;
}

}  // namespace

bool button(const char* label, const ImVec2& size) { return noted(label, ImGui::Button(label, size)); }
bool small_button(const char* label) { return noted(label, ImGui::SmallButton(label)); }
bool checkbox(const char* label, bool* on) { return noted(label, ImGui::Checkbox(label, on)); }
bool radio_button(const char* label, bool active) { return noted(label, ImGui::RadioButton(label, active)); }
bool selectable(const char* label, bool selected) { return noted(label, ImGui::Selectable(label, selected)); }
bool begin_combo(const char* label, const char* preview) { return noted(label, ImGui::BeginCombo(label, preview)); }
bool input_text(const char* label, std::string* text, ImGuiInputTextFlags flags) {
  return noted(label, ImGui::InputText(label, text, flags));
}
bool input_text_multiline(const char* label, std::string* text, const ImVec2& size) {
  return noted(label, ImGui::InputTextMultiline(label, text, size));
}
bool slider_float(const char* label, float* value, float min, float max, const char* format) {
  return noted(label, ImGui::SliderFloat(label, value, min, max, format));
}
bool tree_node(const char* label) { return noted(label, ImGui::TreeNode(label)); }
bool collapsing_header(const char* label, ImGuiTreeNodeFlags flags) {
  return noted(label, ImGui::CollapsingHeader(label, flags));
}

}  // namespace debrief::desktop::probed
