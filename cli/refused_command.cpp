// `debrief refused [discard N]`: the local changes the server refused for
// good and set aside (change_log.h), and how to stop showing one.
#include <iostream>

#include "context.h"
#include "debrief/change_log.h"
#include "output.h"

namespace debrief::cli {

void add_refused_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("refused", "changes the server refused and set aside, with its reasons");
  cmd->fallthrough();
  CLI::App* discard = cmd->add_subcommand("discard", "stop showing a refused change (the local record keeps it)");
  static std::int64_t seq = 0;
  discard->add_option("number", seq, "its number, as `debrief refused` shows it")->required();
  discard->callback([&ctx] {
    ctx.run([&ctx] {
      must(discard_refused(ctx.store(), seq));
      if (!ctx.json) std::cout << "refused change #" << seq << " discarded\n";
      return 0;
    });
  });
  cmd->callback([&ctx, discard] {
    if (discard->parsed()) return;
    ctx.run([&ctx] {
      std::vector<RefusedChange> refused = must(refused_changes(ctx.store()));
      Json out = Json::array();
      std::vector<Row> rows;
      for (const RefusedChange& r : refused) {
        std::string what = std::string(spec_of(r.change.kind).name) + " " + r.change.record.hex().substr(0, 8) +
                           (r.change.field ? "." + *r.change.field : "");
        out.push_back({{"seq", r.change.seq}, {"change", what}, {"reason", r.reason}});
        rows.push_back({std::to_string(r.change.seq), what, r.reason});
      }
      if (ctx.json) std::cout << out.dump() << "\n";
      else if (rows.empty()) std::cout << "no refused changes\n";
      else print_table({"#", "change", "why the server refused it"}, rows);
      return 0;
    });
  });
}

}  // namespace debrief::cli
