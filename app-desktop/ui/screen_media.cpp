// Media: photos and videos attached to an event, a reflection or a kudos.
// Choose the record, then add files with the picker or drop them onto the
// window; what is attached shows as thumbnails.
#include <imgui.h>

#include "async_value.h"
#include "debrief/platform/paths.h"
#include "file_picker.h"
#include "media_library.h"
#include "probed.h"
#include "screens.h"
#include "thumbnails.h"
#include "widgets.h"

namespace debrief::desktop {
namespace {

class Media final : public ScreenView {
  AsyncValue<std::vector<MediaOwner>> owners_;
  std::optional<MediaOwner> owner_;
  AsyncValue<std::vector<MediaItem>> items_;
  FilePicker picker_;
  std::vector<std::string> refused_;
  bool attaching_ = false;

  void load(UiContext& ui) override {
    owners_.load(ui.worker, load_media_owners);
    load_items(ui);
  }

  void load_items(UiContext& ui) {
    if (!owner_) return;
    items_.load(ui.worker, [o = *owner_](Store& s) { return load_media(s, o); });
  }

  void choose(UiContext& ui, const MediaOwner& o) {
    owner_ = o;
    refused_.clear();
    items_ = {};
    load_items(ui);
  }

  void attach(UiContext& ui, std::vector<std::filesystem::path> files) {
    attaching_ = true;
    ui.worker.ask<std::vector<std::string>>(
        [o = *owner_, files = std::move(files)](Store& s) -> Result<std::vector<std::string>> { return attach_files(s, o, files); },
        [this, &ui](Result<std::vector<std::string>> refused) {
          attaching_ = false;
          refused_ = refused.is_ok() ? *refused : std::vector<std::string>{refused.status().message()};
          ui.changed();
        });
  }

  void draw_owner_picker(UiContext& ui) {
    if (!owners_.ready()) return;
    ImGui::SetNextItemWidth(560 * ui.scale);
    if (probed::begin_combo("Attach to", owner_ ? owner_->title.c_str() : "choose an event, reflection or kudos")) {
      for (const MediaOwner& o : *owners_)
        if (probed::selectable((o.title + "##" + o.id.hex()).c_str(), owner_ && owner_->id == o.id)) choose(ui, o);
      ImGui::EndCombo();
    }
  }

  void draw(UiContext& ui) override {
    if (ui.attach_to) choose(ui, *std::exchange(ui.attach_to, std::nullopt));
    else if (!owner_ && owners_.has_value() && !owners_->empty()) choose(ui, owners_->front());  // the newest event
    draw_owner_picker(ui);
    ImGui::BeginDisabled(!owner_ || attaching_);
    if (probed::button("Add photos or videos...")) picker_.open(ui, platform::pictures_dir());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled(attaching_ ? "attaching..." : "or drop files onto this window");
    if (!ui.dropped.empty()) {
      if (owner_ && !attaching_) attach(ui, std::exchange(ui.dropped, {}));
      else if (!owner_) error_line("Choose what to attach the " + std::to_string(ui.dropped.size()) + " dropped files to.");
    }
    for (const std::string& r : refused_) error_line(r);
    if (std::vector<std::filesystem::path> files = picker_.draw(ui); !files.empty()) attach(ui, std::move(files));
    ImGui::Separator();
    if (!owner_) return;
    ImGui::BeginChild("media");
    if (items_.ready()) {
      if (items_->empty()) ImGui::TextDisabled("Nothing attached yet.");
      media_grid(ui.thumbnails, *items_, ui.scale);
    }
    ImGui::EndChild();
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_media() { return std::make_unique<Media>(); }

}  // namespace debrief::desktop
