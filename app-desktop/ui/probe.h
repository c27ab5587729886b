// Where the interface drew each labelled widget, and some of the text it
// showed (errors, the question asked), in the frame just drawn: tests use it to drive the real screens
// with ImGui's simulated mouse and keyboard (Debian's Dear ImGui 1.86 is
// built without the test engine's item hooks). Off, and nearly free, unless
// a test turns it on. UI thread only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace debrief::desktop::probe {

struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

void enable(bool on);
// Forgets the last frame's record; call before each frame.
void begin_frame();
// Records ImGui's last item under `label`'s visible part (before "##"), or
// the whole label when that part is empty ("##action").
void item(std::string_view label);
// Records a line of text the user is shown.
void shown(std::string_view text);

// Where the last item recorded under `label` was drawn, if it was.
std::optional<Rect> find(std::string_view label);
// The lines recorded by shown().
const std::vector<std::string>& texts();

}  // namespace debrief::desktop::probe
