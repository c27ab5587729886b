// Dates and times as users type them, and as the store keeps them.
//
// The store keeps instants as seconds since the Unix epoch (UTC). Users and
// exports see ISO 8601: "2026-11-24T09:30:00Z".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "debrief/status.h"

namespace debrief {

// Accepts "YYYY-MM-DD" (midnight UTC), "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS"
// optionally followed by "Z" or an offset "+HH:MM" / "-HH:MM" (no suffix means
// UTC); a space may stand for the "T". Rejects impossible dates (2026-02-30),
// years outside 1970..9999 and trailing text, saying what was expected.
Result<std::int64_t> parse_time(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ" for seconds since the epoch.
std::string format_time(std::int64_t unix_seconds);

}  // namespace debrief
