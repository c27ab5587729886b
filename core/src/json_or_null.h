// Optional values as JSON, for the insights views and exports. Internal to
// the core.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

namespace debrief {

// The value, or JSON null when there is none (a withheld or empty figure).
template <class T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace debrief
