// The kudos wall: newest first, filters by category, person and team, +1,
// and the give-kudos dialog. The wall loads a page at a time as it is
// scrolled, and draws only the cards on screen.
#include <imgui.h>

#include <algorithm>

#include "async_value.h"
#include "directory.h"
#include "kudos_wall.h"
#include "probed.h"
#include "screens.h"
#include "widgets.h"

namespace debrief::desktop {
namespace {

// Cards a page brings; the next page is asked for when the last few are on screen.
constexpr std::size_t kPage = 100;
constexpr int kAheadCards = 10;

class Kudos final : public ScreenView {
  std::vector<KudosCard> cards_;
  std::vector<float> heights_;            // each card's drawn height, 0 until drawn
  float heights_width_ = 0;               // the width the heights were measured at
  std::optional<Id> next_;                // where the next page starts; none at the end
  Status status_;
  std::string refused_;                   // why the last +1 was refused; empty when it was not
  bool loaded_ = false, fetching_ = false;
  std::uint64_t generation_ = 0;          // a new filter starts a new wall; pages of an older one are dropped
  AsyncValue<Directory> directory_;
  KudosFilter filter_;

  // Reloads the wall as far as it was read, so a +1 or a sync keeps the place.
  void load(UiContext& ui) override {
    fetch(ui, std::nullopt, std::max(kPage, cards_.size()));
    directory_.load(ui.worker, load_directory);
  }

  void restart(UiContext& ui) {
    cards_.clear();
    heights_.clear();
    next_.reset();
    loaded_ = false;
    fetch(ui, std::nullopt, kPage);
  }

  // Asks for `want` cards after `after`: from the start, they replace the wall; otherwise they extend it.
  void fetch(UiContext& ui, const std::optional<Id>& after, std::size_t want) {
    fetching_ = true;
    const std::uint64_t generation = after ? generation_ : ++generation_;
    KudosFilter f = filter_;
    ui.worker.ask<KudosPage>([f, after, want](Store& s) { return load_kudos_page(s, f, after, want); },
                             [this, generation, after](Result<KudosPage> page) {
                               if (generation != generation_) return;
                               fetching_ = false;
                               loaded_ = true;
                               status_ = page.status();
                               if (!page.is_ok()) return;
                               if (!after) cards_.clear(), heights_.clear();
                               cards_.insert(cards_.end(), page->cards.begin(), page->cards.end());
                               heights_.resize(cards_.size(), 0.0f);
                               next_ = page->next;
                             });
  }

  // A filter's label, then its combo (`ems` font sizes wide), so each
  // label reads before its own choice; on the next line when the row is
  // full. True while the combo is open.
  static bool begin_filter(const char* label, const char* preview, float ems) {
    const float width = ems * ImGui::GetFontSize();
    same_line_if_fits(ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x + width);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    return probed::begin_combo((std::string("##") + label).c_str(), preview);
  }

  // A combo over `names` (id -> name) that sets `chosen`; true when it changed.
  static bool pick(const char* label, const std::map<Id, std::string>& names, std::optional<Id>& chosen) {
    bool changed = false;
    auto it = chosen ? names.find(*chosen) : names.end();
    if (!begin_filter(label, it == names.end() ? "anyone" : it->second.c_str(), 12)) return false;
    if (probed::selectable("anyone", !chosen)) chosen.reset(), changed = true;
    for (const auto& [id, name] : names)
      if (probed::selectable((name + "##" + id.hex()).c_str(), id == chosen)) chosen = id, changed = true;
    ImGui::EndCombo();
    return changed;
  }

  void draw_filters(UiContext& ui) {
    if (probed::button("Give kudos")) ui.thank(std::nullopt);
    bool changed = false;
    if (begin_filter("Category", filter_.category.empty() ? "any" : words(filter_.category).c_str(), 11)) {
      if (probed::selectable("any", filter_.category.empty())) filter_.category.clear(), changed = true;
      for (const std::string& c : kudos_categories())
        if (probed::selectable(words(c).c_str(), c == filter_.category)) filter_.category = c, changed = true;
      ImGui::EndCombo();
    }
    if (directory_.has_value()) {
      changed |= pick("Person", directory_->people, filter_.person);
      changed |= pick("Team", directory_->teams, filter_.team);
    }
    if (changed) restart(ui);
  }

