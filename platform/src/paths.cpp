#include "debrief/platform/paths.h"

#include <cstdlib>
#include <system_error>

namespace debrief::platform {

std::filesystem::path default_data_dir() {
  // XDG Base Directory Specification: relative values are to be ignored.
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && xdg[0] == '/')
    return std::filesystem::path(xdg) / "debrief";
  if (const char* home = std::getenv("HOME"); home && home[0])
    return std::filesystem::path(home) / ".local" / "share" / "debrief";
  return "debrief-data";
}

std::filesystem::path pictures_dir() {
  const char* home = std::getenv("HOME");
  if (!home || !home[0]) return std::filesystem::current_path();
  std::error_code ec;
  std::filesystem::path pictures = std::filesystem::path(home) / "Pictures";
  return std::filesystem::is_directory(pictures, ec) ? pictures : std::filesystem::path(home);
}

}  // namespace debrief::platform
