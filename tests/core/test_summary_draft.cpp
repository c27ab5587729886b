// Drafting "what we heard, what we'll do" from a review.
#include "debrief/summary_draft.h"
#include "test_support.h"

using namespace debrief;

namespace {

EventReview shown_review() {
  EventReview r;
  GroupResults all;
  all.name = "everyone";
  all.disclosure.shown = true;
  all.responses = 9;  // two people answered two surveys
  all.people = 7;
  all.invited = 8;
  all.participated = 7;
  all.response_rate = 0.875;
  all.mean_rating = 24.0 / 7;
  all.enps = 0;
  r.event.groups.push_back(all);
  Theme lunch, talks;
  lunch.phrase = "team lunch";
  lunch.count = lunch.positive = 2;
  lunch.examples = {"a team lunch"};
  talks.phrase = "long talks";
  talks.count = talks.negative = 1;
  r.event.themes["more"] = {lunch};
  r.event.themes["stop"] = {talks};
  r.spirit.before = {{true, ""}, 3, 3, 7.0 / 3};
  r.spirit.after = {{true, ""}, 3, 3, 13.0 / 3};
  r.spirit.change = 2.0;
  return r;
}

}  // namespace

TEST_CASE("a draft states the results, the themes and a line to complete per theme", "[summary]") {
  SummaryDraft d = draft_summary(shown_review());
  CHECK(d.heard ==
        "7 people answered, 7 of the 8 people invited (88%). The average rating was 3.4 out of 5. The eNPS was +0.\n"
        "Team spirit went from 2.3 before the event to 4.3 after it.\n"
        "You asked for more of: \u201cteam lunch\u201d (2 answers).\n"
        "You asked us to stop: \u201clong talks\u201d (1 answer).\n");
  CHECK(d.will_do ==
        "- On \u201cteam lunch\u201d (you asked for more): \n"
        "- On \u201clong talks\u201d (you asked us to stop): \n");
}

TEST_CASE("a draft of a withheld event gives the reason and no numbers", "[summary][privacy]") {
  EventReview r;
  GroupResults all;
  all.name = "everyone";
  all.disclosure = {false, "withheld: fewer than 5 people answered"};
  r.event.groups.push_back(all);
  SummaryDraft d = draft_summary(r);
  CHECK(d.heard == "Too few people answered to share results (withheld: fewer than 5 people answered).\n");
  CHECK(d.will_do.empty());
}

TEST_CASE("a draft of an event nobody answered says so", "[summary]") {
  EventReview r;
  GroupResults all;
  all.name = "everyone";
  all.disclosure = {false, kNoResponsesYet};
  r.event.groups.push_back(all);
  CHECK(draft_summary(r).heard == "Nobody has answered yet.\n");
}
