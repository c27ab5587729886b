#include "test_support.h"

#include "debrief/replication.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace test {

using namespace debrief;

std::unique_ptr<Store> open_store(const std::filesystem::path& dir, Env& env) {
  return ok(Store::open(dir, {.env = &env}));
}

SeededStore::SeededStore(std::uint64_t seed) : env(seed, kStartMs) {
  store = open_store(store_dir(), env);
  me = ok(create(*store, Kind::person, {{"name", "Ana Lima"}}));
  act_as(me);
}

void SeededStore::reopen() {
  store.reset();
  store = open_store(store_dir(), env);
}

void SeededStore::act_as(Id person) { ok(store->set_me(person)); }

World::World(std::uint64_t seed) : SeededStore(seed) {
  team = ok(create(*store, Kind::team, {{"name", "Support"}}));
  ok(update(*store, Kind::person, me, {{"team", team.hex()}}));
  other = ok(create(*store, Kind::person, {{"name", "Ben Ode"}, {"team", team.hex()}}));
  event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00:00Z"},
                                          {"ends_at", "2026-12-03T17:00:00Z"}}));
  survey = ok(create(*store, Kind::survey,
                     {{"title", "After"}, {"kind", "post_event"}, {"questions", survey_questions()}}));
}

Json World::survey_questions() {
  return Json::parse(R"([
    {"id":"score","type":"rating","text":"How was it?","required":true},
    {"id":"wrong","type":"text","text":"What went wrong?","show_if":{"q":"score","op":"<=","value":2}},
    {"id":"keep","type":"text","text":"What should we keep?","show_if":{"q":"score","op":">=","value":4}},
    {"id":"parts","type":"multi","text":"Best parts?","options":["talks","games","food"]},
    {"id":"triad","type":"triad","text":"More, less, stop?"}])");
}

Result<Id> World::respond(const Json& answers, bool anonymous) {
  return create(*store, Kind::response, {{"survey", survey.hex()}, {"event", event.hex()},
                                         {"anonymous", anonymous}, {"answers", answers}});
}

Result<Id> World::colleague_responds(const Json& answers, bool anonymous) {
  Result<Id> colleague = create(*store, Kind::person, {{"name", "Colleague"}, {"team", team.hex()}});
  if (!colleague.is_ok()) return colleague;
  act_as(*colleague);
  Result<Id> id = respond(answers, anonymous);
  act_as(me);
  return id;
}

Id World::kudos_from_other() {
  act_as(other);
  Id k = ok(create(*store, Kind::kudos, specific_kudos({me})));
  act_as(me);
  return k;
}

Id World::kudos_to_team() {
  act_as(other);
  Json fields = specific_kudos({});
  fields["to_team"] = team.hex();
  Id k = ok(create(*store, Kind::kudos, fields));
  act_as(me);
  return k;
}

Json specific_kudos(const std::vector<Id>& to) {
  Json ids = Json::array();
  for (const Id& id : to) ids.push_back(id.hex());
  return {{"to", ids},
          {"action", "turned an angry caller around and had her laughing"},
          {"outcome", "she renewed her contract on the spot"},
          {"category", "customer_save"}};
}

