// The app's screens and what they share. Each screen keeps its own state,
// loads through the worker (never on the UI thread) and draws with ImGui.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "media_library.h"
#include "sync_watch.h"
#include "worker.h"

namespace debrief::desktop {

class ThumbnailCache;

enum class Screen { home, events, feedback, reflections, kudos, media, dashboard, settings };
const char* screen_name(Screen s);   // "home", "events", ...
const char* screen_title(Screen s);  // "Home", "Events", ...
std::optional<Screen> screen_named(std::string_view name);

// What every screen may use.
// A part of the window to save as a PNG once the frame is drawn (a chart,
// for a bulletin board or a slide): its corners in ImGui's coordinates, the
// file, and what to do with the outcome.
struct ChartCapture {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::filesystem::path file;
  std::function<void(const Status&)> done;
};

struct UiContext {
  Worker& worker;
  SyncWatch& sync;
  ThumbnailCache& thumbnails;
  std::filesystem::path data_dir;
  float scale = 1.0f;                   // the interface scale, 1x to 2x
  std::uint64_t data_version = 0;       // moves when local or synced data changed: reload
  std::function<void(Screen)> go = {};       // switch screens
  std::function<void()> changed = {};        // call after a local write
  std::function<void(std::optional<Id>)> thank = {};  // open the kudos dialog, for a person or to choose one
  std::vector<std::filesystem::path> dropped = {};   // files dropped onto the window, for the Media screen to attach
  std::optional<MediaOwner> attach_to = {};          // set with go(Screen::media): the record to attach to
  std::function<void(ChartCapture)> save_png = {};    // saved after this frame is drawn
};

class ScreenView {
 public:
  virtual ~ScreenView() = default;
  // Draws the screen's contents; loads (again) when data_version moved.
  void show(UiContext& ui) {
    if (loaded_version_ != ui.data_version || !loaded_) {
      loaded_ = true;
      loaded_version_ = ui.data_version;
      load(ui);
    }
    draw(ui);
  }

 protected:
  virtual void load(UiContext& ui) = 0;
  virtual void draw(UiContext& ui) = 0;

 private:
  bool loaded_ = false;
  std::uint64_t loaded_version_ = 0;
};

std::unique_ptr<ScreenView> make_home();
std::unique_ptr<ScreenView> make_events();
std::unique_ptr<ScreenView> make_feedback();
std::unique_ptr<ScreenView> make_reflections();
std::unique_ptr<ScreenView> make_kudos();
std::unique_ptr<ScreenView> make_media();
std::unique_ptr<ScreenView> make_dashboard();
std::unique_ptr<ScreenView> make_settings();

}  // namespace debrief::desktop
