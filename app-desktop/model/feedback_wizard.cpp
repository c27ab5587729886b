#include "feedback_wizard.h"

#include "agenda.h"

namespace debrief::desktop {
Result<std::vector<FeedbackTarget>> load_feedback_targets(Store& store) {
  Result<std::vector<Json>> surveys = list(store, Kind::survey);
  DEBRIEF_TRY(surveys.status());
  std::string post_event;
  for (const Json& s : *surveys)
    if (s.value("kind", "") == "post_event") post_event = s["id"];
  Result<std::vector<EventWithActivities>> agenda = load_agenda(store);
  DEBRIEF_TRY(agenda.status());
  std::vector<FeedbackTarget> out;
  for (const EventWithActivities& e : *agenda) {
    std::string title = e.event.value("title", "");
    if (!post_event.empty()) out.push_back({post_event, e.event["id"], "", title});
    for (const Json& a : e.activities)
      if (a.value("survey", Json()).is_string())
        out.push_back({a["survey"], e.event["id"], a["id"], title + ": " + a.value("title", "")});
  }
  return out;
}

Result<FeedbackWizard> FeedbackWizard::start(Store& store, const FeedbackTarget& target) {
  Result<Id> id = Id::parse(target.survey);
  DEBRIEF_TRY(id.status());
  Result<Json> survey = get(store, Kind::survey, *id);
  DEBRIEF_TRY(survey.status());
  Result<Survey> parsed = Survey::parse((*survey)["questions"]);
  DEBRIEF_TRY(parsed.status());
  return FeedbackWizard(target, std::make_shared<const Survey>(std::move(*parsed)),
                        survey->value("allow_anonymous", false));
}

const Question* FeedbackWizard::current() const { return survey_->next_question(answers_); }

bool FeedbackWizard::next() {
  const Question* q = current();
  if (!q) return false;
  bool blank = value_.is_null() || (value_.is_string() && value_.get<std::string>().empty()) ||
               (value_.is_array() && value_.empty()) || (value_.is_object() && value_.empty());
  if (blank && q->required) {
    message_ = "this question needs an answer";
    return false;
  }
  Json recorded = blank ? Json(nullptr) : value_;
  if (Status ok = Survey::check_value(*q, recorded); !ok.is_ok()) {
    message_ = ok.message();
    return false;
  }
  answers_[q->id] = recorded;
  history_.push_back(q->id);
  value_ = nullptr;
  message_.clear();
  return true;
}

bool FeedbackWizard::back() {
  if (history_.empty()) return false;
  std::string id = history_.back();
  history_.pop_back();
  value_ = answers_[id];
  answers_.erase(id);
  message_.clear();
  return true;
}

Result<Id> FeedbackWizard::submit(Store& store) {
  Json given = Json::object();
  for (const auto& [id, v] : answers_.items())
    if (!v.is_null()) given[id] = v;
  Json fields = {{"survey", target_.survey}, {"answers", given}, {"anonymous", allows_anonymous_ && anonymous}};
  if (!target_.event.empty()) fields["event"] = target_.event;
  if (!target_.activity.empty()) fields["activity"] = target_.activity;
  Result<Id> saved = create(store, Kind::response, fields);
  message_ = saved.is_ok() ? "" : saved.status().message();
  return saved;
}

}  // namespace debrief::desktop
