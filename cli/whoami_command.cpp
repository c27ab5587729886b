// `debrief whoami [PERSON]`: who this device acts for.
#include <iostream>

#include "context.h"
#include "output.h"

namespace debrief::cli {

void add_whoami_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("whoami", "show or set the person this device acts for");
  cmd->fallthrough();
  static std::string who;
  cmd->add_option("person", who, "a person's id, id prefix or exact name");
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      Store& store = ctx.store();
      if (!who.empty()) must(store.set_me(must(resolve_id(store, Kind::person, who))));
      std::optional<Id> me = store.me();
      if (!me) return Context::fail("this device does not act for anyone yet: debrief whoami PERSON");
      print_record(ctx, Kind::person, must(get(store, Kind::person, *me)));
      return 0;
    });
  });
}

}  // namespace debrief::cli
