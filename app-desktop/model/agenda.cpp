#include "agenda.h"

#include <map>

namespace debrief::desktop {

Result<std::vector<EventWithActivities>> load_agenda(Store& store) {
  Result<std::vector<Json>> events = list(store, Kind::event, {.newest_first = true});
  DEBRIEF_TRY(events.status());
  Result<std::vector<Json>> activities = list(store, Kind::activity);
  DEBRIEF_TRY(activities.status());
  std::map<std::string, std::vector<Json>> by_event;
  for (Json& a : *activities) by_event[a.value("event", "")].push_back(std::move(a));
  std::vector<EventWithActivities> out;
  for (Json& e : *events) {
    std::string id = e["id"];
    out.push_back({std::move(e), std::move(by_event[id])});
  }
  return out;
}

std::vector<std::string> strings_in(const Json& list) {
  std::vector<std::string> out;
  if (list.is_array())
    for (const Json& s : list)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

}  // namespace debrief::desktop
