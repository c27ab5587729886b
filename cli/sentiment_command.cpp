// `debrief sentiment`: scores each line of standard input. Needs no store
// and opens none.
//
// One output line per input line, in order: "<compound>\t<label>" (compound
// to 4 decimals), or with --json an object {"compound", "label", "positive",
// "neutral", "negative"}. A line that is not valid UTF-8 prints "error" (or
// {"error": "..."}) in its place, a message with its line number on stderr,
// and makes the exit status 1 once every line is done.
#include <cstdio>
#include <iostream>
#include <string>

#include "context.h"
#include "debrief/api_json.h"
#include "debrief/sentiment.h"

namespace debrief::cli {
namespace {

void print_score(bool json, const SentimentScore& s) {
  if (json) {
    std::cout << to_json(s).dump() << "\n";
    return;
  }
  char compound[16];
  std::snprintf(compound, sizeof compound, "%.4f", s.compound);
  std::cout << compound << "\t" << sentiment_label_name(s.label) << "\n";
}

// Scores every line of `in`; the exit status.
int score_lines(std::istream& in, bool json) {
  int status = 0;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    Result<SentimentScore> score = score_sentiment(line);
    if (score.is_ok()) {
      print_score(json, *score);
      continue;
    }
    status = 1;
    std::cerr << "debrief: line " << number << ": " << score.status().message() << "\n";
    std::cout << (json ? Json{{"error", score.status().message()}}.dump() : "error") << "\n";
  }
  return status;
}

}  // namespace

void add_sentiment_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "sentiment", "score each line of standard input: compound score in [-1, 1] and label");
  cmd->fallthrough();
  cmd->callback([&ctx] { ctx.run([&ctx] { return score_lines(std::cin, ctx.json); }); });
}

}  // namespace debrief::cli
