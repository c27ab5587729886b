// The dashboard's tooltip over an example comment: its label and what moved it.
#include "debrief/sentiment.h"
#include "sentiment_note.h"
#include "test_support.h"

using namespace debrief;
using namespace debrief::desktop;

TEST_CASE("a comment's note says its label and its strongest reasons", "[desktop]") {
  const char* text = "The coach left an hour late and we missed the keynote";
  SentimentNote note = sentiment_note(text, 3);
  Result<SentimentExplanation> e = explain_sentiment(text);
  REQUIRE(e.is_ok());
  CHECK(note.headline.find(sentiment_label_name(e->score.label)) != std::string::npos);
  REQUIRE(note.lines.size() == 3);
  CHECK(note.lines[0].find(e->reasons[0].phrase) != std::string::npos);
}

TEST_CASE("a comment that cannot be scored says so", "[desktop]") {
  SentimentNote note = sentiment_note("bad \xFF");
  CHECK(note.headline.find("UTF-8") != std::string::npos);
  CHECK(note.lines.empty());
}