  void draw_card(UiContext& ui, KudosCard& k) {
    ImGui::PushID(k.id.hex().c_str());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("%s thanked %s", k.from.c_str(), k.to.c_str());
    ImGui::TextDisabled("%s  %s", k.when.c_str(), words(k.category).c_str());
    ImGui::Indent();
    ImGui::Text("for: %s", k.action.c_str());
    ImGui::Text("so that: %s", k.outcome.c_str());
    ImGui::Unindent();
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(k.plus_oned_by_me);
    std::string label = "+1 (" + std::to_string(k.plus_ones) + ")";
    if (probed::small_button(label.c_str())) {
      Id id = k.id;
      k.plus_oned_by_me = true;
      ++k.plus_ones;
      ui.worker.ask<bool>([id](Store& s) -> Result<bool> { DEBRIEF_TRY(plus_one(s, id)); return true; },
                          [this, &ui](Result<bool> done) {
                            refused_ = done.is_ok() ? "" : "+1 not given: " + done.status().message();
                            ui.changed();  // the wall reloads: a refused +1 is taken back
                          });
    }
    ImGui::EndDisabled();
    ImGui::Separator();
    ImGui::PopID();
  }

  void draw_empty(UiContext& ui) {
    const bool filtered = !filter_.category.empty() || filter_.person || filter_.team;
    ImGui::TextWrapped("%s", filtered ? "No kudos match these filters."
                                      : "No kudos yet. A kudos thanks a colleague for one specific thing they did, "
                                        "and says what came of it; everyone in the organisation can see it and +1 it.");
    if (filtered ? probed::button("Show all kudos") : probed::button("Give the first kudos")) {
      if (!filtered) return ui.thank(std::nullopt);
      filter_ = KudosFilter{};
      restart(ui);
    }
  }

  // Draws the cards; those off screen whose height is known are skipped
  // as space of that height, so a long wall costs little per frame. Asks
  // for the next page when its last cards come into view.
  void draw_wall(UiContext& ui) {
    ImGui::BeginChild("wall");
    const float width = ImGui::GetContentRegionAvail().x;
    if (width != heights_width_) std::fill(heights_.begin(), heights_.end(), 0.0f), heights_width_ = width;
    int last_visible = -1;
    for (std::size_t i = 0; i < cards_.size(); ++i) {
      if (heights_[i] > 0 && !ImGui::IsRectVisible(ImVec2(width, heights_[i]))) {
        ImGui::Dummy(ImVec2(width, heights_[i] - ImGui::GetStyle().ItemSpacing.y));
        continue;
      }
      const float top = ImGui::GetCursorPosY();
      draw_card(ui, cards_[i]);
      heights_[i] = ImGui::GetCursorPosY() - top;
      if (ImGui::IsItemVisible()) last_visible = static_cast<int>(i);
    }
    if (next_ && !fetching_ && last_visible + kAheadCards >= static_cast<int>(cards_.size())) fetch(ui, next_, kPage);
    if (next_) ImGui::TextDisabled("loading more...");
    ImGui::EndChild();
  }

  void draw(UiContext& ui) override {
    draw_filters(ui);
    if (!refused_.empty()) error_line(refused_);
    if (!desktop::ready(loaded_, status_)) return;
    if (cards_.empty()) return draw_empty(ui);
    ImGui::TextDisabled(next_ ? "%zu kudos so far, newest first; more load as you scroll" : "%zu kudos, newest first",
                        cards_.size());
    draw_wall(ui);
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_kudos() { return std::make_unique<Kudos>(); }

}  // namespace debrief::desktop
