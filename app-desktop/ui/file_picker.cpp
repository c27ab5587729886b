#include "file_picker.h"

#include <imgui.h>

#include "probed.h"

namespace debrief::desktop {

namespace {
constexpr const char* kTitle = "Choose photos or videos";
}

void FilePicker::open(UiContext& ui, const std::filesystem::path& start) {
  opening_ = true;
  go(ui, start);
}

void FilePicker::go(UiContext& ui, const std::filesystem::path& dir) {
  dir_ = dir.lexically_normal();
  typed_ = dir_.string();
  chosen_.clear();
  entries_.load(ui.worker, [dir = dir_](Store&) { return browse_folder(dir); });
}

void FilePicker::draw_entries(UiContext& ui) {
  ImGui::BeginChild("entries", ImVec2(0, 320 * ui.scale), true);
  std::string enter;  // a folder clicked: opened after the list is drawn
  if (entries_.ready()) {
    if (entries_->empty()) ImGui::TextDisabled("no folders, photos or videos here");
    for (const FolderEntry& e : *entries_) {
      if (e.folder) {
        if (probed::selectable((e.name + "/").c_str())) enter = e.name;
        continue;
      }
      bool on = chosen_.count(e.name) > 0;
      if (probed::checkbox(e.name.c_str(), &on)) {
        if (on) chosen_.insert(e.name);
        else chosen_.erase(e.name);
      }
    }
  }
  ImGui::EndChild();
  if (!enter.empty()) go(ui, dir_ / enter);
}

std::vector<std::filesystem::path> FilePicker::draw(UiContext& ui) {
  if (opening_) {
    ImGui::OpenPopup(kTitle);
    opening_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(620 * ui.scale, 0));
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return {};
  if (probed::button("Up")) go(ui, dir_.parent_path());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (probed::input_text("##folder", &typed_, ImGuiInputTextFlags_EnterReturnsTrue)) go(ui, typed_);
  draw_entries(ui);
  std::vector<std::filesystem::path> files;
  ImGui::BeginDisabled(chosen_.empty());
  std::string attach = "Attach " + std::to_string(chosen_.size()) + (chosen_.size() == 1 ? " file" : " files");
  if (probed::button((attach + "##attach").c_str())) {
    for (const std::string& name : chosen_) files.push_back(dir_ / name);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (probed::button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return files;
}

}  // namespace debrief::desktop
