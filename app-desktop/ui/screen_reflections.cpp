// Reflections: a journal per activity, private by default, with a share
// toggle on each entry.
#include <imgui.h>

#include "async_value.h"
#include "probed.h"
#include "reflections.h"
#include "screens.h"

namespace debrief::desktop {
namespace {

class Reflections final : public ScreenView {
  AsyncValue<std::vector<ReflectionItem>> mine_;
  AsyncValue<std::vector<ActivityChoice>> activities_;
  int chosen_ = -1;
  std::string text_, error_;
  bool shared_ = false;

  void load(UiContext& ui) override {
    mine_.load(ui.worker, load_my_reflections);
    activities_.load(ui.worker, load_activities);
  }

  void draw_editor(UiContext& ui) {
    if (!activities_.ready()) return;
    const auto& list = *activities_;
    if (list.empty()) {
      ImGui::TextWrapped("A reflection looks back on an activity: what you learned, what you felt. No activity has "
                         "reached this device yet; they come with your organisation's events.");
      if (probed::button("See events")) ui.go(Screen::events);
      return;
    }
    const char* current = chosen_ >= 0 ? list[static_cast<std::size_t>(chosen_)].title.c_str() : "choose an activity";
    ImGui::SetNextItemWidth(-1);
    if (probed::begin_combo("##activity", current)) {
      for (int i = 0; i < static_cast<int>(list.size()); ++i)
        if (probed::selectable((list[static_cast<std::size_t>(i)].title + "##" + std::to_string(i)).c_str(), i == chosen_)) chosen_ = i;
      ImGui::EndCombo();
    }
    probed::input_text_multiline("##text", &text_, ImVec2(-1, 90 * ui.scale));
    probed::checkbox("Share with others (private otherwise)", &shared_);
    ImGui::SameLine();
    ImGui::BeginDisabled(chosen_ < 0 || text_.empty());
    if (probed::button("Save reflection")) {
      ActivityChoice about = list[static_cast<std::size_t>(chosen_)];
      std::string text = text_;
      bool shared = shared_;
      ui.worker.ask<Id>([about, text, shared](Store& s) { return write_reflection(s, about, text, shared); },
                        [this, &ui](Result<Id> id) {
                          error_ = id.is_ok() ? "" : id.status().message();
                          if (id.is_ok()) text_.clear(), ui.changed();
                        });
    }
    ImGui::EndDisabled();
    error_line(error_);
  }

  void draw(UiContext& ui) override {
    heading("New reflection");
    draw_editor(ui);
    ImGui::Spacing();
    heading("My journal");
    if (!mine_.ready()) return;
    if (mine_->empty())
      ImGui::TextWrapped("No reflections yet. What you write stays private to you unless you share it; a shared "
                         "reflection shows your name to your organisation.");
    for (ReflectionItem& r : *mine_) {
      ImGui::PushID(r.id.hex().c_str());
      ImGui::TextDisabled("%s  %s", r.when.c_str(), r.about.c_str());
      ImGui::TextWrapped("%s", r.text.c_str());
      if (probed::checkbox("shared", &r.shared)) {
        Id id = r.id;
        bool shared = r.shared;
        ui.worker.ask<bool>([id, shared](Store& s) -> Result<bool> { DEBRIEF_TRY(set_shared(s, id, shared)); return shared; },
                            [this](Result<bool> done) { error_ = done.is_ok() ? "" : done.status().message(); });
      }
      ImGui::Separator();
      ImGui::PopID();
    }
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_reflections() { return std::make_unique<Reflections>(); }

}  // namespace debrief::desktop
