// Rules for events and their agendas: times in order, activities inside
// their event, days fixed once a pulse about them is answered.
#include "debrief/time.h"
#include "kind_rules.h"
#include "store_impl.h"

namespace debrief {
namespace {

Status check_order(const Draft& d, std::string_view what) {
  if (d.integer("ends_at") < d.integer("starts_at"))
    return invalid("the " + std::string(what) + " ends (" + format_time(d.integer("ends_at")) +
                   ") before it starts (" + format_time(d.integer("starts_at")) + ")");
  return Status::ok();
}

// Whether a live answer to a pulse survey is about the event (or one of
// its activities): its window was read from the event's days.
Result<bool> pulse_answered(Store& store, const Id& event) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT 1 FROM responses r JOIN surveys s ON s.id = r.survey WHERE s.kind = 'pulse' AND r.deleted = 0 AND "
      "(r.event = ?1 OR r.activity IN (SELECT id FROM activities WHERE event = ?1)) LIMIT 1");
  s.bind(1, event);
  bool found = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

// An event's days are fixed once people answered a pulse about it: each
// answer's window (before, during, after: pulse_window.h) is one voice, and
// moved days would move answers between windows, so that one person could
// count twice in a group (docs/privacy.md).
Status check_event(Store& store, Draft& draft, const Draft* before) {
  DEBRIEF_TRY(check_order(draft, "event"));
  if (!before || (draft.integer("starts_at") == before->integer("starts_at") &&
                  draft.integer("ends_at") == before->integer("ends_at")))
    return Status::ok();
  Result<bool> answered = pulse_answered(store, draft.id);
  DEBRIEF_TRY(answered.status());
  if (*answered) return invalid("people have answered a pulse about this event, so its days stay as they were");
  return Status::ok();
}

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
