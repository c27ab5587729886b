// The server's secrets: enrolment codes and device credentials are random
// text that is easy to type, and only their SHA-256 is ever stored.
#pragma once

#include <cstddef>
#include <string>

#include "debrief/env.h"

namespace debrief::sync {

// The 32-byte SHA-256 digest of `text`.
std::string sha256(const std::string& text);

// `chars` random characters of Crockford's base32 (5 bits each).
std::string random_text(Env& env, std::size_t chars);

}  // namespace debrief::sync
