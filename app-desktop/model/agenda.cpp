#include "agenda.h"

#include <map>

#include "debrief/fields.h"

namespace debrief::desktop {

Result<std::vector<EventWithActivities>> load_agenda(Store& store) {
  Result<std::vector<Json>> events = list(store, Kind::event, {.newest_first = true});
  DEBRIEF_TRY(events.status());
  Result<std::vector<Json>> activities = list(store, Kind::activity);
  DEBRIEF_TRY(activities.status());
  std::map<Id, std::vector<Json>> by_event;
  for (Json& a : *activities)
    if (std::optional<Id> event = RecordView<Kind::activity>(a).ref("event")) by_event[*event].push_back(std::move(a));
  std::vector<EventWithActivities> out;
  for (Json& e : *events) {
    Id id = RecordView<Kind::event>(e).id();
    out.push_back({std::move(e), std::move(by_event[id])});
  }
  return out;
}

}  // namespace debrief::desktop
