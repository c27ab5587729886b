// The group a response counts in, for the anonymity threshold (privacy.h):
// the responses of one team to one survey about one event, activity and
// pulse window. That is the place a person has one voice in (docs/privacy.md),
// so a group holds as many responses as people answered in it, and a
// threshold on its responses is a threshold on distinct people.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "debrief/records.h"
#include "debrief/store.h"

namespace debrief {

struct AnswerGroup {
  Id team, survey;
  std::optional<Id> event, activity;
  std::int64_t window = 0;  // 0 but for pulse surveys (PROTOCOL.md, participation)
  std::int64_t from = 0, to = 0;  // the window, in seconds since 1970: [from, to)

  // One string per group, the same on every replica.
  std::string key() const;
};

// The group of `response` (its JSON, as records.h gives it or as a server
// checked it), or nothing for one counted towards no team. Reads its survey
// and event from `store`.
Result<std::optional<AnswerGroup>> answer_group_of(Store& store, const Json& response);

// The live responses of `group` in `store`.
Result<std::vector<Id>> responses_in(Store& store, const AnswerGroup& group);

// Whether `person` answered in `group`: a voice of theirs is recorded in it
// (a participation) and counts towards its team (their team in the
// directory, as a device's review reads it, or a named answer of theirs in
// the group). A reader's own answer is not counted towards what they may
// see (privacy.h, GroupSize::own).
Result<bool> answered_in(Store& store, const AnswerGroup& group, const Id& person);

}  // namespace debrief
