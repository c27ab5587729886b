// Give feedback: choose an event or activity, then the survey wizard, one
// shown question at a time with a widget fitting its type.
#include <imgui.h>

#include <array>

#include "async_value.h"
#include "feedback_wizard.h"
#include "probe.h"
#include "probed.h"
#include "screens.h"

namespace debrief::desktop {
namespace {

constexpr std::array<const char*, 3> kTriadParts{"more", "less", "stop"};
constexpr std::array<const char*, 3> kTriadLabels{"More of", "Less of", "Stop doing"};

class Feedback final : public ScreenView {
  AsyncValue<std::vector<FeedbackTarget>> targets_;
  std::optional<FeedbackWizard> wizard_;
  const Question* shown_ = nullptr;  // the question the buffers below belong to
  std::string text_;
  std::array<std::string, 3> triad_;
  std::string saved_, error_;

  void load(UiContext& ui) override { targets_.load(ui.worker, load_feedback_targets); }

  void begin(UiContext& ui, const FeedbackTarget& t) {
    saved_.clear();
    error_.clear();
    ui.worker.ask<FeedbackWizard>([t](Store& s) { return FeedbackWizard::start(s, t); },
                                  [this](Result<FeedbackWizard> w) {
                                    if (w.is_ok()) wizard_.emplace(std::move(*w));
                                    else error_ = w.status().message();
                                    shown_ = nullptr;
                                  });
  }

  // Buffers follow the question on screen; edits go back into the value.
  void sync_buffers() {
    const Question* q = wizard_->current();
    if (q == shown_) return;
    shown_ = q;
    const Json& v = wizard_->value();
    text_ = v.is_string() ? v.get<std::string>() : "";
    for (std::size_t i = 0; i < triad_.size(); ++i) triad_[i] = v.is_object() ? v.value(kTriadParts[i], "") : "";
  }

  void scale_buttons(Json& value, int from, int to) {
    for (int n = from; n <= to; ++n) {
      bool chosen = value.is_number_integer() && value.get<int>() == n;
      if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      std::string label = std::to_string(n);
      if (probed::button(label.c_str(), ImVec2(2.4f * ImGui::GetFontSize(), 0))) value = n;
      if (chosen) ImGui::PopStyleColor();
      if (n < to) ImGui::SameLine();
    }
  }

  void answer_widget(const Question& q) {
    Json& value = wizard_->value();
    switch (q.type) {
      case QuestionType::rating:
        scale_buttons(value, 1, 5);
        ImGui::TextDisabled("1 poor  -  5 excellent");
        break;
      case QuestionType::enps:
        scale_buttons(value, 0, 10);
        ImGui::TextDisabled("0 not at all likely  -  10 extremely likely");
        break;
      case QuestionType::single:
        for (const std::string& o : q.options)
          if (probed::radio_button(o.c_str(), value.is_string() && value.get<std::string>() == o)) value = o;
        break;
      case QuestionType::multi:
        for (const std::string& o : q.options) {
          bool on = value.is_array() && std::find(value.begin(), value.end(), Json(o)) != value.end();
          if (probed::checkbox(o.c_str(), &on)) {
            Json next = Json::array();
            for (const std::string& p : q.options)
              if ((p == o && on) || (p != o && value.is_array() && std::find(value.begin(), value.end(), Json(p)) != value.end()))
                next.push_back(p);
            value = next;
          }
        }
        break;
      case QuestionType::text:
        if (probed::input_text_multiline("##text", &text_, ImVec2(-1, 120))) value = text_;
        break;
      case QuestionType::triad:
        for (std::size_t i = 0; i < triad_.size(); ++i) {
          ImGui::TextUnformatted(kTriadLabels[i]);
          std::string id = std::string("##") + kTriadParts[i];
          if (probed::input_text_multiline(id.c_str(), &triad_[i], ImVec2(-1, 60))) {
            Json parts = Json::object();
            for (std::size_t k = 0; k < triad_.size(); ++k)
              if (!triad_[k].empty()) parts[kTriadParts[k]] = triad_[k];
            value = parts;
          }
        }
        break;
    }
  }

  void submit(UiContext& ui) {
    FeedbackWizard copy = *wizard_;
    ui.worker.ask<Id>([copy](Store& s) mutable { return copy.submit(s); }, [this, &ui](Result<Id> id) {
      if (!id.is_ok()) return void(error_ = id.status().message());
      saved_ = "Saved on this device" + std::string(ui.sync.running() ? "; it syncs when the server is reachable." : ".");
      wizard_.reset();
      ui.changed();
    });
  }

  void draw_wizard(UiContext& ui) {
    sync_buffers();
    ImGui::SetWindowFontScale(1.2f);
    ImGui::TextUnformatted(wizard_->target().title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (wizard_->allows_anonymous()) {
      probed::checkbox("Answer anonymously", &wizard_->anonymous);
      ImGui::SameLine();
      const char* note = wizard_->anonymous ? "(your name is not kept with these answers)" : "(your name is kept with these answers)";
      ImGui::TextDisabled("%s", note);
      probe::shown(note);
    }
    ImGui::Separator();
    const Question* q = wizard_->current();
    if (q) {
      ImGui::TextDisabled("Question %d%s", wizard_->step(), q->required ? "  (required)" : "");
      ImGui::TextWrapped("%s", q->text.c_str());
      probe::shown(q->text);
      ImGui::Spacing();
      answer_widget(*q);
      error_line(wizard_->message());
      ImGui::Spacing();
      ImGui::BeginDisabled(!wizard_->can_go_back());
      if (probed::button("Back")) wizard_->back();
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (probed::button("Next")) wizard_->next();
    } else {
      ImGui::TextUnformatted("That was the last question. Your answers:");
      for (const auto& [id, v] : wizard_->answers().items())
        ImGui::BulletText("%s: %s", id.c_str(), v.is_null() ? "(skipped)" : v.dump().c_str());
      error_line(error_);
      if (probed::button("Back")) wizard_->back();
      ImGui::SameLine();
      if (probed::button("Submit")) submit(ui);
    }
    ImGui::SameLine();
    if (probed::button("Cancel")) wizard_.reset();
  }

  void draw(UiContext& ui) override {
    if (wizard_) return draw_wizard(ui);
    if (!saved_.empty()) ImGui::TextUnformatted(saved_.c_str());
    error_line(error_);
    if (!targets_.ready()) return;
    ImGui::TextUnformatted("What would you like to give feedback on?");
    ImGui::BeginChild("targets");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(targets_->size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const FeedbackTarget& t = (*targets_)[static_cast<std::size_t>(i)];
        std::string label = t.title + "##" + t.event + t.activity;
        if (probed::selectable(label.c_str())) begin(ui, t);
      }
    ImGui::EndChild();
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_feedback() { return std::make_unique<Feedback>(); }

}  // namespace debrief::desktop