std::vector<KindCase> creatable_cases(World& w) {
  const Id kudos = w.kudos_to_team();
  const Json questions = Json::parse(R"([{"id":"a","type":"rating","text":"A?"}])");
  Json kudos_fields = specific_kudos({w.other});
  kudos_fields["event"] = w.event.hex();
  return {
      {Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", 7}},
       {{"name", "Acme Ltd"}, {"anonymity_threshold", 3}}},
      {Kind::team, {{"name", "Ops"}, {"parent", w.team.hex()}, {"manager", w.other.hex()}},
       {{"name", "Operations"}, {"manager", w.me.hex()}}},
      {Kind::person, {{"name", "Cleo Park"}, {"email", "cleo@example.com"}, {"team", w.team.hex()}, {"role", "manager"}},
       {{"role", "admin"}, {"email", "cleo.park@example.com"}}},
      {Kind::device, {{"person", w.me.hex()}, {"name", "Ana's phone"}, {"revoked", false}},
       {{"name", "Ana's old phone"}, {"revoked", true}}},
      {Kind::event,
       {{"title", "Spring offsite"}, {"theme", "Outdoors"}, {"description", "A day in the hills"},
        {"starts_at", "2027-04-01T08:00:00Z"}, {"ends_at", "2027-04-02T18:00:00Z"}, {"location", "Sintra"},
        {"offsite", true}, {"speakers", {"Dr. Park"}}, {"crew", {w.other.hex()}}, {"teams", {w.team.hex()}}},
       {{"location", "Cascais"}, {"title", "Spring retreat"}}},
      {Kind::activity,
       {{"event", w.event.hex()}, {"title", "Escape room"}, {"kind", "game"}, {"starts_at", "2026-12-03T10:00:00Z"},
        {"ends_at", "2026-12-03T11:00:00Z"}, {"survey", w.survey.hex()}},
       {{"title", "Lunch"}, {"kind", "meal"}}},
      {Kind::survey, {{"title", "Pulse"}, {"kind", "pulse"}, {"allow_anonymous", false}, {"questions", questions}},
       {{"title", "Team pulse"}, {"allow_anonymous", true}}},
      {Kind::response,
       {{"survey", w.survey.hex()}, {"event", w.event.hex()}, {"anonymous", false},
        {"answers", {{"score", 5}, {"keep", "the hike"}}}},
       nullptr},
      {Kind::reflection, {{"event", w.event.hex()}, {"text", "I listened more than I talked."}, {"shared", false}},
       {{"shared", true}}},
      {Kind::kudos, kudos_fields, nullptr},
      {Kind::plus_one, {{"kudos", kudos.hex()}}, nullptr},
      {Kind::reply, {{"target_kind", "kudos"}, {"target", kudos.hex()}, {"text", "Thank you, shared at the all-hands."}},
       nullptr},
      {Kind::summary,
       {{"event", w.event.hex()}, {"heard", "Too many talks"}, {"will_do", "Half the talks"}, {"published", false}},
       {{"heard", "Too many talks, too little air"}, {"published", true}}},
  };
}

std::int64_t live_count(Store& store, Kind kind) {
  for (const KindCount& c : ok(store.info()).counts)
    if (c.kind == kind) return c.live;
  FAIL("info() has no count for " << spec_of(kind).name);
  return -1;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void copy_changes(Store& from, Store& to, std::optional<Kind> left_out) {
  std::vector<WireChange> wire;
  for (const Change& c : ok(changes_after(from, 0)))
    if (c.kind != left_out) wire.push_back(ok(to_wire(from, c)));
  ok(apply_remote(to, wire));
}

Json snapshot(Store& store) {
  StoreInfo info = ok(store.info());
  Json out = {{"total_changes", info.total_changes}, {"pending_changes", info.pending_changes}};
  for (const KindCount& c : info.counts) out["live"][std::string(spec_of(c.kind).name)] = c.live;
  for (const KindSpec& k : all_kinds())
    out["records"][std::string(k.name)] = ok(list(store, k.kind, including_deleted()));
  return out;
}

std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                 const std::string& bytes) {
  std::filesystem::path p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

RawDb::RawDb(const std::filesystem::path& db_file) {
  REQUIRE(sqlite3_open_v2(db_file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
}

RawDb::~RawDb() { sqlite3_close(db_); }

void RawDb::exec(const std::string& sql) {
  INFO(sql);
  REQUIRE(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
}

std::vector<std::string> RawDb::column(const std::string& sql, int index) {
  INFO(sql);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  std::vector<std::string> out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(st, index);
    out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  sqlite3_finalize(st);
  return out;
}

std::string RawDb::scalar(const std::string& sql) {
  std::vector<std::string> rows = column(sql);
  return rows.empty() ? std::string() : rows.front();
}

}  // namespace test
