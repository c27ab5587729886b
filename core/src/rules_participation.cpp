// Rules for participations: who answered which survey, kept apart from
// what they answered (docs/privacy.md). One per person, survey,
// event (or activity) and window: its id is derived from those, so every
// replica that records it records the same one, and it names neither the
// response nor the moment (only the day).
//
// One voice: a person answers a survey once per event (or activity), and a
// pulse survey once per window (pulse_window.h). Answering again with one's
// name replaces one's named answer; any other second answer is refused,
// because an anonymous answer cannot be proven to be anyone's.
#include "debrief/answered.h"
#include "debrief/records.h"
#include "kind_rules.h"
#include "pulse_window.h"
#include "voice.h"
#include "store_impl.h"

namespace debrief {
namespace {

constexpr std::int64_t kDay = 86400;

Result<bool> voice_recorded(Store& store, const Id& voice) {
  sql::Stmt& s = impl_of(store).db->cached("SELECT 1 FROM participations WHERE id = ? AND deleted = 0");
  s.bind(1, voice);
  bool found = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

// The person's named answers to the survey for that event or activity in
// `window`, live or replaced, but for `response` (written already): ids of
// the live ones, and whether any exists.
struct NamedAnswers {
  std::vector<Id> live;
  bool any = false;
};

Result<NamedAnswers> named_answers(Store& store, const Draft& p, const Window& window, const Id& response) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT id, deleted FROM responses WHERE (activity = ?2 OR ?2 IS NULL AND activity IS NULL AND event IS ?1) "
      "AND survey = ?3 AND author = ?4 AND created_at >= ?5 AND created_at < ?6");
  bind_value(s, 1, p.at("event"));
  bind_value(s, 2, p.at("activity"));
  bind_value(s, 3, p.at("survey"));
  bind_value(s, 4, p.at("person"));
  s.bind(5, window.from).bind(6, window.to);
  NamedAnswers found;
  while (s.step()) {
    if (s.id(0) == response) continue;
    found.any = true;
    if (s.int64(1) == 0) found.live.push_back(s.id(0));
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

std::string answered_already(const Draft& p) {
  return std::string("this person has answered this survey for this ") + (p.has("activity") ? "activity" : "event") +
         " already";
}

// A second answer: a named one replaces the person's named answers; an
// anonymous one, or any answer after an anonymous one, is refused.
Status answer_again(Store& store, const Draft& response, const Draft& p, const Window& window) {
  Result<NamedAnswers> named = named_answers(store, p, window, response.id);
  DEBRIEF_TRY(named.status());
  if (response.integer("anonymous"))
    return invalid(answered_already(p) + (named->any ? "; answering again with your name changes that answer"
                                                     : "; an anonymous answer cannot be changed"));
  if (!named->any) return invalid(answered_already(p) + " anonymously; an anonymous answer cannot be changed");
  for (const Id& old : named->live) DEBRIEF_TRY(debrief::remove(store, Kind::response, old));
  return Status::ok();
}

// The event an answer is about: an activity's own event, whether or not
// the answer names it, so that naming it or not is the same voice.
Result<std::optional<Id>> event_of(Store& store, const std::optional<Id>& event, const std::optional<Id>& activity) {
  if (!activity) return event;
  Result<Draft> a = load_draft(store, spec_of(Kind::activity), *activity);
  DEBRIEF_TRY(a.status());
  return a->ref("event");
}

// The voice of an answer given at `at`, and its window.
struct VoiceAt {
  Voice voice;
  Window window;
};

Result<VoiceAt> voice_of(Store& store, const Id& survey, const std::optional<Id>& event,
                         const std::optional<Id>& activity, std::int64_t at) {
  Result<std::optional<Id>> own_event = event_of(store, event, activity);
  DEBRIEF_TRY(own_event.status());
  Result<Window> window = pulse_window(store, survey, *own_event, at);
  DEBRIEF_TRY(window.status());
  return VoiceAt{{survey, *own_event, activity, window->id}, *window};
}

}  // namespace

Status record_voice(Store& store, const Draft& response) {
  Draft p(spec_of(Kind::participation));
  Result<Id> me = require_me(store);
  DEBRIEF_TRY(me.status());
  Result<VoiceAt> at = voice_of(store, *response.ref("survey"), response.ref("event"), response.ref("activity"),
                                response.created_at);
  DEBRIEF_TRY(at.status());
  p.id = participation_id(*me, at->voice);
  p.at("person") = *me;
  p.at("survey") = response.at("survey");
  if (at->voice.event) p.at("event") = *at->voice.event;
  p.at("activity") = response.at("activity");
  p.created_at = response.created_at - response.created_at % kDay;
  Result<bool> answered = voice_recorded(store, p.id);
  DEBRIEF_TRY(answered.status());
  if (!*answered) return insert_draft(store, p);
  return answer_again(store, response, p, at->window);
}

Result<bool> has_answered(Store& store, const Id& survey, const std::optional<Id>& event,
                          const std::optional<Id>& activity) {
  Result<Id> me = require_me(store);
  DEBRIEF_TRY(me.status());
  Result<VoiceAt> at = voice_of(store, survey, event, activity, impl_of(store).now_s());
  DEBRIEF_TRY(at.status());
  return voice_recorded(store, participation_id(*me, at->voice));
}

// Participations are append-only and made only here, beside their response;
// a pushed one is dropped (pushed_change.cpp).
const KindRules kParticipationRules{};

}  // namespace debrief
