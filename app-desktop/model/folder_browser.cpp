#include "folder_browser.h"

#include <algorithm>

#include "debrief/media.h"

namespace debrief::desktop {

Result<std::vector<FolderEntry>> browse_folder(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, std::filesystem::directory_options::skip_permission_denied, ec);
  if (ec) return Status(Code::not_found, "cannot open the folder " + dir.string() + ": " + ec.message());
  std::vector<FolderEntry> out;
  for (const std::filesystem::directory_entry& e : it) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    bool folder = e.is_directory(ec);
    if (folder || (e.is_regular_file(ec) && media_mime(e.path()).is_ok())) out.push_back({name, folder});
  }
  std::sort(out.begin(), out.end(), [](const FolderEntry& a, const FolderEntry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
  return out;
}

}  // namespace debrief::desktop
