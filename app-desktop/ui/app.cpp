#include "app.h"

#include <algorithm>

#include <imgui.h>

#include "probe.h"
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
  ui_.save_png = [this](ChartCapture c) { captures_.push_back(std::move(c)); };
  ui_.changed = [this] {
    ++ui_.data_version;
    sync_.sync_now();
  };
  ui_.thank = [this](std::optional<Id> person) {
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
  // As wide as its longest entry, so a small window keeps its room for the screen.
  float width = 0;
  for (const ScreenInfo& i : kInfo) width = std::max(width, ImGui::CalcTextSize(i.title).x);
  ImGui::BeginChild("sidebar", ImVec2(width + 4 * ImGui::GetStyle().WindowPadding.x, 0), true);
  ImGui::TextUnformatted("Debrief");
  ImGui::Separator();
  for (const ScreenInfo& i : kInfo)
    if (probed::selectable(i.title, screen_ == i.screen)) screen_ = i.screen;
  ImGui::EndChild();
}

// Said once, in place of every screen: why, and what to do about it.
void App::store_unusable(const Status& why) {
  error_line("Debrief cannot open its data in " + ui_.data_dir.string() + ": " + why.message());
  const char* advice =
      "If another Debrief is using this folder, close it and start again. If the file is damaged, close Debrief, "
      "move the folder aside (keep it: it may hold changes not yet sent) and start again with an empty folder; "
      "enrol again, and everything the server has comes back.";
  probe::shown(advice);
  ImGui::TextWrapped("%s", advice);
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
  if (Status s = worker_.open_status(); !s.is_ok()) store_unusable(s);
  else screens_.at(screen_)->show(ui_);
  ImGui::EndChild();
  kudos_dialog_.draw(ui_);
  ImGui::End();
}

}  // namespace debrief::desktop
