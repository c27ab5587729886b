// The file picker: a modal window that browses folders (listed on the
// worker, model/folder_browser.h) and lets the user tick the photos and
// videos to attach. Dear ImGui has no file dialog of its own.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "async_value.h"
#include "folder_browser.h"
#include "screens.h"

namespace debrief::desktop {

class FilePicker {
 public:
  // Opens the picker in the folder `start`.
  void open(UiContext& ui, const std::filesystem::path& start);
  // Draws it while open. Returns the files chosen on the frame the user
  // confirms, else nothing.
  std::vector<std::filesystem::path> draw(UiContext& ui);

 private:
  void go(UiContext& ui, const std::filesystem::path& dir);
  void draw_entries(UiContext& ui);

  bool opening_ = false;
  std::filesystem::path dir_;
  std::string typed_;  // the folder field, as edited
  AsyncValue<std::vector<FolderEntry>> entries_;
  std::set<std::string> chosen_;  // file names in dir_
};

}  // namespace debrief::desktop
