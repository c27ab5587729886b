// Which colleagues a text criticises by name (named_criticism.h): how
// people are named, which clause decides, and texts that own the problem.
#include "debrief/named_criticism.h"
#include "debrief/text_check.h"
#include "test_support.h"

using namespace debrief;

namespace {

Id person(std::uint8_t n) {
  Id id;
  id.bytes[15] = n;
  return id;
}

const std::vector<NamedPerson> kDirectory{{person(1), "Priya Raman"}, {person(2), "Tom Becker"},
                                          {person(3), "Sam Okafor"},  {person(4), "Sam Lindqvist"}};

std::vector<Id> criticised(std::string_view text) { return criticised_people(text, kDirectory); }

}  // namespace

TEST_CASE("a colleague criticised by full name, unique first name, possessive or mention is found", "[have_their_backs]") {
  CHECK(criticised("Tom Becker ruined the demo because he never tested the build.") == std::vector<Id>{person(2)});
  CHECK(criticised("Priya's slides were a mess and nobody could follow them.") == std::vector<Id>{person(1)});
  CHECK(criticised("@priya ignored every question and the session was awful.") == std::vector<Id>{person(1)});
  CHECK(criticised("The talk by @sam.okafor was boring and useless.") == std::vector<Id>{person(3)});
  CHECK(criticised("Tom and Priya spent the panel contradicting each other, a terrible waste of time.") ==
        std::vector<Id>{person(1), person(2)});  // in the directory's order, each once
}

TEST_CASE("praise, plain mentions and a shared first name criticise nobody", "[have_their_backs]") {
  CHECK(criticised("Tom stayed late to fix the projector, brilliant.").empty());
  CHECK(criticised("Priya will send the slides on Monday.").empty());
  CHECK(criticised("Sam was late and the workshop was a disaster.").empty());  // which Sam?
  CHECK(criticised("Tommy and Samantha were awful.").empty());                 // other names, not these
}

TEST_CASE("the clause after 'but' decides, and owning the problem criticises nobody", "[have_their_backs]") {
  CHECK(criticised("The food was lovely, but Tom's session was a terrible waste of an afternoon.") ==
        std::vector<Id>{person(2)});
  CHECK(criticised("Tom's intro was a disaster, but the workshop afterwards was excellent.") ==
        std::vector<Id>{person(2)});  // what is said of him stands
  CHECK(criticised("The venue was awful, but Priya saved the day.").empty());
  CHECK(criticised("We missed Priya's talk because our session overran, my fault for not watching the clock.").empty());
  CHECK(criticised("The bus was late, which wasn't Tom's fault at all.").empty());
}

TEST_CASE("the text check flags criticism, taken credit and vague praise, with a rewording", "[have_their_backs]") {
  TextCheck blame = check_text("Tom's demo crashed and Tom Becker wasted the morning.", kDirectory);
  CHECK(blame.criticises == std::vector<Id>{person(2)});
  CHECK(blame.rewording == "Our demo crashed and we wasted the morning.");  // owning it, not blaming him
  CHECK(blame.advice.size() == 1);
  TextCheck credit = check_text("As I always say, thanks to my leadership the launch went well.", kDirectory);
  CHECK(credit.takes_credit);
  CHECK(credit.criticises.empty());
  CHECK(credit.rewording == "Thanks to the team's work the launch went well.");
  CHECK(check_text("Great job everyone, thanks for all your hard work!", kDirectory).vague);
  TextCheck specific = check_text("Priya rebuilt the demo after the server crashed, so the keynote started on time.", kDirectory);
  CHECK_FALSE(specific.vague);
  CHECK(specific.advice.empty());
  CHECK(specific.rewording.empty());
  CHECK(check_text("Tomorrow Tom presents the roadmap.", kDirectory).rewording.empty());  // nothing to reword
  Json j = to_json(blame);
  CHECK(j["criticises"] == Json::array({person(2).hex()}));
  CHECK(j["takes_credit"] == false);
  CHECK(j["vague"] == false);
}
