// `debrief status`: what the store holds and what is waiting to sync.
#include <iostream>

#include "context.h"
#include "debrief/replication.h"
#include "debrief/sync/client.h"
#include "debrief/time.h"
#include "output.h"

namespace debrief::cli {

void add_status_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("status", "schema version, counts, and changes waiting to sync");
  cmd->fallthrough();
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      StoreInfo info = must(ctx.store().info());
      Json counts = Json::object();
      for (const KindCount& c : info.counts) counts[std::string(spec_of(c.kind).plural)] = c.live;
      Json j = {{"data", ctx.data_dir},
                {"schema_version", info.schema_version},
                {"device_id", info.device_id.hex()},
                {"me", info.me ? Json(info.me->hex()) : Json(nullptr)},
                {"counts", counts},
                {"pending_changes", info.pending_changes},
                {"total_changes", info.total_changes},
                {"digest", must(content_digest(ctx.store()))}};
      Result<sync::ServerLink> link = sync::load_link(ctx.store().dir());
      j["server"] = link.is_ok() ? Json(link->host + ":" + std::to_string(link->port)) : Json(nullptr);
      j["last_sync"] = link.is_ok() && link->last_sync_ms ? Json(format_time(link->last_sync_ms / 1000)) : Json(nullptr);
      if (ctx.json) {
        std::cout << j.dump(2) << "\n";
        return 0;
      }
      std::cout << "store:           " << ctx.data_dir << " (schema version " << info.schema_version << ")\n"
                << "device:          " << info.device_id.hex() << "\n"
                << "acting for:      " << (info.me ? record_label(ctx.store(), Kind::person, info.me->hex()) : "nobody yet (debrief whoami PERSON)") << "\n"
                << "pending changes: " << info.pending_changes << " (not yet sent to a server)\n"
                << "server:          " << (j["server"].is_null() ? "none (debrief enroll --server HOST:PORT --code CODE)" : j["server"].get<std::string>())
                << (j["last_sync"].is_null() ? "" : ", last sync " + j["last_sync"].get<std::string>()) << "\n\n";
      std::vector<Row> rows;
      for (const KindCount& c : info.counts) rows.push_back({std::string(spec_of(c.kind).plural), std::to_string(c.live)});
      print_table({"records", "count"}, rows);
      return 0;
    });
  });
}

}  // namespace debrief::cli
