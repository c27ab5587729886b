#include "debrief/api_json.h"

namespace debrief {
namespace {

double rounded(double x, double scale) {
  return static_cast<double>(static_cast<long long>(x * scale + (x < 0 ? -0.5 : 0.5))) / scale;
}

}  // namespace

nlohmann::json to_json(const Question& q) {
  nlohmann::json j = {{"id", q.id}, {"type", question_type_name(q.type)}, {"text", q.text}, {"required", q.required}};
  if (!q.options.empty()) j["options"] = q.options;
  return j;
}

nlohmann::json next_step_json(const Survey& survey, const nlohmann::json& answers) {
  const Question* q = survey.next_question(answers);
  return q ? to_json(*q) : nlohmann::json{{"complete", true}};
}

nlohmann::json to_json(const SentimentScore& s) {
  return {{"compound", rounded(s.compound, 1e4)},
          {"label", sentiment_label_name(s.label)},
          {"positive", rounded(s.positive, 1e3)},
          {"neutral", rounded(s.neutral, 1e3)},
          {"negative", rounded(s.negative, 1e3)}};
}

nlohmann::json to_json(const SentimentExplanation& e, std::size_t max_reasons) {
  nlohmann::json j = to_json(e.score);
  nlohmann::json reasons = nlohmann::json::array();
  for (std::size_t i = 0; i < e.reasons.size() && i < max_reasons; ++i) {
    const SentimentReason& r = e.reasons[i];
    reasons.push_back({{"phrase", r.phrase},
                       {"weight", rounded(r.weight, 1e3)},
                       {"positive", rounded(r.positive, 1e3)},
                       {"neutral", rounded(r.neutral, 1e3)},
                       {"negative", rounded(r.negative, 1e3)}});
  }
  j["reasons"] = std::move(reasons);
  return j;
}

}  // namespace debrief
