// Checks on text that users type: UTF-8 validity and size limits.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "debrief/status.h"

namespace debrief {

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, no
// code points past U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Ok when `value` is valid UTF-8 of at most max_bytes bytes, and non-blank if
// required. The error names `field` and says what is wrong.
Status check_text(std::string_view field, std::string_view value, std::size_t max_bytes,
                  bool required);

// Lower-case hexadecimal digits for `n` bytes.
std::string hex_encode(const unsigned char* bytes, std::size_t n);
// The bytes that hex digits (either case, an even number) stand for; nothing
// for anything else.
std::optional<std::string> hex_decode(std::string_view hex);

// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

}  // namespace debrief
