// UTF-8 validity and the checks on text that users type.
#include "debrief/text.h"
#include "test_support.h"

using namespace debrief;

TEST_CASE("well-formed UTF-8 is accepted at every sequence length and boundary", "[text]") {
  for (const char* s : {"", "plain ascii", "h\xC3\xA9llo w\xC3\xB6rld", "\xE2\x9C\x93", "\xF0\x9F\x98\x80",
                        "\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                        "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
    INFO(s);
    CHECK(is_valid_utf8(s));
  }
  CHECK(is_valid_utf8(std::string_view("a\0b", 3)));
}

TEST_CASE("overlong encodings are refused", "[text]") {
  for (const char* s : {"\xC0\x80", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF",
                        "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF"}) {
    INFO(s);
    CHECK(!is_valid_utf8(s));
  }
}

TEST_CASE("UTF-16 surrogates encoded as UTF-8 are refused", "[text]") {
  for (const char* s : {"\xED\xA0\x80", "\xED\xAF\xBF", "\xED\xB0\x80", "\xED\xBF\xBF",
                        "\xED\xA0\xBD\xED\xB8\x80"}) {
    INFO(s);
    CHECK(!is_valid_utf8(s));
  }
}

TEST_CASE("code points past U+10FFFF and bytes that never start a sequence are refused", "[text]") {
  for (const char* s : {"\xF4\x90\x80\x80", "\xF7\xBF\xBF\xBF", "\xF8\x88\x80\x80\x80",
                        "\xFC\x84\x80\x80\x80\x80", "\xFE", "\xFF", "\x80", "\xBF", "ok\x80ok"}) {
    INFO(s);
    CHECK(!is_valid_utf8(s));
  }
}

TEST_CASE("truncated sequences are refused at the end and in the middle", "[text]") {
  for (const char* s : {"\xC3", "abc\xE2\x82", "\xE2", "\xF0\x9F\x98", "\xF0\x9F", "\xE2\x82z",
                        "\xF0\x9F\x98 x", "\xC3\xC3\xA9"}) {
    INFO(s);
    CHECK(!is_valid_utf8(s));
  }
}

TEST_CASE("check_text names the field and says what is wrong", "[text]") {
  CHECK(check_text("title", "Offsite", 200, true).is_ok());
  CHECK(check_text("email", "", 200, false).is_ok());
  Status blank = check_text("title", " \t\n ", 200, true);
  CHECK(blank.code() == Code::invalid_argument);
  CHECK(blank.message() == "title is required and cannot be blank");
  Status bad = check_text("title", "caf\xC3", 200, true);
  CHECK(bad.code() == Code::invalid_argument);
  CHECK(bad.message().find("title is not valid UTF-8") != std::string::npos);
}

TEST_CASE("the size limit counts bytes, not characters", "[text]") {
  std::string four_euros = "\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC";  // 4 chars, 12 bytes
  CHECK(check_text("note", four_euros, 12, false).is_ok());
  Status over = check_text("note", four_euros, 11, false);
  CHECK(over.code() == Code::too_large);
  CHECK(over.message().find("note is too long: 12 bytes, at most 11") != std::string::npos);
}

TEST_CASE("trim removes ASCII white space at both ends only", "[text]") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("\f\v") == "");
  CHECK(trim("") == "");
  CHECK(trim("x") == "x");
}
