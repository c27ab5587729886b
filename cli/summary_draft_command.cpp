// `debrief summary draft --event E`: creates an unpublished summary whose
// "heard" and "will_do" are drafted from the event's review; the manager
// edits it with `summary update ID --heard ... --will_do ...` and publishes
// it with `summary update ID --published true`.
#include "context.h"
#include "debrief/summary_draft.h"
#include "output.h"

namespace debrief::cli {

void add_summary_draft_command(CLI::App& app, Context& ctx) {
  CLI::App* group = app.get_subcommand("summary");
  CLI::App* cmd = group->add_subcommand("draft", "draft what we heard and what we'll do from an event's results");
  cmd->fallthrough();
  static std::string event_id;
  cmd->add_option("--event", event_id, "the event (id or unique prefix)")->required();
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      Id event = must(resolve_id(ctx.store(), Kind::event, event_id));
      SummaryDraft draft = draft_summary(must(review_event(ctx.store(), event)));
      Id id = must(create(ctx.store(), Kind::summary,
                          {{"event", event.hex()}, {"heard", draft.heard}, {"will_do", draft.will_do}, {"published", false}}));
      print_record(ctx, Kind::summary, must(get(ctx.store(), Kind::summary, id)));
      return 0;
    });
  });
}

}  // namespace debrief::cli
