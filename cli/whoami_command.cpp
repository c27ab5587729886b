// `debrief whoami [PERSON]`: who this device acts for.
#include <algorithm>
#include <iostream>

#include "context.h"
#include "output.h"

namespace debrief::cli {
namespace {

// A person by id (or prefix), or by exact name.
Id find_person(Store& store, const std::string& who) {
  Result<Id> by_id = resolve_id(store, Kind::person, who);
  if (by_id.is_ok()) return *by_id;
  std::vector<Json> named = must(list(store, Kind::person, {.where = {{"name", who}}}));
  if (named.size() == 1) return must(Id::parse(named[0]["id"].get<std::string>()));
  if (named.size() > 1) throw CommandError{invalid(std::to_string(named.size()) + " people are called '" + who + "'; give an id")};
  throw CommandError{not_found("no person with id or name '" + who + "'")};
}

}  // namespace

void add_whoami_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("whoami", "show or set the person this device acts for");
  cmd->fallthrough();
  static std::string who;
  cmd->add_option("person", who, "a person's id, id prefix or exact name");
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      Store& store = ctx.store();
      if (!who.empty()) must(store.set_me(find_person(store, who)));
      std::optional<Id> me = store.me();
      if (!me) return Context::fail("this device does not act for anyone yet: debrief whoami PERSON");
      print_record(ctx, Kind::person, must(get(store, Kind::person, *me)));
      return 0;
    });
  });
}

}  // namespace debrief::cli
