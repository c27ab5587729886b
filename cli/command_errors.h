// What the command line says when it cannot tell which command was meant.
#pragma once

#include <CLI/CLI.hpp>

namespace debrief::cli {

// Reports a parse error of `app` on stderr and returns the exit status for
// it. A missing or unknown command names the word and how to list the
// commands ("unknown command 'x'; run `debrief team --help` ..."); any
// other error is reported as CLI11 does.
int report_parse_error(CLI::App& app, const CLI::ParseError& error);

}  // namespace debrief::cli
