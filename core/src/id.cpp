#include "debrief/id.h"

#include <algorithm>

#include "debrief/env.h"
#include "debrief/text.h"

namespace debrief {

Id Id::make(Env& env) {
  Id id;
  auto ms = static_cast<std::uint64_t>(env.now_ms());
  for (int i = 0; i < 6; ++i) id.bytes[static_cast<std::size_t>(i)] =
      static_cast<std::uint8_t>(ms >> (40 - 8 * i));
  env.random_bytes(id.bytes.data() + 6, 10);
  return id;
}

Result<Id> Id::parse(std::string_view hex) {
  auto bad = [&] {
    return invalid("'" + std::string(hex.substr(0, 40)) + "' is not an id (32 hex digits)");
  };
  std::optional<std::string> bytes = hex.size() == 32 ? hex_decode(hex) : std::nullopt;
  if (!bytes) return bad();
  Id id;
  std::copy(bytes->begin(), bytes->end(), id.bytes.begin());
  return id;
}

bool Id::is_nil() const {
  for (auto b : bytes)
    if (b) return false;
  return true;
}

std::string Id::hex() const { return hex_encode(bytes.data(), bytes.size()); }

}  // namespace debrief
