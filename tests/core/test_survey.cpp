// Surveys as small decision trees: parsing and checking a tree, walking it
// question by question, and checking a finished walk.
#include "debrief/survey.h"
#include "store_impl.h"
#include "survey_cache.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// After a rating: a low score asks what went wrong, a high one what to keep.
// Then an energy question, and rules combining both with any/all.
Survey branching() {
  return ok(Survey::parse(Json::parse(R"([
    {"id":"score","type":"rating","text":"How was the day?","required":true},
    {"id":"wrong","type":"text","text":"What went wrong?","show_if":{"q":"score","op":"<=","value":2}},
    {"id":"keep","type":"text","text":"What should we keep?","show_if":{"q":"score","op":">=","value":4}},
    {"id":"energy","type":"single","text":"Energy?","options":["drained","okay","energised"],"required":true},
    {"id":"weighs","type":"text","text":"What weighs on you?","show_if":{"any":[{"q":"score","op":"<=","value":2},{"q":"energy","op":"is","value":"drained"}]}},
    {"id":"great","type":"text","text":"What made it great?","show_if":{"all":[{"q":"score","op":"=","value":5},{"q":"energy","op":"is","value":"energised"}]}},
    {"id":"parts","type":"multi","text":"Best parts?","options":["talks","games","food"]},
    {"id":"food","type":"text","text":"Which dish?","show_if":{"q":"parts","op":"includes","value":"food"}},
    {"id":"nps","type":"enps","text":"Recommend the team?","show_if":{"q":"energy","op":"is_not","value":"drained"}},
    {"id":"why_nps","type":"text","text":"Why?","show_if":{"q":"nps","op":"answered"}},
    {"id":"triad","type":"triad","text":"More, less, stop?"}])")));
}

std::string next_id(const Survey& s, const Json& answers) {
  const Question* q = s.next_question(answers);
  return q ? q->id : "done";
}

// The ids a walk asks, answering each question with `answer(id)`.
std::vector<std::string> walk(const Survey& s, const std::function<Json(const std::string&)>& answer) {
  std::vector<std::string> asked;
  Json answers = Json::object();
  for (std::size_t i = 0; i <= s.questions().size(); ++i) {
    const Question* q = s.next_question(answers);
    if (!q) break;
    asked.push_back(q->id);
    answers[q->id] = answer(q->id);
  }
  CHECK(s.check_answers(answers).is_ok());
  return asked;
}

std::string parse_error(const char* doc) {
  Result<Survey> r = Survey::parse(Json::parse(doc));
  REQUIRE(!r.is_ok());
  return r.status().message();
}

void check_refused_answers(const Survey& s, const Json& answers, const char* part) {
  Status st = s.check_answers(answers);
  INFO(answers.dump() << " -> " << st.message());
  CHECK(st.code() == Code::invalid_argument);
  CHECK(st.message().find(part) != std::string::npos);
}

const Json kLowDay = {{"score", 1}, {"wrong", "rain"}, {"energy", "okay"}, {"weighs", "deadlines"}};

}  // namespace

TEST_CASE("a low score asks what went wrong and a high one what to keep", "[survey]") {
  Survey s = branching();
  CHECK(next_id(s, Json::object()) == "score");
  CHECK(next_id(s, {{"score", 1}}) == "wrong");
  CHECK(next_id(s, {{"score", 2}}) == "wrong");
  CHECK(next_id(s, {{"score", 4}}) == "keep");
  CHECK(next_id(s, {{"score", 5}}) == "keep");
  CHECK(next_id(s, {{"score", 3}}) == "energy");
}

TEST_CASE("an any rule shows a question when one of its rules holds", "[survey]") {
  Survey s = branching();
  CHECK(next_id(s, {{"score", 1}, {"wrong", "x"}, {"energy", "okay"}}) == "weighs");
  CHECK(next_id(s, {{"score", 3}, {"energy", "drained"}}) == "weighs");
  CHECK(next_id(s, {{"score", 3}, {"energy", "okay"}}) == "parts");
}

