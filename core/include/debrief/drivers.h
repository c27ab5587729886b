// Key drivers: which rated questions of an event's own surveys move its
// overall rating and eNPS most, as Culture Amp's impact analysis does,
// computed on the device from the local store.
//
// A survey's outcome questions are its first rating question (the overall
// rating) and its first eNPS question; every other rating question is a
// driver. For each driver, Pearson's r between its answers and each
// outcome's, over the responses that answered both, with a 95% interval by
// Fisher's z. Only for groups of at least kDriverMinPeople people that the
// review shows: in a smaller group, one person's answers would move r, and
// the interval would span most of [-1, 1]. Not thread-safe (see Store).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "debrief/id.h"
#include "debrief/privacy.h"

namespace debrief {

inline constexpr std::int64_t kDriverMinPeople = 25;

// The reason a group the review shows has no drivers.
inline constexpr const char* kTooFewForDrivers =
    "fewer than 25 people answered: too few to tell what moves the results";

struct Correlation {
  std::int64_t answers = 0;  // responses that answered both
  double r = 0;
  double low = 0, high = 0;  // the 95% interval
};

struct Driver {
  Id survey;
  std::string question;  // its id in the survey
  std::string text;      // its wording
  std::optional<Correlation> with_rating;  // none: too few pairs, or no spread
  std::optional<Correlation> with_enps;
};

struct GroupDrivers {
  std::string name;          // as in the review's groups
  std::optional<Id> team;
  Disclosure disclosure;     // the review's, or kTooFewForDrivers
  std::vector<Driver> drivers;  // the strongest |r| with the rating first (then with eNPS)
};

class Store;
struct ScopeReview;

// The drivers of the event `scope` reviews (an event's own surveys), for
// each of its groups, in the review's order.
Result<std::vector<GroupDrivers>> key_drivers(Store& store, const ScopeReview& scope);

}  // namespace debrief
