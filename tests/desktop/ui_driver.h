// The real desktop app on a headless Dear ImGui context: no window and no
// renderer, a simulated mouse and keyboard, and the probe (ui/probe.h) to
// find widgets by label. Each call draws whole frames, as a user's actions
// would.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"

struct ImGuiContext;

namespace test {

class UiDriver {
 public:
  // Opens the app on the store in `store_dir`, showing `screen`.
  UiDriver(const std::filesystem::path& store_dir, debrief::desktop::Screen screen);
  ~UiDriver();
  UiDriver(const UiDriver&) = delete;
  UiDriver& operator=(const UiDriver&) = delete;

  // Draws frames until the app's store work is done and the screen settles
  // (bounded: REQUIREs that it settles within a few seconds).
  void settle();
  // Moves the mouse onto the widget labelled `label`, presses and releases
  // the left button, then settles. REQUIREs the widget to be on screen.
  void click(std::string_view label);
  // Clicks the text box labelled `label` and types `text` at its end.
  void type(std::string_view label, std::string_view text);
  // Types `text` into whichever widget has the keyboard.
  void type_here(std::string_view text);
  // Drops `files` onto the window, as the window reports a drop.
  void drop(std::vector<std::filesystem::path> files);
  // Presses a key of ImGui's key map (ImGuiKey_Tab, ImGuiKey_Enter, ...).
  void press(int imgui_key);
  // Whether the last frame drew a widget labelled `label`.
  bool shows(std::string_view label) const;
  // Whether the last frame showed a line (an error, the question asked)
  // containing `part`.
  bool says(std::string_view part) const;
  // The parts of the window the app asked to save as PNG files (there is
  // no window here to save them from).
  std::vector<debrief::desktop::ChartCapture> take_captures() { return app_->take_captures(); }

 private:
  void frame();

  ImGuiContext* context_;
  std::unique_ptr<debrief::desktop::App> app_;
};

}  // namespace test
