// Give feedback: choose an event or activity, then the survey wizard, one
// shown question at a time with a widget fitting its type.
#include <imgui.h>

#include <array>

#include "async_value.h"
#include "feedback_wizard.h"
#include "probe.h"
#include "probed.h"
#include "screens.h"
#include "widgets.h"

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
      for (const auto& [question, answer] : wizard_->review()) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s  %s", question.c_str(), answer.c_str());
      }
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
    if (targets_->empty()) return draw_empty(ui);
    ImGui::TextUnformatted("What would you like to give feedback on?");
    // Rows of one line each: an event's heading (kHeading), then its targets.
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < targets_->size(); ++i) {
      if (i == 0 || (*targets_)[i - 1].event != (*targets_)[i].event) rows.push_back(kHeading + i);
      rows.push_back(i);
    }
    ImGui::BeginChild("targets");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) draw_row(ui, rows[static_cast<std::size_t>(r)]);
    ImGui::EndChild();
  }

  // Marks a row as the heading of the event of target `row - kHeading`.
  static constexpr std::size_t kHeading = std::size_t{1} << 40;

  // An event's date and title, or a target with its time and whether it is answered.
  void draw_row(UiContext& ui, std::size_t row) {
    if (row >= kHeading) {
      const FeedbackTarget& t = (*targets_)[row - kHeading];
      ImGui::TextColored(ImVec4(0.45f, 0.75f, 1.0f, 1.0f), "%s  %s", t.event_starts.substr(0, 10).c_str(),
                         t.event_title.c_str());
      return;
    }
    const FeedbackTarget& t = (*targets_)[row];
    const std::string at = when(t.item_starts);  // "2026-12-03 09:00"
    std::string label = (t.item.empty() ? std::string("The whole event") : at.substr(std::min<std::size_t>(11, at.size())) + "  " + t.item) +
                        "##" + t.key();
    ImGui::Indent();
    if (probed::selectable(label.c_str())) begin(ui, t);
    if (t.answered) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("answered").x);
      ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.5f, 1.0f), "answered");
    }
    ImGui::Unindent();
  }

  void draw_empty(UiContext& ui) {
    ImGui::TextWrapped(
        "Nothing to give feedback on yet. After an event, its post-event survey and its activities' surveys "
        "appear here; events arrive when this device syncs with your organisation's server.");
    if (probed::button("See events")) ui.go(Screen::events);
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_feedback() { return std::make_unique<Feedback>(); }

}  // namespace debrief::desktop
