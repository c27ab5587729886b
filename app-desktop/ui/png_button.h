// "Save as PNG" for the item just drawn (a chart): clicking it asks the
// window to save that item's rectangle, as this frame draws it, to `file`
// (its folder made first); `said` then tells where it went, or why not.
#pragma once

#include <filesystem>
#include <string>

#include "screens.h"

namespace debrief::desktop {

void png_button(UiContext& ui, const char* label, const std::filesystem::path& file, std::string& said);

}  // namespace debrief::desktop
