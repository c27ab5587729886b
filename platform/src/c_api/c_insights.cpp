// The C API's survey walk, the manager's review, the agenda check, and sentiment.
#include "c_api_support.h"
#include "debrief/agenda_check.h"
#include "debrief/api_json.h"
#include "debrief/heatmap.h"
#include "debrief/insights.h"
#include "debrief/insights_json.h"
#include "debrief/sentiment.h"
#include "debrief/survey.h"

using namespace debrief;
using namespace debrief::capi;

extern "C" {

int dbf_survey_next(dbf_store* store, const char* survey_id, const char* answers_json, char** question_json,
                    dbf_error* err) {
  clear(question_json);
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    std::shared_ptr<const Survey> survey = must(load_survey(s->store(), id_arg(survey_id, "survey_id")), DBF_DOMAIN_STORE);
    Json answers = answers_json ? json_arg(answers_json, "answers_json") : Json::object();
    give(question_json, next_step_json(*survey, answers).dump());
  });
}

int dbf_insights_event(dbf_store* store, const char* event_id, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    give(json_out, to_json(must(review_event(s->store(), id_arg(event_id, "event_id")), DBF_DOMAIN_STORE)).dump());
  });
}

int dbf_insights_trends(dbf_store* store, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] { give(json_out, to_json(must(team_trends(session_arg(store)->store()), DBF_DOMAIN_STORE)).dump()); });
}

int dbf_insights_heatmap(dbf_store* store, const char* event_id, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    const Heatmap h = event_id ? heatmap_of(must(review_event(s->store(), id_arg(event_id, "event_id")), DBF_DOMAIN_STORE))
                               : must(organisation_heatmap(s->store()), DBF_DOMAIN_STORE);
    give(json_out, to_json(h).dump());
  });
}

int dbf_insights_comments(dbf_store* store, const char* event_id, const char* theme, const char* sentiment,
                          char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    std::optional<SentimentLabel> label;
    if (sentiment) {
      label = sentiment_label_named(text_arg(sentiment, "sentiment"));
      if (!label) must(invalid("sentiment must be positive, neutral or negative, not " + std::string(sentiment)), DBF_DOMAIN_API);
    }
    const std::string wanted = theme ? text_arg(theme, "theme") : std::string();
    std::vector<ReviewComment> comments = must(review_comments(s->store(), id_arg(event_id, "event_id")), DBF_DOMAIN_STORE);
    std::erase_if(comments, [&](const ReviewComment& c) { return !comment_matches(c, wanted, label); });
    give(json_out, to_json(comments).dump());
  });
}

int dbf_event_check(dbf_store* store, const char* event_id, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    give(json_out, to_json(must(check_agenda(s->store(), id_arg(event_id, "event_id")), DBF_DOMAIN_STORE)).dump());
  });
}

int dbf_sentiment(const char* text, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] { give(json_out, to_json(must(score_sentiment(text_arg(text, "text")), DBF_DOMAIN_STORE)).dump()); });
}

int dbf_sentiment_explain(const char* text, unsigned max_reasons, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] {
    give(json_out, to_json(must(explain_sentiment(text_arg(text, "text")), DBF_DOMAIN_STORE), max_reasons).dump());
  });
}

}  // extern "C"
