#include "debrief/answer_group.h"

#include "debrief/time.h"
#include "pulse_window.h"
#include "store_impl.h"
#include "voice.h"

namespace debrief {
namespace {

std::string hex_or_dash(const std::optional<Id>& id) { return id ? id->hex() : "-"; }

}  // namespace

std::string AnswerGroup::key() const {
  return team.hex() + survey.hex() + hex_or_dash(event) + hex_or_dash(activity) + std::to_string(window);
}

Result<std::optional<AnswerGroup>> answer_group_of(Store& store, const Json& response) {
  std::optional<Id> team = id_member(response, "team"), survey = id_member(response, "survey");
  if (!team || !survey) return std::optional<AnswerGroup>();
  Result<std::int64_t> created = parse_time(response.value("created_at", std::string()));
  DEBRIEF_TRY(created.status());
  AnswerGroup g{*team, *survey, id_member(response, "event"), id_member(response, "activity")};
  Result<Window> w = pulse_window(store, g.survey, g.event, *created);
  DEBRIEF_TRY(w.status());
  g.window = w->id;
  g.from = w->from;
  g.to = w->to;
  return std::optional<AnswerGroup>(std::move(g));
}

Result<std::vector<Id>> responses_in(Store& store, const AnswerGroup& group) {
  // Read through the event's responses: the unary + keeps SQLite off the
  // (team, created_at) index, which for a survey's one window is every
  // answer the team ever gave, read again for each response pushed.
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT id FROM responses WHERE +team = ?1 AND survey = ?2 AND event IS ?3 AND activity IS ?4 "
      "AND +created_at >= ?5 AND +created_at < ?6 AND deleted = 0");
  s.bind(1, group.team).bind(2, group.survey).bind(3, group.event).bind(4, group.activity).bind(5, group.from).bind(6, group.to);
  std::vector<Id> out;
  while (s.step()) out.push_back(s.id(0));
  DEBRIEF_TRY(s.status());
  s.reset();
  return out;
}

namespace {

Result<bool> any_row(sql::Stmt& s) {
  bool found = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

}  // namespace

Result<bool> answered_in(Store& store, const AnswerGroup& group, const Id& person) {
  Voice voice{group.survey, group.event, group.activity, group.window};
  sql::Db& db = *impl_of(store).db;
  Result<bool> voiced = any_row(db.cached("SELECT 1 FROM participations WHERE id = ? AND deleted = 0")
                                    .bind(1, participation_id(person, voice)));
  if (!voiced.is_ok() || !*voiced) return voiced;
  Result<bool> member = any_row(db.cached("SELECT 1 FROM people WHERE id = ? AND team = ?").bind(1, person).bind(2, group.team));
  if (!member.is_ok() || *member) return member;
  return any_row(db.cached("SELECT 1 FROM responses WHERE author = ?1 AND +team = ?2 AND survey = ?3 AND event IS ?4 "
                           "AND activity IS ?5 AND +created_at >= ?6 AND +created_at < ?7 AND deleted = 0")
                     .bind(1, person).bind(2, group.team).bind(3, group.survey).bind(4, group.event)
                     .bind(5, group.activity).bind(6, group.from).bind(7, group.to));
}

}  // namespace debrief
