#include "pulse_window.h"

#include "draft.h"
#include "store_impl.h"

namespace debrief {
namespace {

constexpr std::int64_t kDay = 86400, kWeek = 7 * kDay;
constexpr std::int64_t kMonday = -3 * kDay;  // 1969-12-29, the Monday before the epoch

std::int64_t floor_to(std::int64_t t, std::int64_t unit, std::int64_t origin = 0) {
  std::int64_t d = t - origin;
  return t - (d % unit + unit) % unit;
}

Window around_event(std::int64_t day, std::int64_t starts_at, std::int64_t ends_at) {
  std::int64_t first_day = floor_to(starts_at, kDay), day_after = floor_to(ends_at, kDay) + kDay;
  if (day < first_day) return {1, Window{}.from, first_day};
  if (day < day_after) return {2, first_day, day_after};
  return {3, day_after, Window{}.to};
}

}  // namespace

Window pulse_window_of(const std::optional<EventSpan>& event, std::int64_t created_at) {
  std::int64_t day = floor_to(created_at, kDay);
  if (event) return around_event(day, event->starts_at, event->ends_at);
  std::int64_t monday = floor_to(day, kWeek, kMonday);
  return Window{(monday - kMonday) / kWeek, monday, monday + kWeek};
}

Result<Window> pulse_window(Store& store, const Id& survey, const std::optional<Id>& event, std::int64_t created_at) {
  Result<Draft> s = load_draft(store, spec_of(Kind::survey), survey);
  DEBRIEF_TRY(s.status());
  if (s->text("kind") != "pulse") return Window{};
  if (!event) return pulse_window_of(std::nullopt, created_at);
  Result<Draft> e = load_draft(store, spec_of(Kind::event), *event);
  DEBRIEF_TRY(e.status());
  return pulse_window_of(EventSpan{e->integer("starts_at"), e->integer("ends_at")}, created_at);
}

}  // namespace debrief
