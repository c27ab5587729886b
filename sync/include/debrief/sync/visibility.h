// The privacy rules (docs/privacy.md), enforced on the server: what a person may
// receive, and what a device may write.
#pragma once

#include <map>
#include <set>
#include <string>

#include "debrief/answer_group.h"
#include "debrief/privacy.h"
#include "debrief/records.h"
#include "debrief/replication.h"
#include "debrief/store.h"

namespace debrief::sync {

// Whether `person` is in the directory: held and not deleted. A device of
// someone who left acts for nobody (Hello refuses it).
Result<bool> in_directory(Store& replica, const Id& person);

// Who is asking: a person and the teams they manage (with every team nested
// below those; none for someone no longer in the directory).
struct Audience {
  Id person;
  std::set<Id> managed;

  static Result<Audience> of(Store& replica, const Id& person);
  bool manages(const std::optional<Id>& team) const { return team && managed.count(*team); }
};

// Whether `who` may receive `change`, by its kind's Reach (kind.h): a
// participant receives their own records, what is shared or published, the
// directory and the kudos wall; a manager also the participations of the
// teams they manage, and their responses once a group (answer_group.h)
// reaches the anonymity threshold, not counting the reader's own answer
// (answered_in); media goes to whoever receives what it is attached to.
Result<bool> may_receive(Store& replica, const Audience& who, const Change& change);

// may_receive for one reader over many changes read on one view of the
// replica (a feed page): each response group is decided once, however many
// of its responses the page holds, so a page of N responses in a group of
// G reads N + G rows, not N x G. Valid while the replica does not change.
class ReaderView {
 public:
  ReaderView(Store& replica, const Audience& who) : replica_(replica), who_(who) {}
  Result<bool> may_receive(const Change& change);

 private:
  Result<bool> per_record(Kind kind, const Json& r);
  Result<bool> group_shown(const Json& response);

  Store& replica_;
  const Audience& who_;
  std::map<std::string, bool> shown_;  // by AnswerGroup::key()
};

// Ok when `change` is stamped with `device`, the device that pushed it (a
// participation or an anonymous response may come with none: they travel
// without it). Every other rule of a write the core checks itself, as the
// device's person (replication.h, ApplyOptions::as_person).
Status stamped_by(const Id& device, const WireChange& change);

// A record's coarse scope, the rule feed_after (replication.h) applies in
// SQL, both derived from its kind's Reach (kind.h): whose it is, the team
// whose managers may see it, and whether it is open to all (shared,
// published); nothing for kinds every audience may receive or whose reach
// is decided record by record. A store that filters its feed in a
// database of its own (PostgreSQL) keeps it beside each record. not_found
// for a record that is not (or no longer) there.
struct RecordScope {
  std::optional<Id> owner, team;
  bool open = false;
};
Result<std::optional<RecordScope>> record_scope(Store& records, Kind kind, const Id& record);

// A response's group (answer_group.h: team, survey, event, activity and
// pulse window), its live responses, which are as many as the people who
// answered in it (one voice each), and the organisation's anonymity
// threshold (privacy.h, the one rule). A response counted towards no team,
// or about no event, is in no group: never shown to managers.
struct ResponseGroup {
  std::optional<AnswerGroup> group;  // none for no group
  std::vector<Id> responses;         // empty for no group
  std::int64_t threshold = kDefaultAnonymityThreshold;
  // Shown to a reader, whose own answer in it (answered_in) is not counted
  // (people_in, GroupSize::own); to nobody in particular, all are counted.
  bool shown(bool reader_answered = false) const {
    return people_in(GroupSize{{static_cast<std::int64_t>(responses.size())}, -1, {reader_answered ? 1 : 0}}) >= threshold;
  }
};
Result<ResponseGroup> response_group(Store& replica, const Json& response);
// The same for a group already found (answer_group_of), with an event.
Result<ResponseGroup> response_group(Store& replica, AnswerGroup group);

}  // namespace debrief::sync
