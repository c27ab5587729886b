#include "debrief/demo.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "debrief/records.h"
#include "debrief/store.h"
#include "debrief/survey.h"
#include "debrief/time.h"
#include "demo_ballots.h"
#include "demo_text.h"
#include "store_impl.h"

namespace debrief {
namespace {

namespace text = demo_text;
constexpr std::int64_t kHourMs = 3600 * 1000, kDayMs = 24 * kHourMs;
constexpr std::int64_t kChunk = 5000;  // responses per transaction
constexpr int kBulkCacheKiB = -65536;   // SQLite's cache_size: negative means KiB
constexpr int kDefaultCacheKiB = -2000;  // SQLite's default

const char* kPostEvent = R"([
 {"id":"overall","type":"rating","text":"How was the event overall?","required":true},
 {"id":"agenda","type":"rating","text":"How was the agenda?"},
 {"id":"speakers","type":"rating","text":"How were the speakers?"},
 {"id":"venue","type":"rating","text":"How was the venue?"},
 {"id":"food","type":"rating","text":"How was the food?"},
 {"id":"wrong","type":"text","text":"What went wrong?","show_if":{"q":"overall","op":"<=","value":2}},
 {"id":"keep","type":"text","text":"What should we keep?","show_if":{"q":"overall","op":">=","value":4}},
 {"id":"enps","type":"enps","text":"How likely are you to recommend working here to a friend?","required":true},
 {"id":"favourite","type":"multi","text":"Which parts did you enjoy?","options":["talks","games","food","workshops","outdoors","people"]},
 {"id":"triad","type":"triad","text":"What should we do more of, less of, or stop?"},
 {"id":"comment","type":"text","text":"Anything else?"}])";
const char* kPostActivity = R"([
 {"id":"rating","type":"rating","text":"How was this activity?","required":true},
 {"id":"wrong","type":"text","text":"What went wrong?","show_if":{"q":"rating","op":"<=","value":2}},
 {"id":"keep","type":"text","text":"What should we keep?","show_if":{"q":"rating","op":">=","value":4}}])";
const char* kPulse = R"([
 {"id":"spirit","type":"rating","text":"How is the team spirit right now?","required":true},
 {"id":"energy","type":"single","text":"How do you feel?","options":["drained","okay","energised"],"required":true},
 {"id":"why","type":"text","text":"What is weighing on the team?","show_if":{"any":[{"q":"spirit","op":"<=","value":2},{"q":"energy","op":"is","value":"drained"}]}}])";

struct EventInfo {
  Id id;
  std::int64_t start_ms = 0, end_ms = 0;
  std::vector<Id> activities;
  std::vector<Id> invited;  // the members of the invited teams, who answer
  std::int64_t responses = 0;  // how many answers it gets
  double mood = 0;  // how well it landed, -1..1
};

// Where an answer to an event goes (DemoBallots' places): its post-event
// survey, the pulse before and after it, then each activity.
enum Place : std::size_t { kAfterEvent, kPulseBefore, kPulseAfter, kFirstActivity };

class Generator {
 public:
  Generator(Store& store, SeededEnv& env, const DemoOptions& options, const DemoProgress& progress)
      : store_(store), env_(env), opt_(options), progress_(progress) {}

  Status run() {
    DEBRIEF_TRY(in_transaction([&] { return directory(); }));
    DEBRIEF_TRY(in_transaction([&] { return surveys(); }));
    DEBRIEF_TRY(in_transaction([&] { return events(); }));
    DEBRIEF_TRY(responses());
    DEBRIEF_TRY(in_transaction([&] { return reflections_and_kudos(); }));
    return store_.set_me(people_.front());
  }

 private:
  Status in_transaction(const std::function<Status()>& body) { return store_.transaction(body); }
  // Acts for one of the generated people, who are live, without keeping
  // the choice in the store's settings: run() keeps the last one.
  Status act_as(const Id& person) {
    impl_of(store_).me = person;
    return Status::ok();
  }

