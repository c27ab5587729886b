#include "pulse_tallies.h"

#include "debrief/survey.h"
#include "scope_tallies.h"

namespace debrief {
namespace {

constexpr std::int64_t kDay = 86400;

// The UTC day `t` falls in: a window [from, to) of whole days holds the
// same responses by day as by moment.
std::int64_t day_of(std::int64_t t) { return t - ((t % kDay) + kDay) % kDay; }

}  // namespace

Result<bool> PulseTallies::is_pulse(sql::Db& db, const Id& survey) {
  if (auto it = pulse_.find(survey); it != pulse_.end()) return it->second;
  sql::Stmt& s = db.cached("SELECT kind = 'pulse' FROM surveys WHERE id = ?");
  s.bind(1, survey);
  const bool pulse = s.step() && s.int64(0) != 0;
  DEBRIEF_TRY(s.status());
  s.reset();
  return pulse_[survey] = pulse;
}

Status PulseTallies::add(sql::Db& db, const TalliedResponse& r, const Survey* survey, int sign) {
  if (!r.team || !survey) return Status::ok();
  PulseCounts c;
  for (const TalliedAnswer& a : r.answers) {
    const Question* q = survey->find(a.question);
    if (!a.num || !q || q->type != QuestionType::rating) continue;
    c.ratings += sign;
    c.rating_sum += sign * *a.num;
  }
  if (c.ratings == 0) return Status::ok();
  Result<bool> pulse = is_pulse(db, r.survey);
  DEBRIEF_TRY(pulse.status());
  if (!*pulse) return Status::ok();
  PulseCounts& row = pending_[Key{*r.team, day_of(r.created_at), r.survey, r.event, r.activity}];
  row.responses += sign;
  row.ratings += c.ratings;
  row.rating_sum += c.rating_sum;
  return Status::ok();
}

Status PulseTallies::flush(sql::Db& db) {
  sql::Stmt& upsert = db.cached(
      "INSERT INTO pulse_tallies(team, day, survey, event, activity, responses, ratings, rating_sum) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET responses = responses + excluded.responses, "
      "ratings = ratings + excluded.ratings, rating_sum = rating_sum + excluded.rating_sum");
  sql::Stmt& prune = db.cached(
      "DELETE FROM pulse_tallies WHERE team = ? AND day = ? AND survey = ? AND event = ? AND activity = ? "
      "AND responses <= 0");
  for (const auto& [key, c] : pending_) {
    if (c == PulseCounts{}) continue;  // counted and taken back in the same batch
    const auto& [team, day, survey, event, activity] = key;
    upsert.reset().bind(1, team).bind(2, day).bind(3, survey).bind_key(4, event).bind_key(5, activity);
    DEBRIEF_TRY(upsert.bind(6, c.responses).bind(7, c.ratings).bind(8, c.rating_sum).exec());
    if (c.responses >= 0) continue;
    prune.reset().bind(1, team).bind(2, day).bind(3, survey).bind_key(4, event);
    DEBRIEF_TRY(prune.bind_key(5, activity).exec());
  }
  discard();
  return Status::ok();
}

void PulseTallies::discard() {
  pending_.clear();
  pulse_.clear();
}

}  // namespace debrief
