// `debrief export events|teams|responses [--event E] [--format csv|json]
// [--out FILE]`: the review's tables for spreadsheets and scripts, with the
// privacy rules applied by the core (export.h). Writes to standard output
// unless --out names a file.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "context.h"
#include "debrief/export.h"

namespace debrief::cli {
namespace {

struct ExportArgs {
  ExportTable table = ExportTable::events;
  ExportFormat format = ExportFormat::csv;
  std::string event, out;
};

int run_export(Context& ctx, const ExportArgs& args) {
  std::optional<Id> event;
  if (!args.event.empty()) event = must(resolve_id(ctx.store(), Kind::event, args.event));
  if (args.out.empty()) {
    must(export_table(ctx.store(), args.table, args.format, event, std::cout));
    return 0;
  }
  // Rows stream out as they are made; a file appears under its name only
  // when the export is whole, so a failure part-way leaves no half file.
  std::string partial = args.out + ".partial";
  std::ofstream file(partial, std::ios::binary);
  if (!file) return Context::fail("cannot write " + partial);
  Status written = export_table(ctx.store(), args.table, args.format, event, file);
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
      ->required()
      ->transform(CLI::CheckedTransformer(std::map<std::string, ExportTable>{
          {"events", ExportTable::events}, {"teams", ExportTable::teams}, {"responses", ExportTable::responses}}));
  cmd->add_option("--event", args.event, "only this event (id or unique prefix)");
  cmd->add_option("--format", args.format, "csv (default) or json")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ExportFormat>{{"csv", ExportFormat::csv}, {"json", ExportFormat::json}}));
  cmd->add_option("--out", args.out, "the file to write (default: standard output)");
  cmd->callback([&ctx] { ctx.run([&ctx] { return run_export(ctx, args); }); });
}

}  // namespace debrief::cli
