// Events, newest first, each with its activities: two list queries in all,
// shared by the screens that offer an event or activity to pick.
#pragma once

#include <string>
#include <vector>

#include "debrief/records.h"
#include "debrief/store.h"

namespace debrief::desktop {

struct EventWithActivities {
  Json event;
  std::vector<Json> activities;  // as listed, oldest first
};

Result<std::vector<EventWithActivities>> load_agenda(Store& store);

}  // namespace debrief::desktop
