// debrief: the command line over the Debrief core. Every command works on the
// local store in --data (default: the XDG data directory), offline.
#include <iostream>

#include "command_errors.h"
#include "context.h"
#include "debrief/platform/paths.h"

int main(int argc, char** argv) {
  using namespace debrief::cli;
  Context ctx;
  CLI::App app{"Debrief: offline-first feedback after team events.\n"
               "Every command works on the local store, with no network.",
               "debrief"};
  app.set_version_flag("--version", "debrief " DEBRIEF_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  ctx.data_dir = debrief::platform::default_data_dir().string();
  app.add_option("--data", ctx.data_dir, "the store's directory")->capture_default_str();
  app.add_flag("--json", ctx.json, "print machine-readable JSON");

  add_status_command(app, ctx);
  add_refused_command(app, ctx);
  add_whoami_command(app, ctx);
  add_record_commands(app, ctx);
  add_survey_commands(app, ctx);
  add_media_commands(app, ctx);
  add_demo_command(app, ctx);
  add_sync_commands(app, ctx);
  add_sentiment_command(app, ctx);
  add_insights_commands(app, ctx);
  add_event_check_command(app, ctx);
  add_text_check_command(app, ctx);
  add_export_command(app, ctx);
  add_summary_draft_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e);
  }
  return ctx.run_selected();
}
