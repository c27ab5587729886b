// The sentiment analyzer: signs and orderings of scores, never exact values,
// so the tests hold when a lexicon package or an overlay valence moves.
#include <cctype>
#include <cmath>
#include <string>

#include "debrief/sentiment.h"
#include "test_support.h"

using namespace debrief;

namespace {

SentimentScore score(std::string_view text) {
  Result<SentimentScore> r = score_sentiment(text);
  INFO(text);
  REQUIRE(r.is_ok());
  return *r;
}

double compound(std::string_view text) { return score(text).compound; }

SentimentLabel label(std::string_view text) { return score(text).label; }

}  // namespace

TEST_CASE("words from the published lexicons carry their sign", "[sentiment]") {
  CHECK(compound("The workshop was good") > 0);
  CHECK(compound("The workshop was bad") < 0);
  CHECK(label("The workshop was excellent") == SentimentLabel::positive);
  CHECK(label("The workshop was terrible") == SentimentLabel::negative);
  // AFINN-165 words that VADER's lexicon lacks.
  CHECK(compound("The process is inefficient") < 0);
  CHECK(compound("Real dedication from the crew") > 0);
}

TEST_CASE("text without sentiment words is neutral", "[sentiment]") {
  SentimentScore s = score("The meeting is on Tuesday in room 4");
  CHECK(s.compound == 0);
  CHECK(s.label == SentimentLabel::neutral);
  CHECK(s.neutral == Approx(1));
}

TEST_CASE("intensifiers strengthen and dampeners weaken the word after them", "[sentiment]") {
  CHECK(compound("good") < compound("very good"));
  CHECK(compound("good") < compound("really good"));
  CHECK(compound("slightly good") < compound("good"));
  CHECK(compound("kind of good") < compound("good"));
  CHECK(compound("a bit good") < compound("good"));
  CHECK(compound("very bad") < compound("bad"));
  CHECK(compound("somewhat bad") > compound("bad"));
  CHECK(compound("kind of good") > 0);  // weaker, still positive
}

TEST_CASE("an intensifier further away counts a little less", "[sentiment]") {
  CHECK(compound("really good") > compound("really a good"));
  CHECK(compound("really a good") > compound("good"));
}

