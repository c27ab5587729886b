// `debrief text check`: Debrief's writing checks on each line of standard
// input, against the store's people (text_check.h).
#include <iostream>
#include <string>

#include "context.h"
#include "debrief/text_check.h"

namespace debrief::cli {

namespace {

int check_lines(Store& store, std::istream& in, bool json) {
  for (std::string line; std::getline(in, line);) {
    TextCheck c = must(check_text(store, line));
    if (json) {
      std::cout << to_json(c).dump() << "\n";
      continue;
    }
    if (c.advice.empty()) std::cout << "ok: " << line << "\n";
    for (const std::string& a : c.advice) std::cout << "check: " << a << "\n";
    if (!c.rewording.empty()) std::cout << "  perhaps: " << c.rewording << "\n";
  }
  return 0;
}

}  // namespace

void add_text_check_command(CLI::App& app, Context& ctx) {
  CLI::App* text = app.add_subcommand("text", "Debrief's writing checks");
  text->require_subcommand(1);
  text->fallthrough();
  CLI::App* check = text->add_subcommand(
      "check", "for each line of standard input: does it criticise a named colleague, take the team's credit, or "
               "praise vaguely; with a rewording");
  check->fallthrough();
  check->callback([&ctx] { ctx.run([&ctx] { return check_lines(ctx.store(), std::cin, ctx.json); }); });
}

}  // namespace debrief::cli
