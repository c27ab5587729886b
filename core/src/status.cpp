#include "debrief/status.h"

namespace debrief {

const char* code_name(Code code) {
  switch (code) {
    case Code::ok: return "ok";
    case Code::invalid_argument: return "invalid_argument";
    case Code::not_found: return "not_found";
    case Code::already_exists: return "already_exists";
    case Code::too_large: return "too_large";
    case Code::unsupported_version: return "unsupported_version";
    case Code::io_error: return "io_error";
    case Code::corrupt: return "corrupt";
    case Code::internal: return "internal";
    case Code::permission_denied: return "permission_denied";
  }
  return "unknown";
}

}  // namespace debrief
