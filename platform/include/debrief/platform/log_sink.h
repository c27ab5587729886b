// The host's log sink: where the sync engine writes one JSON line per state
// change and retry (sync::EngineOptions::log). Phones send the lines to
// os_log or logcat through the C API's dbf_store_set_log; the desktop app
// writes them to stderr.
#pragma once

#include <functional>
#include <string>

namespace debrief::platform {

using LogSink = std::function<void(const std::string& line)>;

// Each line to stderr, whole (lines from several threads never interleave).
LogSink stderr_log();

}  // namespace debrief::platform
