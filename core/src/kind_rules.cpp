#include "kind_rules.h"

namespace debrief {

const KindRules& rules_of(Kind kind) {
  switch (kind) {
    case Kind::organisation: return kOrganisationRules;
    case Kind::team: return kTeamRules;
    case Kind::event: return kEventRules;
    case Kind::activity: return kActivityRules;
    case Kind::survey: return kSurveyRules;
    case Kind::response: return kResponseRules;
    case Kind::reflection: return kReflectionRules;
    case Kind::summary: return kAuthoredRules;
    case Kind::kudos: return kKudosRules;
    case Kind::plus_one: return kPlusOneRules;
    case Kind::reply: return kReplyRules;
    case Kind::participation: return kParticipationRules;
    case Kind::media: return kMediaRules;
    case Kind::person: return kPersonRules;
    case Kind::device: return kNoRules;
  }
  return kNoRules;
}

}  // namespace debrief
