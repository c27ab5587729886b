// Rules for survey templates: the questions must form a valid tree.
#include "kind_rules.h"
#include "scope_tallies.h"
#include "store_impl.h"
#include "survey_cache.h"

namespace debrief {
namespace {

// A survey's kind is fixed once it is answered: it decides the windows its
// answers fall in (pulse_window.h), each one voice, and another kind would
// put one person's answers in one group (docs/privacy.md).
Status kind_kept(Store& store, const Draft& draft, const Draft* before) {
  if (!before || draft.text("kind") == before->text("kind")) return Status::ok();
  sql::Stmt& s = impl_of(store).db->cached("SELECT 1 FROM responses WHERE survey = ? AND deleted = 0 LIMIT 1");
  s.bind(1, draft.id);
  bool answered = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return answered ? invalid("people have answered this survey, so its kind stays " + before->text("kind")) : Status::ok();
}

Status check_survey(Store& store, Draft& draft, const Draft* before) {
  DEBRIEF_TRY(kind_kept(store, draft, before));
  Json questions = Json::parse(draft.text("questions"), nullptr, false);
  Result<std::shared_ptr<const Survey>> parsed = cached_survey(store, questions.dump());
  if (!parsed.is_ok()) return invalid("questions: " + parsed.status().message());
  draft.at("questions") = questions.dump();
  return Status::ok();
}

// Answers are tallied by their question's type, and pulses apart: new
// questions or a new kind, new counts.
Status recount_if_questions(Store& store, const Id& id, const FieldSpec& field) {
  return field.name == "questions" || field.name == "kind" ? recount_survey(store, id) : Status::ok();
}

}  // namespace

Result<std::shared_ptr<const Survey>> cached_survey(Store& store, const std::string& questions) {
  Store::Impl& impl = impl_of(store);
  auto it = impl.surveys.find(questions);
  if (it != impl.surveys.end()) return it->second;
  Json doc = Json::parse(questions, nullptr, false);
  Result<Survey> s = Survey::parse(doc);
  DEBRIEF_TRY(s.status());
  // Memory stays bounded whatever surveys a server is pushed (each up to
  // 256 KiB): surveys are few, so starting over is rare and cheap.
  if (impl.surveys.size() >= kCachedSurveys || impl.surveys_bytes + questions.size() > kCachedSurveyBytes) {
    impl.surveys.clear();
    impl.surveys_bytes = 0;
  }
  auto shared = std::make_shared<const Survey>(std::move(*s));
  impl.surveys.emplace(questions, shared);
  impl.surveys_bytes += questions.size();
  return shared;
}

Result<std::shared_ptr<const Survey>> load_survey(Store& store, const Id& id) {
  Result<Draft> d = load_draft(store, spec_of(Kind::survey), id);
  DEBRIEF_TRY(d.status());
  return cached_survey(store, d->text("questions"));
}

Result<const Survey*> SurveyLookup::find(Store& store, const Id& id) {
  auto it = surveys_.find(id);
  if (it == surveys_.end()) {
    Result<std::shared_ptr<const Survey>> parsed = load_survey(store, id);
    DEBRIEF_TRY(parsed.status());
    it = surveys_.emplace(id, *parsed).first;
  }
  return it->second.get();
}

const KindRules kSurveyRules{.check = check_survey, .after_set = recount_if_questions};

}  // namespace debrief