  std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(env_.rng());
  }
  double real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(env_.rng()); }
  bool chance(double p) { return real(0, 1) < p; }
  std::string pick(text::Bank bank) { return std::string(bank[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(bank.size()) - 1))]); }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(v.size()) - 1))]; }
  std::string when(std::int64_t ms) { return format_time(ms / 1000); }

  void report(std::string_view phase, std::int64_t done, std::int64_t total) {
    if (progress_) progress_(phase, done, total);
  }

  Result<Id> make(Kind kind, const Json& fields) {
    env_.advance_ms(uniform(1, 2000));
    return create(store_, kind, fields);
  }

  // The i-th team: the departments first, then their subteams, each name
  // used once ("Sales North", ..., then "Sales North 2").
  Json team_fields(std::size_t i) const {
    const std::size_t departments = text::departments.size(), subs = text::sub_teams.size();
    if (i < departments) return {{"name", std::string(text::departments[i])}};
    std::size_t j = i - departments, round = j / (departments * subs);
    std::string name = std::string(text::departments[j % departments]) + " " +
                       std::string(text::sub_teams[(j / departments) % subs]);
    if (round > 0) name += " " + std::to_string(round + 1);
    return {{"name", name}, {"parent", teams_[j % departments].hex()}};
  }

  Status directory() {
    DEBRIEF_TRY(make(Kind::organisation, {{"name", "Northwind Logistics"}, {"anonymity_threshold", 5}}).status());
    int team_count = std::max(2, opt_.people / 8);
    for (int i = 0; i < team_count; ++i) {
      Json fields = team_fields(static_cast<std::size_t>(i));
      Result<Id> id = make(Kind::team, fields);
      DEBRIEF_TRY(id.status());
      teams_.push_back(*id);
      if (fields.contains("parent")) subteams_[*Id::parse(fields["parent"].get<std::string>())].push_back(*id);
    }
    for (int i = 0; i < opt_.people; ++i) {
      std::string first = pick(text::first_names), last = pick(text::last_names);
      bool manager = i < team_count;
      std::string role = manager ? "manager" : (i % 17 == 5 ? "organiser" : (i == team_count ? "admin" : "participant"));
      std::string email = first + "." + last + std::to_string(i) + "@northwind.example";
      Id team = teams_[static_cast<std::size_t>(i % team_count)];
      Result<Id> id = make(Kind::person, {{"name", first + " " + last}, {"email", email}, {"team", team.hex()}, {"role", role}});
      DEBRIEF_TRY(id.status());
      people_.push_back(*id);
      members_[team].push_back(*id);
      if (manager) DEBRIEF_TRY(update(store_, Kind::team, team, {{"manager", id->hex()}}));
      report("people", i + 1, opt_.people);
    }
    return store_.set_me(people_.front());
  }

  Status surveys() {
    struct Def { const char* title; const char* kind; const char* questions; Id* id; };
    for (const Def& d : {Def{"After the event", "post_event", kPostEvent, &post_event_},
                         Def{"After the activity", "post_activity", kPostActivity, &post_activity_},
                         Def{"Team pulse", "pulse", kPulse, &pulse_}}) {
      Result<Id> id = make(Kind::survey, {{"title", d.title}, {"kind", d.kind}, {"questions", Json::parse(d.questions)}});
      DEBRIEF_TRY(id.status());
      *d.id = *id;
      Result<Survey> parsed = Survey::parse(Json::parse(d.questions));
      DEBRIEF_TRY(parsed.status());
      parsed_.emplace(id->hex(), std::move(*parsed));
    }
    return Status::ok();
  }

  Status events() {
    std::int64_t start = env_.now_ms();
    for (int i = 0; i < opt_.events; ++i) {
      EventInfo e;
      e.start_ms = start + (i * 365 / std::max(1, opt_.events)) * kDayMs + 9 * kHourMs;
      e.end_ms = e.start_ms + uniform(6, 9) * kHourMs;
      e.mood = std::clamp(real(-0.6, 0.9), -1.0, 1.0);
      e.responses = opt_.responses / opt_.events + (i < opt_.responses % opt_.events ? 1 : 0);
      std::int64_t activities = uniform(3, 6);
      env_.set_now_ms(e.start_ms - 30 * kDayMs);
      Json crew = Json::array(), speakers = Json::array();
      for (int c = 0; c < 3; ++c) crew.push_back(pick(people_).hex());
      Result<Json> invited = invite(e, kFirstActivity + static_cast<std::size_t>(activities));
      DEBRIEF_TRY(invited.status());
      speakers.push_back(pick(text::speakers));
      Result<Id> id = make(Kind::event, {{"title", pick(text::event_kinds) + ": " + pick(text::event_themes)},
                                         {"theme", pick(text::event_themes)}, {"starts_at", when(e.start_ms)},
                                         {"ends_at", when(e.end_ms)}, {"location", pick(text::locations)},
                                         {"offsite", chance(0.6)}, {"speakers", speakers}, {"crew", crew},
                                         {"teams", *invited}});
      DEBRIEF_TRY(id.status());
      e.id = *id;
      DEBRIEF_TRY(agenda(e, activities));
      events_.push_back(std::move(e));
      report("events", i + 1, opt_.events);
    }
    return Status::ok();
  }

  // Invites teams in a random order, at least two, until their members
  // (with their subteams', as an invitation reaches them) can give the
  // event its answers with about three in five of the places they could
  // answer in filled, as real response rates go; fills e.invited.
  Result<Json> invite(EventInfo& e, std::size_t places) {
    std::vector<Id> order = teams_;
    std::shuffle(order.begin(), order.end(), env_.rng());
    Json teams = Json::array();
    std::set<Id> reached;
    auto room = [&] { return static_cast<std::int64_t>(e.invited.size() * places); };
    for (const Id& t : order) {
      if (teams.size() >= 2 && room() * 3 >= e.responses * 5) break;
      if (reached.count(t)) continue;
      teams.push_back(t.hex());
      std::vector<Id> subtree{t};
      for (const Id& sub : subteams_[t]) subtree.push_back(sub);
      for (const Id& team : subtree)
        if (reached.insert(team).second) e.invited.insert(e.invited.end(), members_[team].begin(), members_[team].end());
    }
    if (room() < e.responses)
      return invalid(std::to_string(e.responses) + " responses for one event need more people: each of the " +
                     std::to_string(e.invited.size()) + " answers each of its " + std::to_string(places) +
                     " surveys once; add --people or --events");
    return teams;
  }

  Status agenda(EventInfo& e, std::int64_t slots) {
    std::int64_t slot = (e.end_ms - e.start_ms) / slots;
    // Each title once per event (an agenda has at most 6 of the 10).
    std::vector<std::string_view> titles(text::activity_titles.begin(), text::activity_titles.end());
    for (std::int64_t s = 0; s < slots; ++s) {
      auto at = titles.begin() + uniform(0, static_cast<std::int64_t>(titles.size()) - 1);
      std::string title(*at);
      titles.erase(at);
      std::string kind = title.find("lunch") != std::string::npos ? "meal"
                         : title.find("Reflection") != std::string::npos ? "reflection_break"
                         : title.find("talk") != std::string::npos ? "talk"
                         : title.find("workshop") != std::string::npos ? "workshop" : "game";
      Result<Id> id = make(Kind::activity, {{"event", e.id.hex()}, {"title", title}, {"kind", kind},
                                            {"starts_at", when(e.start_ms + s * slot)},
                                            {"ends_at", when(e.start_ms + (s + 1) * slot)},
                                            {"survey", post_activity_.hex()}});
      DEBRIEF_TRY(id.status());
      e.activities.push_back(*id);
    }
    return Status::ok();
  }

  // How closely a part of the event is rated as the event overall was (0:
  // not at all), so the key drivers (drivers.h) have an order to find: the
  // agenda shapes the overall rating most, the food hardly.
  static double tie_to_overall(const std::string& question) {
    if (question == "agenda") return 0.9;
    if (question == "speakers") return 0.7;
    if (question == "venue") return 0.4;
    if (question == "food") return 0.1;
    return 0;
  }

  // A comment whose tone follows the score (1..5).
  std::string comment(std::int64_t score) {
    return pick(score >= 4 ? text::positive_comments : score == 3 ? text::neutral_comments : text::negative_comments);
  }

  Json answer(const Question& q, double mood, const Json& so_far) {
    auto rating = [&](double centre, double spread, double noise, int lo, int hi) {
      return std::clamp<std::int64_t>(std::llround(centre + spread * mood + real(-noise, noise)), lo, hi);
    };
    switch (q.type) {
      // Centres and spreads that give what surveys of real teams show: most
      // ratings 3-4 with both ends used, and eNPS from about -40 to +50.
      case QuestionType::rating:
        if (const double tie = tie_to_overall(q.id); tie > 0 && so_far.contains("overall")) {
          const double overall = so_far["overall"].get<double>();
          return std::clamp<std::int64_t>(std::llround(3.4 + tie * (overall - 3.4) + real(-1.2, 1.2)), 1, 5);
        }
        return rating(3.4, 1.2, 1.8, 1, 5);
      case QuestionType::enps: return rating(7.3, 1.6, 2.2, 0, 10);
      case QuestionType::single: return mood < -0.3 ? q.options.front() : mood > 0.3 ? q.options.back() : pick(q.options);
      case QuestionType::multi: {
        Json chosen = Json::array();
        for (const std::string& o : q.options) if (chance(0.35)) chosen.push_back(o);
        return chosen.empty() ? Json(nullptr) : chosen;
      }
      case QuestionType::triad: {
        Json t = Json::object();
        if (chance(0.7)) t["more"] = pick(text::more_of);
        if (chance(0.5)) t["less"] = pick(text::less_of);
        if (chance(0.25)) t["stop"] = pick(text::stop_doing);
        return t;
      }
      case QuestionType::text: break;
    }
    if (q.id == "wrong" || q.id == "why") return pick(text::wrong_comments);
    if (q.id == "keep") return pick(text::keep_comments);
    if (!chance(0.6)) return nullptr;
    std::int64_t score = so_far.contains("overall") ? so_far["overall"].get<std::int64_t>() : 3;
    return comment(score);
  }

  // Walks the survey as a person would: one shown question at a time.
  Json walk(const Survey& survey, double mood) {
    Json answers = Json::object();
    while (const Question* q = survey.next_question(answers)) answers[q->id] = answer(*q, mood, answers);
    return answers;
  }

  // One answer by the next invited person with a voice left, in a place
  // picked at random (the post-event survey, an activity's or a pulse), or
  // the next place when that one is full: every place fills to about the
  // share invite() aimed for.
  Status respond(const EventInfo& e, DemoBallots& ballots) {
    std::size_t wanted = static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(kFirstActivity + e.activities.size()) - 1));
    auto [place, person] = *ballots.next(wanted);  // invite() made room for every answer
    Json fields = {{"event", e.id.hex()}, {"anonymous", chance(0.3)}};
    Id survey = post_event_;
    if (place >= kFirstActivity) {
      survey = post_activity_;
      fields["activity"] = e.activities[place - kFirstActivity].hex();
      env_.set_now_ms(e.start_ms + uniform(1, 8) * kHourMs);
    } else if (place == kAfterEvent) {
      env_.set_now_ms(e.end_ms + uniform(1, 96) * kHourMs);
    } else {  // team spirit on the days before and after the event (pulse_window.h)
      survey = pulse_;
      std::int64_t midnight_before = e.start_ms - e.start_ms % kDayMs;
      std::int64_t midnight_after = e.end_ms - e.end_ms % kDayMs + kDayMs;
      env_.set_now_ms(place == kPulseBefore ? midnight_before - uniform(1, 72) * kHourMs
                                            : midnight_after + uniform(1, 72) * kHourMs);
    }
    double mood = std::clamp(e.mood + real(-0.5, 0.5) + (place == kPulseAfter ? 0.25 : 0.0), -1.0, 1.0);
    fields["survey"] = survey.hex();
    fields["answers"] = walk(parsed_.at(survey.hex()), mood);
    DEBRIEF_TRY(act_as(person));
    return create(store_, Kind::response, fields).status();
  }

  Status responses() {
    std::int64_t total = opt_.responses, done = 0;
    for (const EventInfo& e : events_) {
      DemoBallots ballots(kFirstActivity + e.activities.size(), e.invited, env_.rng());
      for (std::int64_t begun = 0; begun < e.responses; begun += kChunk) {
        std::int64_t n = std::min(kChunk, e.responses - begun);
        DEBRIEF_TRY(in_transaction([&] {
          for (std::int64_t k = 0; k < n; ++k) DEBRIEF_TRY(respond(e, ballots));
          return Status::ok();
        }));
        done += n;
        report("responses", done, total);
      }
    }
    return Status::ok();
  }

  Status reflections_and_kudos() {
    std::int64_t reflections = std::max<std::int64_t>(1, opt_.responses / 10);
    for (std::int64_t i = 0; i < reflections; ++i) {
      const EventInfo& e = pick(events_);
      env_.set_now_ms(e.end_ms + uniform(1, 48) * kHourMs);
      DEBRIEF_TRY(act_as(pick(people_)));
      DEBRIEF_TRY(create(store_, Kind::reflection, {{"event", e.id.hex()}, {"activity", pick(e.activities).hex()},
                                                    {"text", pick(text::reflections)}, {"shared", chance(0.3)}}).status());
      report("reflections", i + 1, reflections);
    }
    std::int64_t kudos = std::max<std::int64_t>(1, opt_.responses / 8);
    const auto& categories = field_named(spec_of(Kind::kudos), "category")->choices;
    for (std::int64_t i = 0; i < kudos; ++i) {  // exactly `kudos`, as reported
      const EventInfo& e = pick(events_);
      env_.set_now_ms(e.start_ms + uniform(1, 96) * kHourMs);
      Id from = pick(people_), to = pick(people_);
      while (to == from) to = pick(people_);  // generate_demo asks for two people at least
      DEBRIEF_TRY(act_as(from));
      Result<Id> id = create(store_, Kind::kudos, {{"to", {to.hex()}}, {"action", pick(text::kudos_actions)},
                                                   {"outcome", pick(text::kudos_outcomes)},
                                                   {"category", std::string(categories[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(categories.size()) - 1))])},
                                                   {"event", e.id.hex()}});
      DEBRIEF_TRY(id.status());
      DEBRIEF_TRY(plus_ones(*id, from, to));
      report("kudos", i + 1, kudos);
    }
    return Status::ok();
  }

  // Colleagues other than its author and the one thanked add their voice.
  Status plus_ones(Id kudos, Id author, Id thanked) {
    std::vector<Id> voices;
    for (std::int64_t n = uniform(0, 4); n > 0; --n) {
      Id p = pick(people_);
      if (p == author || p == thanked || std::count(voices.begin(), voices.end(), p)) continue;
      voices.push_back(p);
      DEBRIEF_TRY(act_as(p));
      DEBRIEF_TRY(create(store_, Kind::plus_one, {{"kudos", kudos.hex()}}).status());
    }
    return Status::ok();
  }

  Store& store_;
  SeededEnv& env_;
  DemoOptions opt_;
  const DemoProgress& progress_;
  std::vector<Id> teams_, people_;
  std::map<Id, std::vector<Id>> members_;  // by team
  std::map<Id, std::vector<Id>> subteams_;  // by parent team
  Id post_event_, post_activity_, pulse_;
  std::map<std::string, Survey> parsed_;
  std::vector<EventInfo> events_;
};

}  // namespace

