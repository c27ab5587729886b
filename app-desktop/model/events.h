// Events, upcoming and past, and one event's page: theme, place, the agenda
// as a timeline, speakers, and the crew behind the scenes.
#pragma once

#include <string>
#include <vector>

#include "debrief/agenda_check.h"
#include "debrief/records.h"
#include "debrief/store.h"
#include "media_library.h"

namespace debrief::desktop {

struct EventCard {
  Id id;
  std::string title, theme, location, starts, ends;  // times as ISO 8601 UTC
  bool upcoming = false;
};

struct AgendaItem {
  Id id;
  std::string title, kind, starts, ends;
};

struct CrewMember {
  Id id;
  std::string name;
};

struct EventPage {
  EventCard card;
  std::string description;
  bool offsite = false;
  std::vector<AgendaItem> agenda;  // by start time
  std::vector<std::string> speakers;
  std::vector<CrewMember> crew;
  std::vector<MediaItem> photos;  // media attached to the event, oldest first
  AgendaCheck balance;            // the agenda's balance (agenda_check.h)
};

// Upcoming events first (soonest first), then past ones (latest first);
// "upcoming" is relative to `now_s` (Unix seconds).
Result<std::vector<EventCard>> load_events(Store& store, std::int64_t now_s);
Result<EventPage> load_event_page(Store& store, const Id& id, std::int64_t now_s);

}  // namespace debrief::desktop
