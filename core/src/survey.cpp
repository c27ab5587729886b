#include "debrief/survey.h"

#include <algorithm>
#include <map>

#include "debrief/text.h"

namespace debrief {

// A rule node: a comparison on one earlier question, or all/any of others.
struct Rule {
  enum class Op { eq, ne, lt, le, gt, ge, is, is_not, includes, answered, all, any };
  Op op = Op::answered;
  std::string question;
  Json value;
  std::vector<Rule> children;
};

namespace {

constexpr std::size_t kMaxQuestions = 200;
constexpr std::size_t kMaxOptions = 50;
constexpr std::size_t kMaxAnswerText = 4000;
constexpr int kMaxRuleDepth = 8;

const std::map<std::string, QuestionType, std::less<>> kTypes{
    {"rating", QuestionType::rating}, {"enps", QuestionType::enps},
    {"single", QuestionType::single}, {"multi", QuestionType::multi},
    {"text", QuestionType::text},     {"triad", QuestionType::triad}};

const std::map<std::string, Rule::Op, std::less<>> kOps{
    {"=", Rule::Op::eq},          {"!=", Rule::Op::ne},  {"<", Rule::Op::lt},
    {"<=", Rule::Op::le},         {">", Rule::Op::gt},   {">=", Rule::Op::ge},
    {"is", Rule::Op::is},         {"is_not", Rule::Op::is_not},
    {"includes", Rule::Op::includes}, {"answered", Rule::Op::answered}};

bool is_numeric(QuestionType t) { return t == QuestionType::rating || t == QuestionType::enps; }

std::string where(const std::string& qid) { return "question '" + qid + "': "; }

Result<Rule> parse_rule(const Json& j, const std::map<std::string, const Question*>& earlier,
                        const std::string& qid, int depth) {
  if (depth > kMaxRuleDepth) return invalid(where(qid) + "show_if nests too deeply");
  if (!j.is_object()) return invalid(where(qid) + "show_if must be an object");
  Rule r;
  for (const char* combiner : {"all", "any"}) {
    if (!j.contains(combiner)) continue;
    const Json& list = j[combiner];
    if (!list.is_array() || list.empty())
      return invalid(where(qid) + "'" + combiner + "' needs a non-empty list of rules");
    r.op = std::string_view(combiner) == "all" ? Rule::Op::all : Rule::Op::any;
    for (const Json& c : list) {
      Result<Rule> child = parse_rule(c, earlier, qid, depth + 1);
      DEBRIEF_TRY(child.status());
      r.children.push_back(std::move(*child));
    }
    return r;
  }
  if (!j.contains("q") || !j["q"].is_string() || !j.contains("op") || !j["op"].is_string())
    return invalid(where(qid) + "a rule needs \"q\" (an earlier question) and \"op\", or \"all\"/\"any\"");
  r.question = j["q"].get<std::string>();
  auto target = earlier.find(r.question);
  if (target == earlier.end())
    return invalid(where(qid) + "show_if may only refer to an earlier question, not '" + r.question + "'");
  auto op = kOps.find(j["op"].get<std::string>());
  if (op == kOps.end()) return invalid(where(qid) + "unknown rule op '" + j["op"].get<std::string>() + "'");
  r.op = op->second;
  if (r.op == Rule::Op::answered) return r;
  if (!j.contains("value")) return invalid(where(qid) + "the rule needs a \"value\"");
  r.value = j["value"];
  const Question& t = *target->second;
  bool numeric_op = r.op <= Rule::Op::ge;
  if (numeric_op && !(is_numeric(t.type) && r.value.is_number()))
    return invalid(where(qid) + "compare the rating or eNPS question '" + t.id + "' with a number");
  if (!numeric_op) {
    bool choice = t.type == QuestionType::single || t.type == QuestionType::multi;
    bool known = r.value.is_string() && std::count(t.options.begin(), t.options.end(), r.value.get<std::string>());
    if (!choice || !known)
      return invalid(where(qid) + "'" + j["op"].get<std::string>() + "' needs a choice question and one of its options");
    if ((r.op == Rule::Op::includes) != (t.type == QuestionType::multi))
      return invalid(where(qid) + "use 'includes' for multi questions and 'is'/'is_not' for single ones");
  }
  return r;
}

bool eval(const Rule& r, const Json& answers) {
  switch (r.op) {
    case Rule::Op::all:
      return std::all_of(r.children.begin(), r.children.end(), [&](const Rule& c) { return eval(c, answers); });
    case Rule::Op::any:
      return std::any_of(r.children.begin(), r.children.end(), [&](const Rule& c) { return eval(c, answers); });
    default: break;
  }
  auto it = answers.find(r.question);
  if (it == answers.end() || it->is_null()) return false;  // unanswered: no comparison holds
  const Json& a = *it;
  switch (r.op) {
    case Rule::Op::answered: return true;
    case Rule::Op::eq: return a.is_number() && a.get<double>() == r.value.get<double>();
    case Rule::Op::ne: return a.is_number() && a.get<double>() != r.value.get<double>();
    case Rule::Op::lt: return a.is_number() && a.get<double>() < r.value.get<double>();
    case Rule::Op::le: return a.is_number() && a.get<double>() <= r.value.get<double>();
    case Rule::Op::gt: return a.is_number() && a.get<double>() > r.value.get<double>();
    case Rule::Op::ge: return a.is_number() && a.get<double>() >= r.value.get<double>();
    case Rule::Op::is: return a == r.value;
    case Rule::Op::is_not: return a != r.value;
    case Rule::Op::includes: return a.is_array() && std::find(a.begin(), a.end(), r.value) != a.end();
    default: return false;
  }
}

Result<Question> parse_question(const Json& j, const std::map<std::string, const Question*>& earlier) {
  if (!j.is_object()) return invalid("each question must be a JSON object");
  Question q;
  if (!j.contains("id") || !j["id"].is_string() || j["id"].get<std::string>().empty() ||
      j["id"].get<std::string>().size() > 64)
    return invalid("each question needs an \"id\" (text, at most 64 bytes)");
  q.id = j["id"].get<std::string>();
  if (!is_valid_utf8(q.id)) return invalid("a question id is not valid UTF-8");
  if (earlier.count(q.id)) return invalid(where(q.id) + "the id is used twice");
  auto type = j.contains("type") && j["type"].is_string() ? kTypes.find(j["type"].get<std::string>()) : kTypes.end();
  if (type == kTypes.end())
    return invalid(where(q.id) + "\"type\" must be rating, enps, single, multi, text or triad");
  q.type = type->second;
  if (!j.contains("text") || !j["text"].is_string()) return invalid(where(q.id) + "needs \"text\"");
  q.text = j["text"].get<std::string>();
  DEBRIEF_TRY(check_text(where(q.id) + "text", q.text, 1000, true));
  if (j.contains("required")) {
    if (!j["required"].is_boolean()) return invalid(where(q.id) + "\"required\" must be true or false");
    q.required = j["required"].get<bool>();
  }
  bool choice = q.type == QuestionType::single || q.type == QuestionType::multi;
  if (choice) {
    if (!j.contains("options") || !j["options"].is_array() || j["options"].size() < 2 ||
        j["options"].size() > kMaxOptions)
      return invalid(where(q.id) + "a choice question needs \"options\": 2 to 50 texts");
    for (const Json& o : j["options"]) {
      if (!o.is_string()) return invalid(where(q.id) + "options must be texts");
      DEBRIEF_TRY(check_text(where(q.id) + "option", o.get<std::string>(), 200, true));
      if (std::count(q.options.begin(), q.options.end(), o.get<std::string>()))
        return invalid(where(q.id) + "option '" + o.get<std::string>() + "' is listed twice");
      q.options.push_back(o.get<std::string>());
    }
  } else if (j.contains("options")) {
    return invalid(where(q.id) + "only single and multi questions have options");
  }
  if (j.contains("show_if")) {
    Result<Rule> rule = parse_rule(j["show_if"], earlier, q.id, 0);
    DEBRIEF_TRY(rule.status());
    q.show_if = std::make_shared<const Rule>(std::move(*rule));
  }
  for (const auto& [key, value] : j.items()) {
    static const std::vector<std::string> known{"id", "type", "text", "required", "options", "show_if"};
    if (std::find(known.begin(), known.end(), key) == known.end())
      return invalid(where(q.id) + "unknown member '" + key + "'");
  }
  return q;
}

}  // namespace

const char* question_type_name(QuestionType type) {
  for (const auto& [name, t] : kTypes)
    if (t == type) return name.c_str();
  return "text";
}

Result<Survey> Survey::parse(const Json& questions) {
  if (!questions.is_array() || questions.empty())
    return invalid("questions must be a non-empty JSON array");
  if (questions.size() > kMaxQuestions) return Status(Code::too_large, "a survey has at most 200 questions");
  Survey s;
  s.questions_.reserve(questions.size());
  std::map<std::string, const Question*> earlier;
  for (const Json& j : questions) {
    Result<Question> q = parse_question(j, earlier);
    DEBRIEF_TRY(q.status());
    s.questions_.push_back(std::move(*q));
    earlier[s.questions_.back().id] = &s.questions_.back();
  }
  return s;
}

const Question* Survey::find(std::string_view id) const {
  for (const Question& q : questions_)
    if (q.id == id) return &q;
  return nullptr;
}

bool Survey::is_shown(const Question& q, const Json& answers) const {
  return !q.show_if || eval(*q.show_if, answers);
}

const Question* Survey::next_question(const Json& answers) const {
  for (const Question& q : questions_) {
    if (!is_shown(q, answers)) continue;
    if (!answers.is_object() || !answers.contains(q.id)) return &q;
  }
  return nullptr;
}

Status Survey::check_value(const Question& q, const Json& v) {
  if (v.is_null()) return Status::ok();
  const std::string at = "answer to '" + q.id + "'";
  switch (q.type) {
    case QuestionType::rating:
    case QuestionType::enps: {
      int lo = q.type == QuestionType::rating ? 1 : 0, hi = q.type == QuestionType::rating ? 5 : 10;
      if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi)
        return invalid(at + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return Status::ok();
    }
    case QuestionType::single:
      if (!v.is_string() || !std::count(q.options.begin(), q.options.end(), v.get<std::string>()))
        return invalid(at + " must be one of its options");
      return Status::ok();
    case QuestionType::multi: {
      if (!v.is_array()) return invalid(at + " must be a list of its options");
      std::vector<std::string> seen;
      for (const Json& o : v) {
        if (!o.is_string() || !std::count(q.options.begin(), q.options.end(), o.get<std::string>()))
          return invalid(at + " must list only its options");
        if (std::count(seen.begin(), seen.end(), o.get<std::string>()))
          return invalid(at + " lists '" + o.get<std::string>() + "' twice");
        seen.push_back(o.get<std::string>());
      }
      return Status::ok();
    }
    case QuestionType::text:
      if (!v.is_string()) return invalid(at + " must be text");
      return check_text(at, v.get<std::string>(), kMaxAnswerText, false);
    case QuestionType::triad: {
      if (!v.is_object()) return invalid(at + " must be an object with \"more\", \"less\" and/or \"stop\"");
      for (const auto& [part, text] : v.items()) {
        if (part != "more" && part != "less" && part != "stop")
          return invalid(at + ": '" + part + "' is not one of more, less, stop");
        if (!text.is_string()) return invalid(at + ": '" + part + "' must be text");
        DEBRIEF_TRY(check_text(at + " (" + part + ")", text.get<std::string>(), kMaxAnswerText, false));
      }
      return Status::ok();
    }
  }
  return Status::ok();
}

Status Survey::check_answers(const Json& answers) const {
  if (!answers.is_object()) return invalid("answers must be a JSON object of question id -> answer");
  for (const auto& [id, value] : answers.items()) {
    if (!find(id)) return invalid("the survey has no question '" + id + "'");
  }
  for (const Question& q : questions_) {
    auto it = answers.find(q.id);
    bool answered = it != answers.end() && !it->is_null();
    if (!is_shown(q, answers)) {
      if (answered) return invalid("'" + q.id + "' was skipped by the survey's branches given the earlier answers, so it cannot be answered");
      continue;
    }
    if (q.required && !answered) return invalid("'" + q.id + "' (" + q.text + ") is required");
    if (answered) DEBRIEF_TRY(check_value(q, *it));
  }
  return Status::ok();
}

}  // namespace debrief
