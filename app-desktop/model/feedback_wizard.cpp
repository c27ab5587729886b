#include "feedback_wizard.h"

#include <algorithm>

#include "debrief/answered.h"
#include "debrief/fields.h"
#include "agenda.h"

namespace debrief::desktop {
namespace {

std::optional<Id> id_or_none(const std::string& hex) {
  Result<Id> id = Id::parse(hex);
  return id.is_ok() ? std::optional<Id>(*id) : std::nullopt;
}

// Marks the targets this device's person has answered; none when it acts for nobody.
Status mark_answered(Store& store, std::vector<FeedbackTarget>& targets) {
  if (!store.me()) return Status::ok();
  for (FeedbackTarget& t : targets) {
    Result<bool> answered = has_answered(store, *id_or_none(t.survey), id_or_none(t.event), id_or_none(t.activity));
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

bool starts_before(const Json& a, const Json& b) { return a.value("starts_at", "") < b.value("starts_at", ""); }

}  // namespace

Result<std::vector<FeedbackTarget>> load_feedback_targets(Store& store) {
  Result<std::vector<Json>> surveys = list(store, Kind::survey);
  DEBRIEF_TRY(surveys.status());
  std::string post_event;
  for (const Json& s : *surveys)
    if (s.value("kind", "") == "post_event") post_event = s["id"];
  Result<std::vector<EventWithActivities>> agenda = load_agenda(store);
  DEBRIEF_TRY(agenda.status());
  std::stable_sort(agenda->begin(), agenda->end(),
                   [](const EventWithActivities& a, const EventWithActivities& b) { return starts_before(b.event, a.event); });
  std::vector<FeedbackTarget> out;
  for (EventWithActivities& e : *agenda) {
    const std::string title = e.event.value("title", ""), starts = e.event.value("starts_at", "");
    if (!post_event.empty()) out.push_back({post_event, e.event["id"], "", title, title, starts, "", ""});
    std::stable_sort(e.activities.begin(), e.activities.end(), starts_before);
    for (const Json& a : e.activities)
      if (a.value("survey", Json()).is_string())
        out.push_back({a["survey"], e.event["id"], a["id"], title + ": " + a.value("title", ""), title, starts,
                       a.value("title", ""), a.value("starts_at", "")});
  }
  DEBRIEF_TRY(mark_answered(store, out));
  return out;
}

Result<FeedbackWizard> FeedbackWizard::start(Store& store, const FeedbackTarget& target) {
  Result<Id> id = Id::parse(target.survey);
  DEBRIEF_TRY(id.status());
  Result<Json> survey = get(store, Kind::survey, *id);
  DEBRIEF_TRY(survey.status());
  Result<std::shared_ptr<const Survey>> parsed = load_survey(store, *id);
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
  Json fields = {{"survey", target_.survey}, {"answers", given}, {"anonymous", allows_anonymous_ && anonymous}};
  if (!target_.event.empty()) fields["event"] = target_.event;
  if (!target_.activity.empty()) fields["activity"] = target_.activity;
  Result<Id> saved = create(store, Kind::response, fields);
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
