// The sentiment analyzer's lexicon half (sentiment_lexicon_score.h): signs
// and orderings of scores, never exact values, so the tests hold when a
// lexicon package or an overlay valence moves.
#include <cmath>
#include <string>

#include "debrief/sentiment.h"
#include "sentiment_lexicon_score.h"
#include "test_support.h"

using namespace debrief;

namespace {

SentimentScore score(std::string_view text) {
  INFO(text);
  return sentiment_internal::lexicon_score(sentiment_internal::tokenize(text)).score;
}

double compound(std::string_view text) { return score(text).compound; }

SentimentLabel label(std::string_view text) { return score(text).label; }

}  // namespace

TEST_CASE("words from the published lexicons carry their sign", "[sentiment][lexicon]") {
  CHECK(compound("The workshop was good") > 0);
  CHECK(compound("The workshop was bad") < 0);
  CHECK(label("The workshop was excellent") == SentimentLabel::positive);
  CHECK(label("The workshop was terrible") == SentimentLabel::negative);
  // AFINN-165 words that VADER's lexicon lacks.
  CHECK(compound("The process is inefficient") < 0);
  CHECK(compound("Real dedication from the crew") > 0);
}

TEST_CASE("text without sentiment words is neutral", "[sentiment][lexicon]") {
  SentimentScore s = score("The meeting is on Tuesday in room 4");
  CHECK(s.compound == 0);
  CHECK(s.label == SentimentLabel::neutral);
  CHECK(s.neutral == Approx(1));
}

TEST_CASE("intensifiers strengthen and dampeners weaken the word after them", "[sentiment][lexicon]") {
  CHECK(compound("good") < compound("very good"));
  CHECK(compound("good") < compound("really good"));
  CHECK(compound("slightly good") < compound("good"));
  CHECK(compound("kind of good") < compound("good"));
  CHECK(compound("a bit good") < compound("good"));
  CHECK(compound("very bad") < compound("bad"));
  CHECK(compound("somewhat bad") > compound("bad"));
  CHECK(compound("kind of good") > 0);  // weaker, still positive
}

TEST_CASE("an intensifier further away counts a little less", "[sentiment][lexicon]") {
  CHECK(compound("really good") > compound("really a good"));
  CHECK(compound("really a good") > compound("good"));
}

TEST_CASE("negation flips the words it governs", "[sentiment][lexicon]") {
  CHECK(compound("not good") < 0);
  CHECK(compound("not bad") > 0);
  CHECK(compound("The talk wasn't helpful") < 0);
  CHECK(compound("The talk wasnt helpful") < 0);  // typed without the apostrophe
  CHECK(compound("I didn\u2019t enjoy it") < 0);   // curly apostrophe
  CHECK(compound("never boring") > 0);
  CHECK(compound("no problems at all") > 0);
  CHECK(compound("without any stress") > 0);
  CHECK(compound("There was little support") < 0);
  CHECK(compound("less stressful than last year") > 0);
  // Negation reaches three words back, and a negated word is weaker.
  CHECK(compound("not very good at all") < 0);
  CHECK(std::abs(compound("not good")) < std::abs(compound("good")));
}

TEST_CASE("negation does not cross a sentence or clause break", "[sentiment][lexicon]") {
  CHECK(compound("It wasn't me. Great day") > 0);
  CHECK(compound("Not sure, but the food was great") > 0);
}

TEST_CASE("a negation word keeps its own valence when nothing follows it", "[sentiment][lexicon]") {
  CHECK(compound("No.") < 0);
  CHECK(compound("no thanks") < compound("thanks"));
}

TEST_CASE("the clause after but outweighs the one before", "[sentiment][lexicon]") {
  CHECK(compound("The food was great but the talks were bad") < 0);
  CHECK(compound("The talks were bad but the food was great") > 0);
  CHECK(compound("The talks were bad, however the food was great") > 0);
  // What follows "but" counts more than it would alone.
  CHECK(compound("good but bad") < compound("bad"));
  CHECK(compound("It rained but the day was good") > compound("the day was good"));
}

TEST_CASE("a word in capitals among lower-case words is emphasised", "[sentiment][lexicon]") {
  CHECK(compound("The offsite was GREAT") > compound("The offsite was great"));
  CHECK(compound("The offsite was AWFUL") < compound("The offsite was awful"));
  CHECK(compound("VERY good") > compound("very good"));
  // All capitals is shouting everywhere, so no word stands out.
  CHECK(compound("THE OFFSITE WAS GREAT") == Approx(compound("the offsite was great")));
}

