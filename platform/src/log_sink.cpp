#include "debrief/platform/log_sink.h"

#include <cstdio>

namespace debrief::platform {

LogSink stderr_log() {
  return [](const std::string& line) {
    std::string whole = line + "\n";
    std::fwrite(whole.data(), 1, whole.size(), stderr);  // one write per line: stdio locks the stream for it
  };
}

}  // namespace debrief::platform
