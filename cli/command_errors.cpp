#include "command_errors.h"

#include <iostream>

namespace debrief::cli {
namespace {

// The last command the line selected, e.g. `team` in `debrief team lsit`.
CLI::App* deepest_selected(CLI::App* app) {
  for (std::vector<CLI::App*> chosen = app->get_subcommands(); !chosen.empty(); chosen = app->get_subcommands())
    app = chosen.front();
  return app;
}

// "debrief team": the words that select `app`.
std::string command_path(const CLI::App* app) {
  std::string path = app->get_name();
  for (const CLI::App* p = app->get_parent(); p; p = p->get_parent()) path = p->get_name() + " " + path;
  return path;
}

}  // namespace

int report_parse_error(CLI::App& app, const CLI::ParseError& error) {
  CLI::App* at = deepest_selected(&app);
  bool is_group = at->get_require_subcommand_min() > 0;
  bool about_command = dynamic_cast<const CLI::RequiredError*>(&error) || dynamic_cast<const CLI::ExtrasError*>(&error);
  if (!is_group || !about_command) return app.exit(error);
  std::string path = command_path(at);
  std::vector<std::string> rest = app.remaining(true);  // fallthrough hands unknown words up
  if (!rest.empty() && rest.front().rfind("-", 0) != 0)
    std::cerr << "debrief: unknown command '" << rest.front() << "'; run `" << path << " --help` to see the commands\n";
  else
    std::cerr << "debrief: `" << path << "` needs a command; run `" << path << " --help` to see the commands\n";
  return error.get_exit_code();
}

}  // namespace debrief::cli
