// The privacy rules of PRODUCT.md, enforced on the server: what a person may
// receive, and what a device may write.
#pragma once

#include <set>
#include <string>

#include "debrief/privacy.h"
#include "debrief/records.h"
#include "debrief/replication.h"
#include "debrief/store.h"

namespace debrief::sync {

// Who is asking: a person, their role, and the teams they manage (with every
// team nested below those).
struct Audience {
  Id person;
  std::string role;
  std::set<Id> managed;

  static Result<Audience> of(Store& replica, const Id& person);
  bool manages(const std::optional<Id>& team) const { return team && managed.count(*team); }
};

// Whether `who` may receive `change`. A participant receives their own
// records, what is published, the directory and the kudos wall; a manager
// also the responses of the teams they manage once a group (team, survey,
// event) reaches the anonymity threshold; private reflections go only to
// their author; media goes to whoever receives what it is attached to.
Result<bool> may_receive(Store& replica, const Audience& who, const Change& change);

// Ok when `change` is stamped with `device`, the device that pushed it (a
// participation or an anonymous response may come with none: they travel
// without it). Every other rule of a write the core checks itself, as the
// device's person (replication.h, ApplyOptions::as_person).
Status stamped_by(const Id& device, const WireChange& change);

// A record's coarse scope, the rule feed_after (replication.h) applies in
// SQL: for responses, participations, reflections, devices and summaries,
// whose it is, the team it counts towards, and whether it is open to all
// (shared, published); nothing for other kinds, which every audience may
// receive. A store that filters its feed in a database of its own
// (PostgreSQL) keeps it beside each record. not_found for a record that is
// not (or no longer) there.
struct RecordScope {
  std::optional<Id> owner, team;
  bool open = false;
};
Result<std::optional<RecordScope>> record_scope(Store& records, Kind kind, const Id& record);

// The live responses of a response's group (team, survey, event), which
// are as many as the people who answered (the server takes one response
// per person, survey and event: ApplyOptions::as_person), and the
// organisation's anonymity threshold (privacy.h, the one rule).
struct ResponseGroup {
  std::int64_t responses = 0;
  std::int64_t threshold = kDefaultAnonymityThreshold;
  bool shown() const { return responses >= threshold; }
};
Result<ResponseGroup> response_group(Store& replica, const Json& response);
// A response's group (team, survey, event) as one key.
std::string group_key(const Json& response);

}  // namespace debrief::sync
