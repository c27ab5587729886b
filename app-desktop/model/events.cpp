#include "events.h"

#include <algorithm>

#include "debrief/fields.h"
#include "debrief/time.h"
#include "directory.h"

namespace debrief::desktop {
namespace {

EventCard card_of(const RecordView<Kind::event>& e, std::int64_t now_s) {
  EventCard c{e.id(), e.text("title"), e.text("theme"), e.text("location"), e.text("starts_at"), e.text("ends_at"), false};
  Result<std::int64_t> ends = parse_time(c.ends);
  c.upcoming = ends.is_ok() && *ends >= now_s;
  return c;
}

}  // namespace

Result<std::vector<EventCard>> load_events(Store& store, std::int64_t now_s) {
  Result<std::vector<Json>> events = list(store, Kind::event);
  DEBRIEF_TRY(events.status());
  std::vector<EventCard> cards;
  for (const Json& e : *events) cards.push_back(card_of(RecordView<Kind::event>(e), now_s));
  std::stable_sort(cards.begin(), cards.end(), [](const EventCard& a, const EventCard& b) {
    if (a.upcoming != b.upcoming) return a.upcoming;
    return a.upcoming ? a.starts < b.starts : a.starts > b.starts;
  });
  return cards;
}

Result<EventPage> load_event_page(Store& store, const Id& id, std::int64_t now_s) {
  Result<Json> json = get(store, Kind::event, id);
  DEBRIEF_TRY(json.status());
  RecordView<Kind::event> e(*json);
  EventPage page{card_of(e, now_s), e.text("description"), e.flag("offsite"), {}, e.texts("speakers"), {}, {}, {}};
  Result<std::vector<Json>> activities = list(store, Kind::activity, {.where = {filter_by<Kind::activity>("event", id)}});
  DEBRIEF_TRY(activities.status());
  for (const Json& json_a : *activities) {
    RecordView<Kind::activity> a(json_a);
    page.agenda.push_back({a.id(), a.text("title"), a.text("kind"), a.text("starts_at"), a.text("ends_at")});
  }
  std::sort(page.agenda.begin(), page.agenda.end(), [](const AgendaItem& a, const AgendaItem& b) { return a.starts < b.starts; });
  Result<Directory> dir = load_directory(store);
  DEBRIEF_TRY(dir.status());
  for (const Id& p : e.refs("crew")) page.crew.push_back({p, dir->person(p)});
  Result<std::vector<MediaItem>> photos = load_media(store, {Kind::event, id, page.card.title});
  DEBRIEF_TRY(photos.status());
  page.photos = std::move(*photos);
  Result<AgendaCheck> balance = check_agenda(store, id);
  DEBRIEF_TRY(balance.status());
  page.balance = std::move(*balance);
  return page;
}

}  // namespace debrief::desktop
