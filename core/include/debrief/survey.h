// Surveys as small decision trees: typed questions, and rules that show or
// skip a question depending on earlier answers.
//
// A survey's "questions" field is a JSON array, asked in order:
//   {"id": "score", "type": "rating", "text": "How was the day?", "required": true}
//   {"id": "why", "type": "text", "text": "What went wrong?",
//    "show_if": {"q": "score", "op": "<=", "value": 2}}
// Types: rating (1-5), enps (0-10), single and multi (with "options"), text,
// and triad (what to do more of, less of, and stop).
// A rule is a comparison {"q", "op", "value"} with op one of = != < <= > >=
// (numbers), "is" / "is_not" (a choice), "includes" (a multi answer),
// "answered"; or {"all": [rules]} / {"any": [rules]}. Rules may only look at
// earlier questions, so the tree is walked front to back in one pass.
//
// Answers are a JSON object from question id to value: a number for rating
// and enps, an option for single, an array of options for multi, a string for
// text, and {"more": "...", "less": "...", "stop": "..."} (each optional) for
// a triad. A member set to null marks a question the person chose to skip.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief {

class Store;

using Json = nlohmann::json;

enum class QuestionType { rating, enps, single, multi, text, triad };

struct Rule;

struct Question {
  std::string id;
  QuestionType type = QuestionType::text;
  std::string text;
  bool required = false;
  std::vector<std::string> options;  // single and multi
  std::shared_ptr<const Rule> show_if;  // null: always shown
};

// A parsed, checked question list. Immutable and thread-safe once made.
class Survey {
 public:
  // Parses and checks a "questions" document: unique ids, known types,
  // options where needed, rules that name earlier questions with values of
  // the right type. Errors name the question and say what is wrong.
  static Result<Survey> parse(const Json& questions);

  const std::vector<Question>& questions() const { return questions_; }
  const Question* find(std::string_view id) const;

  // Whether `q` is shown given `answers` (rules see only earlier answers).
  bool is_shown(const Question& q, const Json& answers) const;

  // The first shown question that `answers` has no member for, or null when
  // the survey is complete. This is how the wizard walks the tree.
  const Question* next_question(const Json& answers) const;

  // Ok when `answers` is a complete, valid walk: every member names a
  // question, no skipped (hidden) question has an answer, every shown
  // required question has one, and every value has the right type and range.
  Status check_answers(const Json& answers) const;

  // Checks one answer value for `q` (null always passes).
  static Status check_value(const Question& q, const Json& value);

 private:
  std::vector<Question> questions_;
};

const char* question_type_name(QuestionType type);

// The parsed questions of the survey `id` in `store`, deleted or not
// (parsed once and kept while the store is open); not_found when there is
// none.
Result<std::shared_ptr<const Survey>> load_survey(Store& store, const Id& id);

}  // namespace debrief