Status generate_demo(Store& store, const DemoOptions& options, const DemoProgress& progress) {
  auto* env = dynamic_cast<SeededEnv*>(&store.env());
  if (!env) return invalid("the demo generator needs a store opened with a SeededEnv");
  if (options.people < 2 || options.people > 1000000) return invalid("--people must be between 2 and 1,000,000");
  if (options.events < 1 || options.events > 100000) return invalid("--events must be between 1 and 100,000");
  if (options.responses < 0) return invalid("--responses cannot be negative");
  Result<StoreInfo> info = store.info();
  DEBRIEF_TRY(info.status());
  for (const KindCount& c : info->counts)
    if (c.live > 0) return invalid("the demo generator needs an empty store; choose a new --data directory");
  // Bulk inserts land all over the indexes (anonymous ids are random): a
  // larger page cache for the run keeps them from rereading pages.
  sql::Db& db = *impl_of(store).db;
  DEBRIEF_TRY(db.exec("PRAGMA cache_size = " + std::to_string(kBulkCacheKiB)));
  Status s = Generator(store, *env, options, progress).run();
  Status restored = db.exec("PRAGMA cache_size = " + std::to_string(kDefaultCacheKiB) + "; PRAGMA shrink_memory;");
  return s.is_ok() ? restored : s;
}

