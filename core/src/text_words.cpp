#include "text_words.h"

#include <cctype>

namespace debrief {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool replace_words(std::string& text, const std::string& from, const std::string& to) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  bool did = false;
  for (std::size_t at = lower_ascii(text).find(from); at != std::string::npos;) {
    const std::size_t end = at + from.size();
    const bool whole = (at == 0 || !word(text[at - 1])) && (end == text.size() || !word(text[end]));
    if (whole) {
      text.replace(at, from.size(), to);
      did = true;
    }
    at = lower_ascii(text).find(from, whole ? at + to.size() : at + 1);
  }
  return did;
}

}  // namespace debrief
