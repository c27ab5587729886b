// `debrief summary draft --event E`: writes the manager's unpublished
// summary of the event, its "heard" and "will_do" drafted from the event's
// review (drafting again rewrites the same draft); the manager edits it with
// `summary update ID --heard ... --will-do ...` and publishes it with
// `summary update ID --published true`.
#include "context.h"
#include "debrief/summary_draft.h"
#include "output.h"

namespace debrief::cli {

void add_summary_draft_command(CLI::App& app, Context& ctx) {
  CLI::App* group = app.get_subcommand("summary");
  CLI::App* cmd = group->add_subcommand("draft", "draft what we heard and what we'll do from an event's results");
  cmd->fallthrough();
  static std::string event_id;
  cmd->add_option("--event", event_id, "the event (id, unique prefix or exact title)")->required();
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      Id event = must(resolve_id(ctx.store(), Kind::event, event_id));
      Id id = must(save_summary_draft(ctx.store(), event));
      print_record(ctx, Kind::summary, must(get(ctx.store(), Kind::summary, id)));
      return 0;
    });
  });
}

}  // namespace debrief::cli
