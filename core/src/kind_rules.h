// The rules of each kind beyond field types and limits: the checks and side
// effects that make a record valid. Internal to the core.
#pragma once

#include "debrief/store.h"
#include "draft.h"

namespace debrief {

struct KindRules {
  // Checks a complete draft and fills the fields the core sets itself.
  // `before` is the stored record when updating, null when creating.
  Status (*check)(Store& store, Draft& draft, const Draft* before) = nullptr;
  // Writes what the record keeps outside its row (a response's answers),
  // inside the creating transaction: for local creation and for records
  // arriving by sync alike.
  Status (*write_extra)(Store& store, const Draft& draft) = nullptr;
  // What creating the record also does, locally or when a device pushes it
  // to a server (as the pushing person): a response records who answered,
  // as a separate participation. Not run for records pulled from a server,
  // which brings those too.
  Status (*after_local_create)(Store& store, const Draft& draft) = nullptr;
  // Adds the members kept outside the row to a record read back.
  Status (*read_extra)(Store& store, const Draft& draft, Json& record) = nullptr;
  // Undoes what write_extra counted elsewhere, before a live record is
  // tombstoned (locally or by sync), inside that transaction.
  Status (*before_tombstone)(Store& store, const Id& id) = nullptr;
  // Keeps what depends on a field current after it changed (locally or by
  // sync), inside that transaction.
  Status (*after_set)(Store& store, const Id& id, const FieldSpec& field) = nullptr;
  // Makes the id of a new record; null means Id::make.
  Result<Id> (*make_id)(Store& store, const Draft& draft) = nullptr;
  // The one id a record may have, derived from what it names and who wrote
  // it (a +1's); a pushed record under another id is refused.
  Result<Id> (*derived_id)(Store& store, const Draft& draft) = nullptr;
};

const KindRules& rules_of(Kind kind);

// Records that the person a write is made for answered the survey of
// `response` for its event or activity (a participation, not linked to the
// response), in its pulse window (pulse_window.h). A second answer in the
// same place replaces the person's named answer when it is named too, and
// is refused otherwise (rules_participation.cpp).
Status record_voice(Store& store, const Draft& response);

// Sets the team a stored response counts towards (a server's checked
// form, which a device adopts), keeping its scope's tallies true. Inside
// the caller's transaction.
Status set_response_team(Store& store, const Id& response, const std::optional<Id>& team);

// The rules, one function set per file (rules_*.cpp).
extern const KindRules kOrganisationRules, kTeamRules, kPersonRules, kEventRules, kActivityRules,
    kSurveyRules, kResponseRules, kAuthoredRules, kReflectionRules, kKudosRules, kPlusOneRules, kReplyRules,
    kParticipationRules, kMediaRules, kNoRules;

}  // namespace debrief
