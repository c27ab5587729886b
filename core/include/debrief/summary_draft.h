// A first draft of an event's "what we heard, what we'll do" note, written
// from its review (insights.h), for the manager to edit before publishing.
// Only what the review shows goes in: a withheld group's numbers and themes
// are not in the review, so they cannot reach the draft. Deterministic.
#pragma once

#include <string>

#include "debrief/insights.h"

namespace debrief {

struct SummaryDraft {
  std::string heard;    // the results, one sentence per line
  std::string will_do;  // one "- ...: " line per top theme, to complete
};

SummaryDraft draft_summary(const EventReview& review);

// Drafts `event`'s note from its review and keeps it as the reader's one
// unpublished summary of the event: drafting again rewrites that draft's
// text rather than adding another. Returns its id; not_found when there is
// no such live event.
Result<Id> save_summary_draft(Store& store, const Id& event);

}  // namespace debrief
