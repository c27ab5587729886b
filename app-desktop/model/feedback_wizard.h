// The survey wizard: one shown question at a time, following the survey's
// branches (Survey::next_question), with back and next, inline messages,
// an anonymous choice where the survey allows it, and the response saved
// locally the moment it is submitted.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "debrief/records.h"
#include "debrief/store.h"
#include "debrief/survey.h"

namespace debrief::desktop {

// What is being answered: a survey, about an event or one of its activities.
struct FeedbackTarget {
  Id survey;
  std::optional<Id> event = {}, activity = {};
  std::string title = {};               // what the person sees ("Offsite: Escape room")
  std::string event_title = {}, event_starts = {};  // the event's title and start (ISO 8601)
  std::string item = {};                // the activity's title, or "" for the whole event
  std::string item_starts = {};         // the activity's start (ISO 8601), or ""
  bool answered = false;                // by this device's person (one person, one voice)

  // Names the target among the others (its event's and activity's ids).
  std::string key() const { return (event ? event->hex() : "") + "/" + (activity ? activity->hex() : ""); }
};

// Something to give feedback on: an event with a post-event survey, then
// its activities with their surveys in the order they run; the latest
// events first.
Result<std::vector<FeedbackTarget>> load_feedback_targets(Store& store);

class FeedbackWizard {
 public:
  // Loads the target's survey; not_found when it is gone.
  static Result<FeedbackWizard> start(Store& store, const FeedbackTarget& target);

  const FeedbackTarget& target() const { return target_; }
  // The question on screen, or null when every shown question is answered
  // (the review step before submitting).
  const Question* current() const;
  // The value being edited for the current question (null: none yet).
  Json& value() { return value_; }
  // Records the current value and moves to the next shown question; an
  // invalid or missing required value stays, with message() saying why.
  bool next();
  // Back to the previous question, its answer kept for editing.
  bool back();
  bool can_go_back() const { return !history_.empty(); }
  // Questions answered so far, and the shown ones still ahead.
  int step() const { return static_cast<int>(history_.size()) + 1; }
  const std::string& message() const { return message_; }

  bool allows_anonymous() const { return allows_anonymous_; }
  bool anonymous = false;  // only when the survey allows it

  // Saves the response (answers given, blanks left out). The wizard is done
  // after success; on refusal message() says why and nothing is saved.
  Result<Id> submit(Store& store);
  const Json& answers() const { return answers_; }
  // The answers as the person reads them back before submitting: each
  // question's text and its answer in words ("(skipped)" for a blank).
  std::vector<std::pair<std::string, std::string>> review() const;

 private:
  FeedbackWizard(FeedbackTarget target, std::shared_ptr<const Survey> survey, bool allows_anonymous)
      : target_(std::move(target)), survey_(std::move(survey)), allows_anonymous_(allows_anonymous) {}

  FeedbackTarget target_;
  std::shared_ptr<const Survey> survey_;
  bool allows_anonymous_ = false;
  Json answers_ = Json::object();     // recorded so far, blanks as null
  std::vector<std::string> history_;  // question ids in the order answered
  Json value_;
  std::string message_;
};

}  // namespace debrief::desktop
