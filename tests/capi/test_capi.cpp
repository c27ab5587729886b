// The C API as a host sees it: this binary links only libdebrief.so and
// includes only its C header (plus a JSON parser to read what it returns).
// Round trips, a survey walk, insights, sentiment, sync with a real
// debrief-server and pumped callbacks, the host's lifecycle, every error
// path, and 1,000 open / write / close cycles (clean under ASan and LSan in
// the --sanitize build).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../support/server_process.h"
#include "../support/temp_dir.h"
#include "capi_plain.h"
#include "debrief/debrief.h"

using Json = nlohmann::json;

namespace {

using testsupport::TempDir;

// The path of `name` in `dir`, as the C API takes it.
std::string sub(const TempDir& dir, const char* name) { return (dir.path() / name).string(); }

// A string the API handed out, freed at the end of the scope.
struct Owned {
  char* s = nullptr;
  ~Owned() { dbf_string_free(s); }
  std::string str() const { return s ? s : ""; }
  Json json() const { return Json::parse(str()); }
};

// Requires `rc` to be DBF_OK, showing the error otherwise.
void ok(int rc, const dbf_error& err) {
  INFO("error " << err.domain << "/" << err.code << ": " << (rc == DBF_OK ? "" : err.message));
  REQUIRE(rc == DBF_OK);
}

struct OpenStore {
  explicit OpenStore(const std::string& dir) {
    dbf_error err;
    ok(dbf_store_open(dir.c_str(), &store, &err), err);
  }
  ~OpenStore() { dbf_store_close(store); }
  dbf_store* store = nullptr;
};

std::string create(dbf_store* store, const char* kind, const Json& fields) {
  dbf_error err;
  Owned id;
  ok(dbf_record_create(store, kind, fields.dump().c_str(), &id.s, &err), err);
  return id.str();
}

Json survey_questions() {
  return Json::parse(R"([
    {"id":"score","type":"rating","text":"How was it?","required":true},
    {"id":"wrong","type":"text","text":"What went wrong?","show_if":{"q":"score","op":"<=","value":2}},
    {"id":"keep","type":"text","text":"What should we keep?","show_if":{"q":"score","op":">=","value":4}}])");
}

