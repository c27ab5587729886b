// The desktop app's window contents: a sidebar of screens and the screen
// chosen, over a worker that owns the store and the sync engine's watch.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "kudos_dialog.h"
#include "screens.h"
#include "thumbnails.h"

namespace debrief::desktop {

class App {
 public:
  // `scale`: the interface scale to start with (1 to 2). Call after the
  // fonts are loaded: their global scale at that time is the 1x size.
  // `textures`: where thumbnails go (none: names are shown instead); it
  // must outlive the app.
  App(std::filesystem::path data_dir, float scale, Textures* textures = nullptr);
  // One frame of the interface; call between ImGui::NewFrame and Render.
  void frame();
  void show(Screen s) { screen_ = s; }
  // Files dropped onto the window: the Media screen attaches them.
  void drop(std::vector<std::filesystem::path> files);
  Worker& worker() { return worker_; }
  // The parts of the window the last frame asked to save as PNG files: the
  // window writes them from what it drew, and reports to each.
  std::vector<ChartCapture> take_captures() { return std::exchange(captures_, {}); }
  float scale() const { return ui_.scale; }

 private:
  void sidebar();
  void store_unusable(const Status& why);

  Worker worker_;
  SyncWatch sync_;
  ThumbnailCache thumbnails_;
  UiContext ui_;
  Screen screen_ = Screen::home;
  std::map<Screen, std::unique_ptr<ScreenView>> screens_;
  KudosDialog kudos_dialog_;
  std::vector<ChartCapture> captures_;
  std::uint64_t arrivals_seen_ = 0;
  float font_scale_;  // what the loaded font needs at scale 1
};

}  // namespace debrief::desktop
