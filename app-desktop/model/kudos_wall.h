// The kudos wall, newest first, with its filters; +1s; and giving kudos,
// where the core's rules (a specific action and its outcome) are the ones
// the dialog shows inline when it refuses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "debrief/records.h"
#include "debrief/store.h"

namespace debrief::desktop {

struct KudosCard {
  Id id;
  std::string from, to, action, outcome, category, when;
  std::int64_t plus_ones = 0;
  bool plus_oned_by_me = false;
};

// Empty members match everything.
struct KudosFilter {
  std::string category = {};
  std::optional<Id> person = {};  // given by or to them
  std::optional<Id> team = {};    // to the team or to one of its members
};

// A page of the wall, newest first.
struct KudosPage {
  std::vector<KudosCard> cards;
  std::optional<Id> next;  // the kudos the next page starts after; none at the end
};

// Up to `want` cards matching `filter`, newest first, starting after the
// kudos `after` (none: from the newest). Reads only as many kudos as it
// must, so the first page of a wall of 100,000 comes at once.
Result<KudosPage> load_kudos_page(Store& store, const KudosFilter& filter, const std::optional<Id>& after,
                                  std::size_t want);

struct KudosDraft {
  std::vector<Id> to;  // people
  std::string action, outcome, category = "other";
  std::optional<Id> event = {};
};

// Gives the kudos as the person this device acts for; the core's refusal
// (a vague action, no outcome, nobody thanked) comes back as it is.
Result<Id> give_kudos(Store& store, const KudosDraft& draft);

// Adds my +1 to the kudos.
Status plus_one(Store& store, const Id& kudos);

// The categories a kudos can have, as the core knows them.
std::vector<std::string> kudos_categories();

}  // namespace debrief::desktop
