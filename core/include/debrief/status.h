// Status and Result: how every fallible core function reports failure.
//
// No exception escapes the public API. A function that can fail returns a
// Status (or a Result<T> holding a value or a Status). Success is cheap: an ok
// Status holds an empty string. Messages are written for the person using the
// app: they say what was wrong and, where it helps, what to do instead.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace debrief {

enum class Code {
  ok = 0,
  invalid_argument,     // bad input from the user; nothing was changed
  not_found,            // an id or name that does not exist (or was deleted)
  already_exists,       // a unique thing that is there already
  too_large,            // text, media or a request over its size limit
  unsupported_version,  // a store written by a newer Debrief
  io_error,             // the file system or database failed; may be transient
  corrupt,              // a store or file that fails its own checks
  internal,             // a bug in Debrief
  permission_denied,    // not this device's or person's to do: not enrolled, revoked, refused by the server
};

// The stable lower-case name of a code, e.g. "invalid_argument".
const char* code_name(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }
  bool is_ok() const { return code_ == Code::ok; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // True when trying again later may succeed (the database was busy or the
  // disk hiccuped); false for bad input, which will fail the same way again.
  bool is_transient() const { return code_ == Code::io_error; }

 private:
  Code code_ = Code::ok;
  std::string message_;
};

inline Status invalid(std::string message) { return {Code::invalid_argument, std::move(message)}; }
inline Status not_found(std::string message) { return {Code::not_found, std::move(message)}; }

// A value or the Status that explains why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  // A failure. An ok Status has no value to give: the Result reports that
  // bug as an internal error, never as ok without a value.
  Result(Status status)
      : v_(status.is_ok() ? Status(Code::internal, "a result was made from success without its value") : std::move(status)) {}

  bool is_ok() const { return v_.index() == 0; }
  // Precondition: is_ok().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  // Ok when there is a value.
  Status status() const { return is_ok() ? Status::ok() : std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace debrief

// Returns the Status of `expr` from the enclosing function when it failed.
#define DEBRIEF_TRY(expr) DEBRIEF_TRY_IMPL(expr, DEBRIEF_CONCAT(debrief_try_, __COUNTER__))
#define DEBRIEF_CONCAT(a, b) DEBRIEF_CONCAT_IMPL(a, b)
#define DEBRIEF_CONCAT_IMPL(a, b) a##b
#define DEBRIEF_TRY_IMPL(expr, name)             \
  do {                                           \
    ::debrief::Status name = (expr);             \
    if (!name.is_ok()) return name;              \
  } while (0)