TEST_CASE("an all rule shows a question only when every rule holds", "[survey]") {
  Survey s = branching();
  CHECK(next_id(s, {{"score", 5}, {"keep", "x"}, {"energy", "energised"}}) == "great");
  CHECK(next_id(s, {{"score", 5}, {"keep", "x"}, {"energy", "okay"}}) == "parts");
  CHECK(next_id(s, {{"score", 4}, {"keep", "x"}, {"energy", "energised"}}) == "parts");
}

TEST_CASE("includes, is_not and answered rules follow the earlier answers", "[survey]") {
  Survey s = branching();
  const Json base = {{"score", 3}, {"energy", "okay"}};
  Json with_food = base, without_food = base;
  with_food["parts"] = {"talks", "food"};
  without_food["parts"] = {"talks"};
  CHECK(next_id(s, with_food) == "food");
  CHECK(next_id(s, without_food) == "nps");
  without_food["nps"] = 9;
  CHECK(next_id(s, without_food) == "why_nps");
  without_food.erase("nps");
  without_food["nps"] = nullptr;  // skipped: not answered
  CHECK(next_id(s, without_food) == "triad");
}

TEST_CASE("a skipped optional question counts as asked, and the walk ends", "[survey]") {
  Survey s = branching();
  Json answers = kLowDay;
  for (const char* id : {"parts", "nps", "triad"}) answers[id] = nullptr;
  CHECK(next_id(s, answers) == "done");
  CHECK(s.check_answers(answers).is_ok());
}

TEST_CASE("whole walks down different branches ask different questions", "[survey]") {
  Survey s = branching();
  auto low = walk(s, [](const std::string& id) -> Json {
    if (id == "score") return 1;
    if (id == "energy") return "drained";
    return nullptr;
  });
  CHECK(low == std::vector<std::string>{"score", "wrong", "energy", "weighs", "parts", "triad"});
  auto high = walk(s, [](const std::string& id) -> Json {
    if (id == "score") return 5;
    if (id == "energy") return "energised";
    if (id == "nps") return 10;
    return nullptr;
  });
  CHECK(high == std::vector<std::string>{"score", "keep", "energy", "great", "parts", "nps", "why_nps", "triad"});
}

TEST_CASE("a complete walk with every answer type passes the check", "[survey]") {
  Survey s = branching();
  Json answers = kLowDay;
  answers["parts"] = {"food", "games"};
  answers["food"] = "the soup";
  answers["nps"] = 0;
  answers["why_nps"] = "still new";
  answers["triad"] = {{"more", "walks"}, {"less", "slides"}, {"stop", "late finishes"}};
  CHECK(s.check_answers(answers).is_ok());
}

TEST_CASE("answers to questions the branches skipped are refused", "[survey]") {
  Survey s = branching();
  Json answers = {{"score", 5}, {"wrong", "x"}, {"energy", "okay"}};
  check_refused_answers(s, answers, "'wrong' was skipped");
  Json drained = kLowDay;
  drained["energy"] = "drained";
  drained["nps"] = 5;
  check_refused_answers(s, drained, "'nps' was skipped");
}

TEST_CASE("a missing answer to a shown required question is refused", "[survey]") {
  Survey s = branching();
  check_refused_answers(s, {{"score", 5}}, "'energy' (Energy?) is required");
  check_refused_answers(s, {{"score", nullptr}, {"energy", "okay"}}, "'score' (How was the day?) is required");
}

TEST_CASE("ratings and eNPS outside their range, or not whole numbers, are refused", "[survey]") {
  Survey s = branching();
  for (const Json& score : {Json(0), Json(6), Json(3.5), Json("3"), Json(-1)}) {
    check_refused_answers(s, {{"score", score}, {"energy", "okay"}}, "from 1 to 5");
  }
  for (const Json& nps : {Json(-1), Json(11), Json(7.5)}) {
    Json answers = {{"score", 3}, {"energy", "okay"}, {"nps", nps}};
    check_refused_answers(s, answers, "from 0 to 10");
  }
}

TEST_CASE("choices outside a question's options are refused", "[survey]") {
  Survey s = branching();
  check_refused_answers(s, {{"score", 3}, {"energy", "sleepy"}}, "must be one of its options");
  check_refused_answers(s, {{"score", 3}, {"energy", "okay"}, {"parts", {"naps"}}}, "only its options");
  check_refused_answers(s, {{"score", 3}, {"energy", "okay"}, {"parts", "food"}}, "a list of its options");
  check_refused_answers(s, {{"score", 3}, {"energy", "okay"}, {"parts", {"food", "food"}}}, "'food' twice");
}

