// Events: upcoming and past; an event's page with its agenda as a
// timeline, speakers, and the crew, each with a button to thank them.
#include <imgui.h>

#include "async_value.h"
#include "debrief/env.h"
#include "events.h"
#include "agenda_timeline.h"
#include "probed.h"
#include "screens.h"
#include "thumbnails.h"

namespace debrief::desktop {
namespace {

std::int64_t now_s() { return system_env().now_ms() / 1000; }

class Events final : public ScreenView {
  AsyncValue<std::vector<EventCard>> events_;
  AsyncValue<EventPage> page_;
  std::optional<Id> selected_;

  void load(UiContext& ui) override {
    events_.load(ui.worker, [](Store& s) { return load_events(s, now_s()); });
    if (selected_) open(ui, *selected_);
  }

  void open(UiContext& ui, const Id& id) {
    selected_ = id;
    page_.load(ui.worker, [id](Store& s) { return load_event_page(s, id, now_s()); });
  }

  void draw_list(UiContext& ui) {
    ImGui::BeginChild("events", ImVec2(ImGui::GetContentRegionAvail().x * 0.38f, 0), true);
    if (events_.ready()) {
      ImGuiListClipper clipper;
      clipper.Begin(static_cast<int>(events_->size()));
      while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
          const EventCard& e = (*events_)[static_cast<std::size_t>(i)];
          // The date first, so a narrow list (1024 pixels, 2x) clips titles, not dates.
          ImGui::TextDisabled("%s", e.starts.substr(0, 10).c_str());
          ImGui::SameLine();
          std::string label = e.title + (e.upcoming ? "  (upcoming)" : "") + "##" + e.id.hex();
          if (probed::selectable(label.c_str(), selected_ == e.id)) open(ui, e.id);
        }
      }
    }
    ImGui::EndChild();
  }

  void draw_page(UiContext& ui) {
    ImGui::BeginChild("event");
    if (!selected_) {
      if (events_.has_value() && events_->empty()) draw_empty(ui);
    } else if (page_.ready()) {
      const EventPage& p = *page_;
      ImGui::SetWindowFontScale(1.3f);
      ImGui::TextUnformatted(p.card.title.c_str());
      ImGui::SetWindowFontScale(1.0f);
      if (!p.card.theme.empty()) ImGui::Text("Theme: %s", p.card.theme.c_str());
      ImGui::TextWrapped("%s to %s%s%s%s", when(p.card.starts).c_str(), when(p.card.ends).c_str(),
                  p.card.location.empty() ? "" : "  at ", p.card.location.c_str(), p.offsite ? " (offsite)" : "");
      if (!p.description.empty()) ImGui::TextWrapped("%s", p.description.c_str());
      ImGui::Spacing();
      heading("Agenda");
      for (const AgendaItem& a : p.agenda) {
        ImGui::TextDisabled("%s", when(a.starts).substr(11).c_str());
        ImGui::SameLine(70 * ui.scale);
        ImGui::Bullet();
        ImGui::Text("%s  (%s)", a.title.c_str(), a.kind.c_str());
      }
      if (p.agenda.empty()) ImGui::TextDisabled("no activities yet");
      else agenda_timeline(p.agenda, p.balance, ImGui::GetContentRegionAvail().x);
      ImGui::Spacing();
      heading("Speakers");
      for (const std::string& s : p.speakers) ImGui::BulletText("%s", s.c_str());
      if (p.speakers.empty()) ImGui::TextDisabled("none listed");
      ImGui::Spacing();
      heading("Behind the scenes");
      for (const CrewMember& c : p.crew) {
        ImGui::BulletText("%s", c.name.c_str());
        ImGui::SameLine();
        std::string label = "Thank##" + c.id.hex();
        if (probed::small_button(label.c_str())) ui.thank(c.id);
      }
      if (p.crew.empty()) ImGui::TextDisabled("no crew listed");
      ImGui::Spacing();
      heading("Photos");
      if (p.photos.empty()) ImGui::TextDisabled("none yet");
      media_grid(ui.thumbnails, p.photos, ui.scale);
      if (probed::button("Add photos")) {
        ui.attach_to = MediaOwner{Kind::event, p.card.id, "Event: " + p.card.title};
        ui.go(Screen::media);
      }
      same_line_if_fits(ImGui::CalcTextSize("Give feedback on this event").x + 2 * ImGui::GetStyle().FramePadding.x);
      if (probed::button("Give feedback on this event")) ui.go(Screen::feedback);
    }
    ImGui::EndChild();
  }

  void draw_empty(UiContext& ui) {
    ImGui::TextWrapped(
        "No events yet. Your organisation's events, with their agenda, speakers and crew, arrive when this device "
        "syncs with its server.");
    if (probed::button("Sync settings")) ui.go(Screen::settings);
  }

  void draw(UiContext& ui) override {
    if (!selected_ && events_.has_value() && !events_->empty()) open(ui, events_->front().id);
    draw_list(ui);
    ImGui::SameLine();
    draw_page(ui);
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_events() { return std::make_unique<Events>(); }

}  // namespace debrief::desktop
