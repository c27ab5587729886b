// `debrief export events|teams|responses [--event E] [--format csv|json]
// [--out FILE]`: the review's tables for spreadsheets and scripts, with the
// privacy rules applied by the core (export.h). Writes to standard output
// unless --out names a file.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>
#include <vector>

#include "context.h"
#include "debrief/export.h"

namespace debrief::cli {
namespace {

struct ExportArgs {
  std::string table, format = "csv", event, out;
};

// The value named `given` among `choices`; an unknown name ends the command
// with the names to choose from ("unknown table 'people': choose events,
// teams or responses").
template <class T>
T chosen(const std::string& what, const std::string& given, const std::vector<std::pair<std::string, T>>& choices) {
  std::string names;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i].first == given) return choices[i].second;
    names += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i].first;
  }
  throw CommandError{invalid("unknown " + what + " '" + given + "': choose " + names)};
}

int run_export(Context& ctx, const ExportArgs& args) {
  ExportTable table = chosen<ExportTable>(
      "table", args.table,
      {{"events", ExportTable::events}, {"teams", ExportTable::teams}, {"responses", ExportTable::responses}});
  ExportFormat format = chosen<ExportFormat>("format", args.format, {{"csv", ExportFormat::csv}, {"json", ExportFormat::json}});
  std::optional<Id> event;
  if (!args.event.empty()) event = must(resolve_id(ctx.store(), Kind::event, args.event));
  if (args.out.empty()) {
    must(export_table(ctx.store(), table, format, event, std::cout));
    return 0;
  }
  // Rows stream out as they are made; a file appears under its name only
  // when the export is whole, so a failure part-way leaves no half file.
  std::string partial = args.out + ".partial";
  std::ofstream file(partial, std::ios::binary);
  if (!file) return Context::fail("cannot write " + partial);
  Status written = export_table(ctx.store(), table, format, event, file);
  file.close();
  std::error_code ec;
  if (written.is_ok() && !file) written = Status(Code::io_error, "could not write " + partial);
  if (written.is_ok()) std::filesystem::rename(partial, args.out, ec);
  std::error_code ignored;  // a partial file that cannot be removed changes no answer
  if (!written.is_ok() || ec) std::filesystem::remove(partial, ignored);
  must(written);
  if (ec) return Context::fail("cannot write " + args.out + ": " + ec.message());
  return 0;
}

}  // namespace

void add_export_command(CLI::App& app, Context& ctx) {
  static ExportArgs args;
  CLI::App* cmd = app.add_subcommand("export", "write the review as CSV or JSON, with the privacy rules applied");
  cmd->fallthrough();
  cmd->add_option("table", args.table,
                  "events (groups per event and activity), teams (each team per event) or responses (raw answers)")
      ->required();
  cmd->add_option("--event", args.event, "only this event (id, unique prefix or exact title)");
  cmd->add_option("--format", args.format, "csv (default) or json");
  cmd->add_option("--out", args.out, "the file to write (default: standard output)");
  cmd->callback([&ctx] { ctx.run([&ctx] { return run_export(ctx, args); }); });
}

}  // namespace debrief::cli
