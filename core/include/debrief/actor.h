// Who a write is made for, and what their role lets them change.
//
// Every write is checked as the act of one person: a local write as the
// person the store acts for (Store::me), a change pushed to a server as the
// person whose device pushed it (replication.h, ApplyOptions::as_person).
// The kinds' rules read the actor, so one rule decides for both.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "debrief/id.h"
#include "debrief/kind.h"
#include "debrief/status.h"

namespace debrief {

class Store;

enum class Role : std::uint8_t { participant, manager, organiser, admin };

// "participant", "manager", "organiser" or "admin".
std::string_view role_name(Role role);
// The role named `name`, or nothing.
std::optional<Role> role_named(std::string_view name);

struct Actor {
  Id person;
  Role role = Role::participant;
};

// The person `person` as the directory in `store` has them. A person the
// store does not hold (yet) acts as a participant.
Result<Actor> actor_of(Store& store, const Id& person);

// Whether `role` may create, change or delete records of `kind` at all: the
// directory (organisation, teams, people, devices) is the admins'; events,
// activities and surveys are the organisers', managers' and admins';
// summaries the managers' and admins'; every other kind anyone's, with the
// record's author deciding per record.
bool role_may_write(Role role, Kind kind);

}  // namespace debrief
