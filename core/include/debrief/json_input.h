// JSON from outside (a device's push, the C API, the command line), read
// with bounds: a document nested deeper than any record needs is refused
// before anything walks it, so no input can exhaust the stack or the
// memory of what later reads it.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "debrief/status.h"

namespace debrief {

// The deepest nesting a JSON input may have (a survey's questions, the
// deepest document Debrief keeps, need 4).
inline constexpr int kMaxJsonDepth = 32;

// `text` parsed, or invalid_argument naming `what` when it is not JSON
// (or not UTF-8) or nests over kMaxJsonDepth levels.
Result<nlohmann::json> parse_json_input(std::string_view text, std::string_view what);

}  // namespace debrief
