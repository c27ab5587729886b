// Parsed surveys, cached per store. Internal to the core.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "debrief/store.h"
#include "debrief/survey.h"

namespace debrief {

// At most this many parsed surveys, holding at most these bytes of
// questions documents, are kept per store.
inline constexpr std::size_t kCachedSurveys = 256;
inline constexpr std::size_t kCachedSurveyBytes = 8u << 20;

// The parsed form of a questions document (as stored: compact JSON).
Result<std::shared_ptr<const Survey>> cached_survey(Store& store, const std::string& questions);

// Parsed surveys by id, for one pass over many answers: each survey is
// loaded once.
class SurveyLookup {
 public:
  // The survey `id`, deleted or not; an error when there is none.
  Result<const Survey*> find(Store& store, const Id& id);

 private:
  std::map<Id, std::shared_ptr<const Survey>> surveys_;
};

}  // namespace debrief
