// One voice (docs/privacy.md, "One person, one voice"): a person answers a
// survey once per event or activity, and a pulse survey once per window
// (pulse_window.h). A voice is that survey, event, activity and window;
// each person has at most one answer in it, which is what lets a group's
// answers to one voice be counted as people (privacy.h). Internal to the
// core.
#pragma once

#include <cstdint>
#include <optional>
#include <tuple>

#include "debrief/id.h"

namespace debrief {

struct Voice {
  Id survey;
  std::optional<Id> event, activity;  // an activity's event is always named
  std::int64_t window = 0;            // Window::id
  auto operator<=>(const Voice&) const = default;
};

// The id of `person`'s participation in `voice`: SHA-256 over person,
// survey, event and activity (16 bytes each, zeros for none) and the window
// (8 bytes, little-endian), its first 16 bytes (PROTOCOL.md 3.4). Every
// replica that records it records the same one.
Id participation_id(const Id& person, const Voice& voice);

}  // namespace debrief
