// `debrief status`: what the store holds and what is waiting to sync.
#include <iostream>

#include "context.h"
#include "debrief/platform/status.h"
#include "output.h"

namespace debrief::cli {
namespace {

// The changes the server refused for good, each with its number for
// `debrief refused discard N`.
void print_refused(const Json& refused) {
  if (refused.empty()) return;
  std::cout << "refused changes: " << refused.size() << " (the server will not take them; the rest synced)\n";
  for (const Json& r : refused)
    std::cout << "  #" << r["seq"] << " " << r["op"].get<std::string>() << " " << r["kind"].get<std::string>() << " "
              << r["record"].get<std::string>().substr(0, 8) << (r["field"].is_string() ? "." + r["field"].get<std::string>() : "")
              << ": " << r["reason"].get<std::string>() << "\n";
  std::cout << "  (debrief refused discard N stops showing one)\n\n";
}

// What the pending count means on this device: enrolled or not, and
// whether anything waits.
std::string pending_note(const Json& status) {
  bool enrolled = status["server"].is_string(), waiting = status["pending_changes"].get<std::int64_t>() > 0;
  if (enrolled) return waiting ? " (to send at the next sync: debrief sync)" : " (the server has everything)";
  return waiting ? " (kept on this device until it enrolls with a server)" : "";
}

}  // namespace

void add_status_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("status", "schema version, counts, and changes waiting to sync");
  cmd->fallthrough();
  static bool digest = false;
  cmd->add_flag("--digest", digest,
                "also print the content digest, which two replicas in step share (reads every record: slow on a big store)");
  cmd->callback([&ctx] {
    ctx.run([&ctx] {
      Json j = must(platform::store_status(ctx.store(), digest));
      j["data"] = ctx.data_dir;  // as given
      if (ctx.json) {
        std::cout << j.dump(2) << "\n";
        return 0;
      }
      std::cout << "store:           " << ctx.data_dir << " (schema version " << j["schema_version"] << ")\n"
                << "device:          " << j["device_id"].get<std::string>() << "\n"
                << "acting for:      " << (j["me"].is_string() ? record_label(ctx.store(), Kind::person, j["me"]) : "nobody yet (debrief whoami PERSON)") << "\n"
                << "pending changes: " << j["pending_changes"] << pending_note(j) << "\n"
                << "server:          " << (j["server"].is_null() ? "none (debrief enroll --server HOST:PORT --code CODE)" : j["server"].get<std::string>())
                << (j["last_sync"].is_null() ? "" : ", last sync " + display_time(j["last_sync"].get<std::string>())) << "\n"
                << (digest ? "digest:          " + j["digest"].get<std::string>() + "\n" : "") << "\n";
      print_refused(j["refused_changes"]);
      std::vector<Row> rows;
      for (const KindSpec& k : all_kinds())  // in the kind table's order
        if (j["counts"].contains(k.plural)) rows.push_back({std::string(k.plural), j["counts"][std::string(k.plural)].dump()});
      print_table({"records", "count"}, rows);
      return 0;
    });
  });
}

}  // namespace debrief::cli
