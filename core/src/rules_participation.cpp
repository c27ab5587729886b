// Rules for participations: who answered which survey, kept apart from
// what they answered (PRODUCT.md, privacy rules). One per person, survey
// and event (or activity): its id is derived from those, so every replica
// that records it records the same one, and it names neither the response
// nor the moment (only the day).
#include <openssl/sha.h>

#include "kind_rules.h"
#include "store_impl.h"

namespace debrief {
namespace {

constexpr std::int64_t kDay = 86400;

Id voice_id(const Draft& p) {
  std::uint8_t input[64] = {}, digest[SHA256_DIGEST_LENGTH];
  std::size_t n = 0;
  for (std::string_view field : {"person", "survey", "event", "activity"}) {
    std::optional<Id> id = p.ref(field);
    if (id) std::copy_n(id->bytes.data(), 16, input + n);
    n += 16;
  }
  SHA256(input, sizeof input, digest);
  Id id;
  std::copy_n(digest, 16, id.bytes.data());
  return id;
}

}  // namespace

Result<bool> voice_recorded(Store& store, const Draft& p) {
  sql::Stmt& s = store.impl().db->cached(
      "SELECT 1 FROM participations WHERE event IS ?1 AND activity IS ?2 AND person = ?3 AND survey = ?4 AND deleted = 0");
  bind_value(s, 1, p.at("event"));
  bind_value(s, 2, p.at("activity"));
  bind_value(s, 3, p.at("person"));
  bind_value(s, 4, p.at("survey"));
  bool found = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

namespace {

Result<bool> is_pulse(Store& store, const Id& survey) {
  Result<Draft> s = load_draft(store, spec_of(Kind::survey), survey);
  DEBRIEF_TRY(s.status());
  return s->text("kind") == "pulse";
}

Status check_participation(Store& store, Draft& draft, const Draft* before) {
  if (before) return invalid("a participation cannot be changed");
  Result<Id> me = require_me(store);
  DEBRIEF_TRY(me.status());
  draft.at("person") = *me;
  draft.created_at -= draft.created_at % kDay;
  return Status::ok();
}

}  // namespace

Status record_voice(Store& store, const Draft& response, bool one_voice) {
  Draft p(spec_of(Kind::participation));
  Result<Id> me = require_me(store);
  DEBRIEF_TRY(me.status());
  p.at("person") = *me;
  p.at("survey") = response.at("survey");
  p.at("event") = response.at("event");
  p.at("activity") = response.at("activity");
  p.created_at = response.created_at - response.created_at % kDay;
  p.id = voice_id(p);
  Result<bool> answered = voice_recorded(store, p);
  DEBRIEF_TRY(answered.status());
  if (!*answered) return insert_draft(store, p);
  Result<bool> pulse = is_pulse(store, *p.ref("survey"));
  DEBRIEF_TRY(pulse.status());
  if (!one_voice || *pulse) return Status::ok();  // pulse windows are not told apart yet
  return invalid(std::string("this person has answered this survey for this ") + (p.has("activity") ? "activity" : "event") +
                 " already" + (response.integer("anonymous") ? "; an anonymous answer cannot be changed" : ""));
}

const KindRules kParticipationRules{.check = check_participation};

}  // namespace debrief
