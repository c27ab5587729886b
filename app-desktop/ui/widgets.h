// Small drawing helpers the screens share.
#pragma once

#include <string>

#include "debrief/status.h"

namespace debrief::desktop {

// A heading in the accent colour.
void heading(const char* text);
// A line in the error colour (nothing when `message` is empty).
void error_line(const std::string& message);
// "loading…" while a job runs, the error when it failed; false when the
// caller has nothing to draw yet.
bool ready(bool loaded, const Status& status);
// Keeps the next item on this line when `width` more fits, else starts a
// new line: rows of controls that wrap in a narrow window.
void same_line_if_fits(float width);
// A choice's code as words: "customer_save" -> "customer save".
std::string words(std::string code);
// A short date and time from ISO 8601 ("2026-12-03 09:00").
std::string when(const std::string& iso);

}  // namespace debrief::desktop
