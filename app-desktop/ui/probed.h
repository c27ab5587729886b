// Dear ImGui's interactive widgets as the screens use them: each draws the
// ImGui widget of the same name and tells the probe where it went, so tests
// can find and drive it (see probe.h). Same arguments and results as ImGui's.
#pragma once

#include <imgui.h>

#include <string>

namespace debrief::desktop::probed {

bool button(const char* label, const ImVec2& size = ImVec2(0, 0));
bool small_button(const char* label);
bool checkbox(const char* label, bool* on);
bool radio_button(const char* label, bool active);
bool selectable(const char* label, bool selected = false);
bool begin_combo(const char* label, const char* preview);
bool input_text(const char* label, std::string* text, ImGuiInputTextFlags flags = 0);
bool input_text_multiline(const char* label, std::string* text, const ImVec2& size = ImVec2(0, 0));
bool slider_float(const char* label, float* value, float min, float max, const char* format);
bool tree_node(const char* label);
bool collapsing_header(const char* label, ImGuiTreeNodeFlags flags = 0);

}  // namespace debrief::desktop::probed