TEST_CASE("answers to questions the survey does not have are refused", "[survey]") {
  Survey s = branching();
  check_refused_answers(s, {{"score", 3}, {"energy", "okay"}, {"zzz", 1}}, "no question 'zzz'");
  check_refused_answers(s, Json::array({3}), "must be a JSON object");
}

TEST_CASE("a triad takes only more, less and stop, as text", "[survey]") {
  Survey s = branching();
  const Json base = {{"score", 3}, {"energy", "okay"}};
  Json bad_part = base, bad_type = base, not_object = base;
  bad_part["triad"] = {{"more", "walks"}, {"never", "x"}};
  bad_type["triad"] = {{"stop", 3}};
  not_object["triad"] = "walks";
  check_refused_answers(s, bad_part, "'never' is not one of more, less, stop");
  check_refused_answers(s, bad_type, "'stop' must be text");
  check_refused_answers(s, not_object, "must be an object");
}

TEST_CASE("free-text answers over 4000 bytes are refused", "[survey]") {
  Survey s = branching();
  Json answers = kLowDay;
  answers["wrong"] = std::string(4001, 'x');
  Status st = s.check_answers(answers);
  CHECK(st.code() == Code::too_large);
}

TEST_CASE("malformed question lists are refused, naming the question", "[survey]") {
  CHECK(parse_error(R"({"id":"a"})") == "questions must be a non-empty JSON array");
  CHECK(parse_error("[]") == "questions must be a non-empty JSON array");
  CHECK(parse_error(R"([1])") == "each question must be a JSON object");
  CHECK(parse_error(R"([{"type":"text","text":"A"}])").find("needs an \"id\"") != std::string::npos);
  CHECK(parse_error(R"([{"id":"a","type":"rating","text":"A"},{"id":"a","type":"text","text":"B"}])") ==
        "question 'a': the id is used twice");
  CHECK(parse_error(R"([{"id":"a","type":"stars","text":"A"}])").find("question 'a': \"type\" must be") == 0);
  CHECK(parse_error(R"([{"id":"a","type":"text"}])") == "question 'a': needs \"text\"");
  CHECK(parse_error(R"([{"id":"a","type":"text","text":"  "}])").find("cannot be blank") != std::string::npos);
  CHECK(parse_error(R"([{"id":"a","type":"text","text":"A","required":"yes"}])").find("\"required\" must be") !=
        std::string::npos);
  CHECK(parse_error(R"([{"id":"a","type":"text","text":"A","colour":"red"}])") == "question 'a': unknown member 'colour'");
}

TEST_CASE("choice questions need 2 to 50 distinct options, and only they have options", "[survey]") {
  CHECK(parse_error(R"([{"id":"a","type":"single","text":"A","options":["x"]}])").find("2 to 50") != std::string::npos);
  CHECK(parse_error(R"([{"id":"a","type":"multi","text":"A"}])").find("2 to 50") != std::string::npos);
  CHECK(parse_error(R"([{"id":"a","type":"single","text":"A","options":["x","x"]}])").find("listed twice") !=
        std::string::npos);
  CHECK(parse_error(R"([{"id":"a","type":"rating","text":"A","options":["x","y"]}])").find("only single and multi") !=
        std::string::npos);
  Json many = Json::array();
  for (int i = 0; i < 51; ++i) many.push_back("option " + std::to_string(i));
  Json doc = Json::array({{{"id", "a"}, {"type", "single"}, {"text", "A"}, {"options", many}}});
  CHECK(Survey::parse(doc).status().message().find("2 to 50") != std::string::npos);
}

