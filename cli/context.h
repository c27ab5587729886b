// What every `debrief` command shares: the global options, the store, and
// how results and errors are printed.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

#include "debrief/env.h"
#include "debrief/records.h"
#include "debrief/store.h"

namespace debrief::cli {

class Context {
 public:
  std::string data_dir;  // --data
  bool json = false;     // --json

  // The store in data_dir, opened on first use with `env` (null: the
  // system's), or the one `open_store` gives when set. Failure is reported
  // and ends the command.
  Store& store(Env* env = nullptr);
  std::function<Store&(Env*)> open_store;
  // Runs after a command succeeded (debrief-server publishes what an admin
  // command changed); may throw CommandError.
  std::function<void()> after_success;

  // Sets the command main() runs once the command line has parsed. The
  // action returns the process's exit status.
  void run(std::function<int()> action) { action_ = std::move(action); }
  int run_selected();

  // Prints "debrief: <message>" on stderr and returns the exit status for it.
  static int fail(const Status& status);
  static int fail(const std::string& message);

 private:
  std::unique_ptr<Store> store_;
  std::function<int()> action_;
};

// Thrown by Context::store() and helpers to end a command with a Status; main
// catches it. Keeps every command's body free of open-failure plumbing.
struct CommandError {
  Status status;
};

// The value of a Result, or a CommandError with its Status.
template <class T>
T must(Result<T> r) {
  if (!r.is_ok()) throw CommandError{r.status()};
  return std::move(r.value());
}
inline void must(const Status& s) {
  if (!s.is_ok()) throw CommandError{s};
}

// Registers the command groups (one file each).
void add_record_commands(CLI::App& app, Context& ctx);
void add_survey_commands(CLI::App& app, Context& ctx);
void add_status_command(CLI::App& app, Context& ctx);
void add_refused_command(CLI::App& app, Context& ctx);
void add_whoami_command(CLI::App& app, Context& ctx);
void add_demo_command(CLI::App& app, Context& ctx);
void add_media_commands(CLI::App& app, Context& ctx);
void add_sync_commands(CLI::App& app, Context& ctx);
void add_sentiment_command(CLI::App& app, Context& ctx);
void add_insights_commands(CLI::App& app, Context& ctx);
void add_event_check_command(CLI::App& app, Context& ctx);
void add_text_check_command(CLI::App& app, Context& ctx);
void add_export_command(CLI::App& app, Context& ctx);
// Adds `summary draft`; call after add_record_commands, which makes `summary`.
void add_summary_draft_command(CLI::App& app, Context& ctx);

}  // namespace debrief::cli
