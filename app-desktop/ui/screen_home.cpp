// Home: who I am and my organisation, and sync at a glance.
#include <imgui.h>

#include <cmath>

#include "async_value.h"
#include "debrief/env.h"
#include "home.h"
#include "probed.h"
#include "screens.h"

namespace debrief::desktop {
namespace {

std::string ago(std::int64_t ms) {
  if (ms == 0) return "never";
  std::int64_t s = (system_env().now_ms() - ms) / 1000;
  if (s < 60) return "just now";
  if (s < 3600) return std::to_string(s / 60) + " min ago";
  if (s < 86400) return std::to_string(s / 3600) + " h ago";
  return std::to_string(s / 86400) + " days ago";
}

// "1 event", "4 events".
std::string counted(std::int64_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

class Home final : public ScreenView {
  AsyncValue<HomeView> home_;
  std::uint64_t catch_ups_ = 0;  // the sync watch's count when home_ was loaded
  std::string discard_failed_;   // why the last discard failed; empty when it did not

  void load(UiContext& ui) override {
    catch_ups_ = ui.sync.catch_ups();
    home_.load(ui.worker, load_home);
  }

  // Changes the server refused for good: what, why, and a way to let go.
  void draw_refused(UiContext& ui, const HomeView& h) {
    if (!discard_failed_.empty()) error_line(discard_failed_);
    if (h.refused.empty()) return;
    error_line(std::to_string(h.refused.size()) + (h.refused.size() == 1 ? " change was" : " changes were") +
               " refused by the server and set aside; everything else synced.");
    for (const RefusedLine& r : h.refused) {
      ImGui::PushID(static_cast<int>(r.seq));
      ImGui::TextWrapped("%s: %s", r.what.c_str(), r.reason.c_str());
      ImGui::SameLine();
      if (probed::button("Discard")) {
        std::int64_t seq = r.seq;
        ui.worker.ask<bool>([seq](Store& s) -> Result<bool> { DEBRIEF_TRY(discard_refused_change(s, seq)); return true; },
                            [this, &ui](Result<bool> done) {
                              discard_failed_ = done.is_ok() ? "" : "not discarded: " + done.status().message();
                              load(ui);
                            });
      }
      ImGui::PopID();
    }
  }

  void draw_sync(UiContext& ui, const HomeView& h) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Sync");
    ImGui::Separator();
    if (h.server.empty()) {
      ImGui::TextWrapped("This device is not enrolled with a Debrief server: everything stays on this device.");
      if (probed::button("Enrol in Settings")) ui.go(Screen::settings);
      return;
    }
    sync::EngineEvent e = ui.sync.latest();
    bool online = e.state == sync::SyncState::idle || e.state == sync::SyncState::pushing ||
                  e.state == sync::SyncState::pulling;
    ImGui::Text("Server      %s  (%s)", h.server.c_str(), online ? "online" : sync::state_name(e.state));
    ImGui::Text("Pending     %lld local changes", static_cast<long long>(h.pending_changes));
    draw_refused(ui, h);
    ImGui::Text("Last sync   %s", ago(h.last_sync_ms).c_str());
    if (e.state == sync::SyncState::pushing && e.progress.pending > 0) {
      ImGui::ProgressBar(static_cast<float>(e.progress.pushed) / static_cast<float>(e.progress.pending), ImVec2(-1, 0), "sending");
    } else if (e.state == sync::SyncState::pulling) {
      ImGui::ProgressBar(static_cast<float>(std::fmod(ImGui::GetTime(), 1.0)), ImVec2(-1, 0), "receiving");
    }
    if (e.state == sync::SyncState::error || e.state == sync::SyncState::offline) {
      if (!e.reason.empty()) error_line(e.reason);
      if (probed::button("Retry now")) ui.sync.sync_now();
    } else if (probed::button("Sync now")) {
      ui.sync.sync_now();
    }
  }

  void draw(UiContext& ui) override {
    if (ui.sync.catch_ups() != catch_ups_) load(ui);  // pending changes and last sync moved
    if (!home_.ready()) return;
    const HomeView& h = *home_;
    ImGui::SetWindowFontScale(1.4f);
    ImGui::Text("Hello%s%s", h.name.empty() ? "" : ", ", h.name.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (h.name.empty()) {
      ImGui::TextWrapped(
          "This device acts for nobody yet. Enrol it with your organisation's Debrief server, with the enrolment "
          "code your administrator gives you: your events, surveys and the kudos wall then arrive here.");
      if (probed::button("Enrol this device")) ui.go(Screen::settings);
    }
    if (!h.organisation.empty()) ImGui::Text("%s%s%s", h.organisation.c_str(), h.team.empty() ? "" : "  -  ", h.team.c_str());
    if (!h.role.empty()) ImGui::TextDisabled("%s", h.role.c_str());
    ImGui::Spacing();
    ImGui::Text("%s   %s   %lld kudos on this device", counted(h.events, "event").c_str(),
                counted(h.responses, "response").c_str(), static_cast<long long>(h.kudos));
    if (probed::button("Give feedback")) ui.go(Screen::feedback);
    ImGui::SameLine();
    if (probed::button("Kudos wall")) ui.go(Screen::kudos);
    ImGui::SameLine();
    if (probed::button("Events")) ui.go(Screen::events);
    draw_sync(ui, h);
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_home() { return std::make_unique<Home>(); }

}  // namespace debrief::desktop
