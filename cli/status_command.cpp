// `debrief status`: what the store holds and what is waiting to sync.
#include <iostream>

#include "context.h"
#include "debrief/platform/status.h"
#include "output.h"

namespace debrief::cli {

void add_status_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("status", "schema version, counts, and changes waiting to sync");
  cmd->fallthrough();
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      Json j = must(platform::store_status(ctx.store()));
      j["data"] = ctx.data_dir;  // as given
      if (ctx.json) {
        std::cout << j.dump(2) << "\n";
        return 0;
      }
      std::cout << "store:           " << ctx.data_dir << " (schema version " << j["schema_version"] << ")\n"
                << "device:          " << j["device_id"].get<std::string>() << "\n"
                << "acting for:      " << (j["me"].is_string() ? record_label(ctx.store(), Kind::person, j["me"]) : "nobody yet (debrief whoami PERSON)") << "\n"
                << "pending changes: " << j["pending_changes"] << " (not yet sent to a server)\n"
                << "server:          " << (j["server"].is_null() ? "none (debrief enroll --server HOST:PORT --code CODE)" : j["server"].get<std::string>())
                << (j["last_sync"].is_null() ? "" : ", last sync " + j["last_sync"].get<std::string>()) << "\n\n";
      std::vector<Row> rows;
      for (const KindSpec& k : all_kinds())  // in the kind table's order
        if (j["counts"].contains(k.plural)) rows.push_back({std::string(k.plural), j["counts"][std::string(k.plural)].dump()});
      print_table({"records", "count"}, rows);
      return 0;
    });
  });
}

}  // namespace debrief::cli
