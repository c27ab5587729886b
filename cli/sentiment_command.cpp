// `debrief sentiment`: scores each line of standard input. Needs no store
// and opens none.
//
// One output line per input line, in order: "<compound>\t<label>" (compound
// to 4 decimals), or with --json an object {"compound", "label", "positive",
// "neutral", "negative"}. With --explain, each score is followed by what
// moved it, strongest first (at most kShownReasons): "  <weight>\t<phrase>"
// lines, the weight in log-odds toward the label, then a blank line; with
// --json, a "reasons" array in the same object. A line that is not valid
// UTF-8 prints "error" (or {"error": "..."}) in its place, a message with its
// line number on stderr, and makes the exit status 1 once every line is done.
#include <cstdio>
#include <iostream>
#include <string>

#include "context.h"
#include "debrief/api_json.h"
#include "debrief/sentiment.h"

namespace debrief::cli {
namespace {

constexpr std::size_t kShownReasons = 8;

void print_score(bool json, const SentimentScore& s) {
  if (json) {
    std::cout << to_json(s).dump() << "\n";
    return;
  }
  char compound[16];
  std::snprintf(compound, sizeof compound, "%.4f", s.compound);
  std::cout << compound << "\t" << sentiment_label_name(s.label) << "\n";
}

void print_explanation(bool json, const SentimentExplanation& e) {
  if (json) {
    std::cout << to_json(e, kShownReasons).dump() << "\n";
    return;
  }
  print_score(false, e.score);
  for (std::size_t i = 0; i < e.reasons.size() && i < kShownReasons; ++i) {
    char weight[16];
    std::snprintf(weight, sizeof weight, "%+.2f", e.reasons[i].weight);
    std::cout << "  " << weight << "\t" << e.reasons[i].phrase << "\n";
  }
  std::cout << "\n";
}

// Scores every line of `in`; the exit status.
int score_lines(std::istream& in, bool json, bool explain) {
  int status = 0;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    Status error;
    if (explain) {
      Result<SentimentExplanation> e = explain_sentiment(line);
      if (e.is_ok()) print_explanation(json, *e);
      else error = e.status();
    } else {
      Result<SentimentScore> score = score_sentiment(line);
      if (score.is_ok()) print_score(json, *score);
      else error = score.status();
    }
    if (error.is_ok()) continue;
    status = 1;
    std::cerr << "debrief: line " << number << ": " << error.message() << "\n";
    std::cout << (json ? Json{{"error", error.message()}}.dump() : "error") << "\n";
  }
  return status;
}

}  // namespace

void add_sentiment_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "sentiment", "score each line of standard input: compound score in [-1, 1] and label");
  cmd->fallthrough();
  static bool explain = false;  // outlives parsing; the command is added once
  cmd->add_flag("--explain", explain, "after each score, the words and phrases that moved it, with their weights");
  cmd->callback([&ctx] { ctx.run([&ctx] { return score_lines(std::cin, ctx.json, explain); }); });
}

}  // namespace debrief::cli
