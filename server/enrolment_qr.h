// An enrolment code as a QR code drawn on the terminal, for a phone to scan
// instead of typing its 85 characters.
#pragma once

#include <string>
#include <string_view>

#include "debrief/status.h"

namespace debrief::server {

// `text` as a QR code (error correction M) in Unicode half blocks, one
// character per module across and two down, inside a quiet zone of four
// modules. Light modules are drawn as blocks, so that it scans from a
// terminal with a dark background (as `qrencode -t UTF8` draws). Lines end
// with "\n".
Result<std::string> qr_art(std::string_view text);

}  // namespace debrief::server
