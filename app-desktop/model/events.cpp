#include "events.h"

#include <algorithm>

#include "debrief/time.h"
#include "agenda.h"
#include "directory.h"

namespace debrief::desktop {
namespace {

EventCard card_of(const Json& e, std::int64_t now_s) {
  EventCard c{e["id"], e.value("title", ""), e.value("theme", Json()).is_string() ? e["theme"] : "",
              e.value("location", Json()).is_string() ? e["location"] : "", e.value("starts_at", ""),
              e.value("ends_at", ""), false};
  Result<std::int64_t> ends = parse_time(c.ends);
  c.upcoming = ends.is_ok() && *ends >= now_s;
  return c;
}

}  // namespace

Result<std::vector<EventCard>> load_events(Store& store, std::int64_t now_s) {
  Result<std::vector<Json>> events = list(store, Kind::event);
  DEBRIEF_TRY(events.status());
  std::vector<EventCard> cards;
  for (const Json& e : *events) cards.push_back(card_of(e, now_s));
  std::stable_sort(cards.begin(), cards.end(), [](const EventCard& a, const EventCard& b) {
    if (a.upcoming != b.upcoming) return a.upcoming;
    return a.upcoming ? a.starts < b.starts : a.starts > b.starts;
  });
  return cards;
}

Result<EventPage> load_event_page(Store& store, const std::string& id, std::int64_t now_s) {
  Result<Id> parsed = Id::parse(id);
  DEBRIEF_TRY(parsed.status());
  Result<Json> e = get(store, Kind::event, *parsed);
  DEBRIEF_TRY(e.status());
  EventPage page{card_of(*e, now_s), e->value("description", Json()).is_string() ? (*e)["description"] : "",
                 e->value("offsite", false), {}, strings_in(e->value("speakers", Json())), {}, {}};
  Result<std::vector<Json>> activities = list(store, Kind::activity, {.where = {{"event", id}}});
  DEBRIEF_TRY(activities.status());
  for (const Json& a : *activities)
    page.agenda.push_back({a["id"], a.value("title", ""), a.value("kind", ""), a.value("starts_at", ""), a.value("ends_at", "")});
  std::sort(page.agenda.begin(), page.agenda.end(), [](const AgendaItem& a, const AgendaItem& b) { return a.starts < b.starts; });
  Result<Directory> dir = load_directory(store);
  DEBRIEF_TRY(dir.status());
  for (const std::string& p : strings_in(e->value("crew", Json()))) page.crew.push_back({p, dir->person(p)});
  Result<std::vector<MediaItem>> photos = load_media(store, {Kind::event, id, page.card.title});
  DEBRIEF_TRY(photos.status());
  page.photos = std::move(*photos);
  return page;
}

}  // namespace debrief::desktop
