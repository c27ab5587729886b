#include "kudos_dialog.h"

#include <imgui.h>

#include "directory.h"
#include "probed.h"
#include "widgets.h"

namespace debrief::desktop {

void KudosDialog::open(UiContext& ui, const std::optional<Id>& person) {
  draft_ = KudosDraft{};
  if (person) draft_.to = {*person};
  error_.clear();
  opening_ = true;
  ui.worker.ask<Directory>(load_directory, [this](Result<Directory> d) {
    people_.clear();
    if (!d.is_ok()) return void(error_ = d.status().message());
    for (const auto& [id, name] : d->people) people_[name] = id;
  });
}

void KudosDialog::draw(UiContext& ui) {
  if (opening_) {
    ImGui::OpenPopup("Give kudos");
    opening_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(560 * ui.scale, 0));
  if (!ImGui::BeginPopupModal("Give kudos", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  std::string to_name;
  for (const auto& [name, id] : people_)
    if (!draft_.to.empty() && draft_.to[0] == id) to_name = name;
  if (probed::begin_combo("To", to_name.empty() ? "choose a colleague" : to_name.c_str())) {
    for (const auto& [name, id] : people_)
      if (probed::selectable(name.c_str(), name == to_name)) draft_.to = {id};
    ImGui::EndCombo();
  }
  ImGui::TextWrapped("What exactly did they do?");
  probed::input_text_multiline("##action", &draft_.action, ImVec2(-1, 60 * ui.scale));
  ImGui::TextWrapped("What came of it?");
  probed::input_text_multiline("##outcome", &draft_.outcome, ImVec2(-1, 60 * ui.scale));
  if (probed::begin_combo("Category", words(draft_.category).c_str())) {
    for (const std::string& c : kudos_categories())
      if (probed::selectable(words(c).c_str(), c == draft_.category)) draft_.category = c;
    ImGui::EndCombo();
  }
  error_line(error_);
  ImGui::BeginDisabled(saving_);
  if (probed::button("Give kudos")) {
    saving_ = true;
    KudosDraft d = draft_;
    ui.worker.ask<Id>([d](Store& s) { return give_kudos(s, d); }, [this, &ui](Result<Id> id) {
      saving_ = false;
      if (!id.is_ok()) return void(error_ = id.status().message());
      error_.clear();
      draft_ = KudosDraft{};
      ui.changed();
      closing_ = true;
    });
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (probed::button("Cancel") || closing_) {
    closing_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace debrief::desktop
