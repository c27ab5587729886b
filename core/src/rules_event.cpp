// Rules for events and their agendas: times in order, activities inside
// their event.
#include "debrief/time.h"
#include "kind_rules.h"

namespace debrief {
namespace {

Status check_order(const Draft& d, std::string_view what) {
  if (d.integer("ends_at") < d.integer("starts_at"))
    return invalid("the " + std::string(what) + " ends (" + format_time(d.integer("ends_at")) +
                   ") before it starts (" + format_time(d.integer("starts_at")) + ")");
  return Status::ok();
}

Status check_event(Store&, Draft& draft, const Draft*) { return check_order(draft, "event"); }

Status check_activity(Store& store, Draft& draft, const Draft*) {
  DEBRIEF_TRY(check_order(draft, "activity"));
  Result<Draft> event = load_draft(store, spec_of(Kind::event), *draft.ref("event"));
  DEBRIEF_TRY(event.status());
  if (draft.integer("starts_at") < event->integer("starts_at") ||
      draft.integer("ends_at") > event->integer("ends_at")) {
    return invalid("the activity must fall within its event, " +
                   format_time(event->integer("starts_at")) + " to " +
                   format_time(event->integer("ends_at")));
  }
  return Status::ok();
}

}  // namespace

const KindRules kEventRules{.check = check_event};
const KindRules kActivityRules{.check = check_activity};

}  // namespace debrief
