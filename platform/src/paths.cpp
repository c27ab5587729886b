#include "debrief/platform/paths.h"

#include <cstdlib>

namespace debrief::platform {

std::filesystem::path default_data_dir() {
  // XDG Base Directory Specification: relative values are to be ignored.
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && xdg[0] == '/')
    return std::filesystem::path(xdg) / "debrief";
  if (const char* home = std::getenv("HOME"); home && home[0])
    return std::filesystem::path(home) / ".local" / "share" / "debrief";
  return "debrief-data";
}

}  // namespace debrief::platform
