// Status: stable code names, and which failures are worth retrying.
#include "test_support.h"

using namespace debrief;

TEST_CASE("status codes have stable names", "[status]") {
  CHECK(std::string(code_name(Code::ok)) == "ok");
  CHECK(std::string(code_name(Code::invalid_argument)) == "invalid_argument");
  CHECK(std::string(code_name(Code::not_found)) == "not_found");
  CHECK(std::string(code_name(Code::already_exists)) == "already_exists");
  CHECK(std::string(code_name(Code::too_large)) == "too_large");
  CHECK(std::string(code_name(Code::unsupported_version)) == "unsupported_version");
  CHECK(std::string(code_name(Code::io_error)) == "io_error");
  CHECK(std::string(code_name(Code::corrupt)) == "corrupt");
  CHECK(std::string(code_name(Code::internal)) == "internal");
  CHECK(std::string(code_name(Code::permission_denied)) == "permission_denied");
}

TEST_CASE("only io errors are transient; bad input fails the same way again", "[status]") {
  CHECK(Status::ok().is_ok());
  CHECK(!invalid("bad").is_ok());
  CHECK(!invalid("bad").is_transient());
  CHECK(!not_found("gone").is_transient());
  CHECK(Status(Code::io_error, "disk").is_transient());
}

TEST_CASE("a Result holds a value or the status that explains why there is none", "[status]") {
  Result<int> good = 7;
  Result<int> bad = not_found("no such thing");
  CHECK(good.is_ok());
  CHECK(*good == 7);
  CHECK(good.status().is_ok());
  CHECK(!bad.is_ok());
  CHECK(bad.status().code() == Code::not_found);
  CHECK(bad.status().message() == "no such thing");
}

TEST_CASE("a Result made from success without a value is an internal error, never ok", "[status]") {
  Result<int> none = Status::ok();
  CHECK(!none.is_ok());
  CHECK(none.status().code() == Code::internal);
}
