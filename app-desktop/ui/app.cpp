#include "app.h"

#include <imgui.h>

#include "probed.h"
#include "widgets.h"

namespace debrief::desktop {

namespace {

struct ScreenInfo {
  Screen screen;
  const char* name;
  const char* title;
  std::unique_ptr<ScreenView> (*make)();
};
constexpr ScreenInfo kInfo[] = {
    {Screen::home, "home", "Home", make_home},
    {Screen::events, "events", "Events", make_events},
    {Screen::feedback, "feedback", "Give feedback", make_feedback},
    {Screen::reflections, "reflections", "Reflections", make_reflections},
    {Screen::kudos, "kudos", "Kudos wall", make_kudos},
    {Screen::media, "media", "Media", make_media},
    {Screen::dashboard, "dashboard", "Manager dashboard", make_dashboard},
    {Screen::settings, "settings", "Settings", make_settings},
};

const ScreenInfo& info(Screen s) {
  for (const ScreenInfo& i : kInfo)
    if (i.screen == s) return i;
  return kInfo[0];
}

}  // namespace

const char* screen_name(Screen s) { return info(s).name; }
const char* screen_title(Screen s) { return info(s).title; }
std::optional<Screen> screen_named(std::string_view name) {
  for (const ScreenInfo& i : kInfo)
    if (name == i.name) return i.screen;
  return std::nullopt;
}

App::App(std::filesystem::path data_dir, float scale, Textures* textures)
    : worker_(data_dir), sync_(data_dir), thumbnails_(worker_, textures), ui_{worker_, sync_, thumbnails_, data_dir, scale},
      font_scale_(ImGui::GetIO().FontGlobalScale) {
  ui_.go = [this](Screen s) { screen_ = s; };
  ui_.changed = [this] {
    ++ui_.data_version;
    sync_.sync_now();
  };
  ui_.thank = [this](std::string person) {
    screen_ = Screen::kudos;
    kudos_dialog_.open(ui_, person);
  };
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // arrows, Tab, Space and Enter work
  for (const ScreenInfo& i : kInfo) screens_[i.screen] = i.make();
  sync_.start();
}

void App::drop(std::vector<std::filesystem::path> files) {
  ui_.dropped.insert(ui_.dropped.end(), files.begin(), files.end());
  screen_ = Screen::media;
}

void App::sidebar() {
  ImGui::BeginChild("sidebar", ImVec2(170 * ui_.scale, 0), true);
  ImGui::TextUnformatted("Debrief");
  ImGui::Separator();
  for (const ScreenInfo& i : kInfo)
    if (probed::selectable(i.title, screen_ == i.screen)) screen_ = i.screen;
  ImGui::EndChild();
}

void App::frame() {
  worker_.drain();
  if (std::uint64_t arrived = sync_.arrivals(); arrived != arrivals_seen_) {
    arrivals_seen_ = arrived;
    ++ui_.data_version;  // the server sent changes: screens reload
  }
  ImGui::GetIO().FontGlobalScale = ui_.scale * font_scale_;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("Debrief", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  sidebar();
  ImGui::SameLine();
  ImGui::BeginChild("screen", ImVec2(0, 0), false);
  ImGui::SetWindowFontScale(1.3f);
  ImGui::TextUnformatted(screen_title(screen_));
  ImGui::SetWindowFontScale(1.0f);
  ImGui::Separator();
  if (Status s = worker_.open_status(); !s.is_ok()) error_line("The store cannot be opened: " + s.message());
  screens_.at(screen_)->show(ui_);
  ImGui::EndChild();
  kudos_dialog_.draw(ui_);
  ImGui::End();
}

}  // namespace debrief::desktop
