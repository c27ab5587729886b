// ok(): requires a Result to hold a value and returns it, or a Status to be
// ok, telling the error when it is not. Every C++ test program uses this
// one.
#pragma once

#include <catch2/catch.hpp>

#include <utility>

#include "debrief/status.h"

namespace testsupport {

template <class T>
T ok(debrief::Result<T> r) {
  INFO("error: " << r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r.value());
}
inline void ok(const debrief::Status& s) {
  INFO("error: " << s.message());
  REQUIRE(s.is_ok());
}

}  // namespace testsupport