// A person acting on this store, an event and a branching survey.
struct World {
  explicit World(dbf_store* s) : store(s) {
    me = create(store, "person", {{"name", "Ana Lima"}});
    dbf_error err;
    ok(dbf_store_set_me(store, me.c_str(), &err), err);
    event = create(store, "event", {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00:00Z"}, {"ends_at", "2026-12-03T17:00:00Z"}});
    survey = create(store, "survey", {{"title", "After"}, {"kind", "post_event"}, {"questions", survey_questions()}});
  }
  dbf_store* store;
  std::string me, event, survey;
};

Json next_question(dbf_store* store, const std::string& survey, const Json& answers) {
  dbf_error err;
  Owned q;
  ok(dbf_survey_next(store, survey.c_str(), answers.dump().c_str(), &q.s, &err), err);
  return q.json();
}

// debrief-server on a free port of 127.0.0.1, seeded with the demo
// organisation; stopped at the end.
class ServerProcess {
 public:
  explicit ServerProcess(const std::filesystem::path& data)
      : people_(Json::parse(testproc::server_command(data.string(), {"admin", "demo-seed"}))), server_(data.string()) {}
  int port() const { return server_.port(); }
  // The demo person's enrolment code and id: the first with `role`.
  std::pair<std::string, std::string> code_for(const std::string& role) const {
    for (const Json& p : people_)
      if (p["role"] == role) return {p["code"], p["person"]};
    FAIL("no demo person with role " << role);
    return {};
  }

 private:
  Json people_;
  testproc::ServerProcess server_;
};

// What the sync listener saw, counted on whichever thread delivered it.
struct Seen {
  int idle = 0, changed = 0;
  std::thread::id thread;
};

void on_state(void* context, const dbf_sync_event* e) {
  auto* seen = static_cast<Seen*>(context);
  seen->thread = std::this_thread::get_id();
  if (std::string(e->state) == "idle") ++seen->idle;
}

void on_changed(void* context) { ++static_cast<Seen*>(context)->changed; }

// Pumps the store's queued callbacks until `done` (bounded: 10 s).
template <class F>
bool pump_until(dbf_store* store, F done) {
  for (int i = 0; i < 1000; ++i) {
    dbf_pump(store, 100);
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// A host's secure storage, in memory as a Keychain would hold it; and a log
// sink. Both are called from the sync engine's thread too.
struct HostKeys {
  std::mutex mu;
  std::map<std::string, std::string> secrets;
  int reads = 0;
  bool broken = false;  // every call fails, as a locked Keychain would
  std::vector<Json> log;
};

int keys_read(void* context, const char* account, char* buf, int cap) {
  auto* k = static_cast<HostKeys*>(context);
  std::lock_guard lock(k->mu);
  ++k->reads;
  if (k->broken) return -2;
  auto it = k->secrets.find(account);
  if (it == k->secrets.end()) return -1;
  int n = static_cast<int>(it->second.size());
  if (n < cap) std::snprintf(buf, static_cast<std::size_t>(cap), "%s", it->second.c_str());
  return n;
}

int keys_write(void* context, const char* account, const char* secret) {
  auto* k = static_cast<HostKeys*>(context);
  std::lock_guard lock(k->mu);
  if (k->broken) return 1;
  k->secrets[account] = secret;
  return 0;
}

int keys_erase(void* context, const char* account) {
  auto* k = static_cast<HostKeys*>(context);
  std::lock_guard lock(k->mu);
  k->secrets.erase(account);
  return 0;
}

void log_line(void* context, const char* line) {
  auto* k = static_cast<HostKeys*>(context);
  std::lock_guard lock(k->mu);
  k->log.push_back(Json::parse(line));
}

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("the library says its version and ABI", "[capi]") {
  CHECK(dbf_abi_version() == DBF_ABI_VERSION);
  CHECK(std::string(dbf_version()).find('.') != std::string::npos);
}

TEST_CASE("plain C opens a store, writes, reads back and closes", "[capi]") {
  TempDir dir;
  char why[256] = {};
  INFO(why);
  CHECK(plain_c_round_trip(sub(dir, "store").c_str(), why, sizeof why) == 0);
}

TEST_CASE("records go in and come back as JSON: create, get, list, update, delete", "[capi]") {
  TempDir dir;
  OpenStore s(sub(dir, "store"));
  World w(s.store);
  dbf_error err;
  std::string other = create(s.store, "person", {{"name", "Ben Ode"}});
  std::string kudos = create(s.store, "kudos", {{"to", {other}},
                                                {"action", "rebuilt the demo after the server crashed at midnight"},
                                                {"outcome", "the client signed the same day"}});
  Owned got;
  ok(dbf_record_get(s.store, "kudos", kudos.c_str(), &got.s, &err), err);
  CHECK(got.json()["author"] == w.me);
  Owned listed;
  ok(dbf_record_list(s.store, "person", R"({"where": {"name": "Ben Ode"}, "limit": 5})", &listed.s, &err), err);
  REQUIRE(listed.json().size() == 1);
  CHECK(listed.json()[0]["id"] == other);
  ok(dbf_record_update(s.store, "event", w.event.c_str(), R"({"title": "Winter offsite"})", &err), err);
  Owned event;
  ok(dbf_record_get(s.store, "event", w.event.c_str(), &event.s, &err), err);
  CHECK(event.json()["title"] == "Winter offsite");
  ok(dbf_record_delete(s.store, "kudos", kudos.c_str(), &err), err);
  Owned gone;
  ok(dbf_record_get(s.store, "kudos", kudos.c_str(), &gone.s, &err), err);
  CHECK(gone.json()["deleted"] == true);  // a tombstone, as sync needs it
  Owned live;
  ok(dbf_record_list(s.store, "kudos", nullptr, &live.s, &err), err);
  CHECK(live.json().empty());
  Owned status;
  ok(dbf_store_status(s.store, &status.s, &err), err);
  CHECK(status.json()["counts"]["people"] == 2);
  CHECK(status.json()["me"] == w.me);
}

TEST_CASE("a survey walk follows its branches, and the response saves", "[capi]") {
  TempDir dir;
  OpenStore s(sub(dir, "store"));
  World w(s.store);
  CHECK(next_question(s.store, w.survey, Json::object())["id"] == "score");
  CHECK(next_question(s.store, w.survey, {{"score", 2}})["id"] == "wrong");
  CHECK(next_question(s.store, w.survey, {{"score", 5}})["id"] == "keep");
  Json done = {{"score", 5}, {"keep", "the hike"}};
  CHECK(next_question(s.store, w.survey, done) == Json{{"complete", true}});
  std::string response = create(s.store, "response", {{"survey", w.survey}, {"event", w.event}, {"answers", done}});
  dbf_error err;
  Owned saved;
  ok(dbf_record_get(s.store, "response", response.c_str(), &saved.s, &err), err);
  CHECK(saved.json()["answers"] == done);
  Owned review;
  ok(dbf_insights_event(s.store, w.event.c_str(), &review.s, &err), err);
  CHECK(review.json().is_object());
  Owned trends;
  ok(dbf_insights_trends(s.store, &trends.s, &err), err);
  CHECK(trends.json().is_array());
  Owned heatmap;
  ok(dbf_insights_heatmap(s.store, w.event.c_str(), &heatmap.s, &err), err);
  CHECK(heatmap.json()["measures"].size() == 5);
  CHECK(heatmap.json()["rows"][0]["name"] == review.json()["event"]["groups"][0]["name"]);
  Owned organisation;
  ok(dbf_insights_heatmap(s.store, nullptr, &organisation.s, &err), err);
  CHECK(organisation.json()["event"].is_null());
  Owned agenda;
  ok(dbf_event_check(s.store, w.event.c_str(), &agenda.s, &err), err);
  CHECK(agenda.json()["warnings"].is_array());
  CHECK(agenda.json()["event"] == w.event);
  Owned comments;
  ok(dbf_insights_comments(s.store, w.event.c_str(), nullptr, nullptr, &comments.s, &err), err);
  CHECK(comments.json().is_array());
  Owned none;
  CHECK(dbf_insights_comments(s.store, w.event.c_str(), nullptr, "angry", &none.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(std::string(err.message).find("angry") != std::string::npos);
  CHECK(none.s == nullptr);
}

TEST_CASE("the C API's insights keep the privacy rules, counting people and not the reader", "[capi][privacy]") {
  TempDir dir;
  OpenStore s(sub(dir, "store"));
  World w(s.store);
  std::string team = create(s.store, "team", {{"name", "Crew"}});
  std::vector<std::string> crew;
  dbf_error err;
  for (int i = 0; i < 5; ++i) {
    crew.push_back(create(s.store, "person", {{"name", "Crew " + std::to_string(i)}, {"team", team}}));
    ok(dbf_store_set_me(s.store, crew.back().c_str(), &err), err);
    create(s.store, "response", {{"survey", w.survey}, {"event", w.event}, {"anonymous", true},
                                 {"answers", {{"score", 4}, {"keep", "the hike"}}}});
  }
  auto everyone = [&] {
    Owned review;
    ok(dbf_insights_event(s.store, w.event.c_str(), &review.s, &err), err);
    return review.json()["event"]["groups"][0];
  };
  auto comments = [&] {
    Owned listed;
    ok(dbf_insights_comments(s.store, w.event.c_str(), nullptr, nullptr, &listed.s, &err), err);
    return listed.json();
  };
  ok(dbf_store_set_me(s.store, w.me.c_str(), &err), err);  // Ana did not answer: five others
  CHECK(everyone()["people"] == 5);
  CHECK(everyone()["mean_rating"] == 4.0);
  CHECK(comments().size() == 5);
  CHECK(comments()[0]["text"] == "the hike");
  ok(dbf_store_set_me(s.store, crew[0].c_str(), &err), err);  // one of them: four others
  CHECK_FALSE(everyone().contains("mean_rating"));
  CHECK(everyone()["withheld"].get<std::string>().find("besides you") != std::string::npos);
  CHECK(comments().empty());
}

TEST_CASE("sentiment needs no store", "[capi]") {
  dbf_error err;
  Owned good, bad;
  ok(dbf_sentiment("The workshop was great and really useful", &good.s, &err), err);
  ok(dbf_sentiment("The venue was awful and the talks were boring", &bad.s, &err), err);
  CHECK(good.json()["label"] == "positive");
  CHECK(bad.json()["label"] == "negative");
  Owned explained;
  ok(dbf_sentiment_explain("The venue was awful and the talks were boring", 3, &explained.s, &err), err);
  CHECK(explained.json()["label"] == "negative");
  CHECK(explained.json()["compound"] == bad.json()["compound"]);
  CHECK(explained.json()["reasons"].size() == 3);
}

TEST_CASE("every function refuses NULL, closed and made-up handles, bad text and unknown ids with an error", "[capi]") {
  TempDir dir;
  dbf_store* store = nullptr;
  dbf_error err;
  ok(dbf_store_open(sub(dir, "store").c_str(), &store, &err), err);
  World w(store);
  dbf_store* closed = store;
  dbf_store_close(store);
  dbf_store_close(closed);  // twice is fine
  auto* made_up = reinterpret_cast<dbf_store*>(std::uintptr_t{0xdeadbeef});
  OpenStore open(sub(dir, "store"));
  const char* bad_utf8 = "caf\xc3";
  Owned out;
  for (dbf_store* h : {static_cast<dbf_store*>(nullptr), closed, made_up}) {
    CHECK(dbf_store_status(h, &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(err.domain == DBF_DOMAIN_API);
    CHECK(dbf_store_set_me(h, w.me.c_str(), &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_record_create(h, "person", R"({"name": "X"})", &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_record_get(h, "event", w.event.c_str(), &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_record_list(h, "event", nullptr, &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_record_update(h, "event", w.event.c_str(), "{}", &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_record_delete(h, "event", w.event.c_str(), &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_survey_next(h, w.survey.c_str(), nullptr, &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_insights_event(h, w.event.c_str(), &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_insights_trends(h, &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_insights_heatmap(h, w.event.c_str(), &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_insights_comments(h, w.event.c_str(), nullptr, nullptr, &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_event_check(h, w.event.c_str(), &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_sync_enroll(h, "127.0.0.1", 1, "X-Y", "phone", &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_sync_once(h, &out.s, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_sync_start(h, nullptr, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_sync_now(h, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_store_background(h, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_store_foreground(h, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_pump(h, 10) == 0);
    dbf_sync_stop(h);
    CHECK(out.s == nullptr);
  }
  dbf_store* s = open.store;
  CHECK(dbf_store_open(nullptr, &store, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_store_open(bad_utf8, &store, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_create(s, "person", R"({"name": "caf)" "\xc3" R"("})", &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_create(s, "person", "{not json", &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_create(s, "person", "[1, 2]", &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_create(s, "gadget", R"({"name": "X"})", &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(std::string(err.message).find("gadget") != std::string::npos);
  CHECK(dbf_record_create(s, "person", R"({"name": "X"})", nullptr, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_create(s, nullptr, R"({"name": "X"})", &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_get(s, "event", "0123456789abcdef0123456789abcdef", &out.s, &err) == DBF_NOT_FOUND);
  CHECK(dbf_record_get(s, "event", bad_utf8, &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_list(s, "event", R"({"limit": -1})", &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_list(s, "event", R"({"where": {"title": 3}})", &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_record_update(s, "event", w.event.c_str(), R"({"starts_at": "not a time"})", &err) == DBF_INVALID_ARGUMENT);
  CHECK(err.domain == DBF_DOMAIN_STORE);
  CHECK(dbf_record_delete(s, "event", "0123456789abcdef0123456789abcdef", &err) == DBF_NOT_FOUND);
  CHECK(dbf_survey_next(s, w.event.c_str(), nullptr, &out.s, &err) == DBF_NOT_FOUND);  // an event is no survey
  CHECK(dbf_survey_next(s, w.survey.c_str(), "[]", &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_insights_event(s, "0123456789abcdef0123456789abcdef", &out.s, &err) == DBF_NOT_FOUND);
  CHECK(dbf_sentiment(nullptr, &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_sentiment(bad_utf8, &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_sentiment_explain(nullptr, 3, &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_sentiment_explain(bad_utf8, 3, &out.s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_sync_once(s, &out.s, &err) == DBF_NOT_FOUND);  // not enrolled
  CHECK(dbf_sync_start(s, nullptr, &err) == DBF_NOT_FOUND);
  CHECK(dbf_sync_now(s, &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_sync_enroll(s, "127.0.0.1", 70000, "X-Y", "phone", &err) == DBF_INVALID_ARGUMENT);
  CHECK(dbf_sync_enroll(s, "127.0.0.1", 1, "no code", "phone", &err) == DBF_INVALID_ARGUMENT);
  dbf_sync_listener bad_delivery{nullptr, nullptr, nullptr, 7};
  CHECK(dbf_sync_start(s, &bad_delivery, &err) == DBF_INVALID_ARGUMENT);
  CHECK(out.s == nullptr);
  CHECK(dbf_record_get(s, "event", "0123456789abcdef0123456789abcdef", &out.s, nullptr) == DBF_NOT_FOUND);  // err may be NULL
}

TEST_CASE("enrol, sync with a real server, and hear about it through pumped callbacks", "[capi][sync]") {
  TempDir dir;
  ServerProcess server(dir.path() / "server");
  auto [code, person] = server.code_for("participant");
  OpenStore phone(sub(dir, "phone"));
  dbf_error err;
  ok(dbf_sync_enroll(phone.store, "127.0.0.1", server.port(), code.c_str(), "test phone", &err), err);
  Owned first;
  ok(dbf_sync_once(phone.store, &first.s, &err), err);
  CHECK(first.json()["pulled"].get<int>() > 0);  // the organisation arrived
  Owned status;
  ok(dbf_store_status(phone.store, &status.s, &err), err);
  CHECK(status.json()["me"] == person);
  CHECK(status.json()["last_sync"].is_string());

  Seen seen;
  dbf_sync_listener listener{on_state, on_changed, &seen, DBF_DELIVER_BY_PUMP};
  ok(dbf_sync_start(phone.store, &listener, &err), err);
  REQUIRE(pump_until(phone.store, [&] { return seen.idle > 0; }));
  CHECK(seen.thread == std::this_thread::get_id());  // delivered here, by dbf_pump
  Owned events;
  ok(dbf_record_list(phone.store, "event", R"({"limit": 1})", &events.s, &err), err);
  std::string reflection = create(phone.store, "reflection", {{"event", events.json().at(0)["id"]},
                                                              {"text", "Pushed through the C API"}, {"shared", true}});
  ok(dbf_sync_now(phone.store, &err), err);
  int idle_before = seen.idle;
  REQUIRE(pump_until(phone.store, [&] { return seen.idle > idle_before; }));

  ok(dbf_store_background(phone.store, &err), err);  // sync stops; the log is written into the file
  int after_background = seen.idle;
  CHECK(dbf_pump(phone.store, 100) == 0);
  ok(dbf_store_foreground(phone.store, &err), err);  // sync resumes
  REQUIRE(pump_until(phone.store, [&] { return seen.idle > after_background; }));
  dbf_sync_stop(phone.store);
  Owned after;
  ok(dbf_store_status(phone.store, &after.s, &err), err);
  CHECK(after.json()["pending_changes"] == 0);  // the reflection reached the server
}

TEST_CASE("the device credential lives in the host's secure storage, and sync logs to the host's sink", "[capi][sync]") {
  TempDir dir;
  ServerProcess server(dir.path() / "server");
  auto [code, person] = server.code_for("participant");
  HostKeys keys;
  dbf_credentials host{&keys, keys_read, keys_write, keys_erase};
  std::string phone_dir = sub(dir, "phone");
  dbf_error err;
  {
    OpenStore phone(phone_dir);
    dbf_credentials missing = host;
    missing.erase = nullptr;
    CHECK(dbf_store_set_credentials(phone.store, &missing, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_store_set_credentials(phone.store, nullptr, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_store_set_credentials(nullptr, &host, &err) == DBF_INVALID_ARGUMENT);
    CHECK(dbf_store_set_log(nullptr, log_line, &keys, &err) == DBF_INVALID_ARGUMENT);
    ok(dbf_store_set_credentials(phone.store, &host, &err), err);
    ok(dbf_store_set_log(phone.store, log_line, &keys, &err), err);
    ok(dbf_sync_enroll(phone.store, "127.0.0.1", server.port(), code.c_str(), "test phone", &err), err);
    std::string secret;
    {
      std::lock_guard lock(keys.mu);
      REQUIRE(keys.secrets.size() == 1);
      CHECK(keys.secrets.begin()->first.rfind("debrief-device-", 0) == 0);
      secret = keys.secrets.begin()->second;
    }
    CHECK(!std::filesystem::exists(std::filesystem::path(phone_dir) / "credentials.json"));  // not the default file
    CHECK(file_text(std::filesystem::path(phone_dir) / "sync.json").find(secret) == std::string::npos);
    Owned pass;
    ok(dbf_sync_once(phone.store, &pass.s, &err), err);

    Seen seen;
    dbf_sync_listener listener{on_state, nullptr, &seen, DBF_DELIVER_BY_PUMP};
    ok(dbf_sync_start(phone.store, &listener, &err), err);  // the engine reads the secret on its own thread
    REQUIRE(pump_until(phone.store, [&] { return seen.idle > 0; }));
    dbf_sync_stop(phone.store);
    {
      std::lock_guard lock(keys.mu);
      CHECK(keys.reads >= 2);
      bool idle_logged = false;
      for (const Json& line : keys.log) idle_logged = idle_logged || (line["event"] == "sync_state" && line["state"] == "idle");
      CHECK(idle_logged);
      keys.broken = true;
    }
    Owned failed;
    CHECK(dbf_sync_once(phone.store, &failed.s, &err) == DBF_IO_ERROR);  // the storage failed: said, not crashed
    CHECK(err.domain == DBF_DOMAIN_SYNC);
    CHECK(std::string(err.message).find("secure storage") != std::string::npos);
    ok(dbf_store_set_log(phone.store, nullptr, nullptr, &err), err);  // the log can be turned off
  }
  OpenStore reopened(phone_dir);  // without the host's storage, the device has no credential
  CHECK(dbf_sync_once(reopened.store, nullptr, &err) == DBF_NOT_FOUND);
  CHECK(std::string(err.message).find("enrol it again") != std::string::npos);
}

TEST_CASE("a thousand open, write, close cycles", "[capi]") {
  TempDir dir;
  const std::string path = sub(dir, "store");
  for (int i = 0; i < 1000; ++i) {
    dbf_store* store = nullptr;
    dbf_error err;
    ok(dbf_store_open(path.c_str(), &store, &err), err);
    Owned id;
    ok(dbf_record_create(store, "team", Json{{"name", "Team " + std::to_string(i)}}.dump().c_str(), &id.s, &err), err);
    dbf_store_close(store);
  }
  OpenStore s(path);
  dbf_error err;
  Owned status;
  ok(dbf_store_status(s.store, &status.s, &err), err);
  CHECK(status.json()["counts"]["teams"] == 1000);
}
