// The kudos wall: newest first, filters by category, person and team, +1,
// and the give-kudos dialog. Long walls draw only the rows on screen.
#include <imgui.h>

#include "async_value.h"
#include "directory.h"
#include "kudos_wall.h"
#include "probed.h"
#include "screens.h"

namespace debrief::desktop {
namespace {

class Kudos final : public ScreenView {
  AsyncValue<std::vector<KudosCard>> wall_;
  AsyncValue<Directory> directory_;
  KudosFilter filter_;

  void load(UiContext& ui) override {
    KudosFilter f = filter_;
    wall_.load(ui.worker, [f](Store& s) { return load_kudos_wall(s, f); });
    directory_.load(ui.worker, load_directory);
  }

  // A filter's label, then its combo (`ems` font sizes wide), so each
  // label reads before its own choice; true while the combo is open.
  static bool begin_filter(const char* label, const char* preview, float ems) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ems * ImGui::GetFontSize());
    return probed::begin_combo((std::string("##") + label).c_str(), preview);
  }

  // A combo over `names` (hex id -> name) that sets `chosen`; true when it changed.
  static bool pick(const char* label, const std::map<std::string, std::string>& names, std::string& chosen) {
    bool changed = false;
    auto it = names.find(chosen);
    if (!begin_filter(label, it == names.end() ? "anyone" : it->second.c_str(), 12)) return false;
    if (probed::selectable("anyone", chosen.empty())) chosen.clear(), changed = true;
    for (const auto& [id, name] : names)
      if (probed::selectable((name + "##" + id).c_str(), id == chosen)) chosen = id, changed = true;
    ImGui::EndCombo();
    return changed;
  }

  void draw_filters(UiContext& ui) {
    bool changed = false;
    if (begin_filter("Category", filter_.category.empty() ? "any" : filter_.category.c_str(), 11)) {
      if (probed::selectable("any", filter_.category.empty())) filter_.category.clear(), changed = true;
      for (const std::string& c : kudos_categories())
        if (probed::selectable(c.c_str(), c == filter_.category)) filter_.category = c, changed = true;
      ImGui::EndCombo();
    }
    if (directory_.has_value()) {
      ImGui::SameLine();
      changed |= pick("Person", directory_->people, filter_.person);
      ImGui::SameLine();
      changed |= pick("Team", directory_->teams, filter_.team);
    }
    ImGui::SameLine();
    if (probed::button("Give kudos")) ui.thank("");
    if (changed) load(ui);
  }

  void draw_card(UiContext& ui, KudosCard& k) {
    ImGui::PushID(k.id.c_str());
    ImGui::Text("%s thanked %s", k.from.c_str(), k.to.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s  %s", k.when.c_str(), k.category.c_str());
    ImGui::Text("  for: %s", k.action.c_str());
    ImGui::Text("  so that: %s", k.outcome.c_str());
    ImGui::BeginDisabled(k.plus_oned_by_me);
    std::string label = "+1 (" + std::to_string(k.plus_ones) + ")";
    if (probed::small_button(label.c_str())) {
      std::string id = k.id;
      k.plus_oned_by_me = true;
      ui.worker.ask<bool>([id](Store& s) -> Result<bool> { DEBRIEF_TRY(plus_one(s, id)); return true; },
                          [&ui](Result<bool>) { ui.changed(); });
    }
    ImGui::EndDisabled();
    ImGui::Separator();
    ImGui::PopID();
  }

  void draw(UiContext& ui) override {
    draw_filters(ui);
    if (!wall_.ready()) return;
    ImGui::TextDisabled("%zu kudos", wall_->size());
    ImGui::BeginChild("wall");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(wall_->size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_card(ui, (*wall_)[static_cast<std::size_t>(i)]);
    ImGui::EndChild();
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_kudos() { return std::make_unique<Kudos>(); }

}  // namespace debrief::desktop