TEST_CASE("exclamation marks strengthen the text's lean, up to four", "[sentiment][lexicon]") {
  CHECK(compound("great!") > compound("great"));
  CHECK(compound("great!!!") > compound("great!"));
  CHECK(compound("awful!") < compound("awful"));
  CHECK(compound("great!!!!") == Approx(compound("great!!!!!!!!")));
  CHECK(compound("The meeting is on Tuesday!!!") == 0);  // nothing to strengthen
}

TEST_CASE("emoticons and emoji carry sentiment", "[sentiment][lexicon]") {
  CHECK(compound(":)") > 0);
  CHECK(compound(":(") < 0);
  CHECK(compound(":D") > 0);
  CHECK(compound("<3") > 0);
  CHECK(compound("\U0001F389") > 0);  // party popper
  CHECK(compound("\U0001F44D") > 0);  // thumbs up
  CHECK(compound("\U0001F44E") < 0);  // thumbs down
  CHECK(compound("\U0001F621") < 0);  // pouting face
  CHECK(compound("\U0001F622") < 0);  // crying face
  CHECK(compound("\U0001F525") > 0);  // fire: praise in feedback (our emoji table)
}

TEST_CASE("emoji are read when glued to words or decorated", "[sentiment][lexicon]") {
  CHECK(compound("thanks \U0001F64F") > compound("thanks"));
  CHECK(compound("Loved it\U0001F60D") > compound("Loved it"));
  CHECK(compound("\U0001F44D\U0001F3FD") > 0);  // with a skin tone
  CHECK(compound("\u2764\uFE0F") > 0);          // heart with its emoji selector
  CHECK(compound("see you soon:)") > compound("see you soon"));
}

TEST_CASE("workplace idioms are scored as phrases", "[sentiment][lexicon]") {
  CHECK(compound("killed") < 0);
  CHECK(compound("You killed it") > 0);
  CHECK(compound("She nailed it") > 0);
  CHECK(compound("He went above and beyond for the client") > 0);
  CHECK(compound("I was thrown under the bus") < 0);
  CHECK(compound("We were out of the loop") < 0);
  CHECK(compound("Honestly a waste of time") < 0);
  CHECK(compound("It was a fire drill all week") < 0);
  CHECK(compound("I can't stand these meetings") < 0);  // a phrase VADER's lexicon holds
}

TEST_CASE("negation applies to a whole phrase", "[sentiment][lexicon]") {
  CHECK(compound("I feel burnt out") < 0);
  CHECK(compound("I don't feel burnt out") > 0);
  CHECK(compound("There is no psychological safety here") < 0);
}

TEST_CASE("the workplace overlay scores team feedback words", "[sentiment][lexicon]") {
  for (const char* negative :
       {"I feel micromanaged", "Burnout is real", "I am burnt-out", "The agenda was rushed",
        "We are understaffed", "We are under-staffed", "I am overworked", "A toxic culture",
        "My idea was ignored", "There is a lot of blame", "I felt undervalued", "Very disorganised"}) {
    INFO(negative);
    CHECK(compound(negative) < 0);
  }
  for (const char* positive :
       {"I felt recognised", "I felt recognized", "An inclusive event", "My manager is supportive",
        "I felt listened to", "Psychological safety in the team", "Well-organised day", "A real team player"}) {
    INFO(positive);
    CHECK(compound(positive) > 0);
  }
}

TEST_CASE("words of the trade that sound like sentiment are neutral", "[sentiment][lexicon]") {
  CHECK(label("The offsite is in March") == SentimentLabel::neutral);
  CHECK(label("Our team retreat is next week") == SentimentLabel::neutral);
  CHECK(label("Attendance is mandatory") == SentimentLabel::neutral);
}

TEST_CASE("empty and blank text is neutral with no shares", "[sentiment][lexicon]") {
  for (const char* text : {"", "   ", "\n\t", "...", "!!!"}) {
    SentimentScore s = score(text);
    INFO(text);
    CHECK(s.compound == 0);
    CHECK(s.label == SentimentLabel::neutral);
    CHECK(s.positive + s.neutral + s.negative <= 1.0);
  }
}

