// Surveys as decision trees: the walker and the checks on a finished walk.
#include "debrief/survey.h"
#include "fixture.h"

using namespace debrief;
using test::ok;

namespace {

Survey pulse() {
  return ok(Survey::parse(Json::parse(R"([
    {"id":"spirit","type":"rating","text":"Team spirit?","required":true},
    {"id":"energy","type":"single","text":"Energy?","options":["drained","okay","energised"],"required":true},
    {"id":"why","type":"text","text":"What weighs on you?","show_if":{"any":[{"q":"spirit","op":"<=","value":2},{"q":"energy","op":"is","value":"drained"}]}},
    {"id":"both","type":"text","text":"What made it great?","show_if":{"all":[{"q":"spirit","op":">=","value":4},{"q":"energy","op":"is","value":"energised"}]}},
    {"id":"nps","type":"enps","text":"Recommend us?"}])")));
}

std::string next_id(const Survey& s, const Json& answers) {
  const Question* q = s.next_question(answers);
  return q ? q->id : "done";
}

}  // namespace

TEST_CASE("the walker asks the next shown question given the answers so far", "[survey]") {
  Survey s = pulse();
  CHECK(next_id(s, Json::object()) == "spirit");
  CHECK(next_id(s, {{"spirit", 1}}) == "energy");
  CHECK(next_id(s, {{"spirit", 1}, {"energy", "okay"}}) == "why");        // any: low spirit
  CHECK(next_id(s, {{"spirit", 3}, {"energy", "drained"}}) == "why");     // any: drained
  CHECK(next_id(s, {{"spirit", 3}, {"energy", "okay"}}) == "nps");        // neither branch
  CHECK(next_id(s, {{"spirit", 5}, {"energy", "energised"}}) == "both");  // all
  CHECK(next_id(s, {{"spirit", 5}, {"energy", "okay"}}) == "nps");
  CHECK(next_id(s, {{"spirit", 3}, {"energy", "okay"}, {"nps", nullptr}}) == "done");  // skipped optional
}

TEST_CASE("a finished walk is checked against the tree", "[survey]") {
  Survey s = pulse();
  CHECK(s.check_answers({{"spirit", 1}, {"energy", "okay"}, {"why", "workload"}}).is_ok());
  CHECK(!s.check_answers({{"spirit", 5}, {"energy", "okay"}, {"why", "x"}}).is_ok());  // skipped
  CHECK(!s.check_answers({{"spirit", 5}}).is_ok());                                     // required
  CHECK(!s.check_answers({{"spirit", 0}, {"energy", "okay"}}).is_ok());                 // range
  CHECK(!s.check_answers({{"spirit", 3}, {"energy", "okay"}, {"nps", 11}}).is_ok());    // eNPS range
  CHECK(!s.check_answers({{"spirit", 3}, {"energy", "sleepy"}}).is_ok());               // option
  CHECK(!s.check_answers({{"spirit", 3}, {"energy", "okay"}, {"zzz", 1}}).is_ok());     // unknown id
}

TEST_CASE("malformed trees are refused with the question named", "[survey]") {
  auto err = [](const char* doc) { return Survey::parse(Json::parse(doc)).status().message(); };
  CHECK(err(R"([{"id":"a","type":"rating","text":"A"},{"id":"a","type":"text","text":"B"}])").find("used twice") != std::string::npos);
  CHECK(err(R"([{"id":"a","type":"stars","text":"A"}])").find("'a'") != std::string::npos);
  CHECK(err(R"([{"id":"a","type":"single","text":"A","options":["x"]}])").find("2 to 50") != std::string::npos);
  CHECK(err(R"([{"id":"a","type":"rating","text":"A"},{"id":"b","type":"text","text":"B","show_if":{"q":"a","op":"is","value":"x"}}])").find("choice question") != std::string::npos);
}
