#include "reflections.h"

#include <map>

#include "debrief/fields.h"
#include "agenda.h"

namespace debrief::desktop {

Result<std::vector<ActivityChoice>> load_activities(Store& store) {
  Result<std::vector<EventWithActivities>> agenda = load_agenda(store);
  DEBRIEF_TRY(agenda.status());
  std::vector<ActivityChoice> out;
  for (const EventWithActivities& e : *agenda) {
    RecordView<Kind::event> event(e.event);
    for (const Json& a : e.activities) {
      RecordView<Kind::activity> activity(a);
      out.push_back({activity.id(), event.id(), event.text("title") + ": " + activity.text("title")});
    }
  }
  return out;
}

Result<std::vector<ReflectionItem>> load_my_reflections(Store& store) {
  std::vector<ReflectionItem> out;
  if (!store.me()) return out;
  Result<std::vector<ActivityChoice>> activities = load_activities(store);
  DEBRIEF_TRY(activities.status());
  std::map<Id, std::string> about;
  for (const ActivityChoice& a : *activities) about[a.id] = a.title;
  Result<std::vector<Json>> mine =
      list(store, Kind::reflection, {.where = {filter_by<Kind::reflection>("author", *store.me())}, .newest_first = true});
  DEBRIEF_TRY(mine.status());
  for (const Json& json : *mine) {
    RecordView<Kind::reflection> r(json);
    std::optional<Id> activity = r.ref("activity");
    auto named = activity ? about.find(*activity) : about.end();
    out.push_back({r.id(), named != about.end() ? named->second : "an event", r.text("text"), r.created_at().substr(0, 10),
                   r.flag("shared")});
  }
  return out;
}

Result<Id> write_reflection(Store& store, const ActivityChoice& about, const std::string& text, bool shared) {
  FieldValues<Kind::reflection> fields;
  fields.set("event", about.event).set("activity", about.id).set("text", text).set("shared", shared);
  return create(store, fields);
}

Status set_shared(Store& store, const Id& reflection, bool shared) {
  return update(store, reflection, FieldValues<Kind::reflection>().set("shared", shared));
}

}  // namespace debrief::desktop
