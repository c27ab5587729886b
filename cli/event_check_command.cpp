// `debrief event check EVENT`: the agenda balance check for organisers.
#include <cstdio>
#include <iostream>

#include "context.h"
#include "debrief/agenda_check.h"
#include "debrief/percent.h"
#include "output.h"

namespace debrief::cli {

namespace {

void print_check(const AgendaCheck& c) {
  std::vector<Row> rows;
  for (const auto& [kind, share] : c.shares)
    rows.push_back({kind, std::to_string(c.seconds.at(kind) / 60), percent(share)});
  print_table({"time for", "minutes", "share"}, rows);
  std::cout << "longest stretch with no break: " << c.longest_stretch / 60 << " minutes\n";
  if (c.warnings.empty()) std::cout << "no warnings: the programme is balanced\n";
  for (const AgendaWarning& w : c.warnings) std::cout << "warning (" << w.code << "): " << w.message << "\n";
}

}  // namespace

void add_event_check_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.get_subcommand("event")->add_subcommand(
      "check", "the agenda's balance: time by kind of activity, the longest stretch with no break, and warnings");
  cmd->fallthrough();
  static std::string event;
  cmd->add_option("event", event, "the event (id, unique prefix or exact title)")->required();
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      AgendaCheck c = must(check_agenda(ctx.store(), must(resolve_id(ctx.store(), Kind::event, event))));
      if (ctx.json) std::cout << to_json(c).dump(2) << "\n";
      else print_check(c);
      return 0;
    });
  });
}

}  // namespace debrief::cli
