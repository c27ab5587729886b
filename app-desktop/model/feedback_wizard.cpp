#include "feedback_wizard.h"

#include <algorithm>

#include "debrief/answered.h"
#include "debrief/fields.h"
#include "agenda.h"

namespace debrief::desktop {
namespace {

// Marks the targets this device's person has answered; none when it acts for nobody.
Status mark_answered(Store& store, std::vector<FeedbackTarget>& targets) {
  if (!store.me()) return Status::ok();
  for (FeedbackTarget& t : targets) {
    Result<bool> answered = has_answered(store, t.survey, t.event, t.activity);
    DEBRIEF_TRY(answered.status());
    t.answered = *answered;
  }
  return Status::ok();
}

// An answer in words: a list joined with commas, a more/less/stop answer by its parts.
std::string in_words(const Json& v) {
  if (v.is_null()) return "(skipped)";
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  if (v.is_array())
    for (const Json& item : v) out += (out.empty() ? "" : ", ") + in_words(item);
  else if (v.is_object())
    for (const auto& [part, text] : v.items())
      out += (out.empty() ? "" : "; ") + (part == "stop" ? part : part + " of") + ": " + in_words(text);
  else
    out = v.dump();
  return out;
}

template <Kind K>
bool starts_before(const Json& a, const Json& b) {
  return RecordView<K>(a).text("starts_at") < RecordView<K>(b).text("starts_at");
}

}  // namespace

Result<std::vector<FeedbackTarget>> load_feedback_targets(Store& store) {
  Result<std::vector<Json>> surveys = list(store, Kind::survey);
  DEBRIEF_TRY(surveys.status());
  std::optional<Id> post_event;
  for (const Json& json : *surveys)
    if (RecordView<Kind::survey> s(json); s.is({"kind", "post_event"})) post_event = s.id();
  Result<std::vector<EventWithActivities>> agenda = load_agenda(store);
  DEBRIEF_TRY(agenda.status());
  std::stable_sort(agenda->begin(), agenda->end(),
                   [](const EventWithActivities& a, const EventWithActivities& b) {
                     return starts_before<Kind::event>(b.event, a.event);
                   });
  std::vector<FeedbackTarget> out;
  for (EventWithActivities& e : *agenda) {
    RecordView<Kind::event> event(e.event);
    const std::string title = event.text("title"), starts = event.text("starts_at");
    if (post_event) out.push_back({*post_event, event.id(), std::nullopt, title, title, starts, "", ""});
    std::stable_sort(e.activities.begin(), e.activities.end(), starts_before<Kind::activity>);
    for (const Json& json : e.activities)
      if (RecordView<Kind::activity> a(json); std::optional<Id> survey = a.ref("survey"))
        out.push_back({*survey, event.id(), a.id(), title + ": " + a.text("title"), title, starts, a.text("title"),
                       a.text("starts_at")});
  }
  DEBRIEF_TRY(mark_answered(store, out));
  return out;
}

Result<FeedbackWizard> FeedbackWizard::start(Store& store, const FeedbackTarget& target) {
  Result<Json> survey = get(store, Kind::survey, target.survey);
  DEBRIEF_TRY(survey.status());
  Result<std::shared_ptr<const Survey>> parsed = load_survey(store, target.survey);
  DEBRIEF_TRY(parsed.status());
  return FeedbackWizard(target, std::move(*parsed), RecordView<Kind::survey>(*survey).flag("allow_anonymous"));
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
  FieldValues<Kind::response> fields;
  fields.set("survey", target_.survey).set("answers", given).set("anonymous", allows_anonymous_ && anonymous);
  if (target_.event) fields.set("event", *target_.event);
  if (target_.activity) fields.set("activity", *target_.activity);
  Result<Id> saved = create(store, fields);
  message_ = saved.is_ok() ? "" : saved.status().message();
  return saved;
}

std::vector<std::pair<std::string, std::string>> FeedbackWizard::review() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& id : history_) {  // in the order they were asked
    const Question* q = survey_->find(id);
    out.emplace_back(q ? q->text : id, in_words(answers_.value(id, Json())));
  }
  return out;
}

}  // namespace debrief::desktop
