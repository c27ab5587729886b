// Rules for responses: answers follow the survey's branches; anonymous
// responses keep no author and no exact time, and who answered is recorded
// apart from what they answered (docs/privacy.md).
#include "kind_rules.h"
#include "store_impl.h"
#include "scope_tallies.h"
#include "stored_sentiment.h"
#include "survey_cache.h"

namespace debrief {
namespace {

constexpr std::int64_t kDay = 86400;

// Whether an id begins as Id::make's do, with a moment between 2020 and
// tomorrow: an anonymous response's id must not, or it would say when its
// author wrote it.
bool reads_as_a_time(const Id& id, std::int64_t now_ms) {
  std::int64_t ms = 0;
  for (int i = 0; i < 6; ++i) ms = (ms << 8) | id.bytes[static_cast<std::size_t>(i)];
  return ms >= 1577836800000 && ms <= now_ms + kDay * 1000;
}

// An answer about an activity is about its event too: the event is filled
// in when the answer leaves it out, so every replica groups, counts and
// shows the answer with its event's (answer_group.h, insights).
Status check_context(Store& store, Draft& draft) {
  std::optional<Id> activity = draft.ref("activity");
  if (!activity) return Status::ok();
  Result<Draft> a = load_draft(store, spec_of(Kind::activity), *activity);
  DEBRIEF_TRY(a.status());
  std::optional<Id> event = draft.ref("event");
  if (event && *event != *a->ref("event")) return invalid("the activity is not part of that event");
  draft.at("event") = *a->ref("event");
  return Status::ok();
}

Status check_response(Store& store, Draft& draft, const Draft* before) {
  if (before) return invalid("a response cannot be changed once given");
  Result<Id> me = require_me(store);
  DEBRIEF_TRY(me.status());
  auto survey_draft = load_draft(store, spec_of(Kind::survey), *draft.ref("survey"));
  DEBRIEF_TRY(survey_draft.status());
  bool anonymous = draft.integer("anonymous") != 0;
  if (anonymous && survey_draft->integer("allow_anonymous") == 0)
    return invalid("this survey does not allow anonymous answers");
  Result<std::shared_ptr<const Survey>> survey = cached_survey(store, survey_draft->text("questions"));
  DEBRIEF_TRY(survey.status());
  DEBRIEF_TRY((*survey)->check_answers(draft.input.at("answers")));
  DEBRIEF_TRY(check_context(store, draft));
  sql::Stmt& team = impl_of(store).db->cached("SELECT team FROM people WHERE id = ?");
  team.bind(1, *me);
  draft.at("team") = team.step() ? read_value(team, 0) : DbValue(std::monostate{});
  DEBRIEF_TRY(team.status());
  team.reset();
  if (anonymous && !draft.id.is_nil() && reads_as_a_time(draft.id, store.env().now_ms()))
    return invalid("an anonymous response's id must be random: this one begins with the moment it was made");
  if (anonymous) {
    draft.at("author") = std::monostate{};
    draft.created_at -= draft.created_at % kDay;  // the day, not the moment
  } else {
    draft.at("author") = *me;
  }
  return Status::ok();
}

// An anonymous response's id must not carry its creation time either: it
// is random, and never reads as a time (which a server refuses).
Result<Id> make_response_id(Store& store, const Draft& draft) {
  if (draft.integer("anonymous") == 0) return Id::make(store.env());
  Id id;
  do store.env().random_bytes(id.bytes.data(), id.bytes.size());
  while (reads_as_a_time(id, store.env().now_ms()));
  return id;
}

// One answer row: a number, a text (scored as it is written), or neither.
TalliedAnswer answer_row(const std::string& question, std::string part, const Json& value) {
  TalliedAnswer a{question, std::move(part), std::nullopt, std::nullopt, std::nullopt};
  if (value.is_number_integer()) a.num = value.get<std::int64_t>();
  if (value.is_string()) {
    a.text = value.get<std::string>();
    a.sentiment = stored_sentiment_of(*a.text);
  }
  return a;
}

// Answers go one row per value (per option for multi, per part for a
// triad; an empty list or triad keeps one row with no value), so insights can
// aggregate them; the response is counted in its scope's tallies at once.
Status write_answers(Store& store, const Draft& draft) {
  TalliedResponse r{draft.id, *draft.ref("survey"), draft.ref("event"), draft.ref("activity"), draft.ref("team"), {},
                    draft.created_at};
  for (const auto& [question, value] : draft.input.at("answers").items()) {
    if (value.is_array()) {
      for (const Json& option : value) r.answers.push_back(answer_row(question, "multi", option));
      if (value.empty()) r.answers.push_back(answer_row(question, "multi", nullptr));  // none chosen
    } else if (value.is_object()) {
      for (const auto& [part, text] : value.items()) r.answers.push_back(answer_row(question, part, text));
      if (value.empty()) r.answers.push_back(answer_row(question, "triad", nullptr));  // all blank
    } else {
      r.answers.push_back(answer_row(question, "", value));
    }
  }
  sql::Db& db = *impl_of(store).db;
  sql::Stmt& s = db.cached("INSERT INTO answers(response, question, part, num, text, sentiment) VALUES(?, ?, ?, ?, ?, ?)");
  for (const TalliedAnswer& a : r.answers)
    DEBRIEF_TRY(s.reset().bind(1, r.id).bind(2, a.question).bind(3, a.part).bind(4, a.num).bind(5, a.text).bind(6, a.sentiment).exec());
  Result<std::shared_ptr<const Survey>> survey = load_survey(store, r.survey);
  return impl_of(store).tallies.add(db, r, survey.is_ok() ? survey->get() : nullptr, +1);
}

// Counts a stored response in its scope's tallies (+1) or takes it back (-1).
Status tally_response(Store& store, const Id& id, int sign) {
  Result<TalliedResponse> r = load_tallied_response(store, id);
  DEBRIEF_TRY(r.status());
  Result<std::shared_ptr<const Survey>> survey = load_survey(store, r->survey);
  return impl_of(store).tallies.add(*impl_of(store).db, *r, survey.is_ok() ? survey->get() : nullptr, sign);
}

// Takes a response about to be tombstoned out of its scope's tallies.
Status uncount_response(Store& store, const Id& id) { return tally_response(store, id, -1); }

Status read_answers(Store& store, const Draft& draft, Json& record) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT question, part, num, text FROM answers WHERE response = ? ORDER BY rowid");
  s.bind(1, draft.id);
  Json answers = Json::object();
  while (s.step()) {
    std::string q = s.text(0), part = s.text(1);
    Json value = s.is_null(2) ? (s.is_null(3) ? Json(nullptr) : Json(s.text(3))) : Json(s.int64(2));
    if (part.empty()) answers[q] = value;
    else if (part == "multi" && value.is_null()) answers[q] = Json::array();
    else if (part == "multi") answers[q].push_back(value);
    else if (part == "triad") answers[q] = Json::object();
    else answers[q][part] = value;
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  record["answers"] = std::move(answers);
  return Status::ok();
}

}  // namespace

Status set_response_team(Store& store, const Id& response, const std::optional<Id>& team) {
  // A deleted response counts nowhere already: only its column changes.
  Result<bool> live = is_live(store, Kind::response, response);
  DEBRIEF_TRY(live.status());
  if (*live) DEBRIEF_TRY(tally_response(store, response, -1));
  DEBRIEF_TRY(impl_of(store).db->cached("UPDATE responses SET team = ? WHERE id = ?").bind(1, team).bind(2, response).exec());
  return *live ? tally_response(store, response, +1) : Status::ok();
}

const KindRules kResponseRules{.check = check_response,
                               .write_extra = write_answers,
                               .after_local_create = record_voice,  // who answered, kept apart
                               .read_extra = read_answers,
                               .before_tombstone = uncount_response,
                               .make_id = make_response_id};

}  // namespace debrief
