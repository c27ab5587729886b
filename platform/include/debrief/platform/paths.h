// Where Debrief keeps its files on this host.
#pragma once

#include <filesystem>

namespace debrief::platform {

// The default store directory: $XDG_DATA_HOME/debrief, else
// $HOME/.local/share/debrief, else ./debrief-data when neither is set.
std::filesystem::path default_data_dir();

// Where a file picker starts: $HOME/Pictures when it exists, else $HOME,
// else the current directory.
std::filesystem::path pictures_dir();

}  // namespace debrief::platform
