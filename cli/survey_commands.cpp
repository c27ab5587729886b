// `debrief survey next` and `debrief survey walk`: a survey one question at a
// time, following its branches.
#include <iostream>

#include "debrief/json_input.h"
#include "context.h"
#include "debrief/api_json.h"
#include "debrief/fields.h"
#include "debrief/survey.h"

namespace debrief::cli {
namespace {

struct WalkInputs {
  std::vector<std::string> given;  // --answer ID=VALUE
  std::string survey, event, activity, answers_json;
  bool anonymous = false;
};

std::shared_ptr<const Survey> load(Store& store, const std::string& which, Id& id) {
  id = must(resolve_id(store, Kind::survey, which));
  return must(load_survey(store, id));
}

// "talks, games, food"
std::string joined(const std::vector<std::string>& options) {
  std::string out;
  for (const std::string& o : options) out += (out.empty() ? "" : ", ") + o;
  return out;
}

std::string hint(const Question& q) {
  switch (q.type) {
    case QuestionType::rating: return "1-5";
    case QuestionType::enps: return "0-10";
    case QuestionType::single: return "one of: " + joined(q.options);
    case QuestionType::multi: return "comma-separated, from: " + joined(q.options);
    case QuestionType::text: return "text";
    case QuestionType::triad: return "three lines: more of, less of, stop";
  }
  return "";
}

// Reads one line; false at the end of input.
bool read_line(std::string& line) { return static_cast<bool>(std::getline(std::cin, line)); }

// The typed answer for `q` from what the person entered; null for blank.
Json parse_answer(const Question& q, const std::string& line) {
  if (line.empty()) return nullptr;
  switch (q.type) {
    case QuestionType::rating:
    case QuestionType::enps: {
      Json n = Json::parse(line, nullptr, false);
      return n.is_number() ? n : Json(line);
    }
    case QuestionType::multi: {
      Json list = Json::array();
      std::size_t start = 0;
      while (start <= line.size()) {
        std::size_t comma = line.find(',', start);
        std::string item = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        while (!item.empty() && item.front() == ' ') item.erase(0, 1);
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) list.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      return list;
    }
    default: return line;
  }
}

// Asks `q` until the answer is valid or input ends (then: skipped).
Json ask(const Question& q) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::cerr << "\n" << q.text << (q.required ? " *" : " (Enter to skip)") << "\n  [" << hint(q) << "] > ";
    Json answer;
    std::string line;
    if (q.type == QuestionType::triad) {
      answer = Json::object();
      for (const char* part : {"more", "less", "stop"}) {
        if (std::string_view(part) != "more") std::cerr << "  " << part << " > ";
        if (!read_line(line)) return nullptr;
        if (!line.empty()) answer[part] = line;
      }
    } else {
      if (!read_line(line)) return nullptr;
      answer = parse_answer(q, line);
    }
    if (answer.is_null() && q.required) {
      std::cerr << "  this question is required\n";
      continue;
    }
    Status ok = Survey::check_value(q, answer);
    if (ok.is_ok()) return answer;
    std::cerr << "  " << ok.message() << "\n";
  }
  return nullptr;
}

// Answers given as --answer ID=VALUE, typed by their question.
Json answers_from_flags(const Survey& survey, const std::vector<std::string>& given) {
  Json answers = Json::object();
  for (const std::string& g : given) {
    auto eq = g.find('=');
    const Question* q = eq == std::string::npos ? nullptr : survey.find(g.substr(0, eq));
    if (!q) throw CommandError{invalid("--answer takes ID=VALUE with a question id of this survey, not '" + g + "'")};
    if (q->type == QuestionType::triad) {
      throw CommandError{invalid("answer the triad '" + q->id + "' when asked, or with response create --answers")};
    }
    answers[q->id] = parse_answer(*q, g.substr(eq + 1));
  }
  return answers;
}

