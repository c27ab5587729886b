// Reflections: my journal per activity, private unless I share an entry.
#pragma once

#include <string>
#include <vector>

#include "debrief/records.h"
#include "debrief/store.h"

namespace debrief::desktop {

struct ReflectionItem {
  Id id;
  std::string about, text, when;  // about: "Event: activity"
  bool shared = false;
};

struct ActivityChoice {
  Id id, event;
  std::string title;  // "Event: activity"
};

// My reflections, newest first (never anyone else's private ones).
Result<std::vector<ReflectionItem>> load_my_reflections(Store& store);
Result<std::vector<ActivityChoice>> load_activities(Store& store);
Result<Id> write_reflection(Store& store, const ActivityChoice& about, const std::string& text, bool shared);
Status set_shared(Store& store, const Id& reflection, bool shared);

}  // namespace debrief::desktop