TEST_CASE("rules may only look at earlier questions, with values of the right type", "[survey]") {
  auto after_rating = [](const char* rule) {
    return parse_error((std::string(R"([{"id":"r","type":"rating","text":"R"},{"id":"c","type":"single","text":"C","options":["x","y"]},{"id":"b","type":"text","text":"B","show_if":)") + rule + "}]").c_str());
  };
  CHECK(after_rating(R"({"q":"b","op":"answered"})").find("only refer to an earlier question, not 'b'") != std::string::npos);
  CHECK(after_rating(R"({"q":"nope","op":"answered"})").find("not 'nope'") != std::string::npos);
  CHECK(after_rating(R"({"q":"r","op":"~","value":1})").find("unknown rule op '~'") != std::string::npos);
  CHECK(after_rating(R"({"q":"r","op":"<="})").find("needs a \"value\"") != std::string::npos);
  CHECK(after_rating(R"({"q":"r","op":"<=","value":"2"})").find("with a number") != std::string::npos);
  CHECK(after_rating(R"({"q":"c","op":">","value":1})").find("with a number") != std::string::npos);
  CHECK(after_rating(R"({"q":"r","op":"is","value":"x"})").find("choice question") != std::string::npos);
  CHECK(after_rating(R"({"q":"c","op":"is","value":"z"})").find("one of its options") != std::string::npos);
  CHECK(after_rating(R"({"q":"c","op":"includes","value":"x"})").find("use 'includes' for multi") != std::string::npos);
  CHECK(after_rating(R"({"all":[]})").find("'all' needs a non-empty list") != std::string::npos);
  CHECK(after_rating(R"({"op":"answered"})").find("a rule needs \"q\"") != std::string::npos);
  CHECK(after_rating(R"([])").find("show_if must be an object") != std::string::npos);
}

TEST_CASE("rules nest at most 8 deep", "[survey]") {
  auto nested = [](int depth) {
    Json rule = {{"q", "r"}, {"op", "answered"}};
    for (int i = 0; i < depth; ++i) rule = {{"all", Json::array({rule})}};
    return Json::array({{{"id", "r"}, {"type", "rating"}, {"text", "R"}},
                        {{"id", "b"}, {"type", "text"}, {"text", "B"}, {"show_if", rule}}});
  };
  CHECK(Survey::parse(nested(8)).is_ok());
  CHECK(Survey::parse(nested(9)).status().message().find("nests too deeply") != std::string::npos);
}

TEST_CASE("a survey has at most 200 questions", "[survey]") {
  auto survey_of = [](int n) {
    Json doc = Json::array();
    for (int i = 0; i < n; ++i) doc.push_back({{"id", "q" + std::to_string(i)}, {"type", "text"}, {"text", "Q?"}});
    return Survey::parse(doc);
  };
  CHECK(survey_of(200).is_ok());
  CHECK(survey_of(201).status().code() == Code::too_large);
}

TEST_CASE("a parsed survey keeps its questions in order with their types and options", "[survey]") {
  Survey s = branching();
  REQUIRE(s.questions().size() == 11);
  CHECK(s.questions()[0].id == "score");
  CHECK(s.questions()[0].type == QuestionType::rating);
  CHECK(s.questions()[0].required);
  CHECK(s.find("energy")->options == std::vector<std::string>{"drained", "okay", "energised"});
  CHECK(s.find("nope") == nullptr);
  CHECK(std::string(question_type_name(QuestionType::triad)) == "triad");
}

TEST_CASE("parsed surveys held per store stay within their bound in bytes, however large and many", "[survey]") {
  test::SeededStore s;
  auto big = [](int n) {  // about 200 KiB: 200 questions of 1,000 bytes
    Json q = Json::array();
    for (int i = 0; i < 200; ++i)
      q.push_back({{"id", "q" + std::to_string(i)}, {"type", "text"}, {"text", std::to_string(n) + std::string(990, 'x')}});
    return q.dump();
  };
  for (int n = 0; n < 64; ++n) {  // about 13 MB of questions in all
    std::string questions = big(n);
    std::shared_ptr<const Survey> parsed = test::ok(cached_survey(*s.store, questions));
    CHECK(parsed->questions().size() == 200);
    std::size_t held = 0;
    for (const auto& [document, survey] : impl_of(*s.store).surveys) held += document.size();
    CHECK(held <= kCachedSurveyBytes);
    CHECK(impl_of(*s.store).surveys.size() <= kCachedSurveys);
    CHECK(impl_of(*s.store).surveys.count(questions) == 1);  // the one just parsed is kept
  }
}