TEST_CASE("negation flips the words it governs", "[sentiment]") {
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

TEST_CASE("negation does not cross a sentence or clause break", "[sentiment]") {
  CHECK(compound("It wasn't me. Great day") > 0);
  CHECK(compound("Not sure, but the food was great") > 0);
}

TEST_CASE("a negation word keeps its own valence when nothing follows it", "[sentiment]") {
  CHECK(compound("No.") < 0);
  CHECK(compound("no thanks") < compound("thanks"));
}

TEST_CASE("the clause after but outweighs the one before", "[sentiment]") {
  CHECK(compound("The food was great but the talks were bad") < 0);
  CHECK(compound("The talks were bad but the food was great") > 0);
  CHECK(compound("The talks were bad, however the food was great") > 0);
  // What follows "but" counts more than it would alone.
  CHECK(compound("good but bad") < compound("bad"));
  CHECK(compound("It rained but the day was good") > compound("the day was good"));
}

TEST_CASE("a word in capitals among lower-case words is emphasised", "[sentiment]") {
  CHECK(compound("The offsite was GREAT") > compound("The offsite was great"));
  CHECK(compound("The offsite was AWFUL") < compound("The offsite was awful"));
  CHECK(compound("VERY good") > compound("very good"));
  // All capitals is shouting everywhere, so no word stands out.
  CHECK(compound("THE OFFSITE WAS GREAT") == Approx(compound("the offsite was great")));
}

TEST_CASE("exclamation marks strengthen the text's lean, up to four", "[sentiment]") {
  CHECK(compound("great!") > compound("great"));
  CHECK(compound("great!!!") > compound("great!"));
  CHECK(compound("awful!") < compound("awful"));
  CHECK(compound("great!!!!") == Approx(compound("great!!!!!!!!")));
  CHECK(compound("The meeting is on Tuesday!!!") == 0);  // nothing to strengthen
}

TEST_CASE("emoticons and emoji carry sentiment", "[sentiment]") {
  CHECK(compound(":)") > 0);
  CHECK(compound(":(") < 0);
  CHECK(compound(":D") > 0);
  CHECK(compound("<3") > 0);
  CHECK(compound("\U0001F389") > 0);  // party popper
  CHECK(compound("\U0001F44D") > 0);  // thumbs up
  CHECK(compound("\U0001F44E") < 0);  // thumbs down
  CHECK(compound("\U0001F621") < 0);  // pouting face
  CHECK(compound("\U0001F622") < 0);  // crying face
  CHECK(compound("\U0001F525") > 0);  // fire: praise in feedback (overlay)
}

TEST_CASE("emoji are read when glued to words or decorated", "[sentiment]") {
  CHECK(compound("thanks \U0001F64F") > compound("thanks"));
  CHECK(compound("Loved it\U0001F60D") > compound("Loved it"));
  CHECK(compound("\U0001F44D\U0001F3FD") > 0);  // with a skin tone
  CHECK(compound("\u2764\uFE0F") > 0);          // heart with its emoji selector
  CHECK(compound("see you soon:)") > compound("see you soon"));
}

TEST_CASE("workplace idioms are scored as phrases", "[sentiment]") {
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

TEST_CASE("negation applies to a whole phrase", "[sentiment]") {
  CHECK(compound("I feel burnt out") < 0);
  CHECK(compound("I don't feel burnt out") > 0);
  CHECK(compound("There is no psychological safety here") < 0);
}

TEST_CASE("the workplace overlay scores team feedback words", "[sentiment]") {
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

TEST_CASE("words of the trade that sound like sentiment are neutral", "[sentiment]") {
  CHECK(label("The offsite is in March") == SentimentLabel::neutral);
  CHECK(label("Our team retreat is next week") == SentimentLabel::neutral);
  CHECK(label("Attendance is mandatory") == SentimentLabel::neutral);
}

TEST_CASE("empty and blank text is neutral with no shares", "[sentiment]") {
  for (const char* text : {"", "   ", "\n\t", "...", "!!!"}) {
    SentimentScore s = score(text);
    INFO(text);
    CHECK(s.compound == 0);
    CHECK(s.label == SentimentLabel::neutral);
    CHECK(s.positive + s.neutral + s.negative <= 1.0);
  }
}

TEST_CASE("very long text is scored, only its first kSentimentMaxBytes read", "[sentiment]") {
  std::string filler;
  while (filler.size() < 4 * kSentimentMaxBytes) filler += "the meeting was on tuesday in room four ";
  CHECK(label(filler) == SentimentLabel::neutral);
  // Sentiment past the cap is not read; before it, it is.
  CHECK(compound(filler + "terrible awful horrible") == 0);
  CHECK(compound("terrible awful horrible " + filler) < 0);
  std::string praise;
  while (praise.size() < 4 * kSentimentMaxBytes) praise += "great! ";
  SentimentScore s = score(praise);
  CHECK(s.compound > 0);
  CHECK(s.compound <= 1.0);
}

TEST_CASE("the cap never splits a multi-byte character", "[sentiment]") {
  std::string text(kSentimentMaxBytes - 1, 'a');
  text += "\xC3\xA9 good";  // 'é' straddles the cap
  CHECK(score_sentiment(text).is_ok());
}

TEST_CASE("text in other languages scores neutral", "[sentiment]") {
  for (const char* text :
       {"Das war eine tolle Veranstaltung, die wir nicht vergessen", "La r\u00e9union \u00e9tait tr\u00e8s bien et nous",
        "La reuni\u00f3n fue muy buena, sin problemas", "Het was een leuke dag met het team",
        "\u4f1a\u8b70\u306f\u3068\u3066\u3082\u826f\u304b\u3063\u305f",
        "\u0412\u0441\u0442\u0440\u0435\u0447\u0430 \u043f\u0440\u043e\u0448\u043b\u0430 "
        "\u043e\u0442\u043b\u0438\u0447\u043d\u043e"}) {
    INFO(text);
    CHECK(label(text) == SentimentLabel::neutral);
  }
}

TEST_CASE("emoji still count in text of another language", "[sentiment]") {
  CHECK(compound("Das war ein Tag mit dem Team \U0001F389") > 0);
}

TEST_CASE("invalid UTF-8 is refused with a clear error", "[sentiment]") {
  for (std::string_view text : {std::string_view("\xFF"), std::string_view("good \xC3"),
                                std::string_view("\xC0\xAF"), std::string_view("\xED\xA0\x80 bad")}) {
    Result<SentimentScore> r = score_sentiment(text);
    REQUIRE(!r.is_ok());
    CHECK(r.status().code() == Code::invalid_argument);
    CHECK(r.status().message().find("UTF-8") != std::string::npos);
  }
}

TEST_CASE("scores stay in range and shares add up to one", "[sentiment]") {
  for (const char* text : {"GREAT GREAT GREAT great great!!!!!!!!", "awful horrible terrible HATE it!!!!???",
                           "good but bad", ":) :( :D", "not not not good"}) {
    SentimentScore s = score(text);
    INFO(text);
    CHECK(s.compound >= -1.0);
    CHECK(s.compound <= 1.0);
    CHECK(s.positive + s.neutral + s.negative == Approx(1.0));
    CHECK(s.label == sentiment_label(s.compound));
  }
}

TEST_CASE("labels follow VADER's thresholds", "[sentiment]") {
  CHECK(sentiment_label(0.05) == SentimentLabel::positive);
  CHECK(sentiment_label(0.0499) == SentimentLabel::neutral);
  CHECK(sentiment_label(-0.0499) == SentimentLabel::neutral);
  CHECK(sentiment_label(-0.05) == SentimentLabel::negative);
  CHECK(std::string(sentiment_label_name(SentimentLabel::positive)) == "positive");
  CHECK(std::string(sentiment_label_name(SentimentLabel::neutral)) == "neutral");
  CHECK(std::string(sentiment_label_name(SentimentLabel::negative)) == "negative");
}

TEST_CASE("the same text always scores the same", "[sentiment]") {
  const char* text = "The offsite was GREAT, but the travel was awful!!";
  CHECK(compound(text) == compound(text));
}

TEST_CASE("the version names the analyzer and its compiled lexicon", "[sentiment]") {
  std::string v = sentiment_version();
  std::string prefix = std::to_string(kSentimentAnalyzerVersion) + ".";
  REQUIRE(v.size() == prefix.size() + 8);
  CHECK(v.compare(0, prefix.size(), prefix) == 0);
  for (char c : v.substr(prefix.size())) CHECK(std::isxdigit(static_cast<unsigned char>(c)));
  std::string_view sources = sentiment_lexicon_sources();
  CHECK(sources.find("vader-sentiment@") != std::string_view::npos);
  CHECK(sources.find("afinn-165@") != std::string_view::npos);
}
