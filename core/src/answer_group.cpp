#include "debrief/answer_group.h"

#include "debrief/time.h"
#include "pulse_window.h"
#include "store_impl.h"

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
  sql::Stmt& s = store.impl().db->cached(
      "SELECT id FROM responses WHERE +team = ?1 AND survey = ?2 AND event IS ?3 AND activity IS ?4 "
      "AND +created_at >= ?5 AND +created_at < ?6 AND deleted = 0");
  s.bind(1, group.team).bind(2, group.survey).bind(3, group.event).bind(4, group.activity).bind(5, group.from).bind(6, group.to);
  std::vector<Id> out;
  while (s.step()) out.push_back(s.id(0));
  DEBRIEF_TRY(s.status());
  s.reset();
  return out;
}

}  // namespace debrief
