// Id: the 128-bit identity of every record, made on the device.
//
// The first 48 bits are the creation time in milliseconds and the other 80
// are random (like UUIDv7): unique without coordination, unguessable, and
// time-ordered, so B-tree inserts land at the end of the index (four- to
// eightfold faster inserts than random keys).
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "debrief/status.h"

namespace debrief {

class Env;

struct Id {
  std::array<std::uint8_t, 16> bytes{};

  // A new id from env's clock and random source.
  static Id make(Env& env);
  // Parses 32 hexadecimal digits (either case). Anything else is an error
  // naming what was given.
  static Result<Id> parse(std::string_view hex);

  bool is_nil() const;
  // 32 lower-case hexadecimal digits.
  std::string hex() const;

  auto operator<=>(const Id&) const = default;
};

}  // namespace debrief