namespace {

// Whether the store in `dir`, if any, holds nothing.
Status check_empty(const std::filesystem::path& dir, Env& env) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / kStoreFile, ec)) return Status::ok();
  Result<std::unique_ptr<Store>> store = Store::open(dir, OpenOptions{.env = &env, .create = false});
  DEBRIEF_TRY(store.status());
  Result<StoreInfo> info = (*store)->info();
  DEBRIEF_TRY(info.status());
  for (const KindCount& c : info->counts)
    if (c.live > 0) return invalid("the demo generator needs an empty store; choose a new --data directory");
  return Status::ok();
}

// Moves the finished store's database over the one in `dir`: its log and
// shared memory go first, or SQLite would replay the old store's log
// into the new file.
Status move_into_place(const std::filesystem::path& staging, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (const char* extra : {"-wal", "-shm"}) std::filesystem::remove(dir / (std::string(kStoreFile) + extra), ec);
  std::filesystem::rename(staging / kStoreFile, dir / kStoreFile, ec);
  if (ec) return Status(Code::io_error, "cannot move the demo store into " + dir.string() + ": " + ec.message());
  std::filesystem::remove_all(staging, ec);
  return Status::ok();
}

}  // namespace

Status generate_demo_store(const std::filesystem::path& dir, Env& env, const DemoOptions& options,
                           const DemoProgress& progress) {
  DEBRIEF_TRY(check_empty(dir, env));
  std::filesystem::path staging = dir;
  staging += ".demo-partial";
  std::error_code ec;
  std::filesystem::remove_all(staging, ec);
  if (ec) return Status(Code::io_error, "cannot clear " + staging.string() + ": " + ec.message());
  {
    Result<std::unique_ptr<Store>> store = Store::open(staging, OpenOptions{.env = &env});
    DEBRIEF_TRY(store.status());
    Status made = generate_demo(**store, options, progress);
    if (!made.is_ok()) {
      store->reset();
      std::filesystem::remove_all(staging, ec);
      return made;
    }
  }  // closed: its log is written into the file
  return move_into_place(staging, dir);
}

}  // namespace debrief
