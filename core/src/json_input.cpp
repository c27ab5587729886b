#include "debrief/json_input.h"

namespace debrief {
namespace {

struct TooDeep {};

}  // namespace

Result<nlohmann::json> parse_json_input(std::string_view text, std::string_view what) {
  using Json = nlohmann::json;
  auto bounded = [](int depth, Json::parse_event_t, Json&) {
    if (depth > kMaxJsonDepth) throw TooDeep{};
    return true;
  };
  try {
    Json j = Json::parse(text, bounded, false);
    if (j.is_discarded()) return invalid(std::string(what) + " is not valid JSON");
    return j;
  } catch (const TooDeep&) {
    return invalid(std::string(what) + " nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
}

}  // namespace debrief
