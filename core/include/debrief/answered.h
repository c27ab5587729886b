// Whether this device's person has answered a survey, so an app can mark
// what is answered before the person starts again (one person, one voice:
// answering again with one's name replaces the answer; after an anonymous
// answer, the core refuses another).
#pragma once

#include <optional>

#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief {

class Store;

// True when the person has a voice recorded for `survey` about the event
// or activity (an activity's own event is looked up): for a pulse survey,
// in the window that holds the store's clock now. failed_precondition when
// the store acts for nobody.
Result<bool> has_answered(Store& store, const Id& survey, const std::optional<Id>& event,
                          const std::optional<Id>& activity);

}  // namespace debrief