void add_next(CLI::App& group, Context& ctx) {
  CLI::App* cmd = group.add_subcommand("next", "the next question, given the answers so far");
  cmd->fallthrough();
  static WalkInputs in;
  cmd->add_option("survey", in.survey, "the survey's id, unique prefix or exact title")->required();
  cmd->add_option("--answers", in.answers_json, "the answers so far, as JSON");
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      Id id;
      std::shared_ptr<const Survey> survey = load(ctx.store(), in.survey, id);
      Result<Json> parsed = in.answers_json.empty() ? Result<Json>(Json::object()) : parse_json_input(in.answers_json, "--answers");
      if (!parsed.is_ok()) return Context::fail(parsed.status().message());
      Json answers = std::move(*parsed);
      if (!answers.is_object()) return Context::fail("--answers must be a JSON object");
      if (ctx.json) {
        std::cout << next_step_json(*survey, answers).dump() << "\n";
        return 0;
      }
      const Question* q = survey->next_question(answers);
      if (!q) std::cout << "complete: every shown question has an answer\n";
      else std::cout << q->id << " (" << question_type_name(q->type) << ", " << hint(*q) << "): " << q->text << "\n";
      return 0;
    });
  });
}

void add_walk(CLI::App& group, Context& ctx) {
  CLI::App* cmd = group.add_subcommand("walk", "answer a survey question by question, then save the response");
  cmd->fallthrough();
  static WalkInputs in;
  cmd->add_option("survey", in.survey, "the survey's id, unique prefix or exact title")->required();
  cmd->add_option("--event", in.event, "the event it is about");
  cmd->add_option("--activity", in.activity, "the activity it is about");
  cmd->add_flag("--anonymous", in.anonymous, "answer without your name");
  cmd->add_option("--answer", in.given, "answer a question up front, as ID=VALUE (repeatable; multi: a,b)");
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      Store& store = ctx.store();
      Id id;
      std::shared_ptr<const Survey> survey = load(store, in.survey, id);
      Json answers = answers_from_flags(*survey, in.given);
      while (const Question* q = survey->next_question(answers)) answers[q->id] = ask(*q);
      FieldValues<Kind::response> fields;
      fields.set("survey", id).set("anonymous", in.anonymous).set("answers", answers);
      if (!in.event.empty()) fields.set("event", in.event);
      if (!in.activity.empty()) fields.set("activity", in.activity);
      Id response = must(create(store, fields));
      std::cerr << "\n";
      if (ctx.json) std::cout << Json{{"id", response.hex()}, {"answers", answers}}.dump() << "\n";
      else std::cout << "saved response " << response.hex() << "\n";
      return 0;
    });
  });
}

// The questions' format (survey.h), for `survey create --help`; the README's
// "Survey questions" holds the same example.
constexpr const char* kQuestionsFormat = R"(
--questions is a JSON array of questions, asked in order; each is an object:
  "id"        unique in the survey; answers are keyed by it (at most 64 bytes)
  "type"      rating (1-5), enps (0-10), single or multi (with "options", a
              list of 2 or more texts), text, or triad (more of, less of, stop)
  "text"      what is asked
  "required"  true when it must be answered (default false)
  "show_if"   ask it only when a rule on earlier answers holds:
              {"q": ID, "op": OP, "value": V}, OP one of = != < <= > >= (a
              rating or enps), is / is_not (a single's option), includes (a
              multi's option), or answered (no "value"); or {"all": [rules]}
              or {"any": [rules]}
Example (debrief survey create --title After --kind post_event --questions @after.json):
[
  {"id": "score", "type": "rating", "text": "How was the day?", "required": true},
  {"id": "wrong", "type": "text", "text": "What went wrong?",
   "show_if": {"q": "score", "op": "<=", "value": 2}},
  {"id": "best", "type": "single", "text": "The best part?", "options": ["talks", "games", "food"]},
  {"id": "which_games", "type": "multi", "text": "Which games?", "options": ["quiz", "escape room", "karaoke"],
   "show_if": {"q": "best", "op": "is", "value": "games"}},
  {"id": "recommend", "type": "enps", "text": "Would you recommend it to a colleague?"},
  {"id": "next", "type": "triad", "text": "Next time: more of, less of, stop?",
   "show_if": {"any": [{"q": "score", "op": ">=", "value": 4}, {"q": "wrong", "op": "answered"}]}}
]
)";

}  // namespace

void add_survey_commands(CLI::App& app, Context& ctx) {
  CLI::App* group = app.get_subcommand("survey");
  CLI::App* create = group->get_subcommand("create");
  create->footer(create->get_footer() + kQuestionsFormat);
  add_next(*group, ctx);
  add_walk(*group, ctx);
}

}  // namespace debrief::cli
