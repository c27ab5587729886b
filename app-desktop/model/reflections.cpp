#include "reflections.h"

#include <map>

#include "agenda.h"

namespace debrief::desktop {

Result<std::vector<ActivityChoice>> load_activities(Store& store) {
  Result<std::vector<EventWithActivities>> agenda = load_agenda(store);
  DEBRIEF_TRY(agenda.status());
  std::vector<ActivityChoice> out;
  for (const EventWithActivities& e : *agenda)
    for (const Json& a : e.activities)
      out.push_back({a["id"], e.event["id"], e.event.value("title", "") + ": " + a.value("title", "")});
  return out;
}

Result<std::vector<ReflectionItem>> load_my_reflections(Store& store) {
  std::vector<ReflectionItem> out;
  if (!store.me()) return out;
  Result<std::vector<ActivityChoice>> activities = load_activities(store);
  DEBRIEF_TRY(activities.status());
  std::map<std::string, std::string> about;
  for (const ActivityChoice& a : *activities) about[a.id] = a.title;
  Result<std::vector<Json>> mine = list(store, Kind::reflection, {.where = {{"author", store.me()->hex()}}, .newest_first = true});
  DEBRIEF_TRY(mine.status());
  for (const Json& r : *mine) {
    std::string activity = r.value("activity", Json()).is_string() ? r["activity"] : "";
    out.push_back({r["id"], about.count(activity) ? about[activity] : "an event", r.value("text", ""),
                   r.value("created_at", "").substr(0, 10), r.value("shared", false)});
  }
  return out;
}

Result<Id> write_reflection(Store& store, const ActivityChoice& about, const std::string& text, bool shared) {
  return create(store, Kind::reflection, {{"event", about.event}, {"activity", about.id}, {"text", text}, {"shared", shared}});
}

Status set_shared(Store& store, const std::string& reflection, bool shared) {
  Result<Id> id = Id::parse(reflection);
  DEBRIEF_TRY(id.status());
  return update(store, Kind::reflection, *id, {{"shared", shared}});
}

}  // namespace debrief::desktop
