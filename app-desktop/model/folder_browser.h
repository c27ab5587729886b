// The file picker's model: one folder's subfolders and the photos and
// videos in it, for choosing files to attach (ImGui has no file dialog,
// and a portable one would pull in a toolkit).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "debrief/status.h"

namespace debrief::desktop {

struct FolderEntry {
  std::string name;
  bool folder = false;
};

// The subfolders of `dir`, then the files in it the core takes as media
// (debrief::media_mime), each group by name; hidden entries ("." first)
// left out. not_found when `dir` is not a readable folder.
Result<std::vector<FolderEntry>> browse_folder(const std::filesystem::path& dir);

}  // namespace debrief::desktop
